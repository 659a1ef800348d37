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
  /** Plan documents that reached the user's browser. */
  documents: number;
}

export const measurePlansList = async (sandbox: BenchSandbox, iterations: number): Promise<Figure> => {
  const member = demoPeople.peter.email as string;
  progress(`storing ${IN_TENANT} plans in the sandbox (${member} in ${MINE} of them)`);
  const response = await fetch(`${sandbox.origin}/_sandbox/bulkPlans`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ count: IN_TENANT, member, memberOf: MINE }),
  });
  if (!response.ok) throw new Error(`bulkPlans: ${response.status} ${await response.text()}`);
  const { planIds } = (await response.json()) as { planIds: string[] };

  const ports = plansAs(sandbox, member, { client: { timeoutMs: 60_000 } });
  const legacy = ports.legacy;
  if (!legacy) throw new Error('no old library to compare with');

  const measure = async (work: () => Promise<number>): Promise<Run> => {
    await sandbox.resetStats();
    const started = performance.now();
    const documents = await work();
    const ms = performance.now() - started;
    const stats = await sandbox.stats();
    return { ms, requests: stats.requests, downloads: stats.downloads, documents };
  };

  const real: Run[] = [];
  const old: Run[] = [];
  let listed: string[] = [];
  for (let i = 0; i < iterations; i += 1) {
    progress(`plans tab ${i + 1}/${iterations}`);
    real.push(
      await measure(async () => {
        const mine = await ports.planStore.list();
        if (!mine.ok) throw new Error(`list: ${mine.message}`);
        listed = mine.value.plans.map((p) => p.plan.id);
        return mine.value.plans.length + mine.value.unreadable.length;
      }),
    );
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
  const oldMs = median(old.map((r) => r.ms));
  return {
    id: PLANS_LIST.id,
    title: PLANS_LIST.title,
    status: 'measured',
    value: { value: round(realMs, 0), unit: 'ms' },
    baseline: { label: 'the first version (the library: every plan document)', value: round(oldMs, 0), unit: 'ms' },
    ratio: ratioOf(realMs, oldMs),
    targets: [
      {
        text: `only the user's own plan documents reach the browser (${MINE} + the demo's, not ${IN_TENANT})`,
        met: last(real).documents < MINE + 10 && last(real).downloads < MINE + 10,
      },
      { text: 'faster than reading the whole library', met: realMs < oldMs },
    ],
    notes: [
      `round trips: ${last(real).requests} + ${last(real).downloads} downloads (the library: ${last(old).requests} + ${last(old).downloads})`,
      `plan documents in the browser: ${last(real).documents} (the library: ${last(old).documents})`,
    ],
    details: {
      plansInTenant: IN_TENANT,
      mine: MINE,
      iterations,
      wallTimeMs: { real: real.map((r) => round(r.ms, 0)), library: old.map((r) => round(r.ms, 0)) },
      runs: { real, library: old },
      notPlansOfAddress: foreign.length,
    },
  };
};
