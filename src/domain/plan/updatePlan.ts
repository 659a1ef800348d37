/**
 * The one way to change a stored plan: apply a change to the version in hand and save it with If-Match; when
 * someone else saved first (412), apply the same change again on top of their version, a bounded number of times.
 *
 * The change is the merge rule. It is a pure function of the plan it is given, so applying it again to a newer
 * version keeps both that version's changes and ours, and it says itself when there is nothing (left) to do by
 * returning null — our own earlier save that got through although its answer was lost, an effort already marked,
 * a delivery record already holding what we would write. Nothing is ever overwritten blind.
 */
import type { Failure } from '../ports/outcome';
import type { Conflict, PlanStore, StoredPlan } from '../ports/planStore';
import type { Plan } from './planDocument';

/** The change to make to a version of the plan, or null when that version needs none. */
export type PlanChange = (plan: Plan) => Plan | null;

export type UpdateOutcome =
  | {
      ok: true;
      stored: StoredPlan;
      /** False when the change found nothing to do (null on the version in hand or a newer one). */
      changed: boolean;
      /** True when the change had to be applied again on someone else's newer version. */
      reapplied: boolean;
    }
  /** Others kept saving first: `current` is the newest version seen; nothing of ours is in it. */
  | Conflict
  | Failure;

export interface UpdateOptions {
  /** Saves tried before giving up with a conflict. Default 3. */
  attempts?: number;
  /** Stamped as the plan's `updatedAt` on every version written. */
  now: () => Date;
}

export const DEFAULT_UPDATE_ATTEMPTS = 3;

export const updatePlan = async (
  store: Pick<PlanStore, 'save'>,
  stored: StoredPlan,
  change: PlanChange,
  options: UpdateOptions,
): Promise<UpdateOutcome> => {
  const attempts = Math.max(1, options.attempts ?? DEFAULT_UPDATE_ATTEMPTS);
  let base = stored;
  let reapplied = false;
  for (let attempt = 0; attempt < attempts; attempt++) {
    const next = change(base.plan);
    if (next === null) return { ok: true, stored: base, changed: false, reapplied };
    const saved = await store.save({ ...next, updatedAt: options.now().toISOString() }, base.eTag);
    if (saved.ok) return { ok: true, stored: saved.value, changed: true, reapplied };
    if (saved.kind !== 'conflict') return saved;
    base = saved.current;
    reapplied = true;
  }
  return { ok: false, kind: 'conflict', current: base };
};
