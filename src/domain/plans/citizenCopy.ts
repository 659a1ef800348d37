/**
 * The citizen's own copy of the plan ("Din plan"): a letter the koordinator prints or saves as a PDF and sends
 * through the organisation's Digital Post — outside this app, since authorities reach citizens with such content by
 * Digital Post, not ordinary e-mail — and then marks as sent. Relatives get a copy only where the consent says so
 * (the privacy guard's `mayReceivePlanCopy`). The plan records each copy (to whom, when, by whom) on the meeting whose
 * plan it is; the plans tab shows whether the citizen has it, and the next meeting's afdækning whether the citizen
 * received the last plan.
 */
import type { Meeting, Participant, Plan, PlanCopy } from '../plan/planDocument';
import { problem, type Problem } from '../problems';
import { mayReceivePlanCopy } from '../privacy/privacyGuard';
import { participantByEmail } from '../roles/roles';
import { copenhagenDate } from '../time/danishTime';
import { currentPlanMeeting, lastHeldMeeting } from './myWork';

/** The meeting whose plan the letter is: the plan in force (its referat written), else the last meeting held. */
export const letterMeeting = (plan: Plan, now: Date): Meeting | null =>
  currentPlanMeeting(plan, copenhagenDate(now)) ?? lastHeldMeeting(plan, now);

export const citizenOf = (plan: Plan): Participant | null =>
  plan.participants.find((p) => p.sector === 'borger') ?? null;

/** The copy of this meeting's plan sent to this person, if marked. */
export const copySentTo = (meeting: Meeting, participantId: string): PlanCopy | null =>
  meeting.planCopies?.find((c) => c.participantId === participantId) ?? null;

export interface CopyRecipient {
  participant: Participant;
  relation: 'citizen' | 'relative';
  /** Null when this person may have a copy; otherwise why not (the consent does not name the relative). */
  refused: Problem | null;
  sent: PlanCopy | null;
}

/** Who the letter goes to and whether each has it: the citizen first, then every relative in the plan. */
export const copyRecipients = (plan: Plan, meeting: Meeting, today: string): CopyRecipient[] =>
  plan.participants
    .filter((p) => p.sector === 'borger' || p.sector === 'paaroerende')
    .sort((a, b) => (a.sector === b.sector ? 0 : a.sector === 'borger' ? -1 : 1))
    .map((participant) => {
      const may = mayReceivePlanCopy(plan, participant.id, today);
      return {
        participant,
        relation: participant.sector === 'borger' ? 'citizen' : 'relative',
        refused: may.allowed ? null : may.problem,
        sent: copySentTo(meeting, participant.id),
      };
    });

/**
 * Who may mark copies sent: the meeting's koordinator, who sends the plan out, and the next tovholder, who holds the
 * role until the next meeting.
 */
export const mayMarkCopies = (plan: Plan, meeting: Meeting, email: string): boolean => {
  const me = participantByEmail(plan, email);
  return me !== null && (meeting.roles.koordinator === me.id || meeting.minutes.nextTovholderId === me.id);
};

const notAllowedToMark = problem(
  'planCopy.notKoordinator',
  'error',
  null,
  'Kun mødets koordinator og næste tovholder kan markere planen som sendt til borgeren.',
  "Only the meeting's coordinator and the next coordinator can mark the plan as sent to the citizen.",
);

const meetingMissing = problem(
  'planCopy.meetingMissing',
  'error',
  null,
  'Mødet findes ikke længere i planen. Genindlæs siden.',
  'The meeting is no longer in the plan. Reload the page.',
);

/**
 * The plan with one copy marked as sent by Digital Post, now, by the signed-in user; refused (with the reason) when
 * the person may not have a copy or the user may not mark it. Marking again keeps the first time.
 */
export const markCopySent = (
  plan: Plan,
  meetingId: string,
  participantId: string,
  by: { email: string; name: string },
  now: Date,
): { ok: true; plan: Plan } | { ok: false; problem: Problem } => {
  const meeting = plan.meetings.find((m) => m.id === meetingId);
  if (!meeting) return { ok: false, problem: meetingMissing };
  if (!mayMarkCopies(plan, meeting, by.email)) return { ok: false, problem: notAllowedToMark };
  const may = mayReceivePlanCopy(plan, participantId, copenhagenDate(now));
  if (!may.allowed) return { ok: false, problem: may.problem };
  if (copySentTo(meeting, participantId)) return { ok: true, plan };
  const sender = participantByEmail(plan, by.email);
  const copy: PlanCopy = {
    participantId,
    sentAt: now.toISOString(),
    sentBy: { participantId: sender?.id ?? null, name: sender?.name ?? by.name },
    via: 'digitalPost',
  };
  return {
    ok: true,
    plan: {
      ...plan,
      updatedAt: now.toISOString(),
      meetings: plan.meetings.map((m) =>
        m.id === meetingId ? { ...m, planCopies: [...(m.planCopies ?? []), copy] } : m,
      ),
    },
  };
};

/**
 * For the next meeting's afdækning: the meeting before this one and whether the citizen got its plan. Null when
 * this is the plan's first meeting or the plan has no citizen.
 */
export const previousPlanCopy = (plan: Plan, meeting: Meeting): { previous: Meeting; sent: PlanCopy | null } | null => {
  const index = plan.meetings.findIndex((m) => m.id === meeting.id);
  const previous = index > 0 ? plan.meetings[index - 1] : undefined;
  const citizen = citizenOf(plan);
  if (!previous || !citizen) return null;
  return { previous, sent: copySentTo(previous, citizen.id) };
};
