import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../support/sandboxProcess';
import { USERS } from './graphCall';

/**
 * Issue 18.10: the sandbox's tools (a demo token, the demo chats) answer only this machine — not any web page a
 * developer has open while `npm start` runs, and not a DNS name rebound to 127.0.0.1.
 */

let sandbox: RunningSandbox;
beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(async () => {
  await sandbox?.stop();
});

const tokenPath = `/_sandbox/token?user=${encodeURIComponent(USERS.mette)}`;

/** A request with a Host header of our choosing (fetch may not set one). */
const withHost = (host: string, path: string): Promise<number> =>
  new Promise((resolve, reject) => {
    const url = new URL(sandbox.origin);
    const req = request({ host: url.hostname, port: url.port, path, headers: { Host: host } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });

describe("the sandbox's tools answer only this machine", () => {
  it('refuses a page of another origin: no token, no chats, and no CORS header to read the refusal with', async () => {
    for (const path of [tokenPath, `/_sandbox/chats?user=${encodeURIComponent(USERS.mette)}`]) {
      const reply = await fetch(`${sandbox.origin}${path}`, { headers: { Origin: 'https://evil.example' } });
      expect(reply.status, path).toBe(403);
      expect(reply.headers.get('access-control-allow-origin'), path).toBeNull();
      expect(await reply.text(), path).not.toContain('access_token');
    }
    const preflight = await fetch(`${sandbox.origin}${tokenPath}`, {
      method: 'OPTIONS',
      headers: { Origin: 'https://evil.example', 'Access-Control-Request-Method': 'GET' },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('answers the app, the Teams host and the viewer on this machine, naming their origin', async () => {
    for (const origin of ['http://localhost:5300', 'https://localhost:5302', 'http://127.0.0.1:5301']) {
      const reply = await fetch(`${sandbox.origin}${tokenPath}`, { headers: { Origin: origin } });
      expect(reply.status, origin).toBe(200);
      expect(reply.headers.get('access-control-allow-origin'), origin).toBe(origin);
    }
    // Scripts and tests on this machine send no Origin at all.
    expect((await fetch(`${sandbox.origin}${tokenPath}`)).status).toBe(200);
  });

  it('refuses a Host that is not 127.0.0.1 or localhost (a rebound DNS name)', async () => {
    expect(await withHost('evil.example', tokenPath)).toBe(403);
    expect(await withHost(`localhost:${new URL(sandbox.origin).port}`, tokenPath)).toBe(200);
  });

  it('refuses a token lifetime beyond a day', async () => {
    expect((await fetch(`${sandbox.origin}${tokenPath}&lifetime=1e12`)).status).toBe(400);
    expect((await fetch(`${sandbox.origin}${tokenPath}&lifetime=999999`)).status).toBe(400);
    expect((await fetch(`${sandbox.origin}${tokenPath}&lifetime=3600`)).status).toBe(200);
  });
});
