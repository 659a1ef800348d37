import { useCallback, useState } from 'react';
import type { EffortStatus } from '../../../domain/plan/planDocument';
import type { Failure } from '../../../domain/ports/outcome';
import type { StoredPlan } from '../../../domain/ports/planStore';
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
      let base = stored;
      let reapplied = false;
      for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
        const changed = { ...setEffortStatus(base.plan, effortId, to), updatedAt: clock.now().toISOString() };
        const outcome = await planStore.save(changed, base.eTag);
        if (outcome.ok) {
          setState({ status: 'saved', effortId, what, to, reapplied });
          onSaved();
          return;
        }
        if (outcome.kind !== 'conflict') {
          setState({ status: 'failed', effortId, failure: outcome });
          return;
        }
        base = outcome.current;
        reapplied = true;
      }
      setState({ status: 'failed', effortId, failure: { kind: 'conflict' } });
    },
    [planStore, clock, onSaved],
  );

  return { state, mark };
};
