import { useCallback, useEffect, useRef, useState } from 'react';
import type { Plan } from '../../domain/plan/planDocument';
import type { Failure } from '../../domain/ports/outcome';
import type { SaveOutcome, StoredPlan } from '../../domain/ports/planStore';
import { useServices } from '../services/ServicesContext';

/** What the store gave us for one plan. */
export type PlanView =
  | { status: 'loading' }
  | { status: 'ready'; plan: Plan; eTag: string; myRole?: StoredPlan['myRole'] }
  /** Not there, or not shared with the signed-in user: Microsoft 365 refused it (the page does not say which). */
  | { status: 'notFound' }
  | { status: 'error'; failure: Failure };

export interface PlanActions {
  /**
   * Saves with `If-Match` on `baseETag` (default: the eTag of the version this hook last loaded or saved).
   * On success the hook holds the saved version. On a conflict nothing is overwritten: `conflict` holds the
   * version someone else saved, and the caller merges and saves again with `conflict.eTag`.
   */
  save(plan: Plan, baseETag?: string): Promise<SaveOutcome>;
  /** Fetches the stored version again without going back to `loading` (for picking up others' changes). */
  reload(): Promise<void>;
  /** The other writer's version after a save hit a stale eTag; null when there is no open conflict. */
  conflict: StoredPlan | null;
  /** Forget the open conflict (e.g. after the user chose their version and saved it). */
  dismissConflict(): void;
  /** The last save failed for another reason (network, 403 …); the caller keeps the draft and may retry. */
  saveFailure: Failure | null;
  saving: boolean;
}

export type UsePlan = PlanView & PlanActions;

/** One plan document from the PlanStore, by id; `null` id stays `notFound` without asking the store. */
export const usePlan = (planId: string | null): UsePlan => {
  const { planStore } = useServices();
  const [view, setView] = useState<PlanView>(planId ? { status: 'loading' } : { status: 'notFound' });
  const [conflict, setConflict] = useState<StoredPlan | null>(null);
  const [saveFailure, setSaveFailure] = useState<Failure | null>(null);
  const [saving, setSaving] = useState(false);
  // The eTag of the version we hold, readable synchronously by save() even between renders.
  const eTagRef = useRef<string | null>(null);
  const requestRef = useRef(0);

  const fetchPlan = useCallback(
    async (silent: boolean) => {
      const request = ++requestRef.current;
      if (!planId) {
        eTagRef.current = null;
        setView({ status: 'notFound' });
        return;
      }
      if (!silent) setView({ status: 'loading' });
      const outcome = await planStore.load(planId);
      if (request !== requestRef.current) return; // a newer load or another plan id won
      if (outcome.ok) {
        eTagRef.current = outcome.value.eTag;
        setView({ status: 'ready', ...outcome.value });
      } else if (outcome.kind === 'notFound' || outcome.kind === 'forbidden') {
        // Graph refuses a plan not shared with this user (403) as it does one that is gone (404): either way there
        // is nothing of it here, and the page says whom to ask.
        eTagRef.current = null;
        setView({ status: 'notFound' });
      } else if (!silent) {
        setView({ status: 'error', failure: outcome });
      }
    },
    [planId, planStore],
  );

  useEffect(() => {
    setConflict(null);
    setSaveFailure(null);
    void fetchPlan(false);
  }, [fetchPlan]);

  const save = useCallback(
    async (plan: Plan, baseETag?: string): Promise<SaveOutcome> => {
      setSaving(true);
      try {
        const outcome = await planStore.save(plan, baseETag ?? eTagRef.current);
        if (outcome.ok) {
          requestRef.current++; // a load still in flight is older than this save
          eTagRef.current = outcome.value.eTag;
          setView((current) => ({
            status: 'ready',
            ...outcome.value,
            ...(current.status === 'ready' && current.myRole !== undefined && outcome.value.myRole === undefined
              ? { myRole: current.myRole }
              : {}),
          }));
          setConflict(null);
          setSaveFailure(null);
        } else if (outcome.kind === 'conflict') {
          setConflict(outcome.current);
          setSaveFailure(null);
        } else {
          setSaveFailure(outcome);
        }
        return outcome;
      } finally {
        setSaving(false);
      }
    },
    [planStore],
  );

  const reload = useCallback(() => fetchPlan(true), [fetchPlan]);
  const dismissConflict = useCallback(() => setConflict(null), []);

  return { ...view, save, reload, conflict, dismissConflict, saveFailure, saving };
};
