import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { addressOf } from '../../../src/domain/plan/planAddress';
import type { Outcome } from '../../../src/domain/ports/outcome';
import type { MyPlans, SaveOutcome, StoredPlan } from '../../../src/domain/ports/planStore';
import { SEEDED_PLAN_ID } from '../../../sandbox/seedPlan';
import { startSandbox, type RunningSandbox } from '../../support/sandboxProcess';
import { clearFaults, injectFault, plansAs, resetStats, stats, upn } from './graphSandbox';

/**
 * The plan store on SharePoint Embedded, against the sandbox: each plan a container of its own, listed only for its
 * members, refused by Microsoft 365 itself to everyone else, written only with If-Match / If-None-Match.
 */

let sandbox: RunningSandbox;
const SEEDED = SEEDED_PLAN_ID;

const unwrap = <T>(outcome: Outcome<T> | SaveOutcome | undefined): T => {
  if (!outcome?.ok) throw new Error(`expected success, got ${JSON.stringify(outcome)}`);
  return outcome.value as T;
};

/** A plain request with the user's own token, as anyone could send from the browser's console. */
const raw = async (user: string, method: string, path: string, tenant?: string) => {
  const token = (await (
    await fetch(`${sandbox.origin}/_sandbox/token?user=${encodeURIComponent(user)}${tenant ? `&tenant=${tenant}` : ''}`)
  ).json()) as { access_token: string };
  const response = await fetch(`${sandbox.origin}/v1.0${path}`, {
    method,
    headers: { Authorization: `Bearer ${token.access_token}`, 'Content-Type': 'application/json' },
    ...(method === 'PUT' ? { body: '{}' } : {}),
  });
  return { status: response.status, text: await response.text() };
};

beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(async () => {
  await sandbox?.stop();
});
beforeEach(async () => {
  await clearFaults(sandbox);
  await resetStats(sandbox);
});

const containerOf = (planId: string) => addressOf(planId)?.containerId ?? '';

describe('GraphPlanStore on SharePoint Embedded, against the sandbox', () => {
  it('loads the seeded plan with its eTag and the koordinator’s role', async () => {
    const stored = unwrap<StoredPlan>(await plansAs(sandbox, upn.mette).planStore.load(SEEDED));
    expect(stored.plan.caseReference).toBe('KI-2026-014');
    expect(stored.plan.citizenName).toBe('Jens Holm');
    expect(stored.eTag).not.toBe('');
    expect(stored.myRole).toBe('owner');
  });

  it('lists only the plans I hold a role on', async () => {
    const mine = unwrap<MyPlans>(await plansAs(sandbox, upn.mette).planStore.list());
    expect(mine.plans.map((p) => p.plan.id)).toContain(SEEDED);
    const mikkel = unwrap<MyPlans>(await plansAs(sandbox, upn.mikkel).planStore.list());
    expect(mikkel.plans.map((p) => p.plan.caseReference)).not.toContain('KI-2026-014');
    expect(mikkel.unreadable).toEqual([]);
  });

  it('refuses someone the consent does not cover: Graph answers 403 on every path and no plan byte leaves', async () => {
    const outcome = await plansAs(sandbox, upn.mikkel).planStore.load(SEEDED);
    expect(outcome).toMatchObject({ ok: false });
    expect(outcome.ok ? null : outcome.kind).toMatch(/forbidden|notFound/);
    const container = containerOf(SEEDED);
    for (const path of [
      `/drives/${container}/root:/plan.json`,
      `/drives/${container}/root:/plan.json:/content`,
      `/drives/${container}/root/children`,
      `/storage/fileStorage/containers/${container}`,
      `/storage/fileStorage/containers/${container}/permissions`,
    ]) {
      const answer = await raw(upn.mikkel, 'GET', path);
      expect(answer.status, path).toBe(403);
      expect(answer.text, path).not.toContain('Jens Holm');
    }
    expect((await raw(upn.mikkel, 'PUT', `/drives/${container}/root:/plan.json:/content`)).status).toBe(403);
    expect((await stats(sandbox)).downloads).toBe(0);
  });

  it('opens a plan of another organisation for a region participant the consent covers, as the guest she is there', async () => {
    const karen = plansAs(sandbox, upn.karen);
    const stored = unwrap<StoredPlan>(await karen.planStore.load(SEEDED));
    expect(stored.plan.caseReference).toBe('KI-2026-014');
    expect(stored.myRole).toBe('reader');
    // Her plans tab finds it too: through her own index of other organisations' plans.
    const listed = unwrap<MyPlans>(await karen.planStore.list());
    expect(listed.plans.map((p) => p.plan.id)).toContain(SEEDED);
    expect(listed.places.map((p) => p.state)).toEqual(['listed', 'listed']);
  });

  it('lets a reader read but not write', async () => {
    const karen = plansAs(sandbox, upn.karen).planStore;
    const stored = unwrap<StoredPlan>(await karen.load(SEEDED));
    const outcome = await karen.save({ ...stored.plan, updatedAt: '2026-10-01T10:00:00.000Z' }, stored.eTag);
    expect(outcome).toMatchObject({ ok: false, kind: 'forbidden' });
    const again = unwrap<StoredPlan>(await karen.load(SEEDED));
    expect(again.eTag).toBe(stored.eTag);
  });

  it('saves with the eTag it loaded, and the next load sees the change', async () => {
    const store = plansAs(sandbox, upn.mette).planStore;
    const loaded = unwrap<StoredPlan>(await store.load(SEEDED));
    const changed = { ...loaded.plan, updatedAt: '2026-10-01T10:00:00.000Z' };
    const saved = unwrap<StoredPlan>(await store.save(changed, loaded.eTag));
    expect(saved.eTag).not.toBe(loaded.eTag);
    const again = unwrap<StoredPlan>(await store.load(SEEDED));
    expect(again).toMatchObject({ plan: changed, eTag: saved.eTag });
  });

  it('never overwrites a newer save: a stale eTag gives a conflict holding what is stored now', async () => {
    const referent = plansAs(sandbox, upn.aisha).planStore;
    const koordinator = plansAs(sandbox, upn.mette).planStore;
    const base = unwrap<StoredPlan>(await koordinator.load(SEEDED));
    const theirs = unwrap<StoredPlan>(
      await referent.save({ ...base.plan, updatedAt: '2026-10-02T09:00:00.000Z' }, base.eTag),
    );

    const outcome = await koordinator.save({ ...base.plan, updatedAt: '2026-10-02T09:05:00.000Z' }, base.eTag);

    expect(outcome).toMatchObject({ ok: false, kind: 'conflict', current: { plan: theirs.plan, eTag: theirs.eTag } });
    expect(unwrap<StoredPlan>(await koordinator.load(SEEDED)).plan.updatedAt).toBe('2026-10-02T09:00:00.000Z');
  });

  it('makes a new plan in a place of its own, and refuses to create it a second time over the first', async () => {
    const store = plansAs(sandbox, upn.mette).planStore;
    const seeded = unwrap<StoredPlan>(await store.load(SEEDED));
    const planId = unwrap<string>(await store.reserve('KI-2026-099'));
    expect(addressOf(planId)?.tenantId).toBe(addressOf(SEEDED)?.tenantId);
    const fresh = { ...seeded.plan, id: planId, caseReference: 'KI-2026-099', meetings: [], access: null };
    const created = unwrap<StoredPlan>(await store.save(fresh, null));
    expect(unwrap<StoredPlan>(await store.load(planId)).eTag).toBe(created.eTag);

    const twice = await store.save({ ...fresh, citizenName: 'En anden' }, null);
    expect(twice).toMatchObject({ ok: false, kind: 'conflict', current: { plan: { citizenName: 'Jens Holm' } } });
    // Nobody else holds a role on it yet: a colleague in the same organisation cannot open it.
    expect(await plansAs(sandbox, upn.mikkel).planStore.load(planId)).toMatchObject({ ok: false });
  });

  it('reports a plan that is not there as not found', async () => {
    const store = plansAs(sandbox, upn.mette).planStore;
    const tenant = addressOf(SEEDED)?.tenantId ?? '';
    expect(await store.load(`${tenant}~b!findesikke`)).toMatchObject({ ok: false });
    expect(await store.load('plan-findes-ikke')).toMatchObject({ ok: false, kind: 'notFound' });
  });

  it('refuses a malformed document with a clear error instead of crashing', async () => {
    const me = plansAs(sandbox, upn.mette);
    const planId = unwrap<string>(await me.planStore.reserve('KI-2026-098'));
    unwrap(
      await me.graph.send({
        method: 'PUT',
        path: `/drives/${containerOf(planId)}/root:/plan.json:/content`,
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ schemaVersion: 1, id: planId, caseReference: 42 }),
      }),
    );
    const outcome = await me.planStore.load(planId);
    expect(outcome).toMatchObject({ ok: false, kind: 'failed', code: 'invalidPlanDocument' });
    expect(outcome.ok || outcome.message).toMatch(/Plandokumentet kan ikke læses/);
  });

  it('rides out a throttled save, sending it once more', async () => {
    const store = plansAs(sandbox, upn.mette).planStore;
    const loaded = unwrap<StoredPlan>(await store.load(SEEDED));
    await injectFault(sandbox, { route: '^PUT /v1\\.0/drives/', kind: '429', count: 1, retryAfterSeconds: 1 });
    await resetStats(sandbox);
    const saved = await store.save({ ...loaded.plan, updatedAt: '2026-10-03T08:00:00.000Z' }, loaded.eTag);
    expect(saved.ok).toBe(true);
    const puts = Object.entries((await stats(sandbox)).batchItemsByRoute)
      .filter(([route]) => route.startsWith('PUT'))
      .reduce((sum, [, n]) => sum + n, 0);
    expect(puts).toBe(2);
  });
});
