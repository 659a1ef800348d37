/**
 * Opfølgning: the next meeting's afdækning starts from the previous plan. Each earlier effort is carried over and
 * marked udført, i gang, ændret or droppet at the meeting. Efforts already marked done or ongoing between meetings
 * (from the plans tab) arrive with that status preset.
 */
import { standardAgenda } from '../agenda/standardAgenda';
import { emptyMinutes } from '../minutes/emptyMinutes';
import { quote } from '../minutes/quote';
import type { FollowUpEntry, FollowUpStatus, Meeting, Minutes, Plan } from '../plan/planDocument';
import { problem, type Problem } from '../problems';

const presetStatus: Record<Minutes['efforts'][number]['status'], FollowUpStatus | null> = {
  aaben: null,
  iGang: 'iGang',
  udfoert: 'udfoert',
};

/** The previous meeting's efforts as follow-up entries for the next meeting. */
export const carryOver = (previous: Minutes): FollowUpEntry[] =>
  previous.efforts.map((e) => ({
    effortId: e.id,
    what: e.what,
    ownerId: e.ownerId,
    status: presetStatus[e.status],
    note: '',
  }));

/** The last meeting that has started by `now`: the one whose plan the next meeting follows up on. */
export const lastHeldMeeting = (plan: Plan, now: Date): Meeting | null =>
  plan.meetings.filter((m) => Date.parse(m.start) <= now.getTime()).at(-1) ?? null;

export interface NextMeetingInput {
  id: string;
  /** ISO instants. */
  start: string;
  end: string;
  now: Date;
}

/**
 * The next meeting of a plan: the same people invited (answers and attendance reset), the roles carried over with
 * the named next tovholder as koordinator, the standard agenda for its length, and a blank referat whose
 * follow-up lists the previous efforts.
 */
export const startNextMeeting = (plan: Plan, input: NextMeetingInput): Meeting => {
  const previous = lastHeldMeeting(plan, input.now);
  const lengthMinutes = Math.max(0, Math.round((Date.parse(input.end) - Date.parse(input.start)) / 60000));
  const participantIds = new Set(plan.participants.map((p) => p.id));
  const invitees = (previous?.invitees ?? plan.participants.map((p) => ({ participantId: p.id, required: true })))
    .filter((i) => participantIds.has(i.participantId))
    .map((i) => ({
      participantId: i.participantId,
      required: i.required,
      attendance: { kind: 'unknown' as const },
      response: 'none' as const,
    }));
  const stillHere = (id: string | null | undefined) => (id && participantIds.has(id) ? id : null);
  return {
    id: input.id,
    start: input.start,
    end: input.end,
    eventId: null,
    transactionId: null,
    joinUrl: null,
    chatId: null,
    invitees,
    roles: {
      koordinator: stillHere(previous?.minutes.nextTovholderId) ?? stillHere(previous?.roles.koordinator),
      moedeleder: stillHere(previous?.roles.moedeleder),
      referent: stillHere(previous?.roles.referent),
    },
    agenda: standardAgenda(lengthMinutes),
    agendaSteps: [],
    agendaEndedAt: null,
    minutes: emptyMinutes(previous ? carryOver(previous.minutes) : []),
    summaryConfirmedAt: null,
    delivery: null,
  };
};

/** Problems with the follow-up on the previous efforts: unmarked ones, and changes without a word on what changed. */
export const followUpProblems = (followUp: readonly FollowUpEntry[]): Problem[] =>
  followUp.flatMap((f) => {
    const which = f.what.trim()
      ? { da: quote(f.what), en: quote(f.what) }
      : { da: 'en indsats fra sidst', en: 'an effort from last time' };
    if (f.status === null) {
      return [
        problem(
          'followUp.noStatus',
          'warning',
          `followUp.${f.effortId}.status`,
          `Opfølgning: ${which.da} er ikke markeret. Vælg udført, i gang, ændret eller droppet.`,
          `Follow-up: ${which.en} is not marked. Choose done, ongoing, changed or dropped.`,
        ),
      ];
    }
    if (f.status === 'aendret' && f.note.trim() === '') {
      return [
        problem(
          'followUp.changedWithoutNote',
          'warning',
          `followUp.${f.effortId}.note`,
          `Opfølgning: ${which.da} er markeret som ændret. Skriv kort, hvad der er ændret.`,
          `Follow-up: ${which.en} is marked as changed. Write briefly what has changed.`,
        ),
      ];
    }
    return [];
  });
