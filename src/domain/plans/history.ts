/**
 * Historik: each meeting's referat as it was sent (read-only), and what changed since the one before, so the
 * next meeting can see at a glance how the plan moved.
 */
import type { Effort, Goal, Meeting, Minutes, Plan } from '../plan/planDocument';

export interface Change<T> {
  from: T;
  to: T;
}

export interface EffortChange {
  id: string;
  what: string;
  text?: Change<string>;
  owner?: Change<string | null>;
  due?: Change<string | null>;
  status?: Change<Effort['status']>;
  /** Goal ids: `from` in the previous minutes, `to` in the current. */
  goal?: Change<string | null>;
}

export interface MinutesDiff {
  goals: { added: Goal[]; removed: Goal[]; reworded: { id: string; from: string; to: string }[]; reordered: boolean };
  efforts: { added: Effort[]; removed: Effort[]; changed: EffortChange[] };
  nextTovholder?: Change<string | null>;
  nextMeetingBy?: Change<string | null>;
  acceptance?: Change<Minutes['acceptance']>;
  /** True when nothing differs. */
  unchanged: boolean;
}

const same = (a: string, b: string) => a.trim().toLocaleLowerCase('da-DK') === b.trim().toLocaleLowerCase('da-DK');

/**
 * Pair items of two lists: by id first (edits within one meeting), then by identical text (a new meeting writes
 * the same goal or effort again under a new id).
 */
const pair = <T extends { id: string }>(before: readonly T[], after: readonly T[], text: (t: T) => string) => {
  const pairs: [T, T][] = [];
  const leftBefore = new Set(before);
  const leftAfter: T[] = [];
  for (const a of after) {
    const b = before.find((x) => x.id === a.id && leftBefore.has(x));
    if (b) {
      pairs.push([b, a]);
      leftBefore.delete(b);
    } else leftAfter.push(a);
  }
  const added: T[] = [];
  for (const a of leftAfter) {
    const b = [...leftBefore].find((x) => same(text(x), text(a)));
    if (b) {
      pairs.push([b, a]);
      leftBefore.delete(b);
    } else added.push(a);
  }
  return { pairs, added, removed: before.filter((b) => leftBefore.has(b)) };
};

const change = <T>(from: T, to: T): Change<T> | undefined => (from === to ? undefined : { from, to });

export const minutesDiff = (previous: Minutes, current: Minutes): MinutesDiff => {
  const goals = pair(previous.goals, current.goals, (g) => g.text);
  const goalOf = new Map(goals.pairs.map(([b, a]) => [a.id, b.id]));
  // Priority changed when the goals kept from before appear in another order.
  const keptBefore = previous.goals.filter((g) => goals.pairs.some(([b]) => b === g)).map((g) => g.id);
  const keptAfter = current.goals.flatMap((g) => (goalOf.has(g.id) ? [goalOf.get(g.id) as string] : []));
  const efforts = pair(previous.efforts, current.efforts, (e) => e.what);
  const changed = efforts.pairs.flatMap(([b, a]): EffortChange[] => {
    const c: EffortChange = { id: a.id, what: a.what };
    const text = change(b.what, a.what);
    const owner = change(b.ownerId, a.ownerId);
    const due = change(b.due, a.due);
    const status = change(b.status, a.status);
    // A goal id is compared through the goal pairing, so a goal written again under a new id is not a change.
    const sameGoal = b.goalId === (a.goalId === null ? null : (goalOf.get(a.goalId) ?? a.goalId));
    const goal = sameGoal ? undefined : { from: b.goalId, to: a.goalId };
    if (text) c.text = text;
    if (owner) c.owner = owner;
    if (due) c.due = due;
    if (status) c.status = status;
    if (goal) c.goal = goal;
    return text || owner || due || status || goal ? [c] : [];
  });
  const diff: MinutesDiff = {
    goals: {
      added: goals.added,
      removed: goals.removed,
      reworded: goals.pairs.flatMap(([b, a]) => (b.text === a.text ? [] : [{ id: a.id, from: b.text, to: a.text }])),
      reordered: keptBefore.join('\n') !== keptAfter.join('\n'),
    },
    efforts: { added: efforts.added, removed: efforts.removed, changed },
    unchanged: false,
  };
  const nextTovholder = change(previous.nextTovholderId, current.nextTovholderId);
  const nextMeetingBy = change(previous.nextMeetingBy, current.nextMeetingBy);
  const acceptance = change(previous.acceptance, current.acceptance);
  if (nextTovholder) diff.nextTovholder = nextTovholder;
  if (nextMeetingBy) diff.nextMeetingBy = nextMeetingBy;
  if (acceptance) diff.acceptance = acceptance;
  diff.unchanged =
    !nextTovholder &&
    !nextMeetingBy &&
    !acceptance &&
    diff.goals.added.length + diff.goals.removed.length + diff.goals.reworded.length === 0 &&
    !diff.goals.reordered &&
    diff.efforts.added.length + diff.efforts.removed.length + changed.length === 0;
  return diff;
};

export interface HistoryEntry {
  meetingId: string;
  start: string;
  /** The referat as sent when it was sent, else as it stands. */
  minutes: Minutes;
  sent: boolean;
  /** What changed since the meeting before; null for the first. */
  diff: MinutesDiff | null;
}

const asRecorded = (m: Meeting): Minutes => m.delivery?.sentMinutes ?? m.minutes;

/** Meetings that have a referat (held and written), oldest first, each with the change since the one before. */
export const planHistory = (plan: Plan, now: Date): HistoryEntry[] => {
  const held = plan.meetings.filter((m) => Date.parse(m.start) <= now.getTime());
  return held.map((m, i) => {
    const before = held[i - 1];
    return {
      meetingId: m.id,
      start: m.start,
      minutes: asRecorded(m),
      sent: m.delivery?.sentMinutes != null,
      diff: before ? minutesDiff(asRecorded(before), asRecorded(m)) : null,
    };
  });
};
