import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import { accessSummary } from '../../domain/access/accessDue';
import type { StoredPlan } from '../../domain/ports/planStore';
import { useAccessSync } from '../../ui/hooks/useAccessSync';
import { useTranslation } from '../../ui/i18n/useTranslation';

/**
 * Keeps who can open the plan in step with the meeting as it goes (a role handed on, the consent recorded, the
 * minutes sent naming the next tovholder), for the one holding the plan; says so only when someone could not be
 * given access, by name.
 */
export const AccessKeeper = ({ stored, onSynced }: { stored: StoredPlan; onSynced(stored: StoredPlan): void }) => {
  const { t } = useTranslation('meeting');
  const { state } = useAccessSync(stored, onSynced);
  if (state.status !== 'done' || state.result.outcome !== 'partly') return null;
  const names = accessSummary(state.result.stored.plan).notYet.map(
    (id) => stored.plan.participants.find((x) => x.id === id)?.name ?? id,
  );
  if (names.length === 0) return null;
  return (
    <MessageBar intent="warning" layout="multiline" style={{ margin: 8 }}>
      <MessageBarBody>{t('accessNotYet', { names: names.join(', ') })}</MessageBarBody>
    </MessageBar>
  );
};
