/**
 * Opening the plans tab in a municipality with many plans (issue 14): 2000 plans in the tenant, the user in 30 of
 * them, 50 ms added to every Graph request. The app's way — list only my containers, one $batch for their items,
 * the documents six at a time — beside the first version's way measured in the same run: list the shared library's
 * folder and download every plan document in it (GraphLegacyPlanLibrary.list, which the move still uses).
 * Round trips and downloads are counted by the sandbox itself; the plan documents that reach the browser are what
 * a user outside a plan must never receive.
 */
import { performance } from 'node:perf_hooks';
import { addressOf } from '../../../src/domain/plan/planAddress';
import { demoPeople } from '../../support/builders';
import { plansAs } from '../../support/planPorts';
import { ratioOf, type Figure } from '../report';
import { progress } from '../support/resources';
import type { BenchSandbox } from '../support/sandbox';
import { median, round } from '../support/statistics';

export const PLANS_LIST = {
  id: 'plansListRoundTrips',
  title: 'Opening the plans tab: 2000 plans in the tenant, the user in 30 (sandbox, +50 ms per request)',
};

const IN_TENANT = 2000;
const MINE = 30;

interface Run {
  ms: number;
  requests: number;
  downloads: number;
  /** Response bytes from the sandbox (Graph's answers and the downloads), as the browser would receive them. */
  bytes: number;
  /** Plan documents that reached the user's browser. */
  documents: number;
}

/** Adds plan containers to the member's tenant (the member in `memberOf` of them); returns the member's. */
const addPlans = async (sandbox: BenchSandbox, member: string, count: number, memberOf: number): Promise<string[]> => {
  const response = await fetch(`${sandbox.origin}/_sandbox/bulkPlans`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ count, member, memberOf }),
  });
  if (!response.ok) throw new Error(`bulkPlans: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { planIds: string[] }).planIds;
};

/** Counts the bytes of every response from the sandbox while `work` runs (the Graph SDK fetches with global fetch). */
const countingBytes = async <T>(origin: string, work: () => Promise<T>): Promise<{ value: T; bytes: number }> => {
  const original = globalThis.fetch;
  let bytes = 0;
  const pending: Promise<void>[] = [];
  globalThis.fetch = async (input, init) => {
    const response = await original(input, init);
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (url.startsWith(origin))
      pending.push(
        response
          .clone()
          .arrayBuffer()
          .then((b) => {
            bytes += b.byteLength;
          })
          .catch(() => undefined),
      );
    return response;
  };
  try {
    const value = await work();
    await Promise.all(pending);
    return { value, bytes };
  } finally {
    globalThis.fetch = original;
  }
};

export const measurePlansList = async (sandbox: BenchSandbox, iterations: number): Promise<Figure> => {
  const member = demoPeople.peter.email as string;
  const ports = plansAs(sandbox, member, { client: { timeoutMs: 60_000 } });
  const legacy = ports.legacy;
  if (!legacy) throw new Error('no old library to compare with');

  const measure = async (work: () => Promise<number>): Promise<Run> => {
    await sandbox.resetStats();
    const started = performance.now();
    const { value: documents, bytes } = await countingBytes(sandbox.origin, work);
    const ms = performance.now() - started;
    const stats = await sandbox.stats();
    return { ms, requests: stats.requests, downloads: stats.downloads, bytes, documents };
  };
  const listMine = async (): Promise<{ run: Run; listed: string[] }> => {
    let listed: string[] = [];
    const run = await measure(async () => {
      const mine = await ports.planStore.list();
      if (!mine.ok) throw new Error(`list: ${mine.message}`);
      listed = mine.value.plans.map((p) => p.plan.id);
      return mine.value.plans.length + mine.value.unreadable.length;
    });
    return { run, listed };
  };

  // First a tenant where the user is in 30 of 30 new plans; then the same user in 30 of 2000.
  progress(`storing ${MINE} plans in the sandbox, ${member} in all of them`);
  const planIds = await addPlans(sandbox, member, MINE, MINE);
  const small: Run[] = [];
  for (let i = 0; i < iterations; i += 1) small.push((await listMine()).run);
  progress(`storing ${IN_TENANT - MINE} more plans, ${member} in none of them`);
  await addPlans(sandbox, member, IN_TENANT - MINE, 0);

  const real: Run[] = [];
  const old: Run[] = [];
  let listed: string[] = [];
  for (let i = 0; i < iterations; i += 1) {
    progress(`plans tab ${i + 1}/${iterations}`);
    const mine = await listMine();
    real.push(mine.run);
    listed = mine.listed;
    old.push(
      await measure(async () => {
        const all = await legacy.list();
        if (!all.ok) throw new Error(`old library: ${all.message}`);
        return all.value.entries.length;
      }),
    );
  }
  const missing = planIds.filter((id) => !listed.includes(id));
  if (missing.length > 0) throw new Error(`${missing.length} of the user's plans were not listed`);
  const foreign = listed.filter((id) => addressOf(id) === null);
  const last = (runs: Run[]) => runs[runs.length - 1] as Run;
  const realMs = median(real.map((r) => r.ms));
  const smallMs = median(small.map((r) => r.ms));
  const oldMs = median(old.map((r) => r.ms));
  const trips = (r: Run) => r.requests + r.downloads;
  return {
    id: PLANS_LIST.id,
    title: PLANS_LIST.title,
    status: 'measured',
    value: { value: round(realMs, 0), unit: 'ms' },
    baseline: { label: 'the first version (the library: every plan document)', value: round(oldMs, 0), unit: 'ms' },
    ratio: ratioOf(realMs, oldMs),
    targets: [
      {
        text: `the same round trips for ${MINE} of ${IN_TENANT} as for ${MINE} of ${MINE} (${trips(last(real))} vs ${trips(last(small))})`,
        met: trips(last(real)) === trips(last(small)),
      },
      {
        text: `only the user's own plan documents reach the browser (${last(real).documents}, not ${IN_TENANT})`,
        met: last(real).documents === last(small).documents,
      },
      { text: 'faster than reading the whole library', met: realMs < oldMs },
    ],
    notes: [
      `round trips: ${last(real).requests} + ${last(real).downloads} downloads; ${MINE} of ${MINE}: ${last(small).requests} + ${last(small).downloads}; the library: ${last(old).requests} + ${last(old).downloads}`,
      `bytes: ${round(last(real).bytes / 1024, 1)} KB (${MINE} of ${MINE}: ${round(last(small).bytes / 1024, 1)} KB; the library: ${round(last(old).bytes / 1024, 1)} KB)`,
      `wall time: ${round(realMs, 0)} ms (${MINE} of ${MINE}: ${round(smallMs, 0)} ms; the library: ${round(oldMs, 0)} ms)`,
      `plan documents in the browser: ${last(real).documents} (the library: ${last(old).documents})`,
    ],
    details: {
      plansInTenant: IN_TENANT,
      mine: MINE,
      iterations,
      wallTimeMs: {
        real: real.map((r) => round(r.ms, 0)),
        thirtyOfThirty: small.map((r) => round(r.ms, 0)),
        library: old.map((r) => round(r.ms, 0)),
      },
      runs: { real, thirtyOfThirty: small, library: old },
      notPlansOfAddress: foreign.length,
    },
  };
};
