import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * `npm run sandbox -- --port <p> --data <dir>` as a newcomer runs it: the process prints exactly one line when it is
 * ready, on the port asked for, and answers on 127.0.0.1 only (nobody else on the network reaches the demo tenant).
 */

let child: ChildProcess;
let port: number;
let stdout = '';
let stderr = '';

/** A port that is free right now (the sandbox is then asked for exactly that one). */
const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const free = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(free));
    });
  });

/** Whether a TCP connection to host:port is accepted. */
const accepts = (host: string, target: number): Promise<boolean> =>
  new Promise((resolve) => {
    const socket = connect({ host, port: target });
    const done = (result: boolean): void => {
      socket.destroy();
      resolve(result);
    };
    socket.setTimeout(2000, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });

beforeAll(async () => {
  port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'tovholder-sandbox-'));
  child = spawn(
    process.execPath,
    ['--import', 'tsx', 'sandbox/main.ts', '--port', String(port), '--data', dataDir, '--reset'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`sandbox did not start in 30 s:\n${stdout}\n${stderr}`)), 30000);
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (stdout.includes('\n')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`sandbox exited with ${code}:\n${stdout}\n${stderr}`));
    });
  });
});

afterAll(async () => {
  if (child && child.exitCode === null) {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
});

describe('npm run sandbox', () => {
  it('prints exactly one line, with the port it was given, and nothing more while it works', async () => {
    const line = `sandbox listening on http://127.0.0.1:${port}\n`;
    expect(stdout).toBe(line);
    // Work that reads, writes (state to disk) and fails (401) must not add to the output.
    const token = (
      (await (
        await fetch(`http://127.0.0.1:${port}/_sandbox/token?user=mette.larsen@sundby-kommune.example`)
      ).json()) as {
        access_token: string;
      }
    ).access_token;
    const headers = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
    expect((await fetch(`http://127.0.0.1:${port}/v1.0/me`, { headers })).status).toBe(200);
    const list = await fetch(`http://127.0.0.1:${port}/v1.0/me/todo/lists`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ displayName: 'Stille' }),
    });
    expect(list.status).toBe(201);
    expect((await fetch(`http://127.0.0.1:${port}/v1.0/me`)).status).toBe(401);
    expect((await fetch(`http://127.0.0.1:${port}/_sandbox/`)).status).toBe(200);
    expect(stdout).toBe(line);
  });

  it('answers on 127.0.0.1 and on no other address of the machine', async () => {
    expect(await accepts('127.0.0.1', port)).toBe(true);
    // On Linux every 127.x.y.z reaches the loopback interface: a server bound to all addresses would answer here.
    if (process.platform === 'linux') expect(await accepts('127.0.0.2', port)).toBe(false);
    const others = Object.values(networkInterfaces())
      .flat()
      .filter((entry) => entry !== undefined && !entry.internal)
      .map((entry) => entry?.address ?? '');
    for (const address of others)
      expect({ address, accepted: await accepts(address, port) }).toEqual({
        address,
        accepted: false,
      });
    expect(await accepts('::1', port)).toBe(false);
  });
});
