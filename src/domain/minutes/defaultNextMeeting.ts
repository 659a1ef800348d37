/**
 * Næste møde: the handbook's teams met every 3 months; Region Hovedstaden says at the latest 6 months later.
 */
import type { Meeting } from '../plan/planDocument';
import { addDays, addMonths, copenhagenDate } from '../time/danishTime';

export const DEFAULT_MONTHS_TO_NEXT_MEETING = 3;
export const MAX_MONTHS_TO_NEXT_MEETING = 6;

/** The Copenhagen day the meeting is held. */
export const meetingDate = (meeting: Pick<Meeting, 'start'>): string => copenhagenDate(new Date(meeting.start));

/** A deadline that falls on a Saturday or Sunday moves back to the Friday before: nobody meets on a weekend. */
export const onAWeekday = (date: string): string => {
  const weekday = new Date(`${date}T12:00:00Z`).getUTCDay();
  return weekday === 6 ? addDays(date, -1) : weekday === 0 ? addDays(date, -2) : date;
};

/** The default date by which the next meeting must be held: three months after this one, on a weekday. */
export const defaultNextMeetingBy = (meeting: Pick<Meeting, 'start'>): string =>
  onAWeekday(addMonths(meetingDate(meeting), DEFAULT_MONTHS_TO_NEXT_MEETING));

/** The latest recommended date for the next meeting: six months after this one. */
export const latestNextMeetingBy = (meeting: Pick<Meeting, 'start'>): string =>
  addMonths(meetingDate(meeting), MAX_MONTHS_TO_NEXT_MEETING);
