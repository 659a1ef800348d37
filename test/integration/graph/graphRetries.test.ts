import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { UNKNOWN_OUTCOME } from '../../../src/adapters/graph/graphClient';
import { startSandbox, type RunningSandbox } from '../../support/sandboxProcess';
import { clearFaults, graphAs, injectFault, resetStats, stats, upn } from './graphSandbox';

/**
 * How many times one plain request reaches Graph when Graph keeps failing: once, plus at most `maxRetries` retries
 * (3 by default), whatever the failure — one layer of retries with one budget, counted by the sandbox.
 */

let sandbox: RunningSandbox;

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

const ME = '^GET /v1\\.0/me$';
const arrivals = async (route: string): Promise<number> => (await stats(sandbox)).byRoute[route] ?? 0;

describe('GraphClient retries, counted at the sandbox', () => {
  it('sends a GET that keeps getting 504 four times in all: the first try and three retries', async () => {
    await injectFault(sandbox, { route: ME, kind: '504' });
    const outcome = await graphAs(sandbox, upn.mette).send({ method: 'GET', path: '/me' });
    expect(outcome).toMatchObject({ ok: false, kind: 'failed', status: 504 });
    // Graph's 504 has an empty message; the failure still says what happened.
    expect(outcome.ok || outcome.message).toBe('Graph svarede 504');
    expect(await arrivals('GET /me')).toBe(4);
  });

  it('sends a GET that keeps getting 503 or 429 four times in all', async () => {
    await injectFault(sandbox, { route: ME, kind: '503', retryAfterSeconds: 0 });
    expect(await graphAs(sandbox, upn.mette).send({ method: 'GET', path: '/me' })).toMatchObject({
      ok: false,
      status: 503,
    });
    expect(await arrivals('GET /me')).toBe(4);

    await clearFaults(sandbox);
    await resetStats(sandbox);
    await injectFault(sandbox, { route: ME, kind: '429', retryAfterSeconds: 0 });
    expect(await graphAs(sandbox, upn.mette).send({ method: 'GET', path: '/me' })).toMatchObject({
      ok: false,
      kind: 'throttled',
      status: 429,
    });
    expect(await arrivals('GET /me')).toBe(4);
  });

  it('spends one budget across different failures: a drop, a 504, a 503 and a 504 are the four tries', async () => {
    await injectFault(sandbox, { route: ME, kind: 'drop', count: 1 });
    await injectFault(sandbox, { route: ME, kind: '504', count: 1 });
    await injectFault(sandbox, { route: ME, kind: '503', count: 1, retryAfterSeconds: 0 });
    await injectFault(sandbox, { route: ME, kind: '504' });
    const outcome = await graphAs(sandbox, upn.mette).send({ method: 'GET', path: '/me' });
    expect(outcome).toMatchObject({ ok: false, status: 504 });
    expect(await arrivals('GET /me')).toBe(4);
  });

  it('keeps to a smaller budget when given one, and stops as soon as Graph answers', async () => {
    await injectFault(sandbox, { route: ME, kind: '504' });
    await graphAs(sandbox, upn.mette, { maxRetries: 1 }).send({ method: 'GET', path: '/me' });
    expect(await arrivals('GET /me')).toBe(2);

    await clearFaults(sandbox);
    await resetStats(sandbox);
    await injectFault(sandbox, { route: ME, kind: '504', count: 2 });
    expect(await graphAs(sandbox, upn.mette).send({ method: 'GET', path: '/me' })).toMatchObject({ ok: true });
    expect(await arrivals('GET /me')).toBe(3);
  });

  it('never sends a POST again after a 504 (it may have run), but does after a 503 (it did not)', async () => {
    const graph = graphAs(sandbox, upn.mette);
    const create = { method: 'POST' as const, path: '/me/todo/lists', body: { displayName: 'Forsøg' } };
    await injectFault(sandbox, { route: '^POST /v1\\.0/me/todo/lists$', kind: '504' });
    expect(await graph.send(create)).toMatchObject({ ok: false, code: UNKNOWN_OUTCOME, status: 504 });
    expect(await arrivals('POST /me/todo/lists')).toBe(1);

    await clearFaults(sandbox);
    await resetStats(sandbox);
    await injectFault(sandbox, { route: '^POST /v1\\.0/me/todo/lists$', kind: '503', retryAfterSeconds: 0 });
    expect(await graph.send(create)).toMatchObject({ ok: false, status: 503 });
    expect(await arrivals('POST /me/todo/lists')).toBe(4);
  });
});
