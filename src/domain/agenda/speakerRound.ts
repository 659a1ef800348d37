/**
 * Runden in afdækning: each participant in turn says their relation to the citizen, what they work on now,
 * and the challenges. Written input from those who sent afbud is read out by the koordinator at their turn.
 */
import { isCitizenOrRelative, type Meeting, type Participant, type Plan, type RoundEntry } from '../plan/planDocument';

export interface Turn {
  participantId: string;
  /** Written input from afbud, read out by the koordinator; null for those present. */
  writtenInput: string | null;
  /** Who speaks at this turn: the participant, or the koordinator reading the written input. */
  speakerId: string | null;
}

export interface RoundOptions {
  /** The citizen opens the round (otherwise they close it, so they have the last word). */
  citizenFirst?: boolean;
}

/**
 * The order of the round: the koordinator first (or the citizen, if they want to open), the other professionals
 * present in the plan's order, relatives, the citizen, and last the written input from afbud.
 * Those absent without written input, and people not invited, have no turn.
 */
export const speakerOrder = (plan: Plan, meeting: Meeting, options: RoundOptions = {}): Turn[] => {
  const koordinatorId = meeting.roles.koordinator;
  const invited = new Map(meeting.invitees.map((i) => [i.participantId, i]));
  const inPlanOrder = plan.participants.filter((p) => invited.has(p.id));
  const present = (p: Participant) => {
    const kind = invited.get(p.id)?.attendance.kind;
    // Attendance not yet marked: assume they are there, so the round is ready before anyone ticks a box.
    return kind === 'present' || kind === 'unknown';
  };
  const speaking = (p: Participant): Turn => ({ participantId: p.id, writtenInput: null, speakerId: p.id });

  const citizen = inPlanOrder.filter((p) => p.sector === 'borger' && present(p)).map(speaking);
  const koordinator = inPlanOrder.filter((p) => p.id === koordinatorId && present(p)).map(speaking);
  const professionals = inPlanOrder
    .filter((p) => p.id !== koordinatorId && !isCitizenOrRelative(p) && present(p))
    .map(speaking);
  const relatives = inPlanOrder.filter((p) => p.sector === 'paaroerende' && present(p)).map(speaking);
  const written = inPlanOrder.flatMap((p): Turn[] => {
    const attendance = invited.get(p.id)?.attendance;
    return attendance?.kind === 'apologies' && attendance.writtenInput.trim() !== ''
      ? [{ participantId: p.id, writtenInput: attendance.writtenInput, speakerId: koordinatorId }]
      : [];
  });

  return options.citizenFirst
    ? [...citizen, ...koordinator, ...professionals, ...relatives, ...written]
    : [...koordinator, ...professionals, ...relatives, ...citizen, ...written];
};

export interface RoundProgress {
  done: number;
  total: number;
  /** Whose turn it is: the first in the order not yet done; null when everyone has spoken. */
  next: string | null;
  complete: boolean;
}

export const roundProgress = (turns: readonly Turn[], round: readonly RoundEntry[]): RoundProgress => {
  const doneIds = new Set(round.filter((r) => r.done).map((r) => r.participantId));
  const done = turns.filter((t) => doneIds.has(t.participantId)).length;
  const next = turns.find((t) => !doneIds.has(t.participantId))?.participantId ?? null;
  return { done, total: turns.length, next, complete: next === null };
};
