import { useCallback, useEffect, useRef, useState } from 'react';
import { managesAccess, wantedAccess } from '../../domain/access/planAccess';
import { noticesDue, recordHolds } from '../../domain/access/accessDue';
import type { AccessSyncResult } from '../../domain/access/syncAccess';
import type { StoredPlan } from '../../domain/ports/planStore';
import { participantByEmail } from '../../domain/roles/roles';
import { copenhagenDate } from '../../domain/time/danishTime';
import { useServices } from '../services/ServicesContext';

export type AccessSyncState = { status: 'idle' } | { status: 'running' } | { status: 'done'; result: AccessSyncResult };

/**
 * Keeps who can open a plan in step with the plan, for a user who may change it (owner or manager): whenever the
 * stored version says something other than Microsoft 365 was last told — a consent changed or run out, a role
 * handed on — the change is made (cheaply: nothing is asked of Graph while the record holds). `onSynced` hears the
 * new stored version when the record was written. `run(true)` reads Microsoft 365's roles even when the record
 * says all is well ("Opdater adgang").
 */
export const useAccessSync = (stored: StoredPlan | null, onSynced?: (stored: StoredPlan) => void) => {
  const { planStore, planAccess, clock, policy, me, transport } = useServices();
  const [state, setState] = useState<AccessSyncState>({ status: 'idle' });
  const running = useRef(false);
  const onSyncedRef = useRef(onSynced);
  onSyncedRef.current = onSynced;

  const run = useCallback(
    async (base: StoredPlan, thorough: boolean) => {
      if (running.current) return;
      running.current = true;
      setState({ status: 'running' });
      try {
        // The work itself loads only when there is some: most openings find the record in step (accessDue.ts).
        const { syncAccess } = await import('../../domain/access/syncAccess');
        const result = await syncAccess(
          { store: planStore, access: planAccess, clock, policy, notices: async () => transport },
          base,
          {
            me: participantByEmail(base.plan, me.email)?.id ?? null,
            thorough,
          },
        );
        setState({ status: 'done', result });
        if (result.stored.eTag !== base.eTag) onSyncedRef.current?.(result.stored);
      } finally {
        running.current = false;
      }
    },
    [planStore, planAccess, clock, policy, transport, me.email],
  );

  const eTag = stored?.eTag ?? null;
  const mine = stored ? entryRole(stored, me.email) : null;
  const mayManage = stored
    ? stored.myRole === undefined
      ? managesAccess(mine)
      : managesAccess(stored.myRole === 'writer' ? null : stored.myRole)
    : false;
  const latest = useRef(stored);
  latest.current = stored;
  useEffect(() => {
    const current = latest.current;
    if (eTag === null || !mayManage || !current) return;
    if (!accessWorkDue(current, clock.now())) return;
    void run(current, false);
  }, [eTag, mayManage, run, clock]);

  const refresh = useCallback(() => (latest.current ? run(latest.current, true) : Promise.resolve()), [run]);
  return { state, mayManage, refresh };
};

/** Out of step with what the plan wants, or someone whose access ended is still to be told. */
const accessWorkDue = (stored: StoredPlan, now: Date): boolean => {
  const today = copenhagenDate(now);
  return (
    !recordHolds(stored.plan.access, wantedAccess(stored.plan, today), now) || noticesDue(stored.plan, today).length > 0
  );
};

/** My role as the plan's own record last set it (when the store did not say). */
const entryRole = (stored: StoredPlan, email: string) => {
  const me = participantByEmail(stored.plan, email);
  return stored.plan.access?.entries.find((e) => e.participantId === me?.id)?.role ?? null;
};

/**
 * The plans tab's upkeep: of the plans I may change access to, those whose record no longer holds what the plan
 * wants today — a consent that ran out since anyone opened it — are brought in step, one after another. Without a
 * server of ours this is when an expired consent ends the others' access: the first time an owner or manager opens
 * Tovholder after the day it ran out. `onChanged` hears that some plan's record was written.
 */
export const useAccessUpkeep = (plans: readonly StoredPlan[] | null, onChanged: () => void) => {
  const { planStore, planAccess, clock, policy, me, transport } = useServices();
  const done = useRef(new Set<string>());
  const onChangedRef = useRef(onChanged);
  onChangedRef.current = onChanged;
  useEffect(() => {
    if (!plans) return;
    const due = plans.filter((s) => {
      const key = `${s.plan.id}@${s.eTag}`;
      if (
        done.current.has(key) ||
        !managesAccess(s.myRole === undefined ? entryRole(s, me.email) : s.myRole === 'writer' ? null : s.myRole)
      )
        return false;
      return accessWorkDue(s, clock.now());
    });
    if (due.length === 0) return;
    let live = true;
    void (async () => {
      let changed = false;
      const { syncAccess } = await import('../../domain/access/syncAccess');
      for (const stored of due) {
        done.current.add(`${stored.plan.id}@${stored.eTag}`);
        const result = await syncAccess(
          { store: planStore, access: planAccess, clock, policy, notices: async () => transport },
          stored,
          {
            me: participantByEmail(stored.plan, me.email)?.id ?? null,
          },
        );
        changed ||= result.stored.eTag !== stored.eTag;
      }
      if (live && changed) onChangedRef.current();
    })();
    return () => {
      live = false;
    };
  }, [plans, planStore, planAccess, clock, policy, me.email, transport]);
};
