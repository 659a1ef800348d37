import {
  Button,
  Field,
  Input,
  Link,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Select,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useTranslation } from '../../ui/i18n/useTranslation';
import * as z from 'zod/mini';
import { caseReferenceProblems } from '../../domain/booking/bookingProblems';
import { meetingSubject } from '../../domain/booking/eventContent';
import type { AppointmentItem } from '../../domain/ports/appointmentItem';
import { usePlans } from '../../ui/hooks/usePlans';
import { useSessionDraft } from '../../ui/hooks/useSessionDraft';
import { PrivacyFieldWarning } from '../../ui/privacy/PrivacyFieldWarning';
import { usePrivacyWarning } from '../../ui/privacy/usePrivacyWarning';
import { useServices } from '../../ui/services/ServicesContext';
import { useWriteToAppointment, type PlanChoice } from './useWriteToAppointment';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM} ${tokens.spacingVerticalL}`,
    maxWidth: '420px',
  },
  title: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  preview: {
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
    paddingTop: tokens.spacingVerticalS,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
  },
  previewTitle: { fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

const ComposeDraftSchema = z.object({
  mode: z.enum(['existing', 'new']),
  planId: z.string(),
  caseReference: z.string(),
  citizenName: z.string(),
});
type ComposeDraft = z.infer<typeof ComposeDraftSchema>;

const emptyDraft: ComposeDraft = { mode: 'existing', planId: '', caseReference: '', citizenName: '' };

/**
 * The Outlook task pane (about 350 px): turns the appointment being written into an indsatsplansmøde. What the user
 * picks or types is kept in session storage, so closing and reopening the pane loses nothing.
 */
export const ComposeApp = () => {
  const { appointment } = useServices();
  const { t } = useTranslation('compose');
  const styles = useStyles();
  if (!appointment)
    return (
      <main className={styles.root}>
        <h1 className={styles.title}>{t('title')}</h1>
        <MessageBar intent="warning">
          <MessageBarBody>{t('noAppointment')}</MessageBarBody>
        </MessageBar>
      </main>
    );
  return <ComposePane appointment={appointment} />;
};

const ComposePane = ({ appointment }: { appointment: AppointmentItem }) => {
  const { t, i18n } = useTranslation('compose');
  const lang = i18n.language === 'en' ? 'en' : 'da';
  const styles = useStyles();
  const { me, policy } = useServices();
  const plans = usePlans();
  const [draft, setDraft] = useSessionDraft<ComposeDraft>('compose', emptyDraft, ComposeDraftSchema);
  const { state, write, reset } = useWriteToAppointment(appointment);

  const chosen = plans.status === 'ready' ? (plans.plans.find((p) => p.plan.id === draft.planId) ?? null) : null;
  const caseReference = draft.mode === 'existing' ? (chosen?.plan.caseReference ?? '') : draft.caseReference.trim();
  const referenceProblems =
    draft.mode === 'new' && draft.caseReference !== '' ? caseReferenceProblems(draft.caseReference) : [];
  const privacy = usePrivacyWarning({
    text: draft.caseReference,
    kind: 'caseReference',
    source: { citizenName: draft.citizenName, participants: [] },
    policy,
  });
  const invited =
    chosen?.plan.participants.filter((p) => p.email && p.email.toLowerCase() !== me.email.toLowerCase()) ?? [];

  const choice: PlanChoice | null =
    draft.mode === 'existing'
      ? chosen && { kind: 'existing', stored: chosen }
      : caseReferenceProblems(draft.caseReference).length === 0 && privacy.problems.length === 0
        ? {
            kind: 'new',
            caseReference: draft.caseReference,
            citizenName: draft.citizenName,
            taken: plans.status === 'ready' ? plans.plans.map((p) => p.plan.caseReference) : [],
          }
        : null;

  const onWrite = async () => {
    if (!choice) return;
    await write(choice);
    if (draft.mode === 'existing') void plans.reload(); // the plan's eTag changed
  };

  if (state.status === 'done')
    return (
      <main className={styles.root}>
        <h1 className={styles.title}>{t('title')}</h1>
        <MessageBar intent="success" layout="multiline" role="status">
          <MessageBarBody>{t('done', { caseReference: state.caseReference })}</MessageBarBody>
        </MessageBar>
        {state.movedUpcoming && <Text>{t('updatedMeeting')}</Text>}
        {state.withoutEmail.map((name) => (
          <Text key={name}>{t('noEmail', { name })}</Text>
        ))}
        <Text>{t('teamsHint')}</Text>
        {state.planUrl && (
          <Link href={state.planUrl} target="_blank">
            {t('openPlan')}
          </Link>
        )}
        <Button onClick={reset}>{t('again')}</Button>
      </main>
    );

  return (
    <main className={styles.root}>
      <h1 className={styles.title}>{t('title')}</h1>
      <Text>{t('intro')}</Text>

      <Field label={t('which')}>
        <RadioGroup
          value={draft.mode}
          onChange={(_, data) => setDraft((d) => ({ ...d, mode: data.value === 'new' ? 'new' : 'existing' }))}
        >
          <Radio value="existing" label={t('existing')} />
          <Radio value="new" label={t('new')} />
        </RadioGroup>
      </Field>

      {draft.mode === 'existing' && (
        <>
          {plans.status === 'loading' && <Spinner size="tiny" label={t('plansLoading')} />}
          {plans.status === 'error' && (
            <MessageBar intent="error">
              <MessageBarBody>{t('plansFailed', { message: plans.failure.message })}</MessageBarBody>
            </MessageBar>
          )}
          {plans.status === 'ready' && plans.plans.length === 0 && <Text>{t('noPlans')}</Text>}
          {plans.status === 'ready' && plans.plans.length > 0 && (
            <Field label={t('plan')}>
              <Select value={draft.planId} onChange={(_, data) => setDraft((d) => ({ ...d, planId: data.value }))}>
                <option value="">{t('pickPlan')}</option>
                {plans.plans.map(({ plan }) => (
                  <option key={plan.id} value={plan.id}>
                    {plan.caseReference}
                  </option>
                ))}
              </Select>
            </Field>
          )}
          {plans.status === 'ready' && plans.unreadable.length > 0 && (
            <Text size={200}>{t('unreadable', { count: plans.unreadable.length })}</Text>
          )}
        </>
      )}

      {draft.mode === 'new' && (
        <>
          <Field
            label={t('caseReference')}
            hint={t('caseReferenceHint')}
            required
            validationState={referenceProblems.length > 0 ? 'error' : 'none'}
            validationMessage={referenceProblems[0]?.message[lang]}
          >
            <Input
              value={draft.caseReference}
              aria-describedby={privacy.warningId}
              onChange={(_, data) => setDraft((d) => ({ ...d, caseReference: data.value }))}
            />
          </Field>
          <PrivacyFieldWarning id={privacy.warningId} problems={privacy.problems} />
          <Field label={t('citizenName')} hint={t('citizenNameHint')}>
            <Input
              value={draft.citizenName}
              onChange={(_, data) => setDraft((d) => ({ ...d, citizenName: data.value }))}
            />
          </Field>
        </>
      )}

      {caseReference !== '' && privacy.problems.length === 0 && referenceProblems.length === 0 && (
        <section className={styles.preview} aria-labelledby="compose-preview">
          <h2 id="compose-preview" className={styles.previewTitle}>
            {t('preview')}
          </h2>
          <Text>
            <strong>{t('subject')}:</strong> {meetingSubject(caseReference, lang)}
          </Text>
          {draft.mode === 'existing' ? (
            <>
              <Text>
                <strong>{t('attendees')}:</strong> {t('attendeesCount', { count: invited.length })}
              </Text>
              <ul className={styles.list}>
                {invited.map((p) => (
                  <li key={p.id}>
                    <Text size={200}>
                      {p.name}
                      {p.organisation ? ` · ${p.organisation}` : ''}
                    </Text>
                  </li>
                ))}
              </ul>
            </>
          ) : (
            <Text size={200}>{t('newPlanAttendees')}</Text>
          )}
          <Text size={200}>{t('agenda')}</Text>
        </section>
      )}

      {state.status === 'failed' && (
        <MessageBar intent="error" layout="multiline" role="alert">
          <MessageBarBody>
            {state.message}
            {state.problems.length > 0 && (
              <ul className={styles.list}>
                {state.problems.map((p) => (
                  <li key={`${p.code}:${p.field ?? ''}`}>{p.message[lang]}</li>
                ))}
              </ul>
            )}
          </MessageBarBody>
        </MessageBar>
      )}

      <Button
        appearance="primary"
        disabledFocusable={state.status === 'writing' || choice === null}
        onClick={() => void onWrite()}
      >
        {state.status === 'writing' ? t('writing') : t('write')}
      </Button>
      {draft.mode === 'existing' && !chosen && plans.status === 'ready' && plans.plans.length > 0 && (
        <Text size={200}>{t('errors.choosePlan')}</Text>
      )}
    </main>
  );
};
