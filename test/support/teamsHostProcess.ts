import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Starts the local Teams host (sandbox/teamsHost/main.ts) as a real child process over HTTPS, framing the app served
 * at `appOrigin` against the sandbox at `sandboxOrigin`, with a data folder (certificate, consent) of its own.
 */
export interface RunningTeamsHost {
  /** e.g. https://localhost:41235 */
  origin: string;
  stop(): Promise<void>;
}

const READY = /^teams host listening on (https:\/\/localhost:\d+)$/m;

export const startTeamsHost = async (appOrigin: string, sandboxOrigin: string): Promise<RunningTeamsHost> => {
  const dataDir = mkdtempSync(join(tmpdir(), 'tovholder-teams-host-'));
  const args = ['--import', 'tsx', 'sandbox/teamsHost/main.ts', '--port', '0', '--app', appOrigin];
  args.push('--sandbox', sandboxOrigin, '--data', dataDir);
  const child: ChildProcess = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const origin = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(
      () => reject(new Error(`the Teams host did not start in 60 s:\n${out}\n${stderr}`)),
      60000,
    );
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
      reject(new Error(`the Teams host exited with ${code}:\n${out}\n${stderr}`));
    });
  });
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  return {
    origin,
    async stop() {
      child.kill('SIGTERM');
      await exited;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
};
