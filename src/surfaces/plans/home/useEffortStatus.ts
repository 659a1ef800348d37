import { useCallback, useState } from 'react';
import type { EffortStatus } from '../../../domain/plan/planDocument';
import type { Failure } from '../../../domain/ports/outcome';
import type { StoredPlan } from '../../../domain/ports/planStore';
import { updatePlan } from '../../../domain/plan/updatePlan';
import { setEffortStatus } from '../../../domain/plans/myWork';
import { useServices } from '../../../ui/services/ServicesContext';

/** Saving against someone else's newer version: take theirs, apply the status again, this many times. */
const ATTEMPTS = 3;

export type EffortSave =
  | { status: 'idle' }
  | { status: 'saving'; effortId: string }
  | { status: 'saved'; effortId: string; what: string; to: EffortStatus; reapplied: boolean }
  | { status: 'failed'; effortId: string; failure: Failure | { kind: 'conflict' } };

/**
 * Mark one of my efforts udført or i gang, saved to the plan with If-Match. When someone else saved the plan
 * first, their version is taken and the status applied on top of it, so neither change is lost.
 */
export const useEffortStatus = (onSaved: () => void) => {
  const { planStore, clock } = useServices();
  const [state, setState] = useState<EffortSave>({ status: 'idle' });

  const mark = useCallback(
    async (stored: StoredPlan, effortId: string, what: string, to: EffortStatus) => {
      setState({ status: 'saving', effortId });
      const outcome = await updatePlan(planStore, stored, (plan) => setEffortStatus(plan, effortId, to), {
        attempts: ATTEMPTS,
        now: () => clock.now(),
      });
      if (outcome.ok) {
        setState({ status: 'saved', effortId, what, to, reapplied: outcome.reapplied });
        onSaved();
      } else {
        setState({ status: 'failed', effortId, failure: outcome.kind === 'conflict' ? { kind: 'conflict' } : outcome });
      }
    },
    [planStore, clock, onSaved],
  );

  return { state, mark };
};
