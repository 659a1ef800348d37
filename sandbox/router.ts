import type { Caller } from './auth';
import type { Faults } from './faults';
import { GraphError, badRequest } from './graph/errors';
import type { Store, UserRecord } from './store';
import { requireSelf } from './graph/users';

/**
 * The Graph router: a table of routes whose handlers take a plain request and return a plain response,
 * so the HTTP server and `$batch` dispatch through the very same code.
 */

export interface GraphRequest {
  method: string;
  /** Path below /v1.0, still percent-encoded, e.g. `/chats/19%3A…/messages`. */
  path: string;
  query: URLSearchParams;
  /** Lower-cased header names. */
  headers: Record<string, string>;
  body: Buffer;
  requestId: string;
  clientRequestId: string;
  inBatch: boolean;
}

export interface GraphResponse {
  status: number;
  headers?: Record<string, string>;
  /** A JSON value, raw bytes, or nothing (204/202). */
  body?: unknown;
  /** Set by `$batch` when an item's fault drops the whole connection. */
  dropConnection?: 'before' | 'after';
}

export interface Sandbox {
  store: Store;
  faults: Faults;
  /** Fixed delay added to every /v1.0 request. */
  latencyMs: number;
}

export interface Ctx {
  req: GraphRequest;
  params: Record<string, string>;
  /**
   * The account acting: a member in their own tenant, or a guest account (kind `guest`) in another. Its `tenantId`
   * is the token's tenant, so every route reads the directory, drives and containers of the tenant the token is for.
   */
  me: UserRecord;
  /** The token's delegated scopes (`scp`). */
  scopes: string[];
  sandbox: Sandbox;
  /** e.g. http://127.0.0.1:5301 — for nextLinks and download URLs that the client follows. */
  origin: string;
  /** `${origin}/v1.0` */
  graphBase: string;
  now: number;
  /** Parses the body as JSON the way Graph does (Content-Type must say JSON). */
  json(): Record<string, unknown>;
  /** Dispatches another request through the router (used by `$batch`). */
  dispatch(request: GraphRequest, caller: Caller): Promise<GraphResponse>;
}

export type Handler = (ctx: Ctx) => GraphResponse | Promise<GraphResponse>;

export interface RouteOptions {
  /**
   * Whether the route changes the state. Default: every method but GET. The dispatcher writes the state to disk
   * after a write route answers below 400, before the answer leaves, so a handler never saves anything itself.
   * Pass `false` for the POSTs that only read (getSchedule, findMeetingTimes, `$batch`, whose items count apart).
   */
  writes?: boolean;
}

export interface Route {
  method: string;
  /** A template like `/chats/{chatId}/messages`, or a ready regex with named groups. */
  pattern: RegExp;
  /** Stable name for statistics, e.g. `POST /chats/{chatId}/messages`. */
  name: string;
  handler: Handler;
  writes: boolean;
}

const compile = (template: string): RegExp => {
  const source = template
    .split('/')
    .map((segment) => {
      const param = /^\{(\w+)\}$/.exec(segment);
      if (param) return `(?<${param[1] ?? ''}>[^/]+)`;
      return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('/');
  return new RegExp(`^${source}/?$`, 'i');
};

export class Router {
  readonly routes: Route[] = [];

  add(method: string, template: string, handler: Handler, options: RouteOptions = {}): this {
    return this.addPattern(method, template, compile(template), handler, options);
  }

  addPattern(method: string, name: string, pattern: RegExp, handler: Handler, options: RouteOptions = {}): this {
    const writes = options.writes ?? method !== 'GET';
    this.routes.push({ method, pattern, name: `${method} ${name}`, handler, writes });
    return this;
  }

  /**
   * A route on the signed-in user's own mailbox, calendar, chats or tasks, in both of Graph's forms:
   * `/me{template}` and `/users/{userId}{template}` (id or userPrincipalName). The second answers for the caller
   * themself only: anyone else in the directory is 403 `ErrorAccessDenied`, anyone outside it 404.
   */
  self(method: string, template: string, handler: Handler, options: RouteOptions = {}): this {
    this.add(method, `/me${template}`, handler, options);
    return this.add(
      method,
      `/users/{userId}${template}`,
      (ctx) => {
        requireSelf(ctx, ctx.params.userId ?? '');
        return handler(ctx);
      },
      options,
    );
  }

  /** Finds the route; throws Graph's 400 for an unknown segment and 405 for a wrong method. */
  match(method: string, path: string): { route: Route; params: Record<string, string> } {
    let pathMatched = false;
    for (const route of this.routes) {
      const found = route.pattern.exec(path);
      if (!found) continue;
      pathMatched = true;
      if (route.method !== method) continue;
      const params: Record<string, string> = {};
      for (const [key, value] of Object.entries(found.groups ?? {})) params[key] = safeDecode(value);
      return { route, params };
    }
    if (pathMatched)
      throw new GraphError(405, 'Request_BadRequest', `The method '${method}' is not allowed on this resource.`);
    const segment = path.split('/').filter(Boolean).pop() ?? '';
    throw badRequest(`Resource not found for the segment '${safeDecode(segment)}'.`);
  }

  /** The route's statistics name, or a generic one. */
  nameFor(method: string, path: string): string {
    for (const route of this.routes) if (route.method === method && route.pattern.test(path)) return route.name;
    return `${method} (unknown)`;
  }
}

export const safeDecode = (value: string): string => {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
};

export const parseJsonBody = (req: GraphRequest): Record<string, unknown> => {
  const type = req.headers['content-type'] ?? '';
  const text = req.body.toString('utf8');
  if (!/json/i.test(type) || !text.trim()) {
    throw badRequest(
      'Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.',
    );
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw badRequest(
      'Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.',
    );
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw badRequest('Invalid request body: a JSON object was expected.');
  }
  return parsed as Record<string, unknown>;
};
