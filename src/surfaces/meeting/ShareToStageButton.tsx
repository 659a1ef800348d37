import { Button, MessageBar, MessageBarBody } from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from '../../ui/i18n/useTranslation';
import { isMeetingHeld } from '../../domain/agenda/runningMeeting';
import { stageSharingFor } from '../../domain/meeting/stageSharing';
import type { ShareResult } from '../../domain/ports/meetingHost';
import { clearUrl } from '../../domain/privacy/privacyGuard';
import { copenhagenDate } from '../../domain/time/danishTime';
import { useServices } from '../../ui/services/ServicesContext';
import { useMeetingSession } from './MeetingContext';
import { stageUrl } from './stageUrl';
import { useNow } from './useNow';

type Shown = { kind: ShareResult } | { kind: 'blocked'; reason: string } | null;

/**
 * "Vis for alle": share the stage view with everyone in the meeting (through the privacy guard: the link carries
 * only the plan id). Says plainly what to do when the user is not a presenter or the client cannot share. Not
 * offered for a meeting that is afholdt: there is nobody left to show it to.
 */
export const ShareToStageButton = () => {
  const { t } = useTranslation('meeting');
  const { host, location, policy, clock } = useServices();
  const { plan, meeting, lang } = useMeetingSession();
  const [busy, setBusy] = useState(false);
  const [shown, setShown] = useState<Shown>(null);
  const now = useNow(60000);

  const share = async () => {
    setBusy(true);
    setShown(null);
    try {
      const verdict = clearUrl(stageUrl(location.appBaseUrl, plan.id), {
        plan,
        policy,
        today: copenhagenDate(clock.now()),
      });
      if (verdict.verdict === 'blocked') {
        setShown({ kind: 'blocked', reason: verdict.reasons.map((r) => r.message[lang]).join(' ') });
        return;
      }
      setShown({ kind: await host.shareToStage(verdict.cleared, stageSharingFor(plan.participants)) });
    } finally {
      setBusy(false);
    }
  };

  if (isMeetingHeld(meeting, now)) return null;
  return (
    <>
      <Button onClick={() => void share()} disabled={busy}>
        {t('share.button')}
      </Button>
      {shown && (
        <MessageBar intent={shown.kind === 'shared' ? 'success' : 'warning'} layout="multiline" role="status">
          <MessageBarBody>
            {shown.kind === 'blocked' ? t('share.blocked', { reason: shown.reason }) : t(`share.${shown.kind}`)}
          </MessageBarBody>
        </MessageBar>
      )}
    </>
  );
};
