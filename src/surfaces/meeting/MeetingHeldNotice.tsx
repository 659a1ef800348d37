import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import { useTranslation } from '../../ui/i18n/useTranslation';
import { isMeetingHeld } from '../../domain/agenda/runningMeeting';
import { formatDayMonthYear } from '../../domain/time/danishTime';
import { useMeetingSession } from './MeetingContext';
import { useNow } from './useNow';

/**
 * Said plainly at the top when the plan's last meeting is afholdt and no next one is booked: who convenes it and by
 * when. Nothing is locked by it — the referent can still read and correct the referat below.
 */
export const MeetingHeldNotice = () => {
  const { t } = useTranslation('meeting');
  const { plan, meeting, lang } = useMeetingSession();
  // A minute is fine-grained enough: the notice appears two hours after the end.
  const now = useNow(60000);
  if (!isMeetingHeld(meeting, now)) return null;
  const { nextTovholderId, nextMeetingBy } = meeting.minutes;
  const name = plan.participants.find((p) => p.id === nextTovholderId)?.name ?? null;
  const text =
    name === null
      ? t('agenda.nextNotBookedNoTovholder')
      : nextMeetingBy
        ? t('agenda.nextNotBooked', { name, date: formatDayMonthYear(nextMeetingBy, lang) })
        : t('agenda.nextNotBookedNoDate', { name });
  return (
    <MessageBar intent="info" layout="multiline">
      <MessageBarBody>{text}</MessageBarBody>
    </MessageBar>
  );
};
