import { MessageBar, MessageBarBody, Spinner } from '@fluentui/react-components';
import { lazy } from 'react';
import { useTranslation } from '../../ui/i18n/useTranslation';
import type { RenderMinutes } from '../../domain/delivery/deliverMinutes';
import { MeetingSessionProvider } from './MeetingContext';
import { SidePanel } from './SidePanel';
import { useMeetingPlan, type MeetingPlanTiming } from './useMeetingPlan';
import { OnDemand } from '../../ui/lazy/OnDemand';
import { useServices } from '../../ui/services/ServicesContext';
import { AccessKeeper } from './AccessKeeper';

export interface MeetingAppProps {
  /** The plan the meeting belongs to (from the tab's context in Teams, from `?planId=` locally). */
  planId: string | null;
  /** Save delay and polling, shortened in tests. */
  timing?: MeetingPlanTiming;
  /** Builds the minutes card and e-mail for sending and preview; default: src/cards' builders (loaded on demand). */
  renderMinutes?: RenderMinutes;
  /** The tovholder to ask for access, from the link, for someone the plan is not shared with. */
  ask?: string | null;
}

// One page serves three frames, and the side panel (the one opened during the call, at 320 px) is the one whose
// first load counts: the details tab and the stage come on demand, so the panel never downloads them.
const DetailsTab = lazy(() => import('./DetailsTab').then((m) => ({ default: m.DetailsTab })));
const StageView = lazy(() => import('./StageView').then((m) => ({ default: m.StageView })));

const Notice = ({ text, intent = 'info' }: { text: string; intent?: 'info' | 'error' }) => (
  <div style={{ padding: 16 }}>
    <MessageBar intent={intent} layout="multiline">
      <MessageBarBody>{text}</MessageBarBody>
    </MessageBar>
  </div>
);

/**
 * The meeting surface, one component for three frames: the details tab before the meeting ('content'), the side
 * panel during it ('sidePanel') and the shared stage ('meetingStage'). The host says which.
 */
export const MeetingApp = ({ planId, timing, renderMinutes, ask = null }: MeetingAppProps) => {
  const { t } = useTranslation('meeting');
  const { host } = useServices();
  const frame = host.frame();
  const session = useMeetingPlan(planId, timing, frame);
  if (!planId) return <Notice text={t('noPlanId')} />;
  switch (session.status) {
    case 'loading':
      return <Spinner style={{ padding: 24 }} label={t('loading')} />;
    case 'notFound':
      return <Notice text={ask ? t('notFoundAsk', { name: ask }) : t('notFound')} />;
    case 'error':
      return <Notice intent="error" text={t('loadFailed', { detail: session.failure.message })} />;
  }
  if (session.plan.meetings.length === 0) return <Notice text={t('noMeeting')} />;
  const editing = {
    saveState: session.saveState,
    stored: session.stored,
    restored: session.restored,
    open: session.open,
    resolve: session.resolve,
    saveNow: session.saveNow,
    reload: session.reload,
  };
  return (
    <MeetingSessionProvider plan={session.plan} edit={session.edit}>
      {frame !== 'meetingStage' && <AccessKeeper stored={session.stored} onSynced={() => void session.reload()} />}
      {frame === 'sidePanel' ? (
        <SidePanel editing={editing} render={renderMinutes} />
      ) : (
        <OnDemand label={t('loading')} style={{ padding: 24 }}>
          {frame === 'meetingStage' ? <StageView /> : <DetailsTab editing={editing} />}
        </OnDemand>
      )}
    </MeetingSessionProvider>
  );
};
