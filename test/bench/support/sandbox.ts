import { startSandbox, type RunningSandbox } from '../../support/sandboxProcess';
import { onRelease, tempDir } from './resources';

/**
 * The local sandbox for the benchmark: a real child process (test/support/sandboxProcess.ts) on 127.0.0.1 with
 * fresh, freshly seeded data in its own temporary folder, stopped when the bench ends. Its statistics count every
 * HTTP request that reached Graph (`requests`), the items inside `$batch` requests, and content downloads.
 */

export interface SandboxStats {
  requests: number;
  byRoute: Record<string, number>;
  batchItems: number;
  batchItemsByRoute: Record<string, number>;
  downloads: number;
}

export interface DemoUser {
  upn: string;
  id: string;
  mail: string;
  tenantId: string;
  kind: string;
}

export interface BenchSandbox extends RunningSandbox {
  stats(): Promise<SandboxStats>;
  resetStats(): Promise<void>;
  users(): Promise<DemoUser[]>;
}

const tool = async <T>(origin: string, method: string, path: string): Promise<T> => {
  const response = await fetch(`${origin}${path}`, { method });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
};

export const startBenchSandbox = async (name: string, latencyMs = 0): Promise<BenchSandbox> => {
  const sandbox = await startSandbox({ dataDir: tempDir(`sandbox-${name}`), reset: true, latencyMs });
  onRelease(`sandbox ${name}`, () => sandbox.stop());
  return {
    ...sandbox,
    stats: () => tool<SandboxStats>(sandbox.origin, 'GET', '/_sandbox/stats'),
    resetStats: async () => {
      await tool(sandbox.origin, 'POST', '/_sandbox/stats/reset');
    },
    users: async () => (await tool<{ users: DemoUser[] }>(sandbox.origin, 'GET', '/_sandbox/users')).users,
  };
};
