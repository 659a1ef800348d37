import {
  Button,
  Checkbox,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { GrowingTextarea } from '../../../ui/fields/GrowingTextarea';
import { memo } from 'react';
import { useTranslation } from '../../../ui/i18n/useTranslation';
import { sameOrganisation } from '../../../domain/consent/consentStatus';
import type { ConsentRecipient, Participant } from '../../../domain/plan/planDocument';
import type { Problem } from '../../../domain/problems';
import { formatDate } from '../../../domain/time/danishTime';
import { useLang } from '../useLang';
import type { ConsentDraft } from './formDraft';
import { fieldValidation } from './fieldValidation';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  fieldset: { border: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column' },
  dates: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(160px, 1fr))',
    gap: tokens.spacingHorizontalM,
    alignItems: 'start',
  },
  fieldMessage: { color: tokens.colorPaletteRedForeground1 },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

/** The organisations and named persons the consent can cover, from the invited participants. */
const recipientChoices = (
  participants: readonly Participant[],
): { key: string; recipient: ConsentRecipient; label: string }[] => {
  const organisations: string[] = [];
  for (const p of participants) {
    if (p.sector === 'borger' || p.sector === 'paaroerende' || p.organisation.trim() === '') continue;
    if (!organisations.some((o) => sameOrganisation(o, p.organisation))) organisations.push(p.organisation.trim());
  }
  // Relatives must be named as persons; so must anyone without an organisation.
  const persons = participants.filter(
    (p) => p.sector === 'paaroerende' || (p.sector !== 'borger' && p.organisation.trim() === ''),
  );
  return [
    ...organisations.map((organisation) => ({
      key: `o:${organisation}`,
      recipient: { kind: 'organisation' as const, organisation },
      label: organisation,
    })),
    ...persons.map((p) => ({
      key: `p:${p.id}`,
      recipient: { kind: 'participant' as const, participantId: p.id },
      label: p.name,
    })),
  ];
};

const sameRecipient = (a: ConsentRecipient, b: ConsentRecipient): boolean =>
  a.kind === 'organisation' && b.kind === 'organisation'
    ? sameOrganisation(a.organisation, b.organisation)
    : a.kind === 'participant' && b.kind === 'participant' && a.participantId === b.participantId;

export interface ConsentSectionProps {
  consent: ConsentDraft | null;
  carried: boolean;
  /** Why the plan's earlier consent was not carried over (expired, withdrawn), or null. */
  notCarriedReason: string | null;
  participants: readonly Participant[];
  problems: readonly Problem[];
  today: string;
  onChange(consent: ConsentDraft | null, carried: boolean): void;
}

/**
 * Samtykke: record or confirm the citizen's consent. Optional for booking; without it the plan says
 * "Samtykke mangler" and no minutes can be sent.
 */
export const ConsentSection = memo(function ConsentSection({
  consent,
  carried,
  notCarriedReason,
  participants,
  problems,
  today,
  onChange,
}: ConsentSectionProps) {
  const { t } = useTranslation('booking');
  const lang = useLang();
  const styles = useStyles();
  const v = (field: string) => fieldValidation(problems, field, lang);

  if (consent === null) {
    return (
      <section aria-labelledby="booking-consent-heading" className={styles.section}>
        <h2 id="booking-consent-heading">{t('consent.heading')}</h2>
        {notCarriedReason && (
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>{t('consent.notCarried', { reason: notCarriedReason })}</MessageBarBody>
          </MessageBar>
        )}
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{t('consent.missing')}</MessageBarBody>
        </MessageBar>
        <div className={styles.actions}>
          <Button
            onClick={() =>
              onChange(
                {
                  information: '',
                  recipients: [],
                  purpose: '',
                  form: 'skriftligt',
                  givenOn: today,
                  validUntil: '',
                },
                false,
              )
            }
          >
            {t('consent.record')}
          </Button>
        </div>
      </section>
    );
  }

  const form = consent.form === 'skriftligt' ? t('consent.written') : t('consent.oral');
  if (carried) {
    const validDate = (d: string) => (/^\d{4}-\d{2}-\d{2}$/.test(d) ? formatDate(d, lang) : d);
    return (
      <section aria-labelledby="booking-consent-heading" className={styles.section}>
        <h2 id="booking-consent-heading">{t('consent.heading')}</h2>
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>
            {consent.validUntil
              ? t('consent.carried', {
                  givenOn: validDate(consent.givenOn),
                  form: form.toLocaleLowerCase(lang),
                  validUntil: validDate(consent.validUntil),
                })
              : t('consent.carriedNoEnd', { givenOn: validDate(consent.givenOn), form: form.toLocaleLowerCase(lang) })}
          </MessageBarBody>
        </MessageBar>
        <div className={styles.actions}>
          <Button onClick={() => onChange(consent, false)}>{t('consent.edit')}</Button>
        </div>
      </section>
    );
  }

  const set = (patch: Partial<ConsentDraft>) => onChange({ ...consent, ...patch }, false);
  // An organisation ticked earlier and no longer among the participants' (its person removed, say) stays in view,
  // so it can be unticked: hidden, it would still be in the consent.
  const offered = recipientChoices(participants);
  const choices = [
    ...offered,
    ...consent.recipients.flatMap((r) =>
      r.kind === 'organisation' && !offered.some((c) => sameRecipient(c.recipient, r))
        ? [{ key: `o:${r.organisation}`, recipient: r, label: r.organisation }]
        : [],
    ),
  ];
  return (
    <section aria-labelledby="booking-consent-heading" className={styles.section}>
      <h2 id="booking-consent-heading">{t('consent.heading')}</h2>
      <Field label={t('consent.information')} hint={t('consent.informationHint')} {...v('consent.information')}>
        <GrowingTextarea value={consent.information} onChange={(_, d) => set({ information: d.value })} />
      </Field>
      <fieldset className={styles.fieldset} aria-describedby="booking-consent-recipients-hint">
        <legend>{t('consent.recipients')}</legend>
        <span id="booking-consent-recipients-hint">
          {choices.length === 0 ? t('consent.recipientsNone') : t('consent.recipientsHint')}
        </span>
        {choices.map((choice) => {
          const checked = consent.recipients.some((r) => sameRecipient(r, choice.recipient));
          return (
            <Checkbox
              key={choice.key}
              checked={checked}
              label={
                choice.recipient.kind === 'participant' ? t('consent.person', { name: choice.label }) : choice.label
              }
              onChange={(_, d) =>
                set({
                  recipients: d.checked
                    ? [...consent.recipients, choice.recipient]
                    : consent.recipients.filter((r) => !sameRecipient(r, choice.recipient)),
                })
              }
            />
          );
        })}
        {v('consent.recipients').validationMessage && (
          <span className={styles.fieldMessage}>{v('consent.recipients').validationMessage}</span>
        )}
      </fieldset>
      <Field label={t('consent.purpose')} hint={t('consent.purposeHint')} {...v('consent.purpose')}>
        <GrowingTextarea value={consent.purpose} onChange={(_, d) => set({ purpose: d.value })} />
      </Field>
      <Field label={t('consent.form')}>
        <RadioGroup
          layout="horizontal"
          value={consent.form}
          onChange={(_, d) => set({ form: d.value === 'mundtligt' ? 'mundtligt' : 'skriftligt' })}
        >
          <Radio value="skriftligt" label={t('consent.written')} />
          <Radio value="mundtligt" label={t('consent.oral')} />
        </RadioGroup>
      </Field>
      <div className={styles.dates}>
        <Field label={t('consent.givenOn')} required {...v('consent.givenOn')}>
          <Input type="date" value={consent.givenOn} onChange={(_, d) => set({ givenOn: d.value })} />
        </Field>
        <Field label={t('consent.validUntil')} hint={t('consent.validUntilHint')} {...v('consent.validUntil')}>
          <Input type="date" value={consent.validUntil} onChange={(_, d) => set({ validUntil: d.value })} />
        </Field>
      </div>
      <div className={styles.actions}>
        <Button appearance="subtle" onClick={() => onChange(null, false)}>
          {t('consent.remove')}
        </Button>
      </div>
    </section>
  );
});
