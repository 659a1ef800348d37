import { useCallback, useEffect, useRef, useState } from 'react';
import type { Failure } from '../../domain/ports/outcome';
import type { PlanPlace, PlanSummary, StoredPlan } from '../../domain/ports/planStore';
import { useServices } from '../services/ServicesContext';

export type PlansView =
  | { status: 'loading' }
  /** `unreadable`: listed documents that could not be loaded or parsed (shown, never hidden silently). */
  | { status: 'ready'; plans: StoredPlan[]; unreadable: PlanSummary[]; places: PlanPlace[] }
  | { status: 'error'; failure: Failure };

export type UsePlans = PlansView & { reload(): Promise<void> };

/**
 * The plans I may open (Microsoft 365 lists only those), each read in full, sorted by case reference. Nothing of a
 * plan I may not open reaches this browser.
 */
export const usePlans = (): UsePlans => {
  const { planStore } = useServices();
  const [view, setView] = useState<PlansView>({ status: 'loading' });
  const requestRef = useRef(0);

  const fetchAll = useCallback(
    async (silent: boolean) => {
      const request = ++requestRef.current;
      if (!silent) setView({ status: 'loading' });
      const listed = await planStore.list();
      if (request !== requestRef.current) return;
      if (!listed.ok) {
        setView({ status: 'error', failure: listed });
        return;
      }
      const { plans, unreadable, places } = listed.value;
      const sorted = [...plans].sort((a, b) => a.plan.caseReference.localeCompare(b.plan.caseReference, 'da'));
      setView({ status: 'ready', plans: sorted, unreadable, places });
    },
    [planStore],
  );

  useEffect(() => {
    void fetchAll(false);
  }, [fetchAll]);

  const reload = useCallback(() => fetchAll(true), [fetchAll]);
  return { ...view, reload };
};
