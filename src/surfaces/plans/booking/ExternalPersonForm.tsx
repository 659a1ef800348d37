import { Button, Field, Input, Select, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from '../../../ui/i18n/useTranslation';
import { SectorSchema, type Participant, type Sector } from '../../../domain/plan/planDocument';
import { emptyExternalEntry, type ExternalEntry } from './formDraft';
import { isValidEmail } from '../../../domain/booking/bookingProblems';
import { sameEmail } from '../../../domain/roles/roles';

const useStyles = makeStyles({
  form: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(200px, 1fr))',
    gap: tokens.spacingHorizontalM,
    alignItems: 'start',
  },
  add: { marginTop: tokens.spacingVerticalM },
  fieldset: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalM,
  },
});

export interface ExternalPerson {
  name: string;
  email: string | null;
  organisation: string;
  sector: Sector;
}

interface FormErrors {
  name?: string;
  email?: string;
}

export interface ExternalPersonFormProps {
  participants: readonly Participant[];
  entry: ExternalEntry;
  onEntryChange(entry: ExternalEntry): void;
  onAdd(person: ExternalPerson): void;
}

/**
 * Tilføj en person uden for adressebogen: the GP, the citizen, a relative. The e-mail may be left out only for
 * the citizen and relatives (who may not want the invitation). What was typed stays when a check fails.
 */
export const ExternalPersonForm = ({ participants, entry, onEntryChange, onAdd }: ExternalPersonFormProps) => {
  const { t } = useTranslation(['booking', 'common']);
  const styles = useStyles();
  const { name, email, organisation, sector } = entry;
  const set = (patch: Partial<ExternalEntry>) => onEntryChange({ ...entry, ...patch });
  const [errors, setErrors] = useState<FormErrors>({});

  const submit = () => {
    const found: FormErrors = {};
    const address = email.trim();
    const mayOmitEmail = sector === 'borger' || sector === 'paaroerende';
    if (name.trim() === '') found.name = t('booking:participants.errors.nameMissing');
    if (address === '' && !mayOmitEmail) found.email = t('booking:participants.errors.emailMissing');
    else if (address !== '' && !isValidEmail(address))
      found.email = t('booking:participants.errors.emailInvalid', { email: address });
    else if (address !== '') {
      const twin = participants.find((p) => sameEmail(p.email, address));
      if (twin) found.email = t('booking:participants.errors.duplicate', { name: twin.name });
    }
    setErrors(found);
    if (found.name || found.email) return;
    onAdd({ name: name.trim(), email: address === '' ? null : address, organisation: organisation.trim(), sector });
    onEntryChange({ ...emptyExternalEntry, sector });
  };

  return (
    <fieldset className={styles.fieldset}>
      <legend>{t('booking:participants.externalHeading')}</legend>
      <p>{t('booking:participants.externalIntro')}</p>
      <div className={styles.form}>
        <Field
          label={t('booking:participants.name')}
          validationMessage={errors.name}
          validationState={errors.name ? 'error' : 'none'}
        >
          <Input value={name} autoComplete="off" onChange={(_, d) => set({ name: d.value })} />
        </Field>
        <Field
          label={t('booking:participants.email')}
          hint={
            sector === 'borger' || sector === 'paaroerende' ? t('booking:participants.emailHintOptional') : undefined
          }
          validationMessage={errors.email}
          validationState={errors.email ? 'error' : 'none'}
        >
          <Input type="email" value={email} autoComplete="off" onChange={(_, d) => set({ email: d.value })} />
        </Field>
        <Field label={t('booking:participants.organisation')}>
          <Input value={organisation} autoComplete="off" onChange={(_, d) => set({ organisation: d.value })} />
        </Field>
        <Field label={t('booking:participants.sector')}>
          <Select value={sector} onChange={(_, d) => set({ sector: SectorSchema.parse(d.value) })}>
            {SectorSchema.options.map((s) => (
              <option key={s} value={s}>
                {t(`common:sectors.${s}`)}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <Button appearance="secondary" onClick={submit} className={styles.add}>
        {t('booking:participants.addExternal')}
      </Button>
    </fieldset>
  );
};
