/**
 * The running meeting's clock: which item we are on, how much time is left in it, and how the remaining items
 * fit into the time that is left. Derived only from the meeting's start and the recorded item changes
 * (agendaSteps), never from a timer in memory, so a reload or a second panel shows the same time.
 */
import type { AgendaItem, AgendaItemKey, AgendaStep, Meeting } from '../plan/planDocument';
import { copenhagenDate } from '../time/danishTime';
import { apportion } from './apportion';

export interface RebalancedItem {
  key: AgendaItemKey;
  lead: AgendaItem['lead'];
  /** The time box as planned. */
  plannedMinutes: number;
  /** The time box that fits the time left, in proportion to the plan. */
  minutes: number;
}

export interface RunningMeeting {
  phase: 'notStarted' | 'running' | 'finished';
  /** The item being discussed; null before the start and after the last item. */
  current: AgendaItemKey | null;
  /** Its position in the agenda; -1 when there is none. */
  index: number;
  /** When the current item was (last) entered. */
  itemStartedAt: string | null;
  /** Time spent on the current item, over every visit to it. */
  itemElapsedMs: number;
  /** Time left in the current item's box; negative when it runs over. */
  remainingMs: number;
  /** How far the current item runs over its box (0 when it does not). */
  overrunMs: number;
  /** Until the meeting's planned end; negative after it. */
  meetingRemainingMs: number;
  /** The items after the current one, their time boxes fitted to the time left. */
  rebalanced: RebalancedItem[];
  finished: boolean;
  /**
   * The Copenhagen day the meeting was held (afholdt), once it is long over (see `isMeetingHeld`): then the phase is
   * `finished` whatever the agenda says, and nothing runs over. Null while the meeting may still be going on.
   */
  heldOn: string | null;
}

const MINUTE = 60000;

/** A meeting that ran over this long after its planned end is over, even if nobody closed the agenda. */
export const HELD_AFTER_MS = 2 * 60 * MINUTE;

/**
 * Afholdt: more than two hours past its planned end, or ended on an earlier Copenhagen day. A closed agenda is not
 * needed: a meeting opened weeks later must not say "121776 min over".
 */
export const isMeetingHeld = (meeting: Pick<Meeting, 'end'>, now: Date): boolean => {
  const end = new Date(meeting.end);
  return now.getTime() - end.getTime() > HELD_AFTER_MS || copenhagenDate(end) < copenhagenDate(now);
};

/** The steps in effect: recorded ones, or the first item from the meeting's start when none were recorded. */
const effectiveSteps = (meeting: Meeting, now: Date): AgendaStep[] => {
  if (meeting.agendaSteps.length > 0) return meeting.agendaSteps;
  const first = meeting.agenda[0];
  return first && now.getTime() >= Date.parse(meeting.start) ? [{ key: first.key, at: meeting.start }] : [];
};

const timeOnItem = (steps: readonly AgendaStep[], key: AgendaItemKey, until: number): number =>
  steps.reduce((sum, step, i) => {
    if (step.key !== key) return sum;
    const from = Date.parse(step.at);
    const next = steps[i + 1];
    const to = next ? Date.parse(next.at) : until;
    // A panel whose clock is behind another's must not show negative time.
    return sum + Math.max(0, to - from);
  }, 0);

const fit = (items: readonly AgendaItem[], availableMs: number): RebalancedItem[] => {
  const shares = apportion(
    Math.max(0, Math.floor(availableMs / MINUTE)),
    items.map((i) => i.minutes),
  );
  return items.map((i, n) => ({ key: i.key, lead: i.lead, plannedMinutes: i.minutes, minutes: shares[n] ?? 0 }));
};

export const runningMeeting = (meeting: Meeting, now: Date): RunningMeeting => {
  const t = now.getTime();
  const end = Date.parse(meeting.end);
  const meetingRemainingMs = end - t;
  const endedAt = meeting.agendaEndedAt ? Date.parse(meeting.agendaEndedAt) : null;
  const steps = effectiveSteps(meeting, now);
  const last = steps[steps.length - 1];
  const none = {
    current: null,
    index: -1,
    itemStartedAt: null,
    itemElapsedMs: 0,
    remainingMs: 0,
    overrunMs: 0,
    heldOn: null,
  };

  if (isMeetingHeld(meeting, now)) {
    const heldOn = copenhagenDate(new Date(meeting.start));
    return { ...none, phase: 'finished', meetingRemainingMs, rebalanced: [], finished: true, heldOn };
  }
  if (endedAt !== null && endedAt <= t) {
    return { ...none, phase: 'finished', meetingRemainingMs, rebalanced: [], finished: true };
  }
  if (!last) {
    const available = end - Math.max(t, Date.parse(meeting.start));
    return {
      ...none,
      phase: 'notStarted',
      meetingRemainingMs,
      rebalanced: fit(meeting.agenda, available),
      finished: false,
    };
  }
  const index = meeting.agenda.findIndex((i) => i.key === last.key);
  const item = meeting.agenda[index];
  const itemElapsedMs = timeOnItem(steps, last.key, t);
  const remainingMs = (item?.minutes ?? 0) * MINUTE - itemElapsedMs;
  // The items after this one share what is left once this item's own box is used up.
  const available = meetingRemainingMs - Math.max(0, remainingMs);
  return {
    phase: 'running',
    current: last.key,
    index,
    itemStartedAt: last.at,
    itemElapsedMs,
    remainingMs,
    overrunMs: Math.max(0, -remainingMs),
    meetingRemainingMs,
    rebalanced: fit(meeting.agenda.slice(index + 1), available),
    finished: false,
    heldOn: null,
  };
};

/** Without recorded steps the first item ran implicitly from the start: record it so its time is kept. */
const recordedSteps = (meeting: Meeting, state: RunningMeeting): AgendaStep[] =>
  meeting.agendaSteps.length === 0 && state.current !== null
    ? [{ key: state.current, at: meeting.start }]
    : meeting.agendaSteps;

/**
 * "Næste punkt": the agendaSteps after moving on now. Before the start it opens the first item (an early start);
 * on the last item it changes nothing — close the agenda with `endAgenda`.
 */
export const nextItem = (meeting: Meeting, now: Date): AgendaStep[] => {
  const state = runningMeeting(meeting, now);
  if (state.phase === 'finished') return meeting.agendaSteps;
  const target = meeting.agenda[state.index + 1];
  if (!target) return meeting.agendaSteps;
  return [...recordedSteps(meeting, state), { key: target.key, at: now.toISOString() }];
};

/** Go to any item (back to an earlier one, or skip ahead); time already spent on it still counts. */
export const goToItem = (meeting: Meeting, key: AgendaItemKey, now: Date): AgendaStep[] => {
  const state = runningMeeting(meeting, now);
  if (state.current === key || !meeting.agenda.some((i) => i.key === key)) return meeting.agendaSteps;
  return [...recordedSteps(meeting, state), { key, at: now.toISOString() }];
};

/** "Afslut dagsordenen": the meeting after closing the last item. */
export const endAgenda = (meeting: Meeting, now: Date): Meeting => ({ ...meeting, agendaEndedAt: now.toISOString() });

/** Reopen a closed agenda (pressed by mistake): the last item continues. */
export const reopenAgenda = (meeting: Meeting): Meeting => ({ ...meeting, agendaEndedAt: null });
