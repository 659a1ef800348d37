/**
 * Edits of the referat as pure functions: each takes the minutes and returns new minutes, so the editor can
 * save every keystroke, undo, and merge. New items get their id from the caller (ids are not made here,
 * so the functions stay deterministic).
 */
import type { Acceptance, Challenge, Effort, FollowUpEntry, Goal, Minutes, RoundEntry } from '../plan/planDocument';

export type MoveTo = 'up' | 'down' | number;

/** Move the item with `id` up, down or to an index (clamped); other items keep their order. */
const move = <T>(items: readonly T[], idOf: (item: T) => string, id: string, to: MoveTo): T[] => {
  const from = items.findIndex((item) => idOf(item) === id);
  if (from < 0) return [...items];
  const target = to === 'up' ? from - 1 : to === 'down' ? from + 1 : to;
  const index = Math.min(Math.max(0, Math.round(target)), items.length - 1);
  if (index === from) return [...items];
  const rest = items.filter((_, i) => i !== from);
  return [...rest.slice(0, index), items[from] as T, ...rest.slice(index)];
};

const update = <T extends { id: string }>(items: readonly T[], id: string, patch: Partial<Omit<T, 'id'>>): T[] =>
  items.map((item) => (item.id === id ? { ...item, ...patch } : item));

// Udfordringer
export const addChallenge = (minutes: Minutes, challenge: Challenge): Minutes => ({
  ...minutes,
  challenges: [...minutes.challenges, challenge],
});
export const updateChallenge = (minutes: Minutes, id: string, text: string): Minutes => ({
  ...minutes,
  challenges: update(minutes.challenges, id, { text }),
});
export const removeChallenge = (minutes: Minutes, id: string): Minutes => ({
  ...minutes,
  challenges: minutes.challenges.filter((c) => c.id !== id),
});
export const moveChallenge = (minutes: Minutes, id: string, to: MoveTo): Minutes => ({
  ...minutes,
  challenges: move(minutes.challenges, (c) => c.id, id, to),
});

// Fælles mål, in priority order
export const addGoal = (minutes: Minutes, goal: Goal): Minutes => ({ ...minutes, goals: [...minutes.goals, goal] });
export const updateGoal = (minutes: Minutes, id: string, text: string): Minutes => ({
  ...minutes,
  goals: update(minutes.goals, id, { text }),
});
/** Reprioritise a goal: up, down, or to a position (0 = most important). */
export const moveGoal = (minutes: Minutes, id: string, to: MoveTo): Minutes => ({
  ...minutes,
  goals: move(minutes.goals, (g) => g.id, id, to),
});
/** Remove a goal; efforts that served it keep their text and owner but no longer point to a goal. */
export const removeGoal = (minutes: Minutes, id: string): Minutes => ({
  ...minutes,
  goals: minutes.goals.filter((g) => g.id !== id),
  efforts: minutes.efforts.map((e) => (e.goalId === id ? { ...e, goalId: null } : e)),
});

// Indsatser
export const addEffort = (minutes: Minutes, effort: Pick<Effort, 'id'> & Partial<Effort>): Minutes => ({
  ...minutes,
  efforts: [...minutes.efforts, { what: '', goalId: null, ownerId: null, due: null, status: 'aaben', ...effort }],
});
export const updateEffort = (minutes: Minutes, id: string, patch: Partial<Omit<Effort, 'id'>>): Minutes => ({
  ...minutes,
  efforts: update(minutes.efforts, id, patch),
});
export const removeEffort = (minutes: Minutes, id: string): Minutes => ({
  ...minutes,
  efforts: minutes.efforts.filter((e) => e.id !== id),
});
export const moveEffort = (minutes: Minutes, id: string, to: MoveTo): Minutes => ({
  ...minutes,
  efforts: move(minutes.efforts, (e) => e.id, id, to),
});

/** Borgerens egne opgaver: efforts owned by the citizen. */
export const citizenTasks = (minutes: Minutes, citizenId: string | null): Effort[] =>
  citizenId === null ? [] : minutes.efforts.filter((e) => e.ownerId === citizenId);

// Runden
/** Fill in a participant's part of the round, creating their entry the first time. */
export const setRoundEntry = (
  minutes: Minutes,
  participantId: string,
  patch: Partial<Omit<RoundEntry, 'participantId'>>,
): Minutes => {
  const exists = minutes.round.some((r) => r.participantId === participantId);
  return {
    ...minutes,
    round: exists
      ? minutes.round.map((r) => (r.participantId === participantId ? { ...r, ...patch } : r))
      : [...minutes.round, { participantId, relation: '', currentWork: '', challenges: '', done: false, ...patch }],
  };
};

// Opfølgning on the previous meeting's efforts
export const setFollowUp = (
  minutes: Minutes,
  effortId: string,
  patch: Partial<Pick<FollowUpEntry, 'status' | 'note'>>,
): Minutes => ({
  ...minutes,
  followUp: minutes.followUp.map((f) => (f.effortId === effortId ? { ...f, ...patch } : f)),
});

// Accept, next tovholder, next meeting
export const setAcceptance = (minutes: Minutes, acceptance: Acceptance): Minutes => ({ ...minutes, acceptance });
export const setNextTovholder = (minutes: Minutes, participantId: string | null): Minutes => ({
  ...minutes,
  nextTovholderId: participantId,
});
/** The date (YYYY-MM-DD) by which the next meeting must be held. */
export const setNextMeetingBy = (minutes: Minutes, date: string | null): Minutes => ({
  ...minutes,
  nextMeetingBy: date,
});
