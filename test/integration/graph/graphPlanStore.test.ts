import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { GraphClient } from '../../../src/adapters/graph/graphClient';
import { GraphPlanStore } from '../../../src/adapters/graph/graphPlanStore';
import type { Outcome } from '../../../src/domain/ports/outcome';
import type { SaveOutcome, StoredPlan } from '../../../src/domain/ports/planStore';
import { startSandbox, type RunningSandbox } from '../../support/sandboxProcess';
import { clearFaults, graphAs, injectFault, resetStats, stats, upn } from './graphSandbox';

let sandbox: RunningSandbox;
let graph: GraphClient;
const location = { driveId: 'drive-tovholder', folder: 'Tovholder/plans' };
const SEEDED = 'plan-ki-2026-014';

const unwrap = <T>(outcome: Outcome<T> | SaveOutcome | undefined): T => {
  if (!outcome?.ok) throw new Error(`expected success, got ${JSON.stringify(outcome)}`);
  return outcome.value as T;
};

beforeAll(async () => {
  sandbox = await startSandbox();
  graph = graphAs(sandbox, upn.mette);
});
afterAll(async () => {
  await sandbox?.stop();
});
beforeEach(async () => {
  await clearFaults(sandbox);
  await resetStats(sandbox);
});

describe('GraphPlanStore against the sandbox', () => {
  it('loads the seeded plan with its eTag', async () => {
    const stored = unwrap<StoredPlan>(await new GraphPlanStore(graph, location).load(SEEDED));
    expect(stored.plan.caseReference).toBe('KI-2026-014');
    expect(stored.plan.citizenName).toBe('Jens Holm');
    expect(stored.eTag).not.toBe('');
  });

  it('lists the plans in the folder with their case references', async () => {
    const plans = unwrap<{ planId: string; caseReference: string }[]>(await new GraphPlanStore(graph, location).list());
    expect(plans).toContainEqual(expect.objectContaining({ planId: SEEDED, caseReference: 'KI-2026-014' }));
  });

  it('saves with the eTag it loaded, and the next load sees the change', async () => {
    const store = new GraphPlanStore(graph, location);
    const loaded = unwrap<StoredPlan>(await store.load(SEEDED));
    const changed = { ...loaded.plan, updatedAt: '2026-10-01T10:00:00.000Z' };
    const saved = unwrap<StoredPlan>(await store.save(changed, loaded.eTag));
    expect(saved.eTag).not.toBe(loaded.eTag);
    const again = unwrap<StoredPlan>(await store.load(SEEDED));
    expect(again).toEqual({ plan: changed, eTag: saved.eTag });
  });

  it('never overwrites a newer save: a stale eTag gives a conflict holding what is stored now', async () => {
    const referent = new GraphPlanStore(graphAs(sandbox, upn.aisha), location);
    const koordinator = new GraphPlanStore(graph, location);
    const base = unwrap<StoredPlan>(await koordinator.load(SEEDED));
    const theirs = unwrap<StoredPlan>(
      await referent.save({ ...base.plan, updatedAt: '2026-10-02T09:00:00.000Z' }, base.eTag),
    );

    const outcome = await koordinator.save({ ...base.plan, updatedAt: '2026-10-02T09:05:00.000Z' }, base.eTag);

    expect(outcome).toEqual({ ok: false, kind: 'conflict', current: theirs });
    expect(unwrap<StoredPlan>(await koordinator.load(SEEDED)).plan.updatedAt).toBe('2026-10-02T09:00:00.000Z');
  });

  it('creates a new plan, and refuses to create it a second time over the first', async () => {
    const store = new GraphPlanStore(graph, location);
    const seeded = unwrap<StoredPlan>(await store.load(SEEDED));
    const fresh = { ...seeded.plan, id: 'plan-ki-2026-099', caseReference: 'KI-2026-099', meetings: [] };
    const created = unwrap<StoredPlan>(await store.save(fresh, null));
    expect(unwrap<StoredPlan>(await store.load('plan-ki-2026-099')).eTag).toBe(created.eTag);

    const twice = await store.save({ ...fresh, citizenName: 'En anden' }, null);
    expect(twice).toMatchObject({ ok: false, kind: 'conflict', current: { plan: fresh } });
  });

  it('reports a plan that is not there as not found', async () => {
    expect(await new GraphPlanStore(graph, location).load('plan-findes-ikke')).toMatchObject({
      ok: false,
      kind: 'notFound',
    });
  });

  it('refuses a malformed document with a clear error instead of crashing', async () => {
    unwrap(
      await graph.send({
        method: 'PUT',
        path: '/drives/drive-tovholder/root:/Tovholder/plans/plan-oedelagt.json:/content',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ schemaVersion: 1, id: 'plan-oedelagt', caseReference: 42 }),
      }),
    );
    const outcome = await new GraphPlanStore(graph, location).load('plan-oedelagt');
    expect(outcome).toMatchObject({ ok: false, kind: 'failed', code: 'invalidPlanDocument' });
    expect(outcome.ok || outcome.message).toMatch(/Plandokumentet kan ikke læses/);
  });

  it('rides out a throttled save', async () => {
    const store = new GraphPlanStore(graph, location);
    const loaded = unwrap<StoredPlan>(await store.load(SEEDED));
    await injectFault(sandbox, { route: '^PUT /v1\\.0/drives/', kind: '429', count: 1, retryAfterSeconds: 1 });
    await resetStats(sandbox);
    const saved = await store.save({ ...loaded.plan, updatedAt: '2026-10-03T08:00:00.000Z' }, loaded.eTag);
    expect(saved.ok).toBe(true);
    expect(Object.entries((await stats(sandbox)).byRoute).find(([route]) => route.startsWith('PUT'))?.[1]).toBe(2);
  });
});
