/**
 * Fault injection for tests and the benchmark. A rule matches `METHOD /v1.0/path?query` with a regex and,
 * for its next `count` matches (or a `fraction` of them, or every one), answers 429/503/500/504/403, waits, or drops the
 * connection. Faults live in memory only: a restart clears them.
 */

export type FaultKind = '429' | '503' | '500' | '504' | '403' | 'slow' | 'drop' | 'dropAfter';

export interface FaultRule {
  id: string;
  route: string;
  kind: FaultKind;
  /** Fire for the next n matches, then retire. Unset: no limit. */
  count: number | null;
  /** Probability 0..1 that a match fires. Unset: always. */
  fraction: number | null;
  retryAfterSeconds: number;
  delayMs: number;
  fired: number;
}

export interface FaultSpec {
  route: string;
  kind: FaultKind;
  count?: number;
  fraction?: number;
  retryAfterSeconds?: number;
  delayMs?: number;
}

const KINDS: FaultKind[] = ['429', '503', '500', '504', '403', 'slow', 'drop', 'dropAfter'];

/** Validates a POST /_sandbox/faults body; returns a message when it is wrong. */
export const parseFaultSpec = (body: unknown): FaultSpec | string => {
  if (typeof body !== 'object' || body === null) return 'Body must be a JSON object {route, kind, count?, fraction?}.';
  const spec = body as Record<string, unknown>;
  if (typeof spec.route !== 'string' || !spec.route)
    return '`route` must be a regex string matched against "METHOD /v1.0/path?query".';
  try {
    new RegExp(spec.route);
  } catch (error) {
    return `\`route\` is not a valid regex: ${(error as Error).message}`;
  }
  if (typeof spec.kind !== 'string' || !KINDS.includes(spec.kind as FaultKind)) {
    return `\`kind\` must be one of ${KINDS.join(', ')}.`;
  }
  const optionalNumber = (name: string, min: number, max: number): string | null => {
    const value = spec[name];
    if (value === undefined) return null;
    if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
      return `\`${name}\` must be a number from ${min} to ${max}.`;
    }
    return null;
  };
  const problem =
    optionalNumber('count', 1, 1_000_000) ??
    optionalNumber('fraction', 0, 1) ??
    optionalNumber('retryAfterSeconds', 0, 3600) ??
    optionalNumber('delayMs', 0, 600_000);
  if (problem) return problem;
  return {
    route: spec.route,
    kind: spec.kind as FaultKind,
    ...(typeof spec.count === 'number' ? { count: Math.floor(spec.count) } : {}),
    ...(typeof spec.fraction === 'number' ? { fraction: spec.fraction } : {}),
    ...(typeof spec.retryAfterSeconds === 'number' ? { retryAfterSeconds: spec.retryAfterSeconds } : {}),
    ...(typeof spec.delayMs === 'number' ? { delayMs: spec.delayMs } : {}),
  };
};

export class Faults {
  private rules: (FaultRule & { regex: RegExp })[] = [];
  private next = 1;

  constructor(private readonly random: () => number = Math.random) {}

  add(spec: FaultSpec): FaultRule {
    const rule = {
      id: `fault-${this.next++}`,
      route: spec.route,
      kind: spec.kind,
      count: spec.count ?? null,
      fraction: spec.fraction ?? null,
      retryAfterSeconds: spec.retryAfterSeconds ?? 1,
      delayMs: spec.delayMs ?? 2000,
      fired: 0,
      regex: new RegExp(spec.route),
    };
    this.rules.push(rule);
    return this.describe(rule);
  }

  list(): FaultRule[] {
    return this.rules.map((rule) => this.describe(rule));
  }

  clear(id?: string): number {
    const before = this.rules.length;
    this.rules = id ? this.rules.filter((rule) => rule.id !== id) : [];
    return before - this.rules.length;
  }

  /** The first rule that fires for this request, if any (and counts it). */
  take(method: string, pathAndQuery: string): FaultRule | null {
    const subject = `${method} ${pathAndQuery}`;
    for (const rule of this.rules) {
      if (!rule.regex.test(subject)) continue;
      if (rule.fraction !== null && this.random() >= rule.fraction) continue;
      rule.fired += 1;
      if (rule.count !== null && rule.fired >= rule.count) this.rules = this.rules.filter((other) => other !== rule);
      return this.describe(rule);
    }
    return null;
  }

  private describe(rule: FaultRule & { regex?: RegExp }): FaultRule {
    const { regex: _regex, ...plain } = rule;
    return { ...plain };
  }
}
