import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../support/sandboxProcess';
import { USERS, signIn, tool, type Call, type GraphErrorShape } from './graphCall';

/** $batch semantics, fault injection (429 with Retry-After, 503, dropped connections) and request counting. */

interface BatchResponse {
  id: string;
  status: number;
  headers?: Record<string, string>;
  body?: { error?: { code: string }; id?: string; displayName?: string };
}

let sandbox: RunningSandbox;
let mette: Call;

beforeAll(async () => {
  sandbox = await startSandbox();
  mette = await signIn(sandbox, USERS.mette);
});

afterEach(async () => {
  await tool(sandbox, 'DELETE', '/_sandbox/faults');
});

afterAll(async () => {
  await sandbox?.stop();
});

const byId = (responses: BatchResponse[]): Map<string, BatchResponse> =>
  new Map(responses.map((response) => [response.id, response]));

describe('$batch', () => {
  it('answers each request with its own id, status, headers and body inside an outer 200', async () => {
    const reply = await mette<{ responses: BatchResponse[] }>('POST', '/$batch', {
      requests: [
        { id: '1', method: 'GET', url: '/me?$select=displayName' },
        { id: '2', method: 'GET', url: `/users/${USERS.peter}` },
        { id: '3', method: 'GET', url: '/users/ukendt@sundby-kommune.example' },
      ],
    });
    expect(reply.status).toBe(200);
    const responses = byId(reply.body.responses);
    expect(responses.get('1')?.body?.displayName).toBe('Mette Larsen');
    expect(responses.get('1')?.headers?.['Content-Type']).toMatch(/^application\/json/);
    expect(responses.get('2')?.status).toBe(200);
    expect(responses.get('3')?.status).toBe(404);
    // Graph does not promise the order of responses: clients must correlate by id.
    expect(reply.body.responses.map((response) => response.id)).not.toEqual(['1', '2', '3']);
  });

  it('runs dependents after their dependency and fails them with 424 when it fails', async () => {
    const reply = await mette<{ responses: BatchResponse[] }>('POST', '/$batch', {
      requests: [
        {
          id: 'bad',
          method: 'POST',
          url: '/me/sendMail',
          headers: { 'Content-Type': 'application/json' },
          body: { message: {} },
        },
        { id: 'after-bad', method: 'GET', url: '/me', dependsOn: ['bad'] },
        { id: 'good', method: 'GET', url: '/me' },
        { id: 'after-good', method: 'GET', url: '/me', dependsOn: ['good'] },
      ],
    });
    const responses = byId(reply.body.responses);
    expect(responses.get('bad')?.status).toBe(400);
    expect(responses.get('after-bad')?.status).toBe(424);
    expect(responses.get('after-good')?.status).toBe(200);
  });

  it('refuses a body without a Content-Type header in that request only', async () => {
    const reply = await mette<{ responses: BatchResponse[] }>('POST', '/$batch', {
      requests: [
        { id: '1', method: 'POST', url: '/me/todo/lists', body: { displayName: 'Indsatser' } },
        { id: '2', method: 'GET', url: '/me' },
      ],
    });
    const responses = byId(reply.body.responses);
    expect(responses.get('1')?.status).toBe(400);
    expect(responses.get('2')?.status).toBe(200);
  });
});

describe('faults', () => {
  it('answers 429 with Retry-After for the next N calls, then succeeds', async () => {
    await tool(sandbox, 'POST', '/_sandbox/faults', {
      route: '^GET /v1\\.0/me$',
      kind: '429',
      count: 2,
      retryAfterSeconds: 3,
    });
    const first = await mette('GET', '/me');
    expect(first.status).toBe(429);
    expect(first.headers.get('retry-after')).toBe('3');
    expect((first.body as { error: { code: string } }).error.code).toBe('TooManyRequests');
    expect((await mette('GET', '/me')).status).toBe(429);
    expect((await mette('GET', '/me')).status).toBe(200);
  });

  it('throttles single requests inside a batch, with Retry-After in that response’s headers', async () => {
    await tool(sandbox, 'POST', '/_sandbox/faults', {
      route: `^GET /v1\\.0/users/${USERS.peter.replace(/\./g, '\\.')}`,
      kind: '429',
      count: 1,
    });
    const reply = await mette<{ responses: BatchResponse[] }>('POST', '/$batch', {
      requests: [
        { id: 'a', method: 'GET', url: `/users/${USERS.peter}` },
        { id: 'b', method: 'GET', url: `/users/${USERS.jonas}` },
      ],
    });
    expect(reply.status).toBe(200);
    const responses = byId(reply.body.responses);
    expect(responses.get('a')?.status).toBe(429);
    expect(responses.get('a')?.headers?.['Retry-After']).toBe('1');
    expect(responses.get('b')?.status).toBe(200);
  });

  it('answers 503 when asked', async () => {
    await tool(sandbox, 'POST', '/_sandbox/faults', { route: 'GET /v1\\.0/me/people', kind: '503', count: 1 });
    const reply = await mette('GET', '/me/people');
    expect(reply.status).toBe(503);
    expect(reply.headers.get('retry-after')).not.toBeNull();
  });

  it('answers 504 as Graph’s gateway does: UnknownError, an empty message, no Retry-After', async () => {
    await tool(sandbox, 'POST', '/_sandbox/faults', { route: 'GET /v1\\.0/me/people', kind: '504', count: 1 });
    const reply = await mette<GraphErrorShape>('GET', '/me/people');
    expect(reply.status).toBe(504);
    expect(reply.body.error).toMatchObject({ code: 'UnknownError', message: '' });
    expect(reply.headers.get('retry-after')).toBeNull();
    expect((await mette('GET', '/me/people')).status).toBe(200);
  });

  it('drops the connection after doing the work, so the client cannot know it succeeded', async () => {
    await tool(sandbox, 'POST', '/_sandbox/faults', {
      route: 'POST /v1\\.0/me/todo/lists$',
      kind: 'dropAfter',
      count: 1,
    });
    await expect(mette('POST', '/me/todo/lists', { displayName: 'Tabt svar' })).rejects.toThrow();
    const lists = await mette<{ value: { displayName: string }[] }>('GET', '/me/todo/lists');
    expect(lists.body.value.filter((list) => list.displayName === 'Tabt svar')).toHaveLength(1);
  });

  it('drops the connection before doing anything', async () => {
    await tool(sandbox, 'POST', '/_sandbox/faults', { route: 'POST /v1\\.0/me/todo/lists$', kind: 'drop', count: 1 });
    await expect(mette('POST', '/me/todo/lists', { displayName: 'Aldrig gemt' })).rejects.toThrow();
    const lists = await mette<{ value: { displayName: string }[] }>('GET', '/me/todo/lists');
    expect(lists.body.value.some((list) => list.displayName === 'Aldrig gemt')).toBe(false);
  });

  it('slows a chosen route down by delayMs, then answers it normally', async () => {
    await tool(sandbox, 'POST', '/_sandbox/faults', {
      route: '^GET /v1\\.0/me/people',
      kind: 'slow',
      delayMs: 600,
      count: 1,
    });
    const started = performance.now();
    expect((await mette('GET', '/me/people')).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(590);
    const again = performance.now();
    expect((await mette('GET', '/me/people')).status).toBe(200);
    expect(performance.now() - again).toBeLessThan(590);
  });

  it('answers a fraction of the matching calls with the fault, and the rest normally', async () => {
    await tool(sandbox, 'POST', '/_sandbox/faults', { route: '^GET /v1\\.0/me$', kind: '429', fraction: 0.5 });
    const statuses: number[] = [];
    for (let call = 0; call < 60; call++) statuses.push((await mette('GET', '/me')).status);
    const throttled = statuses.filter((status) => status === 429).length;
    expect(statuses.every((status) => status === 200 || status === 429)).toBe(true);
    // Binomial(60, 0.5): outside 10..50 has a probability below one in a billion.
    expect(throttled).toBeGreaterThanOrEqual(10);
    expect(throttled).toBeLessThanOrEqual(50);
    // A fraction without a count stays until cleared; fraction 0 never fires, fraction 1 always.
    await tool(sandbox, 'DELETE', '/_sandbox/faults');
    await tool(sandbox, 'POST', '/_sandbox/faults', { route: '^GET /v1\\.0/me$', kind: '503', fraction: 0 });
    for (let call = 0; call < 5; call++) expect((await mette('GET', '/me')).status).toBe(200);
    await tool(sandbox, 'POST', '/_sandbox/faults', { route: '^GET /v1\\.0/me/people', kind: '503', fraction: 1 });
    for (let call = 0; call < 5; call++) expect((await mette('GET', '/me/people')).status).toBe(503);
  });

  it('combines a count with a fraction: the fault retires after firing count times', async () => {
    await tool(sandbox, 'POST', '/_sandbox/faults', {
      route: '^GET /v1\\.0/me$',
      kind: '429',
      fraction: 1,
      count: 2,
    });
    const statuses: number[] = [];
    for (let call = 0; call < 4; call++) statuses.push((await mette('GET', '/me')).status);
    expect(statuses).toEqual([429, 429, 200, 200]);
    expect((await tool<{ faults: unknown[] }>(sandbox, 'GET', '/_sandbox/faults')).faults).toEqual([]);
  });

  it('refuses a fault it cannot understand', async () => {
    const response = await fetch(`${sandbox.origin}/_sandbox/faults`, {
      method: 'POST',
      body: JSON.stringify({ route: '(', kind: '429' }),
    });
    expect(response.status).toBe(400);
  });
});

describe('statistics', () => {
  it('counts HTTP round trips and batch items apart', async () => {
    await tool(sandbox, 'POST', '/_sandbox/stats/reset');
    await mette('GET', '/me');
    await mette('POST', '/$batch', {
      requests: [
        { id: '1', method: 'GET', url: '/me' },
        { id: '2', method: 'GET', url: '/me/people' },
      ],
    });
    const stats = await tool<{ requests: number; batchItems: number; byRoute: Record<string, number> }>(
      sandbox,
      'GET',
      '/_sandbox/stats',
    );
    expect(stats.requests).toBe(2);
    expect(stats.batchItems).toBe(2);
    expect(stats.byRoute['GET /me']).toBe(1);
    expect(stats.byRoute['POST /$batch']).toBe(1);
  });
});

describe('latency', () => {
  it('adds the --latency-ms delay to every Graph request', async () => {
    const slow = await startSandbox({ latencyMs: 300 });
    try {
      const call = await signIn(slow, USERS.mette);
      const started = performance.now();
      expect((await call('GET', '/me')).status).toBe(200);
      expect(performance.now() - started).toBeGreaterThanOrEqual(290);
    } finally {
      await slow.stop();
    }
  });
});
