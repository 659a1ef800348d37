import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_CONTAINER_TYPE_ID } from '../../../src/app/config';
import { PlanSchema } from '../../../src/domain/plan/planDocument';
import { startSandbox, type RunningSandbox } from '../../support/sandboxProcess';
import { USERS, signIn, tool, type Call } from './graphCall';

/** The benchmark's bulk seed: many plan containers (the member in some) and as many documents in the old library. */

let sandbox: RunningSandbox;
let jonas: Call;

beforeAll(async () => {
  sandbox = await startSandbox();
  jonas = await signIn(sandbox, USERS.jonas);
});

afterAll(async () => {
  await sandbox?.stop();
});

describe('POST /_sandbox/bulkPlans', () => {
  it('makes 2000 plans quickly; the member lists exactly theirs, page by page, and the old library holds 2000 more', async () => {
    const started = Date.now();
    const { planIds } = await tool<{ planIds: string[] }>(sandbox, 'POST', '/_sandbox/bulkPlans', {
      count: 2000,
      member: USERS.jonas,
      memberOf: 150,
    });
    expect(Date.now() - started).toBeLessThan(5000);
    expect(planIds).toHaveLength(150);

    const listed: string[] = [];
    let path: string | null = `/storage/fileStorage/containers?$filter=containerTypeId eq ${SANDBOX_CONTAINER_TYPE_ID}`;
    let pages = 0;
    while (path) {
      const page: { body: { value: { id: string }[]; '@odata.nextLink'?: string } } = await jonas('GET', path);
      listed.push(...page.body.value.map((c) => c.id));
      const next = page.body['@odata.nextLink'];
      path = next ? next.slice(sandbox.graphUrl.length) : null;
      pages++;
    }
    expect(pages).toBeGreaterThan(1);
    const mine = planIds.map((id) => id.split('~')[1]);
    expect(listed).toEqual(expect.arrayContaining(mine));
    // Jonas also holds his seeded role on KI-2026-014; nothing else.
    expect(listed).toHaveLength(151);

    const [first] = planIds;
    const containerId = first?.split('~')[1] ?? '';
    const item = await jonas<{ '@microsoft.graph.downloadUrl': string }>(
      'GET',
      `/drives/${encodeURIComponent(containerId)}/root:/plan.json`,
    );
    const plan = PlanSchema.parse(await (await fetch(item.body['@microsoft.graph.downloadUrl'])).json());
    expect(plan.id).toBe(first);

    const library = await jonas<{ value: unknown[]; '@odata.nextLink'?: string }>(
      'GET',
      '/drives/drive-tovholder/root:/Tovholder/plans:/children?$top=999',
    );
    expect(library.body['@odata.nextLink']).toBeDefined();
    expect(library.body.value).toHaveLength(999);
  });

  it('refuses a body it does not understand', async () => {
    const response = await fetch(`${sandbox.origin}/_sandbox/bulkPlans`, {
      method: 'POST',
      body: JSON.stringify({ count: 10, member: USERS.ole }),
    });
    expect(response.status).toBe(400);
  });
});
