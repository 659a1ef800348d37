import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { usePlan, type UsePlan } from '../../../src/ui/hooks/usePlan';
import { usePlans } from '../../../src/ui/hooks/usePlans';
import { ServicesProvider } from '../../../src/ui/services/ServicesContext';
import { aPlan, demoPlan } from '../../support/builders';
import { InMemoryPlanStore } from '../../support/fakes/InMemoryPlanStore';
import { shellServices } from './shellHarness';

/** The loaded plan, or a failed test: a hook that never gets ready must not pass silently. */
const ready = (hook: UsePlan) => {
  if (hook.status !== 'ready') throw new Error(`expected a loaded plan, got ${hook.status}`);
  return hook;
};

const withStore = (store: InMemoryPlanStore) => {
  const { services } = shellServices({ store });
  return ({ children }: { children: ReactNode }) => <ServicesProvider services={services}>{children}</ServicesProvider>;
};

describe('usePlan: one plan document from the store', () => {
  it('loads the plan by id, and says so when there is no such plan', async () => {
    const store = new InMemoryPlanStore([demoPlan()]);
    const found = renderHook(() => usePlan('plan-ki-2026-014'), { wrapper: withStore(store) });
    expect(found.result.current.status).toBe('loading');
    await waitFor(() => expect(found.result.current.status).toBe('ready'));
    expect(ready(found.result.current).plan.caseReference).toBe('KI-2026-014');
    const missing = renderHook(() => usePlan('plan-does-not-exist'), { wrapper: withStore(store) });
    await waitFor(() => expect(missing.result.current.status).toBe('notFound'));
  });

  it('saves against the version it loaded, and holds the newer version after the save', async () => {
    const store = new InMemoryPlanStore([demoPlan()]);
    const { result } = renderHook(() => usePlan('plan-ki-2026-014'), { wrapper: withStore(store) });
    await waitFor(() => expect(result.current.status).toBe('ready'));
    const { eTag: loadedETag, plan } = ready(result.current);
    const edited = { ...plan, caseReference: 'KI-2026-014B' };
    await act(async () => void (await result.current.save(edited)));
    expect(store.saveCalls.at(-1)).toEqual({ planId: 'plan-ki-2026-014', eTag: loadedETag, outcome: 'saved' });
    expect(ready(result.current).eTag).toBe(store.current('plan-ki-2026-014').eTag);
    // A second save goes against the new eTag, not the one first loaded.
    await act(async () => void (await result.current.save({ ...edited, caseReference: 'KI-2026-014C' })));
    expect(store.saveCalls.at(-1)?.outcome).toBe('saved');
  });

  it("never overwrites someone else's save: the conflict carries their version and ours is kept for merging", async () => {
    const store = new InMemoryPlanStore([demoPlan()]);
    const { result } = renderHook(() => usePlan('plan-ki-2026-014'), { wrapper: withStore(store) });
    await waitFor(() => expect(result.current.status).toBe('ready'));
    const { plan } = ready(result.current);
    const mine = { ...plan, citizenName: 'Jens H.' };
    const theirs = store.saveAsSomeoneElse({ ...plan, caseReference: 'KI-2026-099' });

    let outcome: Awaited<ReturnType<typeof result.current.save>> | undefined;
    await act(async () => void (outcome = await result.current.save(mine)));
    expect(outcome?.ok === false && outcome.kind).toBe('conflict');
    expect(store.current('plan-ki-2026-014').plan.caseReference).toBe('KI-2026-099');
    expect(result.current.conflict).toEqual(theirs);

    // The caller merges and saves on top of their version.
    await act(async () => void (await result.current.save({ ...theirs.plan, citizenName: 'Jens H.' }, theirs.eTag)));
    expect(result.current.conflict).toBeNull();
    expect(store.current('plan-ki-2026-014').plan).toMatchObject({
      caseReference: 'KI-2026-099',
      citizenName: 'Jens H.',
    });
  });

  it('keeps the loaded plan and reports a failed save, so the caller can try again', async () => {
    const store = new InMemoryPlanStore([demoPlan()]);
    const { result } = renderHook(() => usePlan('plan-ki-2026-014'), { wrapper: withStore(store) });
    await waitFor(() => expect(result.current.status).toBe('ready'));
    const { plan } = ready(result.current);
    store.failNext();
    await act(async () => void (await result.current.save({ ...plan, citizenName: 'x' })));
    expect(result.current.saveFailure?.code).toBe('NetworkError');
    expect(result.current.status).toBe('ready');
    expect(result.current.saving).toBe(false);
  });

  it("picks up another panel's saved change on reload, without going back to loading", async () => {
    const store = new InMemoryPlanStore([demoPlan()]);
    const { result } = renderHook(() => usePlan('plan-ki-2026-014'), { wrapper: withStore(store) });
    await waitFor(() => expect(result.current.status).toBe('ready'));
    store.saveAsSomeoneElse({ ...ready(result.current).plan, caseReference: 'KI-2026-100' });
    const states: string[] = [];
    await act(async () => {
      const reloading = result.current.reload();
      states.push(result.current.status);
      await reloading;
    });
    expect(states).toEqual(['ready']);
    expect(ready(result.current).plan.caseReference).toBe('KI-2026-100');
  });
});

describe('usePlans: every plan in the store', () => {
  it('lists the plans by case reference', async () => {
    const store = new InMemoryPlanStore([
      aPlan().withId('plan-b').withCaseReference('KI-2026-020').build(),
      demoPlan(),
    ]);
    const { result } = renderHook(() => usePlans(), { wrapper: withStore(store) });
    await waitFor(() => expect(result.current.status).toBe('ready'));
    expect(result.current.status === 'ready' && result.current.plans.map((p) => p.plan.caseReference)).toEqual([
      'KI-2026-014',
      'KI-2026-020',
    ]);
  });
});
