import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { authenticate, scopesIn, type Caller } from './auth';
import { registerBatch } from './batch';
import { registerBulk } from './bulk';
import { Faults, type FaultRule } from './faults';
import { registerChats } from './graph/chats';
import { registerContainers } from './graph/containers';
import { registerDrive } from './graph/drive';
import { registerEvents } from './graph/events';
import { GraphError, errorBody } from './graph/errors';
import { registerInvitations } from './graph/invitations';
import { registerMail } from './graph/mail';
import { registerOnlineMeetings } from './graph/onlineMeetings';
import { registerScheduling } from './graph/scheduling';
import { registerTenantRelationships } from './graph/tenantRelationships';
import { registerTodo } from './graph/todo';
import { registerUsers } from './graph/users';
import { Router, parseJsonBody, type Ctx, type GraphRequest, type GraphResponse, type Sandbox } from './router';
import type { Store, UserRecord } from './store';
import { registerInspection } from './inspect';
import { handleTool } from './tools';
import { registerViewer } from './viewer/pages';

/**
 * The HTTP front: CORS for any origin, Graph at /v1.0 (latency, faults, auth, router, flush to disk),
 * tools and the viewer at /_sandbox.
 */

export const JSON_TYPE =
  'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8';
const MAX_BODY = 8 * 1024 * 1024;

export class Stats {
  requests = 0;
  byRoute: Record<string, number> = {};
  batchItems = 0;
  batchItemsByRoute: Record<string, number> = {};
  /** Follow-ups of drive content redirects (not Graph round trips, counted apart). */
  downloads = 0;

  count(name: string, inBatch: boolean): void {
    if (inBatch) {
      this.batchItems += 1;
      this.batchItemsByRoute[name] = (this.batchItemsByRoute[name] ?? 0) + 1;
    } else {
      this.requests += 1;
      this.byRoute[name] = (this.byRoute[name] ?? 0) + 1;
    }
  }

  reset(): void {
    this.requests = 0;
    this.byRoute = {};
    this.batchItems = 0;
    this.batchItemsByRoute = {};
    this.downloads = 0;
  }

  toJson(): Record<string, unknown> {
    return {
      requests: this.requests,
      byRoute: this.byRoute,
      batchItems: this.batchItems,
      batchItemsByRoute: this.batchItemsByRoute,
      downloads: this.downloads,
    };
  }
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export interface Outcome {
  response: GraphResponse;
  /** Drop the connection instead of answering ('before': nothing ran; 'after': the request ran). */
  drop: 'before' | 'after' | null;
}

export class GraphService {
  readonly router = new Router();
  readonly stats = new Stats();

  constructor(readonly sandbox: Sandbox) {
    registerUsers(this.router);
    registerEvents(this.router);
    registerScheduling(this.router);
    registerOnlineMeetings(this.router);
    registerChats(this.router);
    registerMail(this.router);
    registerDrive(this.router);
    registerContainers(this.router);
    registerInvitations(this.router);
    registerTodo(this.router);
    registerTenantRelationships(this.router);
    registerBatch(this.router);
  }

  /** A fault's answer, or null when the request should go on (after a 'slow' wait). */
  private async applyFault(fault: FaultRule | null, req: GraphRequest): Promise<Outcome | null> {
    if (!fault) return null;
    const error = (status: number, code: string, message: string, headers: Record<string, string> = {}): Outcome => ({
      response: { status, headers, body: errorBody(code, message, req.requestId, req.clientRequestId) },
      drop: null,
    });
    switch (fault.kind) {
      case '429':
        return error(429, 'TooManyRequests', 'Too many requests. Please retry after the time given in Retry-After.', {
          'Retry-After': String(fault.retryAfterSeconds),
        });
      case '503':
        return error(503, 'serviceNotAvailable', 'The service is temporarily unavailable. Please retry later.', {
          'Retry-After': String(fault.retryAfterSeconds),
        });
      case '500':
        return error(500, 'generalException', 'An unspecified error has occurred.');
      case '504':
        // Graph's gateway timeout: the request may or may not have run; Graph's body has code UnknownError and an
        // empty message, and no Retry-After.
        return error(504, 'UnknownError', '');
      case '403':
        return error(403, 'Forbidden', 'Access to this resource is forbidden by the tenant policy (sandbox fault).');
      case 'slow':
        await sleep(fault.delayMs);
        return null;
      case 'drop':
        return { response: { status: 0 }, drop: 'before' };
      case 'dropAfter':
        return null;
    }
  }

  /**
   * Runs one Graph request (top level or a `$batch` item) through faults, auth and the router. `known` is the caller
   * of a `$batch` item (or, in process, a user acting with their tenant's consented scopes); null: from the token.
   */
  async run(req: GraphRequest, origin: string, given: Caller | UserRecord | null): Promise<Outcome> {
    const known: Caller | null =
      given === null
        ? null
        : 'user' in given
          ? given
          : { user: given, scopes: scopesIn(this.sandbox.store.state, given.tenantId) };
    const name = this.router.nameFor(req.method, req.path);
    this.stats.count(name, req.inBatch);
    const search = req.query.toString();
    const fault = this.sandbox.faults.take(req.method, `/v1.0${req.path}${search ? `?${search}` : ''}`);
    const faulted = await this.applyFault(fault, req);
    if (faulted) return faulted;
    const store = this.sandbox.store;
    let response: GraphResponse;
    let writes = false;
    try {
      const caller = known ?? authenticate(store.state, req.headers['authorization']);
      const { route, params } = this.router.match(req.method, req.path);
      writes = route.writes;
      const ctx: Ctx = {
        req,
        params,
        me: caller.user,
        scopes: caller.scopes,
        sandbox: this.sandbox,
        origin,
        graphBase: `${origin}/v1.0`,
        now: Date.now(),
        json: () => parseJsonBody(req),
        dispatch: async (inner, innerCaller) => {
          const outcome = await this.run(inner, origin, innerCaller);
          return outcome.drop ? { ...outcome.response, dropConnection: outcome.drop } : outcome.response;
        },
      };
      response = await route.handler(ctx);
    } catch (error) {
      if (error instanceof GraphError) {
        response = {
          status: error.status,
          headers: error.headers,
          body: errorBody(error.code, error.message, req.requestId, req.clientRequestId),
        };
      } else {
        process.stderr.write(`sandbox: ${req.method} ${req.path} failed: ${(error as Error).stack ?? String(error)}\n`);
        response = {
          status: 500,
          body: errorBody(
            'generalException',
            'An unexpected error occurred in the sandbox.',
            req.requestId,
            req.clientRequestId,
          ),
        };
      }
    }
    // A write route that succeeded changed the state (handlers never mark it themselves). It goes to disk once
    // per HTTP request, before the answer: a $batch is written once, after all its items ran.
    if (writes && response.status < 400) store.touch();
    if (!req.inBatch) await store.persist();
    const dropAfter = fault?.kind === 'dropAfter' || response.dropConnection !== undefined;
    return { response, drop: dropAfter ? 'after' : null };
  }
}

const CORS_HEADERS: Record<string, string> = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Expose-Headers':
    'ETag, Retry-After, Location, request-id, client-request-id, Preference-Applied, Content-Location, x-ms-ags-diagnostic',
};

/**
 * The sandbox's own tools (tokens, inspection, faults) answer only this machine: a Host of 127.0.0.1, localhost or
 * [::1] (so a web page cannot reach them through a DNS name rebound to 127.0.0.1), and, from a browser, only pages
 * served from this machine (the app, the local Teams host, the viewer). Any other web page open while `npm start`
 * runs gets 403 and no CORS header, so it can neither take a demo token nor read the demo chats.
 */
const LOCAL_HOST = /^(?:127\.0\.0\.1|localhost|\[::1\])(?::\d{1,5})?$/i;
const LOCAL_ORIGIN = /^https?:\/\/(?:127\.0\.0\.1|localhost|\[::1\])(?::\d{1,5})?$/i;
const toolRefusal = (request: IncomingMessage): string | null => {
  const host = request.headers.host ?? '';
  if (!LOCAL_HOST.test(host)) return `The sandbox's tools answer only 127.0.0.1 and localhost, not the host '${host}'.`;
  const origin = request.headers.origin;
  if (origin !== undefined && !LOCAL_ORIGIN.test(origin))
    return `The sandbox's tools answer only pages served from this machine, not ${origin}.`;
  return null;
};
const toolCors = (request: IncomingMessage): Record<string, string> => {
  const origin = request.headers.origin;
  return origin && LOCAL_ORIGIN.test(origin) ? { 'Access-Control-Allow-Origin': origin, Vary: 'Origin' } : {};
};

const readBody = (request: IncomingMessage): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        reject(new GraphError(413, 'RequestEntityTooLarge', `The request body is larger than ${MAX_BODY} bytes.`));
        request.destroy();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });

export const sendResponse = (
  res: ServerResponse,
  response: GraphResponse,
  extraHeaders: Record<string, string> = {},
): void => {
  const headers: Record<string, string> = { ...CORS_HEADERS, ...extraHeaders, ...(response.headers ?? {}) };
  // The tools say for themselves whom they answer (extraHeaders sets it, or leaves it out for a refusal).
  if (extraHeaders['Access-Control-Allow-Origin'] === '') delete headers['Access-Control-Allow-Origin'];
  let payload: Buffer | null = null;
  if (Buffer.isBuffer(response.body)) {
    payload = response.body;
  } else if (typeof response.body === 'string') {
    payload = Buffer.from(response.body, 'utf8');
    headers['Content-Type'] ??= 'text/plain; charset=utf-8';
  } else if (response.body !== undefined) {
    payload = Buffer.from(JSON.stringify(response.body), 'utf8');
    headers['Content-Type'] ??= JSON_TYPE;
  }
  if (payload) headers['Content-Length'] = String(payload.length);
  else if (response.status !== 204 && response.status !== 304) headers['Content-Length'] = '0';
  res.writeHead(response.status, headers);
  res.end(payload ?? undefined);
};

const headerRecord = (request: IncomingMessage): Record<string, string> => {
  const headers: Record<string, string> = {};
  for (const [key, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers[key.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
};

export const createSandboxServer = (options: {
  store: Store;
  latencyMs: number;
}): { server: Server; graph: GraphService } => {
  const sandbox: Sandbox = { store: options.store, faults: new Faults(), latencyMs: options.latencyMs };
  const graph = new GraphService(sandbox);
  registerInspection();
  registerBulk();
  registerViewer();

  const server = createServer((request, res) => {
    void (async () => {
      const url = new URL(request.url ?? '/', 'http://sandbox');
      const origin = `http://${request.headers.host ?? '127.0.0.1'}`;
      // A file's pre-authenticated download URL stands in for SharePoint's, which any origin may fetch (the URL is
      // the credential, and short-lived): it is Graph's side, not one of the sandbox's tools.
      const isTool =
        !(url.pathname.startsWith('/v1.0/') || url.pathname === '/v1.0') &&
        !url.pathname.startsWith('/_sandbox/download/');
      if (isTool) {
        const refused = toolRefusal(request);
        if (refused) {
          sendResponse(
            res,
            { status: 403, body: { error: { code: 'sandboxTool', message: refused } } },
            { 'Access-Control-Allow-Origin': '' },
          );
          return;
        }
      }
      if (request.method === 'OPTIONS') {
        res.writeHead(204, {
          ...CORS_HEADERS,
          ...(isTool ? toolCors(request) : {}),
          'Access-Control-Allow-Methods': 'GET, POST, PUT, PATCH, DELETE, OPTIONS',
          'Access-Control-Allow-Headers':
            request.headers['access-control-request-headers'] ??
            'Authorization, If-Match, If-None-Match, Content-Type, client-request-id, ConsistencyLevel, Prefer',
          'Access-Control-Max-Age': '600',
        });
        res.end();
        return;
      }
      const headers = headerRecord(request);
      const requestId = randomUUID();
      const clientRequestId = headers['client-request-id'] ?? requestId;
      const idHeaders = { 'request-id': requestId, 'client-request-id': clientRequestId };
      let body: Buffer;
      try {
        body = await readBody(request);
      } catch (error) {
        if (error instanceof GraphError && !res.headersSent) {
          sendResponse(
            res,
            { status: error.status, body: errorBody(error.code, error.message, requestId, clientRequestId) },
            idHeaders,
          );
        }
        return;
      }
      if (url.pathname.startsWith('/v1.0/') || url.pathname === '/v1.0') {
        if (sandbox.latencyMs > 0) await sleep(sandbox.latencyMs);
        const req: GraphRequest = {
          method: request.method ?? 'GET',
          path: url.pathname.slice('/v1.0'.length) || '/',
          query: url.searchParams,
          headers,
          body,
          requestId,
          clientRequestId,
          inBatch: false,
        };
        const outcome = await graph.run(req, origin, null);
        if (outcome.drop) {
          request.socket.destroy();
          return;
        }
        sendResponse(res, outcome.response, {
          ...idHeaders,
          'x-ms-ags-diagnostic': JSON.stringify({
            ServerInfo: { DataCenter: 'Sandbox', Slice: 'E', Ring: '0', ScaleUnit: '0' },
          }),
        });
        return;
      }
      const tool = await handleTool({ method: request.method ?? 'GET', url, body, headers, origin }, graph);
      sendResponse(res, tool, isTool ? { 'Access-Control-Allow-Origin': '', ...toolCors(request) } : {});
    })().catch((error: unknown) => {
      process.stderr.write(`sandbox: ${(error as Error).stack ?? String(error)}\n`);
      if (!res.headersSent)
        sendResponse(res, { status: 500, body: { error: { code: 'generalException', message: 'sandbox failure' } } });
      else res.destroy();
    });
  });
  return { server, graph };
};
