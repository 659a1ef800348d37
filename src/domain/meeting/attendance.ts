/**
 * Fremmøde and answers to the invitation: til stede, fraværende, or afbud with written input that the koordinator
 * presents in the round. Answers come from the calendar event (by e-mail address).
 */
import type { AttendeeResponse } from '../ports/calendar';
import type { Attendance, Meeting, Plan } from '../plan/planDocument';
import { sameEmail } from '../roles/roles';

export const setAttendance = (meeting: Meeting, participantId: string, attendance: Attendance): Meeting => ({
  ...meeting,
  invitees: meeting.invitees.map((i) => (i.participantId === participantId ? { ...i, attendance } : i)),
});

/** Afbud with written input; keeps what was written if the input is edited again. */
export const setWrittenInput = (meeting: Meeting, participantId: string, writtenInput: string): Meeting =>
  setAttendance(meeting, participantId, { kind: 'apologies', writtenInput });

/**
 * Copy the answers from the calendar event onto the invitees; people the event does not know keep theirs.
 * Declining the invitation is sending afbud: someone whose fremmøde is not yet marked becomes afbud (with room for
 * their written input), and accepting after all takes that afbud back while nothing is written in it. Fremmøde
 * someone already marked is theirs to keep.
 */
export const applyResponses = (plan: Plan, meeting: Meeting, responses: readonly AttendeeResponse[]): Meeting => ({
  ...meeting,
  invitees: meeting.invitees.map((i) => {
    const email = plan.participants.find((p) => p.id === i.participantId)?.email;
    const answer = responses.find((r) => sameEmail(r.email, email));
    if (!answer) return i;
    const sentAfbud = answer.response === 'declined' && i.attendance.kind === 'unknown';
    // Someone who declined and then accepted after all: the afbud the decline made (nothing written yet) goes again.
    const tookItBack =
      i.response === 'declined' &&
      answer.response !== 'declined' &&
      i.attendance.kind === 'apologies' &&
      i.attendance.writtenInput.trim() === '';
    return {
      ...i,
      response: answer.response,
      attendance: sentAfbud
        ? { kind: 'apologies' as const, writtenInput: '' }
        : tookItBack
          ? { kind: 'unknown' as const }
          : i.attendance,
    };
  }),
});

/** Who sent afbud, with their written input (empty when none came). */
export const apologies = (meeting: Meeting): { participantId: string; writtenInput: string }[] =>
  meeting.invitees.flatMap((i) =>
    i.attendance.kind === 'apologies'
      ? [{ participantId: i.participantId, writtenInput: i.attendance.writtenInput }]
      : [],
  );
