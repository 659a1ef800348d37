import * as z from 'zod/mini';
import { failure, success, type Failure, type Outcome } from '../../domain/ports/outcome';
import {
  UNKNOWN_OUTCOME,
  failureFromStatus,
  isIdempotent,
  parseResponse,
  type GraphClient,
  type HttpMethod,
} from './graphClient';

/**
 * JSON batching (POST /$batch) with the retries the SDK does not do: Graph answers each request inside a batch on
 * its own, and a throttled item comes back as a 429 *inside* an outer 200, which no middleware sees.
 *
 * - at most 20 requests per $batch (Graph's limit); requests that depend on each other stay in one batch;
 * - every round, only the items that failed in a way worth repeating go again, after the longest Retry-After of
 *   the round; an item that succeeded is never re-sent; attempts are bounded;
 * - an item whose fate is unknown (5xx that may have been processed, or a lost outer answer) is re-sent only if it
 *   is idempotent; otherwise it is reported as `failed`/`unknownOutcome` so the caller can look before re-sending.
 */

export const MAX_BATCH_SIZE = 20;

export interface BatchItem {
  /** The caller's id: results come back keyed by it. Unique within one call. */
  id: string;
  method: HttpMethod;
  /** Below /v1.0, e.g. `/me/events`. */
  path: string;
  headers?: Record<string, string>;
  body?: unknown;
  /** Caller ids of items that must run (and succeed) first. */
  dependsOn?: string[];
  /** As in `GraphCall`: default true for GET/PUT/PATCH/DELETE, false for POST. */
  idempotent?: boolean;
}

export interface BatchItemResponse {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

export interface BatchOptions {
  /** Rounds per item, the first send included. */
  maxAttempts?: number;
  /** Longest wait between rounds; a longer Retry-After ends the retries with `throttled`. */
  maxWaitMs?: number;
  /** Wait when nothing says how long (grows per round). */
  baseDelayMs?: number;
  /** Told of each item as soon as its outcome is final (its answer arrived, or its last retry did). */
  onSettled?: (id: string, outcome: Outcome<BatchItemResponse>) => void;
}

const BatchResponseSchema = z.object({
  responses: z.array(
    z.object({
      id: z.string(),
      status: z.int(),
      headers: z.optional(z.record(z.string(), z.string())),
      body: z.optional(z.unknown()),
    }),
  ),
});

type ItemAnswer = { kind: 'answer'; response: BatchItemResponse } | { kind: 'lost'; failure: Failure };

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

const header = (headers: Record<string, string>, name: string): string | null => {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) if (key.toLowerCase() === wanted) return value;
  return null;
};

/** Groups items that depend on each other (transitively) and packs the groups into chunks of at most 20. */
export const chunkItems = (items: BatchItem[]): BatchItem[][] => {
  const parent = new Map<string, string>(items.map((item) => [item.id, item.id]));
  const find = (id: string): string => {
    let root = id;
    while (parent.get(root) !== root) root = parent.get(root) ?? root;
    return root;
  };
  for (const item of items) {
    for (const dependency of item.dependsOn ?? []) {
      if (parent.has(dependency)) parent.set(find(item.id), find(dependency));
    }
  }
  const groups = new Map<string, BatchItem[]>();
  for (const item of items) {
    const root = find(item.id);
    const group = groups.get(root) ?? [];
    group.push(item);
    groups.set(root, group);
  }
  const chunks: BatchItem[][] = [];
  for (const group of groups.values()) {
    if (group.length > MAX_BATCH_SIZE) {
      throw new Error(`${group.length} batch requests depend on each other; Graph allows ${MAX_BATCH_SIZE} per batch`);
    }
    const chunk = chunks.find((candidate) => candidate.length + group.length <= MAX_BATCH_SIZE);
    if (chunk) chunk.push(...group);
    else chunks.push([...group]);
  }
  return chunks;
};

const withJsonContentType = (item: BatchItem): Record<string, string> | undefined => {
  if (item.body === undefined) return item.headers;
  const headers = { ...(item.headers ?? {}) };
  if (header(headers, 'Content-Type') === null) headers['Content-Type'] = 'application/json';
  return headers;
};

/** Sends one chunk as one POST /$batch; every item gets an answer or is marked lost with the outer failure. */
const sendChunk = async (graph: GraphClient, chunk: BatchItem[]): Promise<Map<string, ItemAnswer>> => {
  // Graph's ids are ours to choose; short numeric ones keep the caller's ids (e-mails, keys) out of the wire format.
  const wireIds = new Map(chunk.map((item, index) => [item.id, String(index + 1)]));
  const callerIds = new Map([...wireIds].map(([callerId, wireId]) => [wireId, callerId]));
  const requests = chunk.map((item) => {
    const dependsOn = (item.dependsOn ?? []).flatMap((id) => {
      const wireId = wireIds.get(id);
      return wireId ? [wireId] : [];
    });
    const headers = withJsonContentType(item);
    return {
      id: wireIds.get(item.id),
      method: item.method,
      url: item.path,
      ...(headers ? { headers } : {}),
      ...(item.body === undefined ? {} : { body: item.body }),
      ...(dependsOn.length > 0 ? { dependsOn } : {}),
    };
  });
  const answers = new Map<string, ItemAnswer>();
  const outer = await graph.send({
    method: 'POST',
    path: '/$batch',
    body: { requests },
    idempotent: true,
    noRetry: true,
  });
  const parsed = outer.ok ? parseResponse(BatchResponseSchema, outer.value, 'POST /$batch') : outer;
  if (!parsed.ok) {
    for (const item of chunk) answers.set(item.id, { kind: 'lost', failure: parsed });
    return answers;
  }
  for (const response of parsed.value.responses) {
    const callerId = callerIds.get(response.id);
    if (callerId === undefined) continue;
    answers.set(callerId, {
      kind: 'answer',
      response: { status: response.status, headers: response.headers ?? {}, body: response.body ?? null },
    });
  }
  for (const item of chunk) {
    if (!answers.has(item.id)) {
      answers.set(item.id, {
        kind: 'lost',
        failure: failure('failed', 'missingBatchResponse', 'Microsoft Graph svarede ikke på en del af forespørgslen'),
      });
    }
  }
  return answers;
};

type Verdict =
  | { kind: 'done'; outcome: Outcome<BatchItemResponse> }
  | { kind: 'again'; retryAfterMs: number | undefined; last: Failure };

/** What one answer means for one item: finished (either way), or worth another round. */
const judge = (item: BatchItem, answer: ItemAnswer, retriedIds: ReadonlySet<string>): Verdict => {
  const idempotent = isIdempotent(item);
  if (answer.kind === 'lost') {
    const outer = answer.failure;
    // The outer request was refused before anything ran: safe to send everything again.
    if (outer.status === 429 || outer.status === 503) {
      return { kind: 'again', retryAfterMs: outer.retryAfterMs, last: outer };
    }
    const unknown = outer.status === null || outer.status >= 500 || outer.code === 'missingBatchResponse';
    if (unknown) {
      if (idempotent) return { kind: 'again', retryAfterMs: undefined, last: outer };
      return { kind: 'done', outcome: failure('failed', UNKNOWN_OUTCOME, outer.message, outer.status) };
    }
    return { kind: 'done', outcome: outer };
  }
  const { status, headers, body } = answer.response;
  if (status >= 200 && status < 300) return { kind: 'done', outcome: success(answer.response) };
  const itemFailure = failureFromStatus(status, body, header(headers, 'Retry-After'), idempotent);
  const notProcessed = status === 429 || status === 503;
  const unknown = status >= 500 && !notProcessed;
  const dependencyRetried = status === 424 && (item.dependsOn ?? []).some((id) => retriedIds.has(id));
  if (notProcessed || (unknown && idempotent) || dependencyRetried) {
    return { kind: 'again', retryAfterMs: itemFailure.retryAfterMs, last: itemFailure };
  }
  return { kind: 'done', outcome: itemFailure };
};

/**
 * Sends the items through POST /$batch (chunks of 20, sent side by side) and retries what failed.
 * The map has one entry per item id: the item's HTTP answer (2xx) or a Failure.
 */
export const sendBatch = async (
  graph: GraphClient,
  items: BatchItem[],
  options: BatchOptions = {},
): Promise<Map<string, Outcome<BatchItemResponse>>> => {
  const maxAttempts = options.maxAttempts ?? 4;
  const maxWaitMs = options.maxWaitMs ?? 30000;
  const baseDelayMs = options.baseDelayMs ?? 500;
  const ids = new Set<string>();
  for (const item of items) {
    if (ids.has(item.id)) throw new Error(`batch item id "${item.id}" is used twice`);
    ids.add(item.id);
  }

  const settled = new Map<string, Outcome<BatchItemResponse>>();
  const results = {
    get: (id: string) => settled.get(id),
    set: (id: string, outcome: Outcome<BatchItemResponse>) => {
      settled.set(id, outcome);
      options.onSettled?.(id, outcome);
    },
  };
  let pending = items;
  for (let attempt = 1; pending.length > 0; attempt++) {
    const pendingIds = new Set(pending.map((item) => item.id));
    // A dependency that already succeeded is not sent again, so the dependent no longer waits for it.
    const toSend = pending.map((item) => ({
      ...item,
      dependsOn: (item.dependsOn ?? []).filter((id) => pendingIds.has(id)),
    }));
    const answers = new Map<string, ItemAnswer>();
    for (const chunkAnswers of await Promise.all(chunkItems(toSend).map((chunk) => sendChunk(graph, chunk)))) {
      for (const [id, answer] of chunkAnswers) answers.set(id, answer);
    }

    // First pass: which items would go again (a 424 goes again only with the dependency that caused it).
    const verdicts = new Map<string, Verdict>();
    const retried = new Set<string>();
    for (const item of toSend) {
      const answer = answers.get(item.id);
      if (!answer) throw new Error(`no answer recorded for batch item ${item.id}`);
      const verdict = judge(item, answer, new Set());
      verdicts.set(item.id, verdict);
      if (verdict.kind === 'again') retried.add(item.id);
    }
    for (const item of toSend) {
      const answer = answers.get(item.id);
      if (answer?.kind === 'answer' && answer.response.status === 424) {
        const verdict = judge(item, answer, retried);
        verdicts.set(item.id, verdict);
        if (verdict.kind === 'again') retried.add(item.id);
      }
    }

    // An item never goes again without a dependency that has finally failed.
    for (let changed = true; changed;) {
      changed = false;
      for (const item of pending) {
        if (verdicts.get(item.id)?.kind !== 'again') continue;
        const failedDependency = (item.dependsOn ?? []).find((id) => {
          const verdict = verdicts.get(id);
          return verdict?.kind === 'done' ? !verdict.outcome.ok : results.get(id)?.ok === false;
        });
        if (failedDependency !== undefined) {
          const outcome = failure('failed', 'failedDependency', `Afhænger af ${failedDependency}, som fejlede`, 424);
          verdicts.set(item.id, { kind: 'done', outcome });
          changed = true;
        }
      }
    }

    const again: BatchItem[] = [];
    let waitMs = 0;
    let waitKnown = false;
    for (const item of pending) {
      const verdict = verdicts.get(item.id);
      if (!verdict) continue;
      if (verdict.kind === 'done') {
        results.set(item.id, verdict.outcome);
      } else if (attempt >= maxAttempts) {
        results.set(item.id, verdict.last);
      } else {
        again.push(item);
        if (verdict.retryAfterMs !== undefined) {
          waitKnown = true;
          waitMs = Math.max(waitMs, verdict.retryAfterMs);
        }
      }
    }
    if (again.length === 0) break;
    if (waitKnown && waitMs > maxWaitMs) {
      // Longer than the user should wait: hand the time back instead.
      for (const item of again) {
        const verdict = verdicts.get(item.id);
        if (verdict?.kind === 'again') results.set(item.id, verdict.last);
      }
      break;
    }
    await sleep(waitKnown ? waitMs : baseDelayMs * 2 ** (attempt - 1));
    pending = again;
  }
  return settled;
};

/** The outcome for one id, parsed with `schema` when it succeeded. */
export const batchResult = <T>(
  results: Map<string, Outcome<BatchItemResponse>>,
  id: string,
  schema: z.ZodMiniType<T>,
  what: string,
): Outcome<T> => {
  const outcome = results.get(id);
  if (!outcome) throw new Error(`no batch result for ${id}`);
  if (!outcome.ok) return outcome;
  return parseResponse(schema, outcome.value.body, what);
};
