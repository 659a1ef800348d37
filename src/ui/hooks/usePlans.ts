import { useCallback, useEffect, useRef, useState } from 'react';
import type { Failure } from '../../domain/ports/outcome';
import type { PlanSummary, StoredPlan } from '../../domain/ports/planStore';
import { useServices } from '../services/ServicesContext';

export type PlansView =
  | { status: 'loading' }
  /** `unreadable`: listed documents that could not be loaded or parsed (shown, never hidden silently). */
  | { status: 'ready'; plans: StoredPlan[]; unreadable: PlanSummary[] }
  | { status: 'error'; failure: Failure };

export type UsePlans = PlansView & { reload(): Promise<void> };

/** Every plan document in the store, loaded in full and sorted by case reference. */
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
      const loaded = await Promise.all(
        listed.value.map(async (summary) => ({ summary, outcome: await planStore.load(summary.planId) })),
      );
      if (request !== requestRef.current) return;
      const plans: StoredPlan[] = [];
      const unreadable: PlanSummary[] = [];
      for (const { summary, outcome } of loaded) {
        if (outcome.ok) plans.push(outcome.value);
        else unreadable.push(summary);
      }
      plans.sort((a, b) => a.plan.caseReference.localeCompare(b.plan.caseReference, 'da'));
      setView({ status: 'ready', plans, unreadable });
    },
    [planStore],
  );

  useEffect(() => {
    void fetchAll(false);
  }, [fetchAll]);

  const reload = useCallback(() => fetchAll(true), [fetchAll]);
  return { ...view, reload };
};
