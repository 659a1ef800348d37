/**
 * "Din plan": what the letter to the citizen says, decided from the plan — in the order the citizen reads it: their
 * own tasks first, then what each of the others will do and by when, what the plan aims at, the next meeting and who
 * convenes it, and whom to contact. Plain values (dates as days); the view words and lays them out.
 */
import type { Effort, Meeting, Participant, Plan } from '../plan/planDocument';
import { meetingDate } from '../minutes/defaultNextMeeting';
import { citizenOf } from './citizenCopy';

export interface LetterTask {
  what: string;
  /** YYYY-MM-DD, or null when no date was set. */
  due: string | null;
  done: boolean;
}

export interface LetterPerson {
  name: string;
  organisation: string;
  email: string | null;
}

export interface CitizenLetter {
  citizenName: string;
  caseReference: string;
  /** The day of the meeting the plan is from (YYYY-MM-DD). */
  meetingDay: string;
  yourTasks: LetterTask[];
  /** Everyone else with tasks, in the order of their first date. */
  others: (LetterPerson & { tasks: LetterTask[] })[];
  /** The shared goals, most important first. */
  goals: string[];
  next: {
    /** The booked next meeting's start (ISO), if one is booked. */
    start: string | null;
    /** Otherwise the day it must be held by (YYYY-MM-DD), if the referat gives one. */
    by: string | null;
    /** Who convenes it: the next tovholder. */
    convener: LetterPerson | null;
  };
  /** Whom to contact between meetings: the next tovholder, else the meeting's koordinator. */
  contact: LetterPerson | null;
}

const byDue = (a: LetterTask, b: LetterTask): number => (a.due ?? '9999-12-31').localeCompare(b.due ?? '9999-12-31');

const taskOf = (e: Effort): LetterTask => ({ what: e.what, due: e.due, done: e.status === 'udfoert' });

const personOf = (p: Participant | undefined): LetterPerson | null =>
  p ? { name: p.name, organisation: p.organisation.trim(), email: p.email?.trim() || null } : null;

/** The letter for the plan from `meeting` (its minutes as sent, if they were); `now` decides which meeting is next. */
export const citizenLetter = (plan: Plan, meeting: Meeting, now: Date): CitizenLetter => {
  const minutes = meeting.delivery?.sentMinutes ?? meeting.minutes;
  const citizen = citizenOf(plan);
  const byId = new Map(plan.participants.map((p) => [p.id, p]));
  const efforts = minutes.efforts.filter((e) => e.what.trim() !== '');
  const others = new Map<string, LetterTask[]>();
  for (const effort of efforts) {
    if (effort.ownerId === null || effort.ownerId === citizen?.id) continue;
    others.set(effort.ownerId, [...(others.get(effort.ownerId) ?? []), taskOf(effort)]);
  }
  const later = plan.meetings.find((m) => m !== meeting && Date.parse(m.start) > Date.parse(meeting.start));
  const upcoming = later && Date.parse(later.start) > now.getTime() ? later : null;
  const nextTovholder = byId.get(minutes.nextTovholderId ?? '');
  return {
    citizenName: plan.citizenName.trim() || citizen?.name || '',
    caseReference: plan.caseReference,
    meetingDay: meetingDate(meeting),
    yourTasks: efforts
      .filter((e) => citizen !== null && e.ownerId === citizen.id)
      .map(taskOf)
      .sort(byDue),
    others: [...others]
      .flatMap(([ownerId, tasks]) => {
        const person = personOf(byId.get(ownerId));
        return person ? [{ ...person, tasks: tasks.sort(byDue) }] : [];
      })
      .sort((a, b) => byDue(a.tasks[0] as LetterTask, b.tasks[0] as LetterTask)),
    goals: minutes.goals.map((g) => g.text).filter((text) => text.trim() !== ''),
    next: {
      start: upcoming?.start ?? null,
      by: upcoming ? null : minutes.nextMeetingBy,
      convener: personOf(byId.get(upcoming?.roles.koordinator ?? minutes.nextTovholderId ?? '')),
    },
    contact: personOf(nextTovholder) ?? personOf(byId.get(meeting.roles.koordinator ?? '')),
  };
};
