import { describe, expect, it } from 'vitest';
import { MAX_BATCH_SIZE, chunkItems, type BatchItem } from '../../../../src/adapters/graph/graphBatch';
import * as z from 'zod/mini';
import {
  GraphClient,
  failureFromStatus,
  odataString,
  parseResponse,
  parseRetryAfterMs,
  query,
} from '../../../../src/adapters/graph/graphClient';

const get = (id: string, dependsOn?: string[]): BatchItem => ({
  id,
  method: 'GET',
  path: `/users/${id}`,
  ...(dependsOn ? { dependsOn } : {}),
});

describe('packing $batch requests', () => {
  it('sends 45 independent requests as three batches of at most 20', () => {
    const chunks = chunkItems(Array.from({ length: 45 }, (_, i) => get(`u${i}`)));
    expect(chunks.map((chunk) => chunk.length)).toEqual([20, 20, 5]);
  });

  it('keeps requests that depend on each other in the same batch', () => {
    const items = [
      ...Array.from({ length: 19 }, (_, i) => get(`u${i}`)),
      get('install'),
      get('tab', ['install']),
      get('after-tab', ['tab']),
    ];
    const chunks = chunkItems(items);
    const holding = (id: string) => chunks.findIndex((chunk) => chunk.some((item) => item.id === id));
    expect(holding('install')).toBe(holding('tab'));
    expect(holding('tab')).toBe(holding('after-tab'));
    expect(chunks.every((chunk) => chunk.length <= MAX_BATCH_SIZE)).toBe(true);
  });

  it('refuses more than 20 requests chained together, which Graph could never run in one batch', () => {
    const chain = Array.from({ length: 21 }, (_, i) => get(`u${i}`, i === 0 ? undefined : [`u${i - 1}`]));
    expect(() => chunkItems(chain)).toThrow(/20 per batch/);
  });
});

describe('Graph answers as outcomes', () => {
  it('maps statuses to the kinds the domain understands', () => {
    const body = { error: { code: 'ErrorX', message: 'Noget gik galt' } };
    expect(failureFromStatus(401, body, null, true).kind).toBe('unauthorized');
    expect(failureFromStatus(403, body, null, true).kind).toBe('forbidden');
    expect(failureFromStatus(404, body, null, true).kind).toBe('notFound');
    expect(failureFromStatus(400, body, null, true)).toMatchObject({
      kind: 'invalid',
      code: 'ErrorX',
      message: 'Noget gik galt',
    });
    expect(failureFromStatus(429, body, '7', true)).toMatchObject({ kind: 'throttled', retryAfterMs: 7000 });
    expect(failureFromStatus(503, body, null, true).kind).toBe('failed');
  });

  it('calls a server error on a post that may have gone through an unknown outcome, not a plain failure', () => {
    expect(failureFromStatus(500, {}, null, false)).toMatchObject({ kind: 'failed', code: 'unknownOutcome' });
    expect(failureFromStatus(504, {}, null, false)).toMatchObject({ kind: 'failed', code: 'unknownOutcome' });
    expect(failureFromStatus(503, {}, null, false).code).not.toBe('unknownOutcome');
    expect(failureFromStatus(500, {}, null, true).code).not.toBe('unknownOutcome');
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    expect(parseRetryAfterMs('2')).toBe(2000);
    expect(parseRetryAfterMs('Thu, 04 Mar 2027 12:00:10 GMT', Date.parse('2027-03-04T12:00:00Z'))).toBe(10000);
    expect(parseRetryAfterMs(null)).toBeUndefined();
  });

  it('encodes OData query values, quotes and all', () => {
    expect(query({ $filter: `JoinWebUrl eq ${odataString("https://x/?a=1&b='2'")}` })).toBe(
      "?$filter=JoinWebUrl%20eq%20'https%3A%2F%2Fx%2F%3Fa%3D1%26b%3D''2'''",
    );
  });
});

describe('answers parsed with zod', () => {
  const Me = z.object({ id: z.string(), displayName: z.string(), mail: z.nullish(z.string()) });

  it('keeps the fields the app uses and lets Graph add others', () => {
    expect(parseResponse(Me, { id: 'u1', displayName: 'Mette', '@odata.context': 'x', extra: 1 }, 'GET /me')).toEqual({
      ok: true,
      value: { id: 'u1', displayName: 'Mette' },
    });
  });

  it('turns a missing or mistyped field into a failed outcome that says where, not a crash', () => {
    const outcome = parseResponse(Me, { id: 42, displayName: 'Mette' }, 'GET /me');
    expect(outcome).toMatchObject({ ok: false, kind: 'failed', code: 'malformedResponse' });
    expect(outcome.ok || outcome.message).toMatch(/GET \/me \(id: /);
    expect(parseResponse(Me, null, 'GET /me')).toMatchObject({ ok: false, code: 'malformedResponse' });
  });
});

describe('the base URL', () => {
  const tokenSource = { getToken: () => Promise.resolve('t') };

  it('points at Microsoft Graph or at the sandbox, with /v1.0 or without', () => {
    const graph = new GraphClient({ baseUrl: 'https://graph.microsoft.com', tokenSource });
    expect(graph.root).toBe('https://graph.microsoft.com/v1.0');
    expect(graph.bindUrl("/users('u1')")).toBe("https://graph.microsoft.com/v1.0/users('u1')");
    const sandbox = new GraphClient({ baseUrl: 'http://127.0.0.1:5301/v1.0/', tokenSource });
    expect(sandbox.origin).toBe('http://127.0.0.1:5301');
    expect(sandbox.root).toBe('http://127.0.0.1:5301/v1.0');
    expect(sandbox.pathOf('http://127.0.0.1:5301/v1.0/me/events?$skip=10')).toBe('/me/events?$skip=10');
    expect(sandbox.pathOf('https://graph.microsoft.com/v1.0/me/events')).toBeNull();
  });
});
