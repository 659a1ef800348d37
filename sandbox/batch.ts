import { randomUUID } from 'node:crypto';
import { errorBody, badRequest } from './graph/errors';
import { asObject } from './graph/validation';
import type { Ctx, GraphRequest, GraphResponse, Router } from './router';

/**
 * POST /$batch: up to 20 requests, each dispatched in-process through the same router (with its own faults),
 * `dependsOn` respected, 424 Failed Dependency for dependents of a failed request, outer status 200.
 * Responses come back in reverse order on purpose: Graph does not keep the order, so clients must correlate by id.
 */

export const MAX_BATCH = 20;

interface BatchItem {
  id: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  body: unknown;
  dependsOn: string[];
}

const parseItems = (raw: unknown): BatchItem[] => {
  if (!Array.isArray(raw)) throw badRequest("Invalid batch payload: 'requests' must be an array.", 'BadRequest');
  if (raw.length === 0) throw badRequest("Invalid batch payload: 'requests' is empty.", 'BadRequest');
  if (raw.length > MAX_BATCH) {
    throw badRequest(
      `Invalid batch payload: a JSON batch holds at most ${MAX_BATCH} requests; this one has ${raw.length}.`,
      'BadRequest',
    );
  }
  const items = raw.map((entry, index): BatchItem => {
    const item = asObject(entry);
    if (!item) throw badRequest(`Invalid batch payload: request ${index} is not an object.`);
    if (typeof item.id !== 'string' || !item.id)
      throw badRequest(`Invalid batch payload: request ${index} has no string 'id'.`);
    if (typeof item.method !== 'string' || !/^(GET|POST|PUT|PATCH|DELETE)$/i.test(item.method)) {
      throw badRequest(`Invalid batch payload: request '${item.id}' has an invalid 'method'.`);
    }
    if (typeof item.url !== 'string' || !item.url)
      throw badRequest(`Invalid batch payload: request '${item.id}' has no 'url'.`);
    const headers: Record<string, string> = {};
    for (const [key, value] of Object.entries(asObject(item.headers) ?? {})) {
      if (typeof value === 'string') headers[key.toLowerCase()] = value;
    }
    const dependsOn = item.dependsOn === undefined ? [] : item.dependsOn;
    if (!Array.isArray(dependsOn) || !dependsOn.every((dep) => typeof dep === 'string')) {
      throw badRequest(`Invalid batch payload: 'dependsOn' of request '${item.id}' must be an array of ids.`);
    }
    return {
      id: item.id,
      method: item.method.toUpperCase(),
      url: item.url,
      headers,
      body: item.body,
      dependsOn: dependsOn as string[],
    };
  });
  const ids = new Set<string>();
  for (const item of items) {
    const key = item.id.toLowerCase();
    if (ids.has(key))
      throw badRequest(`Invalid batch payload: the id '${item.id}' is used twice (ids are case-insensitive).`);
    ids.add(key);
  }
  for (const item of items) {
    for (const dep of item.dependsOn) {
      if (!ids.has(dep.toLowerCase()))
        throw badRequest(`Invalid batch payload: request '${item.id}' depends on unknown id '${dep}'.`);
      if (dep.toLowerCase() === item.id.toLowerCase())
        throw badRequest(`Invalid batch payload: request '${item.id}' depends on itself.`);
    }
  }
  return items;
};

/** Dependencies first; a cycle is refused. */
const executionOrder = (items: BatchItem[]): BatchItem[] => {
  const byId = new Map(items.map((item) => [item.id.toLowerCase(), item]));
  const done = new Set<string>();
  const visiting = new Set<string>();
  const order: BatchItem[] = [];
  const visit = (item: BatchItem): void => {
    const key = item.id.toLowerCase();
    if (done.has(key)) return;
    if (visiting.has(key)) throw badRequest(`Invalid batch payload: 'dependsOn' has a cycle through '${item.id}'.`);
    visiting.add(key);
    for (const dep of item.dependsOn) {
      const target = byId.get(dep.toLowerCase());
      if (target) visit(target);
    }
    visiting.delete(key);
    done.add(key);
    order.push(item);
  };
  items.forEach(visit);
  return order;
};

const itemRequest = (item: BatchItem, outer: GraphRequest): GraphRequest | string => {
  if (/^[a-z]+:\/\//i.test(item.url)) return 'The url of a batch request must be relative to the version, e.g. "/me".';
  const url = new URL(item.url.startsWith('/') ? item.url : `/${item.url}`, 'http://batch');
  if (/^\/\$batch\/?$/i.test(url.pathname)) return 'A batch request cannot contain another $batch.';
  let body = Buffer.alloc(0);
  if (item.body !== undefined && item.body !== null) {
    const type = item.headers['content-type'];
    if (!type) return 'Content-Type header must be specified in the headers of a request that has a body.';
    if (/json/i.test(type))
      body = Buffer.from(typeof item.body === 'string' ? item.body : JSON.stringify(item.body), 'utf8');
    else if (typeof item.body === 'string') body = Buffer.from(item.body, 'base64');
    else return 'A non-JSON body must be a base64 string.';
  }
  return {
    method: item.method,
    path: url.pathname,
    query: url.searchParams,
    headers: item.headers,
    body,
    requestId: randomUUID(),
    clientRequestId: item.headers['client-request-id'] ?? outer.clientRequestId,
    inBatch: true,
  };
};

const itemHeaders = (response: GraphResponse): Record<string, string> => {
  const headers: Record<string, string> = { 'Cache-Control': 'no-cache', ...(response.headers ?? {}) };
  if (response.body !== undefined && !Buffer.isBuffer(response.body) && typeof response.body !== 'string') {
    headers['Content-Type'] ??=
      'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8';
  }
  return headers;
};

const batch = async (ctx: Ctx): Promise<GraphResponse> => {
  const payload = ctx.json();
  const items = parseItems(payload.requests);
  const order = executionOrder(items);
  const results = new Map<string, { status: number; headers: Record<string, string>; body?: unknown }>();
  let drop: 'before' | 'after' | undefined;
  for (const item of order) {
    const failedDep = item.dependsOn.find((dep) => {
      const result = results.get(dep.toLowerCase());
      return !result || result.status < 200 || result.status >= 300;
    });
    const requestId = randomUUID();
    if (failedDep !== undefined) {
      results.set(item.id.toLowerCase(), {
        status: 424,
        headers: { 'Content-Type': 'application/json' },
        body: errorBody(
          'FailedDependency',
          `The request depends on request '${failedDep}', which failed.`,
          requestId,
          ctx.req.clientRequestId,
        ),
      });
      continue;
    }
    const request = itemRequest(item, ctx.req);
    if (typeof request === 'string') {
      results.set(item.id.toLowerCase(), {
        status: 400,
        headers: { 'Content-Type': 'application/json' },
        body: errorBody('BadRequest', request, requestId, ctx.req.clientRequestId),
      });
      continue;
    }
    const response = await ctx.dispatch(request, { user: ctx.me, scopes: ctx.scopes });
    if (response.dropConnection) drop = 'after';
    const body = Buffer.isBuffer(response.body)
      ? response.body.toString('base64')
      : typeof response.body === 'string'
        ? Buffer.from(response.body).toString('base64')
        : response.body;
    results.set(item.id.toLowerCase(), {
      status: response.status,
      headers: itemHeaders(response),
      ...(body === undefined ? {} : { body }),
    });
  }
  const responses = [...items].reverse().map((item) => ({ id: item.id, ...results.get(item.id.toLowerCase()) }));
  return { status: 200, body: { responses }, ...(drop ? { dropConnection: drop } : {}) };
};

export const registerBatch = (router: Router): void => {
  // The batch itself changes nothing: each item is a route of its own, and the state is written once after all.
  router.add('POST', '/$batch', batch, { writes: false });
};
