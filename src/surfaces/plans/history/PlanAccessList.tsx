import { Button, MessageBar, MessageBarBody, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowSyncRegular } from '@fluentui/react-icons';
import { wantedAccess } from '../../../domain/access/planAccess';
import type { PersonAccess } from '../../../domain/access/syncAccess';
import type { StoredPlan } from '../../../domain/ports/planStore';
import { copenhagenDate } from '../../../domain/time/danishTime';
import { useAccessSync } from '../../../ui/hooks/useAccessSync';
import { useTranslation } from '../../../ui/i18n/useTranslation';
import { useServices } from '../../../ui/services/ServicesContext';

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: '4px' },
  muted: { color: tokens.colorNeutralForeground2 },
  problem: { color: tokens.colorPaletteRedForeground1 },
  head: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
});

/**
 * "Hvem kan åbne planen": each participant's access as Microsoft 365 gives it, and why — the consent, the role, or
 * why not. An owner or manager keeps it in step (and may ask Microsoft 365 again); everyone else only reads it.
 */
export const PlanAccessList = ({ stored, onSynced }: { stored: StoredPlan; onSynced(stored: StoredPlan): void }) => {
  const { t } = useTranslation('plans');
  const styles = useStyles();
  const { clock } = useServices();
  const { state, mayManage, refresh } = useAccessSync(stored, onSynced);
  const plan = stored.plan;
  const people: PersonAccess[] =
    state.status === 'done'
      ? state.result.people
      : wantedAccess(plan, copenhagenDate(clock.now())).map((w) => {
          const entry = plan.access?.entries.find((e) => e.participantId === w.participantId);
          return {
            ...w,
            status: entry && entry.role === w.role ? entry.status : w.role === null && !entry ? 'applied' : 'pending',
            error: entry?.error ?? null,
          };
        });
  const nameOf = (id: string) => plan.participants.find((p) => p.id === id)?.name ?? t('access.unknown');
  const failed = state.status === 'done' && state.result.outcome === 'failed';
  return (
    <section aria-labelledby="access-heading">
      <div className={styles.head}>
        <h2 id="access-heading" style={{ margin: 0 }}>
          {t('access.heading')}
        </h2>
        {mayManage && (
          <Button
            appearance="subtle"
            icon={<ArrowSyncRegular />}
            // Never greyed out (a disabled button's text is below AA contrast): a press while a check runs is
            // ignored by the hook, and the spinner beside it says one is under way.
            onClick={() => void refresh()}
          >
            {t('access.refresh')}
          </Button>
        )}
        {state.status === 'running' && <Spinner size="tiny" label={t('access.running')} />}
      </div>
      <Text className={styles.muted}>{t('access.intro')}</Text>
      {failed && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{t('access.failed')}</MessageBarBody>
        </MessageBar>
      )}
      <ul className={styles.list}>
        {people.map((person) => (
          <li key={person.participantId}>
            <strong>{nameOf(person.participantId)}</strong>: {t(`access.roles.${person.role ?? 'none'}`)} —{' '}
            {t(`access.reasons.${person.reason}`)}
            {person.error === 'principalOwner' ? (
              <span className={styles.problem}> {t('access.principalOwner')}</span>
            ) : person.status === 'failed' ? (
              <span className={styles.problem}> {t('access.notYet', { reason: person.error ?? '' })}</span>
            ) : person.status === 'pending' && person.role !== null ? (
              <span className={styles.muted}> {mayManage ? t('access.pending') : t('access.pendingOther')}</span>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
};
