import { Client, GraphError, HTTPMessageHandler, ResponseType } from '@microsoft/microsoft-graph-client';
import type { Context, GraphRequest, Middleware } from '@microsoft/microsoft-graph-client';
import type * as z from 'zod/mini';
import { issueText } from '../../domain/issueText';
import { failure, success, type Failure, type Outcome } from '../../domain/ports/outcome';
import { SignInRequiredError, type AccessTokenSource } from '../auth/accessTokenSource';
import { GRAPH_SCOPES } from '../auth/graphScopes';

/**
 * The one place that talks HTTP to Microsoft Graph (or to the local sandbox, which serves the same API).
 *
 * Built on @microsoft/microsoft-graph-client with a custom middleware chain:
 *   bearer token → per-attempt timeout → fetch.
 * The SDK's own AuthenticationHandler is not used because it only attaches tokens to https hosts, and the
 * sandbox runs on http://127.0.0.1. Retries are one loop in `send`, with one budget for every cause (429/503 for any
 * request; 500/502/504, timeouts and dropped connections for idempotent ones), and not the SDK's RetryHandler as well:
 * that one sees only answers, not a dropped connection, and the two together sent a GET that kept getting 504
 * sixteen times (test/integration/graph/graphRetries.test.ts). Everything that comes back is turned into an
 * `Outcome`; nothing throws for an expected failure.
 */

export const GRAPH_ORIGIN = 'https://graph.microsoft.com';
export const GRAPH_VERSION = 'v1.0';

export interface GraphClientOptions {
  /** `https://graph.microsoft.com` or the sandbox origin, e.g. `http://127.0.0.1:5301`; a trailing `/v1.0` is fine. */
  baseUrl: string;
  tokenSource: AccessTokenSource;
  /** Scopes asked of the token source; default: all of GRAPH_SCOPES. */
  scopes?: readonly string[];
  /** The tenant to act in (a plan's, where the user may be a guest); default the user's own. */
  tenantId?: string;
  /**
   * Retries of one plain request, one budget for every cause: after 429/503 (Graph did not process it), and for
   * idempotent requests after 500/502/504, a timeout or a dropped connection. Default 3: at most 4 sends in all.
   */
  maxRetries?: number;
  /** Per attempt. */
  timeoutMs?: number;
  /** Wait before a retry when Graph sends no Retry-After, in seconds (grows per attempt). */
  retryDelaySeconds?: number;
  /** A Retry-After longer than this is not waited out: the caller gets `throttled` with the time instead. */
  maxRetryAfterSeconds?: number;
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface GraphCall {
  method: HttpMethod;
  /** Below /v1.0, e.g. `/me/events`. Query values must already be URI-encoded (see `query`). */
  path: string;
  headers?: Record<string, string>;
  body?: unknown;
  /**
   * Whether sending it twice is harmless. A request that is not (a chat post, a mail) is never re-sent after an
   * answer that leaves its fate unknown (timeout, dropped connection, 500/502/504): it fails with `unknownOutcome`.
   * Default: true for GET, PUT, PATCH, DELETE; false for POST.
   */
  idempotent?: boolean;
  /** Read the body as text (file content) instead of JSON. */
  asText?: boolean;
  /** The caller retries itself (the $batch helper): no retries here, not even for 429. */
  noRetry?: boolean;
}

/** `unknownOutcome`: the request may or may not have taken effect; the caller must look before re-sending. */
export const UNKNOWN_OUTCOME = 'unknownOutcome';

const STATUS_NOT_PROCESSED = new Set([429, 503]);
const STATUS_UNKNOWN = new Set([500, 502, 504]);

export const isIdempotent = (call: Pick<GraphCall, 'method' | 'idempotent'>): boolean =>
  call.idempotent ?? call.method !== 'POST';

/** Builds an OData query string; values are encoded here, names (`$filter`) kept as Graph spells them. */
export const query = (params: Record<string, string | number | undefined>): string => {
  const parts = Object.entries(params)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([name, value]) => `${name}=${encodeURIComponent(String(value))}`);
  return parts.length === 0 ? '' : `?${parts.join('&')}`;
};

/** An OData string literal: single quotes doubled. */
export const odataString = (value: string): string => `'${value.replace(/'/g, "''")}'`;

/** Retry-After is seconds or an HTTP date. */
export const parseRetryAfterMs = (value: string | null | undefined, now: number = Date.now()): number | undefined => {
  if (value === null || value === undefined || value.trim() === '') return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
};

const graphErrorBody = (body: unknown): { code?: string; message?: string } => {
  let parsed: unknown = body;
  if (typeof body === 'string') {
    try {
      parsed = JSON.parse(body);
    } catch {
      return {};
    }
  }
  if (parsed && typeof parsed === 'object') {
    const inner = 'error' in parsed ? (parsed as { error: unknown }).error : parsed;
    if (inner && typeof inner === 'object') {
      const { code, message } = inner as { code?: unknown; message?: unknown };
      return {
        ...(typeof code === 'string' ? { code } : {}),
        ...(typeof message === 'string' ? { message } : {}),
      };
    }
  }
  return {};
};

/**
 * Maps an HTTP status and Graph's error body to a `Failure`. Used for plain requests and for items inside $batch.
 */
export const failureFromStatus = (
  status: number,
  body: unknown,
  retryAfter: string | null,
  idempotent: boolean,
): Failure => {
  // Graph's 504 comes with an empty message: the fallback then says at least what the status was.
  const parsed = graphErrorBody(body);
  const code = parsed.code || `http${status}`;
  const message = parsed.message || `Graph svarede ${status}`;
  if (status === 401) return failure('unauthorized', code, message, status);
  if (status === 403) return failure('forbidden', code, message, status);
  if (status === 404) return failure('notFound', code, message, status);
  if (status === 400) return failure('invalid', code, message, status);
  const retryAfterMs = parseRetryAfterMs(retryAfter);
  if (status === 429) return failure('throttled', code, message, status, retryAfterMs ?? 0);
  if (!idempotent && STATUS_UNKNOWN.has(status)) return failure('failed', UNKNOWN_OUTCOME, message, status);
  return failure('failed', code, message, status, retryAfterMs);
};

/** The error names a token source's refusal travels under through the SDK (which keeps only name and message). */
const NOT_IN_TENANT = 'NotInTenantError';
const CONSENT_NEEDED = 'ConsentRequiredError';
const B2B_BLOCKED = 'CrossTenantBlockedError';

/** A request that never got an HTTP answer: a timeout, a dropped connection, or no token. */
export const failureWithoutResponse = (name: string, message: string, idempotent: boolean): Failure => {
  if (name === 'SignInRequiredError') return failure('unauthorized', 'signInRequired', message);
  if (name === NOT_IN_TENANT) return failure('unauthorized', 'notInTenant', message);
  if (name === CONSENT_NEEDED) return failure('unauthorized', 'consentRequired', message);
  if (name === B2B_BLOCKED) return failure('forbidden', 'crossTenantBlocked', message);
  if (!idempotent) return failure('failed', UNKNOWN_OUTCOME, message);
  if (name === 'TimeoutError' || name === 'AbortError') return failure('failed', 'timeout', message);
  return failure('failed', 'network', message);
};

/** Maps what the SDK threw to a `Failure`; anything that is not a GraphError is a bug and is re-thrown. */
export const failureFromGraphError = (error: unknown, idempotent: boolean): Failure => {
  if (!(error instanceof GraphError)) throw error;
  const status = error.statusCode;
  if (status === undefined || status < 100 || error.code === 'TimeoutError' || error.code === 'AbortError') {
    return failureWithoutResponse(
      error.code ?? 'Error',
      error.message || 'Ingen forbindelse til Microsoft Graph',
      idempotent,
    );
  }
  const retryAfter = error.headers ? error.headers.get('Retry-After') : null;
  const body: unknown = error.body;
  const fromBody = graphErrorBody(body);
  return failureFromStatus(
    status,
    { error: { code: error.code ?? fromBody.code, message: error.message || fromBody.message } },
    retryAfter,
    idempotent,
  );
};

/** Sets the bearer token on requests to our Graph origin, and only there. */
class BearerTokenHandler implements Middleware {
  private next: Middleware | undefined;

  constructor(
    private readonly origin: string,
    private readonly tokenSource: AccessTokenSource,
    private readonly scopes: readonly string[],
    private readonly tenantId: string | undefined,
  ) {}

  async execute(context: Context): Promise<void> {
    const url = typeof context.request === 'string' ? context.request : context.request.url;
    const options = (context.options ??= {});
    const headers = new Headers(options.headers);
    if (new URL(url).origin === this.origin) {
      headers.set('Authorization', `Bearer ${await this.token()}`);
    } else {
      headers.delete('Authorization');
    }
    options.headers = Object.fromEntries(headers.entries());
    await this.nextMiddleware().execute(context);
  }

  private async token(): Promise<string> {
    try {
      return await this.tokenSource.getToken([...this.scopes], this.tenantId);
    } catch (error) {
      if (error instanceof SignInRequiredError && error.code !== 'signIn') {
        const named = new Error(error.message);
        named.name =
          error.code === 'notInTenant' ? NOT_IN_TENANT : error.code === 'blocked' ? B2B_BLOCKED : CONSENT_NEEDED;
        throw named;
      }
      throw error;
    }
  }

  setNext(next: Middleware): void {
    this.next = next;
  }

  private nextMiddleware(): Middleware {
    if (!this.next) throw new Error('BearerTokenHandler is the last middleware: the chain is wired wrong');
    return this.next;
  }
}

/** Aborts one attempt that takes longer than `timeoutMs` to answer; each retry gets its own. */
class TimeoutHandler implements Middleware {
  private next: Middleware | undefined;

  constructor(private readonly timeoutMs: number) {}

  async execute(context: Context): Promise<void> {
    const options = (context.options ??= {});
    const callerSignal = options.signal ?? undefined;
    const controller = new AbortController();
    const timer = setTimeout(
      () =>
        controller.abort(
          new DOMException(`Microsoft Graph svarede ikke inden for ${this.timeoutMs} ms`, 'TimeoutError'),
        ),
      this.timeoutMs,
    );
    options.signal = callerSignal ? AbortSignal.any([callerSignal, controller.signal]) : controller.signal;
    try {
      if (!this.next) throw new Error('TimeoutHandler is the last middleware: the chain is wired wrong');
      await this.next.execute(context);
    } finally {
      clearTimeout(timer);
      options.signal = callerSignal ?? null;
    }
  }

  setNext(next: Middleware): void {
    this.next = next;
  }
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

const splitBaseUrl = (baseUrl: string): { origin: string; version: string } => {
  const url = new URL(baseUrl);
  const version = url.pathname.replace(/^\/+|\/+$/g, '') || GRAPH_VERSION;
  return { origin: url.origin, version };
};

export class GraphClient {
  /** e.g. `https://graph.microsoft.com` */
  readonly origin: string;
  /** e.g. `https://graph.microsoft.com/v1.0`: the prefix of `@odata.bind` URLs and of `@odata.nextLink`. */
  readonly root: string;
  private readonly client: Client;
  private readonly maxRetries: number;
  private readonly retryDelaySeconds: number;
  private readonly maxRetryAfterSeconds: number;
  private readonly timeoutMs: number;

  constructor(options: GraphClientOptions) {
    const { origin, version } = splitBaseUrl(options.baseUrl);
    this.origin = origin;
    this.root = `${origin}/${version}`;
    this.maxRetries = options.maxRetries ?? 3;
    this.retryDelaySeconds = options.retryDelaySeconds ?? 1;
    this.maxRetryAfterSeconds = options.maxRetryAfterSeconds ?? 30;
    this.timeoutMs = options.timeoutMs ?? 30000;
    this.client = Client.initWithMiddleware({
      baseUrl: origin,
      defaultVersion: version,
      middleware: [
        new BearerTokenHandler(origin, options.tokenSource, options.scopes ?? GRAPH_SCOPES, options.tenantId),
        new TimeoutHandler(this.timeoutMs),
        new HTTPMessageHandler(),
      ],
    });
  }

  /** An absolute Graph URL (e.g. `@odata.nextLink`) as a path below the root, or null if it points elsewhere. */
  pathOf(url: string): string | null {
    return url.startsWith(`${this.root}/`) ? url.slice(this.root.length) : null;
  }

  /** `https://graph.microsoft.com/v1.0/users('…')` and friends, for `@odata.bind`. */
  bindUrl(path: string): string {
    return `${this.root}${path.startsWith('/') ? path : `/${path}`}`;
  }

  /**
   * Sends one request; the body that came back, or a Failure. The only retry loop for plain requests: at most
   * `maxRetries` more sends, whatever went wrong each time (`noRetry`: none).
   */
  async send(call: GraphCall): Promise<Outcome<unknown>> {
    const idempotent = isIdempotent(call);
    const budget = call.noRetry ? 0 : this.maxRetries;
    for (let attempt = 0; ; attempt++) {
      let outcome: Failure;
      let retryAfter: string | null = null;
      try {
        return success(await this.sendOnce(call));
      } catch (error) {
        outcome = failureFromGraphError(error, idempotent);
        if (error instanceof GraphError && error.headers) retryAfter = error.headers.get('Retry-After');
      }
      const waitMs =
        attempt < budget ? this.retryWaitMs(outcome, parseRetryAfterMs(retryAfter), idempotent, attempt) : null;
      if (waitMs === null) return outcome;
      await sleep(waitMs);
    }
  }

  /**
   * How long to wait before sending again, or null when it must not go again. A 429 or 503 means Graph did not
   * process the request, so re-sending is safe for any request; a 500/502/504, a timeout or a dropped connection
   * leaves its fate unknown, so only an idempotent request goes again. Graph's Retry-After is honoured, and one longer
   * than we are willing to keep the user waiting ends the tries (the caller gets `throttled` with the time).
   */
  private retryWaitMs(
    outcome: Failure,
    retryAfterMs: number | undefined,
    idempotent: boolean,
    attempt: number,
  ): number | null {
    const notProcessed = outcome.status !== null && STATUS_NOT_PROCESSED.has(outcome.status);
    const unknown =
      outcome.code === 'network' ||
      outcome.code === 'timeout' ||
      (outcome.status !== null && STATUS_UNKNOWN.has(outcome.status));
    if (!notProcessed && !(unknown && idempotent)) return null;
    const waitMs = retryAfterMs ?? this.retryDelaySeconds * 1000 * 2 ** attempt;
    return waitMs <= this.maxRetryAfterSeconds * 1000 ? waitMs : null;
  }

  /**
   * Reads a pre-authenticated download URL (a driveItem's `@microsoft.graph.downloadUrl`) as text. It carries its
   * own authorisation, so no token is sent; it gets the same timeout, and a dropped connection is tried again.
   */
  async download(url: string): Promise<Outcome<string>> {
    for (let attempt = 0; ; attempt++) {
      const controller = new AbortController();
      const timer = setTimeout(
        () =>
          controller.abort(new DOMException(`Download svarede ikke inden for ${this.timeoutMs} ms`, 'TimeoutError')),
        this.timeoutMs,
      );
      let outcome: Outcome<string>;
      try {
        const response = await fetch(url, { signal: controller.signal });
        const text = await response.text();
        outcome = response.ok
          ? success(text)
          : failureFromStatus(response.status, text, response.headers.get('Retry-After'), true);
      } catch (error) {
        const name = error instanceof Error ? error.name : 'Error';
        outcome = failureWithoutResponse(name, error instanceof Error ? error.message : String(error), true);
      } finally {
        clearTimeout(timer);
      }
      if (outcome.ok) return outcome;
      const passing = ['network', 'timeout'].includes(outcome.code) || outcome.status === 429 || outcome.status === 503;
      const waitMs = outcome.retryAfterMs ?? this.retryDelaySeconds * 1000 * 2 ** attempt;
      if (!passing || attempt >= this.maxRetries || waitMs > this.maxRetryAfterSeconds * 1000) return outcome;
      await sleep(waitMs);
    }
  }

  /** Sends one request and parses the answer with `schema`; a malformed answer is a `failed` outcome. */
  async request<T>(call: GraphCall, schema: z.ZodMiniType<T>): Promise<Outcome<T>> {
    const outcome = await this.send(call);
    if (!outcome.ok) return outcome;
    return parseResponse(schema, outcome.value, `${call.method} ${call.path.split('?')[0] ?? ''}`);
  }

  private async sendOnce(call: GraphCall): Promise<unknown> {
    const request: GraphRequest = this.client.api(call.path).headers(call.headers ?? {});
    if (call.asText) request.responseType(ResponseType.TEXT);
    switch (call.method) {
      case 'GET':
        return request.get();
      case 'POST':
        return request.post(call.body ?? {});
      case 'PUT':
        return request.put(call.body ?? {});
      case 'PATCH':
        return request.patch(call.body ?? {});
      case 'DELETE':
        return request.delete();
    }
  }
}

/** Parses a Graph answer with zod: a field the app uses that is missing or of the wrong type is a `failed` outcome. */
export const parseResponse = <T>(schema: z.ZodMiniType<T>, value: unknown, what: string): Outcome<T> => {
  const parsed = schema.safeParse(value, issueText);
  if (parsed.success) return success(parsed.data);
  const issue = parsed.error.issues[0];
  const where = issue ? `${issue.path.join('.') || '(rod)'}: ${issue.message}` : 'ukendt fejl';
  return failure('failed', 'malformedResponse', `Uventet svar fra Microsoft Graph på ${what} (${where})`);
};

export const createGraphClient = (options: GraphClientOptions): GraphClient => new GraphClient(options);
