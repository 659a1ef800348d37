import { Text } from '@fluentui/react-components';
import { previousPlanCopy } from '../../domain/plans/citizenCopy';
import { meetingDate } from '../../domain/minutes/defaultNextMeeting';
import { copenhagenDate, formatDayMonthYear } from '../../domain/time/danishTime';
import { useTranslation } from '../../ui/i18n/useTranslation';
import { useMeetingSession } from './MeetingContext';

/**
 * In the afdækning (and the details tab before it): whether the citizen received the plan from the last meeting by
 * Digital Post ("Din plan"), so the meeting starts from what the citizen knows. Nothing at a plan's first meeting.
 */
export const CitizenCopyNote = () => {
  const { t } = useTranslation('meeting');
  const { plan, meeting, lang } = useMeetingSession();
  const copy = previousPlanCopy(plan, meeting);
  if (!copy) return null;
  const date = formatDayMonthYear(meetingDate(copy.previous), lang);
  return (
    <Text size={200} weight={copy.sent ? 'regular' : 'semibold'}>
      {copy.sent
        ? t('previous.citizenCopySent', {
            date,
            sentAt: formatDayMonthYear(copenhagenDate(new Date(copy.sent.sentAt)), lang),
            by: copy.sent.sentBy.name,
          })
        : t('previous.citizenCopyMissing', { date })}
    </Text>
  );
};
