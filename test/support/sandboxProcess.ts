import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Starts the local Microsoft 365 sandbox as a real child process, exactly as `npm run sandbox` does,
 * and waits for its one ready line. Tests talk to it over HTTP; nothing is stubbed.
 */
export interface RunningSandbox {
  /** e.g. http://127.0.0.1:41234 */
  origin: string;
  /** Graph base URL: `${origin}/v1.0` */
  graphUrl: string;
  dataDir: string;
  /** A bearer token for a demo user, from GET /_sandbox/token?user=<upn>. */
  token(userPrincipalName: string): Promise<string>;
  /** Kill the process (SIGKILL: no chance to flush) and wait for it to exit. */
  kill(): Promise<void>;
  /** Stop gracefully. */
  stop(): Promise<void>;
}

export interface SandboxOptions {
  dataDir?: string;
  reset?: boolean;
  latencyMs?: number;
  port?: number;
}

const READY = /^sandbox listening on (http:\/\/127\.0\.0\.1:\d+)$/m;

export const startSandbox = async (options: SandboxOptions = {}): Promise<RunningSandbox> => {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'tovholder-sandbox-'));
  const args = ['--import', 'tsx', 'sandbox/main.ts', '--port', String(options.port ?? 0), '--data', dataDir];
  if (options.reset ?? true) args.push('--reset');
  if (options.latencyMs) args.push('--latency-ms', String(options.latencyMs));
  const child: ChildProcess = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const origin = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`sandbox did not start in 30 s:\n${out}\n${stderr}`)), 30000);
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = READY.exec(out);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`sandbox exited with ${code}:\n${out}\n${stderr}`));
    });
  });
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  return {
    origin,
    graphUrl: `${origin}/v1.0`,
    dataDir,
    async token(upn) {
      const response = await fetch(`${origin}/_sandbox/token?user=${encodeURIComponent(upn)}`);
      if (!response.ok) throw new Error(`no token for ${upn}: ${response.status}`);
      const body = (await response.json()) as { access_token: string };
      return body.access_token;
    },
    async kill() {
      child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      child.kill('SIGTERM');
      await exited;
    },
  };
};
