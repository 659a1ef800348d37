/**
 * Næste møde: the handbook's teams met every 3 months; Region Hovedstaden says at the latest 6 months later.
 */
import type { Meeting } from '../plan/planDocument';
import { addMonths, copenhagenDate } from '../time/danishTime';

export const DEFAULT_MONTHS_TO_NEXT_MEETING = 3;
export const MAX_MONTHS_TO_NEXT_MEETING = 6;

/** The Copenhagen day the meeting is held. */
export const meetingDate = (meeting: Pick<Meeting, 'start'>): string => copenhagenDate(new Date(meeting.start));

/** The default date by which the next meeting must be held: three months after this one. */
export const defaultNextMeetingBy = (meeting: Pick<Meeting, 'start'>): string =>
  addMonths(meetingDate(meeting), DEFAULT_MONTHS_TO_NEXT_MEETING);

/** The latest recommended date for the next meeting: six months after this one. */
export const latestNextMeetingBy = (meeting: Pick<Meeting, 'start'>): string =>
  addMonths(meetingDate(meeting), MAX_MONTHS_TO_NEXT_MEETING);
