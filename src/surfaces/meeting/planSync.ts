/**
 * The editing session's state between this panel and the PlanStore, as pure transitions:
 * `base` is the version last loaded or saved (with its eTag), `draft` is what this panel shows and edits.
 * A save that meets someone else's newer version merges field by field (mergePlans); only fields both changed
 * differently wait for the user's choice. Nothing here talks to the store: useMeetingPlan does.
 */
import * as z from 'zod/mini';
import { deepEqual, mergePlans, valueAt, withValueAt, type MergeConflict } from '../../domain/plan/mergePlan';
import { PlanSchema, type Plan } from '../../domain/plan/planDocument';
import type { StoredPlan } from '../../domain/ports/planStore';

export interface SyncSnapshot {
  base: Plan;
  baseETag: string;
  draft: Plan;
}

/** Kept in session storage on every change, so a reload brings back every word. */
export const SyncSnapshotSchema = z.object({ base: PlanSchema, baseETag: z.string(), draft: PlanSchema });

export interface OpenConflict {
  theirs: StoredPlan;
  conflicts: MergeConflict[];
}

export type Choice = 'mine' | 'theirs' | 'both';

export const isDirty = (s: SyncSnapshot): boolean => s.draft !== s.base && !deepEqual(s.draft, s.base);

export const fromStored = (stored: StoredPlan): SyncSnapshot => ({
  base: stored.plan,
  baseETag: stored.eTag,
  draft: stored.plan,
});

/**
 * The store has a version (first load, or a poll picking up others' saves). With nothing unsaved here we take it;
 * with unsaved changes we keep ours, and the next save meets their version and merges.
 */
export const adoptStored = (current: SyncSnapshot | null, stored: StoredPlan): SyncSnapshot => {
  if (!current) return fromStored(stored);
  if (current.baseETag === stored.eTag) return current;
  return isDirty(current) ? current : fromStored(stored);
};

/** A save of `sent` (the draft as it was when the save began) succeeded. Edits made meanwhile stay in the draft. */
export const afterSave = (current: SyncSnapshot, sent: Plan, stored: StoredPlan): SyncSnapshot => ({
  base: stored.plan,
  baseETag: stored.eTag,
  draft: current.draft === sent ? stored.plan : current.draft,
});

/**
 * The save met a newer version. Without conflicting fields the merge becomes the draft on top of theirs (and is
 * saved next); with conflicts the draft holds the merge with our values where they clash, until the user chooses.
 */
export const afterConflict = (
  current: SyncSnapshot,
  theirs: StoredPlan,
): { snapshot: SyncSnapshot; open: OpenConflict | null } => {
  const { merged, conflicts } = mergePlans(current.base, current.draft, theirs.plan);
  if (conflicts.length === 0)
    return { snapshot: { base: theirs.plan, baseETag: theirs.eTag, draft: merged }, open: null };
  return { snapshot: { ...current, draft: merged }, open: { theirs, conflicts } };
};

/** Both texts, ours first, when the user wants to keep both versions of a text. */
const both = (mine: unknown, theirs: unknown): unknown =>
  typeof mine === 'string' && typeof theirs === 'string' ? `${mine}\n${theirs}` : mine;

/** True when "keep both" makes sense for a conflict: two different, non-empty texts. */
export const canKeepBoth = (conflict: MergeConflict): boolean =>
  typeof conflict.mine === 'string' &&
  typeof conflict.theirs === 'string' &&
  conflict.mine.trim() !== '' &&
  conflict.theirs.trim() !== '';

/**
 * Apply the user's choice per conflict (in the order of `open.conflicts`; a missing choice keeps ours) on top of
 * their version's eTag, so the next save goes through.
 */
export const resolveConflicts = (
  current: SyncSnapshot,
  open: OpenConflict,
  choices: readonly Choice[],
): SyncSnapshot => {
  let draft = current.draft;
  open.conflicts.forEach((conflict, i) => {
    const choice = choices[i] ?? 'mine';
    if (choice === 'theirs') draft = withValueAt(draft, conflict.path, valueAt(open.theirs.plan, conflict.path));
    if (choice === 'both')
      draft = withValueAt(draft, conflict.path, both(valueAt(draft, conflict.path), conflict.theirs));
  });
  return { base: open.theirs.plan, baseETag: open.theirs.eTag, draft };
};
