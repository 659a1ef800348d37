import { isCitizenOrRelative, type Meeting, type Participant, type Plan } from '../plan/planDocument';

/**
 * Who is invited through the calendar. A meeting invitation is seen by every attendee, their delegates and anyone it
 * is forwarded to, so it carries only the case reference: the citizen (borger) and the relatives (pårørende) are not
 * attendees of the calendar item, because their names would say who the case is about. The koordinator gives them
 * the time and place another way (a letter, a call, or the plan's print view).
 */
export const isCalendarInvitee = (person: Participant): boolean => !isCitizenOrRelative(person);

export interface CalendarInvitees {
  /** Invited through the calendar, with whether they are required. */
  invited: { person: Participant; required: boolean }[];
  /** Told another way: the citizen and relatives. */
  toldInPerson: Participant[];
  /** Professionals without an e-mail address, who cannot be invited through the calendar. */
  withoutEmail: Participant[];
}

export const calendarInvitees = (plan: Plan, meeting: Meeting): CalendarInvitees => {
  const byId = new Map(plan.participants.map((p) => [p.id, p]));
  const result: CalendarInvitees = { invited: [], toldInPerson: [], withoutEmail: [] };
  for (const invitee of meeting.invitees) {
    const person = byId.get(invitee.participantId);
    if (!person) continue;
    if (!isCalendarInvitee(person)) result.toldInPerson.push(person);
    else if (!person.email) result.withoutEmail.push(person);
    else result.invited.push({ person, required: invitee.required });
  }
  return result;
};
