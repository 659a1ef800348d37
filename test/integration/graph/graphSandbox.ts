import { GraphClient, type GraphClientOptions } from '../../../src/adapters/graph/graphClient';
import { SandboxTokenSource } from '../../../src/adapters/auth/sandboxAuth';
import { DEMO_UPN } from '../../support/demoUsers';
import type { RunningSandbox } from '../../support/sandboxProcess';

/**
 * Helpers for the Graph adapter's integration tests: a real GraphClient signed in as a demo user against a real
 * sandbox process, and the sandbox's own tools (faults, statistics, inspection) over plain HTTP.
 */

export const upn = DEMO_UPN;

/** Fast retries so fault tests finish quickly; Retry-After from the sandbox is still honoured. */
export const graphAs = (
  sandbox: RunningSandbox,
  user: string,
  options: Partial<GraphClientOptions> = {},
): GraphClient =>
  new GraphClient({
    baseUrl: sandbox.origin,
    tokenSource: new SandboxTokenSource({ sandboxOrigin: sandbox.origin, user }),
    retryDelaySeconds: 0.05,
    timeoutMs: 5000,
    ...options,
  });

export interface FaultSpec {
  /** Regex matched against "METHOD /v1.0/path?query". */
  route: string;
  kind: '429' | '503' | '500' | '504' | '403' | 'slow' | 'drop' | 'dropAfter';
  count?: number;
  fraction?: number;
  retryAfterSeconds?: number;
  delayMs?: number;
}

const tool = async <T>(sandbox: RunningSandbox, method: string, path: string, body?: unknown): Promise<T> => {
  const response = await fetch(`${sandbox.origin}${path}`, {
    method,
    ...(body === undefined ? {} : { headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) }),
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
};

export const injectFault = (sandbox: RunningSandbox, spec: FaultSpec): Promise<unknown> =>
  tool(sandbox, 'POST', '/_sandbox/faults', spec);

export const clearFaults = (sandbox: RunningSandbox): Promise<unknown> => tool(sandbox, 'DELETE', '/_sandbox/faults');

export interface SandboxStats {
  requests: number;
  byRoute: Record<string, number>;
  batchItems: number;
  batchItemsByRoute: Record<string, number>;
  /** File contents served (plan documents downloaded). */
  downloads: number;
}

export const stats = (sandbox: RunningSandbox): Promise<SandboxStats> => tool(sandbox, 'GET', '/_sandbox/stats');

export const resetStats = (sandbox: RunningSandbox): Promise<unknown> => tool(sandbox, 'POST', '/_sandbox/stats/reset');

/** GET a sandbox inspection tool (e.g. `/_sandbox/calendar?user=…`). */
export const inspect = <T>(sandbox: RunningSandbox, path: string): Promise<T> => tool(sandbox, 'GET', path);

export { aPlanPlace, homeTenantOf, inSandbox, plansAs } from '../../support/planPorts';
