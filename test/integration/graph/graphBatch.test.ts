import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sendBatch, type BatchItem } from '../../../src/adapters/graph/graphBatch';
import type { GraphClient } from '../../../src/adapters/graph/graphClient';
import { startSandbox, type RunningSandbox } from '../../support/sandboxProcess';
import { clearFaults, graphAs, inspect, injectFault, resetStats, stats, upn } from './graphSandbox';

let sandbox: RunningSandbox;
let graph: GraphClient;
let userIds: string[];

beforeAll(async () => {
  sandbox = await startSandbox();
  graph = graphAs(sandbox, upn.mette);
  const directory = await inspect<{ users: { id: string; kind: string; tenantId: string | null }[] }>(
    sandbox,
    '/_sandbox/users',
  );
  userIds = directory.users
    .filter((user) => user.kind === 'inTenant' && user.tenantId === '11111111-1111-4111-8111-111111111111')
    .map((user) => user.id);
});
afterAll(async () => {
  await sandbox?.stop();
});
beforeEach(async () => {
  await clearFaults(sandbox);
  await resetStats(sandbox);
});

const lookups = (count: number): BatchItem[] =>
  Array.from({ length: count }, (_, i) => ({
    id: `lookup-${i}`,
    method: 'GET',
    path: `/users/${userIds[i % userIds.length] ?? ''}?$select=id,displayName`,
  }));

describe('$batch against the sandbox', () => {
  it("sends 45 requests as three batches side by side and answers each under the caller's id", async () => {
    const results = await sendBatch(graph, lookups(45));
    expect(results.size).toBe(45);
    expect([...results.values()].every((outcome) => outcome.ok)).toBe(true);
    expect((await stats(sandbox)).byRoute['POST /$batch']).toBe(3);
  });

  it('sends the whole batch again when Graph throttles the batch itself', async () => {
    await injectFault(sandbox, { route: '^POST /v1\\.0/\\$batch', kind: '429', count: 1, retryAfterSeconds: 1 });
    const results = await sendBatch(graph, lookups(3));
    expect([...results.values()].every((outcome) => outcome.ok)).toBe(true);
    expect((await stats(sandbox)).byRoute['POST /$batch']).toBe(2);
  });

  it('re-sends only the items that were throttled, never one that succeeded', async () => {
    const items = lookups(5);
    const target = userIds[2] ?? '';
    await injectFault(sandbox, { route: `^GET /v1\\.0/users/${target}`, kind: '429', count: 2, retryAfterSeconds: 1 });
    const started = performance.now();
    const results = await sendBatch(graph, items, { baseDelayMs: 50 });
    expect([...results.values()].every((outcome) => outcome.ok)).toBe(true);
    const counted = await stats(sandbox);
    expect(counted.byRoute['POST /$batch']).toBe(3);
    expect(counted.batchItemsByRoute['GET /users/{userId}']).toBe(5 + 1 + 1);
    // Each retry waited the item's Retry-After (1 s), not the helper's own 50 ms back-off.
    expect(performance.now() - started).toBeGreaterThanOrEqual(1950);
  });

  it('after a partial failure re-sends only the failed reads, and never a post whose fate is unknown', async () => {
    const items: BatchItem[] = [
      ...lookups(4),
      {
        id: 'list',
        method: 'POST',
        path: '/me/todo/lists',
        body: { displayName: 'Delvis fejl' },
      },
    ];
    await injectFault(sandbox, { route: `^GET /v1\\.0/users/${userIds[1] ?? ''}`, kind: '503', count: 1 });
    await injectFault(sandbox, { route: `^GET /v1\\.0/users/${userIds[2] ?? ''}`, kind: '500', count: 1 });
    await injectFault(sandbox, { route: '^POST /v1\\.0/me/todo/lists', kind: '500', count: 1 });
    const results = await sendBatch(graph, items, { baseDelayMs: 50 });
    for (const id of ['lookup-0', 'lookup-1', 'lookup-2', 'lookup-3']) expect(results.get(id)?.ok).toBe(true);
    expect(results.get('list')).toMatchObject({ ok: false, kind: 'failed', code: 'unknownOutcome', status: 500 });
    const counted = await stats(sandbox);
    expect(counted.byRoute['POST /$batch']).toBe(2);
    expect(counted.batchItemsByRoute['GET /users/{userId}']).toBe(4 + 2);
    expect(counted.batchItemsByRoute['POST /me/todo/lists']).toBe(1);
  });

  it('stops after its bounded attempts and says the item is still throttled', async () => {
    await injectFault(sandbox, { route: `^GET /v1\\.0/users/${userIds[0] ?? ''}`, kind: '429', retryAfterSeconds: 0 });
    const results = await sendBatch(graph, lookups(1), { maxAttempts: 3 });
    expect(results.get('lookup-0')).toMatchObject({ ok: false, kind: 'throttled', status: 429 });
    expect((await stats(sandbox)).batchItemsByRoute['GET /users/{userId}']).toBe(3);
  });

  it('does not repeat a request Graph refused as wrong, and fails what depended on it', async () => {
    const results = await sendBatch(graph, [
      { id: 'missing', method: 'GET', path: '/users/findes-ikke@sundby-kommune.example' },
      { id: 'after', method: 'GET', path: '/me', dependsOn: ['missing'] },
    ]);
    expect(results.get('missing')).toMatchObject({ ok: false, kind: 'notFound' });
    expect(results.get('after')).toMatchObject({ ok: false, status: 424 });
    expect((await stats(sandbox)).byRoute['POST /$batch']).toBe(1);
  });
});
