/**
 * Between meetings (the plans tab's home): my open efforts across plans, the plans where I must convene the next
 * meeting, consents running out, and a one-line overview per plan. Days are Copenhagen days (YYYY-MM-DD).
 * Whether a meeting is held or still to come is decided by instants, not days: a meeting booked for 15.00 today
 * is the next meeting at 9.00, and one that began at 10.00 today is held (as in the history) from 10.00 on.
 */
import { consentExpiresBefore, consentStatus, type ConsentState } from '../consent/consentStatus';
import { meetingDate } from '../minutes/defaultNextMeeting';
import type { Effort, EffortStatus, Goal, Meeting, Participant, Plan } from '../plan/planDocument';
import { participantByEmail } from '../roles/roles';
import { copenhagenDate } from '../time/danishTime';

/**
 * A meeting is held once it has begun (the history lists it from then on); before that it is booked. A meeting
 * under way is being held, not "the next meeting", so the plans tab may already offer to book the one after.
 */
const hasBegun = (meeting: Pick<Meeting, 'start'>, now: Date): boolean => Date.parse(meeting.start) <= now.getTime();

/** The last meeting that has begun by `now`: its referat names the next tovholder and the date to meet by. */
export const lastHeldMeeting = (plan: Plan, now: Date): Meeting | null =>
  plan.meetings.filter((m) => hasBegun(m, now)).at(-1) ?? null;

/** The next meeting booked that has not begun by `now` (later today counts), if any. */
export const upcomingMeeting = (plan: Plan, now: Date): Meeting | null =>
  plan.meetings.find((m) => !hasBegun(m, now)) ?? null;

/**
 * The meeting whose efforts are the plan in force: the last one on or before `today` whose referat has been
 * written (it has efforts or was sent), so a meeting booked for today does not hide the plan before its minutes
 * exist. A day suffices here, since a meeting still to come has no referat.
 */
export const currentPlanMeeting = (plan: Plan, today: string): Meeting | null =>
  plan.meetings
    .filter((m) => meetingDate(m) <= today)
    .filter((m) => m.minutes.efforts.length > 0 || m.delivery !== null)
    .at(-1) ?? null;

export interface MyEffort {
  planId: string;
  caseReference: string;
  meetingId: string;
  effort: Effort;
  goal: Goal | null;
  overdue: boolean;
}

const byDue = (a: MyEffort, b: MyEffort): number => {
  if (a.overdue !== b.overdue) return a.overdue ? -1 : 1;
  const da = a.effort.due ?? '9999-12-31';
  const db = b.effort.due ?? '9999-12-31';
  return da < db ? -1 : da > db ? 1 : a.caseReference.localeCompare(b.caseReference, 'da');
};

/** My open efforts (not udført) across plans: overdue first, then by due date; those without a date last. */
export const myOpenEfforts = (plans: readonly Plan[], myEmail: string, today: string): MyEffort[] =>
  plans
    .flatMap((plan) => {
      const me = participantByEmail(plan, myEmail);
      const meeting = currentPlanMeeting(plan, today);
      if (!me || !meeting) return [];
      return meeting.minutes.efforts
        .filter((e) => e.ownerId === me.id && e.status !== 'udfoert')
        .map((effort) => ({
          planId: plan.id,
          caseReference: plan.caseReference,
          meetingId: meeting.id,
          effort,
          goal: meeting.minutes.goals.find((g) => g.id === effort.goalId) ?? null,
          overdue: effort.due !== null && effort.due < today,
        }));
    })
    .sort(byDue);

export interface TovholderDuty {
  planId: string;
  caseReference: string;
  /** The last meeting held, which named me next tovholder. */
  meetingId: string;
  /** Indkald senest: the date by which the next meeting must be held (null when the referat gave none). */
  convenBy: string | null;
  overdue: boolean;
}

/** Plans where I am the next tovholder named at the last meeting held and no later meeting is booked yet. */
export const tovholderDuties = (plans: readonly Plan[], myEmail: string, now: Date): TovholderDuty[] => {
  const today = copenhagenDate(now);
  return plans
    .flatMap((plan): TovholderDuty[] => {
      const me = participantByEmail(plan, myEmail);
      const last = lastHeldMeeting(plan, now);
      if (!me || !last || last.minutes.nextTovholderId !== me.id) return [];
      if (plan.meetings.indexOf(last) < plan.meetings.length - 1) return [];
      const by = last.minutes.nextMeetingBy;
      return [
        {
          planId: plan.id,
          caseReference: plan.caseReference,
          meetingId: last.id,
          convenBy: by,
          overdue: by !== null && by < today,
        },
      ];
    })
    .sort((a, b) => (a.convenBy ?? '9999').localeCompare(b.convenBy ?? '9999'));
};

/** The date of the next meeting: the one booked, else the date the last referat says it must be held by. */
export const nextMeetingDate = (plan: Plan, now: Date): string | null => {
  const booked = upcomingMeeting(plan, now);
  if (booked) return meetingDate(booked);
  return lastHeldMeeting(plan, now)?.minutes.nextMeetingBy ?? null;
};

/**
 * Samtykke that is valid today but runs out before the next meeting (booked, or due by the last referat): its last
 * day and the meeting's date, so the home screen can say so and what to do. `null` when it covers the next meeting,
 * when there is no next meeting yet, and when it is not valid at all (the badge says missing, expired or withdrawn).
 */
export const consentRunsOut = (plan: Plan, now: Date): { until: string; nextMeeting: string } | null => {
  if (consentStatus(plan.consent, copenhagenDate(now)) !== 'valid') return null;
  const nextMeeting = nextMeetingDate(plan, now);
  const until = plan.consent?.validUntil ?? null;
  if (nextMeeting === null || until === null || !consentExpiresBefore(plan.consent, nextMeeting)) return null;
  return { until, nextMeeting };
};

export interface PlanOverview {
  planId: string;
  caseReference: string;
  /** The booked next meeting's start (ISO), if any. */
  nextMeetingStart: string | null;
  /** The date the next meeting must be held by (from the last referat), if any. */
  nextMeetingBy: string | null;
  /** Tovholder: the koordinator of the booked meeting, else the next tovholder named at the last meeting. */
  tovholder: Participant | null;
  consent: ConsentState;
  iAmTovholder: boolean;
  myOpenEfforts: number;
}

export const planOverview = (plan: Plan, myEmail: string, now: Date): PlanOverview => {
  const today = copenhagenDate(now);
  const booked = upcomingMeeting(plan, now);
  const last = lastHeldMeeting(plan, now);
  const tovholderId = booked?.roles.koordinator ?? last?.minutes.nextTovholderId ?? last?.roles.koordinator ?? null;
  const tovholder = plan.participants.find((p) => p.id === tovholderId) ?? null;
  const me = participantByEmail(plan, myEmail);
  return {
    planId: plan.id,
    caseReference: plan.caseReference,
    nextMeetingStart: booked?.start ?? null,
    nextMeetingBy: last?.minutes.nextMeetingBy ?? null,
    tovholder,
    consent: consentStatus(plan.consent, today),
    iAmTovholder: me !== null && tovholder?.id === me.id,
    myOpenEfforts: myOpenEfforts([plan], myEmail, today).length,
  };
};

/**
 * Mark one of my efforts udført or i gang from the plans tab (the latest meeting holding it). The next meeting's
 * follow-up starts from this status. The caller sets `updatedAt` when saving.
 */
export const setEffortStatus = (plan: Plan, effortId: string, status: EffortStatus): Plan => {
  const index = plan.meetings.findLastIndex((m) => m.minutes.efforts.some((e) => e.id === effortId));
  if (index < 0) return plan;
  return {
    ...plan,
    meetings: plan.meetings.map((m, i) =>
      i === index
        ? {
            ...m,
            minutes: {
              ...m.minutes,
              efforts: m.minutes.efforts.map((e) => (e.id === effortId ? { ...e, status } : e)),
            },
          }
        : m,
    ),
  };
};
