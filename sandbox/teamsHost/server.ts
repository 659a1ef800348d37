import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { localCertificate } from './certificate';
import { HostState, type StageRecord } from './hostState';

/**
 * The local Teams host's HTTPS server: the host page (page/hostPage.ts, bundled with esbuild when the server starts),
 * its configuration, and what Teams' service keeps for every window of a meeting (consent, the stage). The host page
 * itself talks to the sandbox for users, tokens and the meeting chat; the production pages it frames come from the
 * app's own server (another origin, as in Teams).
 */
export interface TeamsHostOptions {
  /** Where the app's pages are served, e.g. http://localhost:5300. */
  appOrigin: string;
  /** The sandbox, e.g. http://127.0.0.1:5301. */
  sandboxOrigin: string;
  /** Our app's id in the sandbox's app catalogue. */
  teamsAppId: string;
  /** Consent and the certificate are kept here (git-ignored). */
  dataDir: string;
}

const here = fileURLToPath(new URL('.', import.meta.url));

const bundle = async (): Promise<string> => {
  const result = await build({
    entryPoints: [`${here}page/hostPage.ts`],
    bundle: true,
    format: 'esm',
    target: 'es2022',
    write: false,
    sourcemap: 'inline',
    logLevel: 'silent',
  });
  return result.outputFiles[0]?.text ?? '';
};

const STYLE = `
:root { color-scheme: light; --bg: #f5f5f5; --fg: #242424; --muted: #616161; --panel: #fff; --line: #d1d1d1; --accent: #5b5fc7; --bar: #ebebeb; }
[data-theme="dark"] { color-scheme: dark; --bg: #1f1f1f; --fg: #fff; --muted: #adadad; --panel: #292929; --line: #525252; --accent: #7f85f5; --bar: #141414; }
[data-theme="contrast"] { color-scheme: dark; --bg: #000; --fg: #fff; --muted: #fff; --panel: #000; --line: #fff; --accent: #ffff00; --bar: #000; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.45 "Segoe UI", system-ui, sans-serif; background: var(--bg); color: var(--fg); }
a { color: var(--accent); }
.bar { display: flex; align-items: center; gap: 12px; padding: 8px 16px; background: var(--bar); border-bottom: 1px solid var(--line); }
.bar h1 { font-size: 16px; margin: 0; flex: 1 1 auto; }
.brand { font-weight: 600; }
.intro, .people { max-width: 80ch; margin: 16px; }
.also-as { margin: 8px 16px 0; }
.muted { color: var(--muted); }
.meeting { display: flex; gap: 12px; padding: 12px; align-items: flex-start; }
.chat { flex: 1 1 40%; min-width: 0; background: var(--panel); border: 1px solid var(--line); border-radius: 6px; padding: 8px; }
.stage { flex: 1 1 50%; min-width: 0; background: var(--panel); border: 1px solid var(--line); border-radius: 6px; padding: 8px; }
.stage h2, #unknown-messages h2 { font-size: 14px; margin: 0 0 8px; }
.side { flex: 0 0 322px; }
[role="tablist"] { display: flex; gap: 4px; border-bottom: 1px solid var(--line); margin-bottom: 8px; }
[role="tab"], button { font: inherit; padding: 6px 12px; border: 1px solid var(--line); background: var(--panel); color: var(--fg); border-radius: 4px; cursor: pointer; }
[role="tab"][aria-selected="true"] { border-bottom: 3px solid var(--accent); font-weight: 600; }
button.primary { background: var(--accent); color: #fff; border-color: var(--accent); }
button:disabled { opacity: .5; cursor: not-allowed; }
iframe { border: 1px solid var(--line); border-radius: 4px; background: var(--panel); display: block; }
.side-frame { box-sizing: content-box; width: 320px; height: 860px; }
.details-frame { width: 100%; height: 860px; }
.stage-frame { width: 100%; height: 800px; }
.personal-frame { width: 100%; height: calc(100vh - 60px); }
.personal { padding: 8px 16px; }
.messages { list-style: none; padding: 0; margin: 0; }
.messages li { padding: 6px 0; border-bottom: 1px solid var(--line); }
dialog { background: var(--panel); color: var(--fg); border: 1px solid var(--line); border-radius: 8px; max-width: 720px; width: 90vw; }
dialog.config iframe { width: 100%; height: 420px; }
.buttons { display: flex; gap: 8px; justify-content: flex-end; margin-top: 12px; }
#unknown-messages { margin: 12px; padding: 8px 12px; border: 2px solid #c50f1f; background: #fdf3f4; color: #242424; }
`;

const html = (options: TeamsHostOptions): string => `<!doctype html>
<html lang="da">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Teams (lokal vært) – Tovholder</title>
<style>${STYLE}</style>
</head>
<body>
<div id="host"><p>Teams-værten starter …</p></div>
<script type="module" src="/host.js"></script>
<noscript>Teams-værten kræver JavaScript.</noscript>
<!-- frames ${options.appOrigin}, talks to ${options.sandboxOrigin} -->
</body>
</html>
`;

const readJson = (request: IncomingMessage): Promise<Record<string, unknown>> =>
  new Promise((resolve, reject) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      try {
        resolve(body ? (JSON.parse(body) as Record<string, unknown>) : {});
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
    request.on('error', reject);
  });

const send = (
  res: ServerResponse,
  status: number,
  type: string,
  body: string,
  headers: Record<string, string> = {},
) => {
  res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store', ...headers });
  res.end(body);
};
const sendJson = (res: ServerResponse, status: number, body: unknown) =>
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(body));

export const createTeamsHostServer = async (options: TeamsHostOptions): Promise<Server> => {
  const certificate = localCertificate(`${options.dataDir}/tls`);
  const state = new HostState(options.dataDir);
  const script = await bundle();
  const csp = [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    `frame-src ${options.appOrigin}`,
    `connect-src 'self' ${options.sandboxOrigin}`,
    "img-src 'self' data:",
    "object-src 'none'",
  ].join('; ');

  return createServer(certificate, (request, res) => {
    void (async () => {
      const url = new URL(request.url ?? '/', 'https://localhost');
      const method = request.method ?? 'GET';
      if (method === 'GET' && url.pathname === '/')
        return send(res, 200, 'text/html; charset=utf-8', html(options), { 'Content-Security-Policy': csp });
      if (method === 'GET' && url.pathname === '/host.js')
        return send(res, 200, 'text/javascript; charset=utf-8', script);
      if (method === 'GET' && url.pathname === '/api/config')
        return sendJson(res, 200, {
          appOrigin: options.appOrigin,
          sandboxOrigin: options.sandboxOrigin,
          teamsAppId: options.teamsAppId,
        });
      if (url.pathname === '/api/consent') {
        if (method === 'GET')
          return sendJson(res, 200, { scopes: state.consentOf(url.searchParams.get('user') ?? '') });
        if (method === 'POST') {
          const body = await readJson(request);
          const scopes = Array.isArray(body.scopes)
            ? body.scopes.filter((s): s is string => typeof s === 'string')
            : [];
          if (typeof body.user !== 'string' || scopes.length === 0)
            return sendJson(res, 400, { error: 'user and scopes are needed' });
          return sendJson(res, 200, { scopes: state.grant(body.user, scopes) });
        }
      }
      if (url.pathname === '/api/stage') {
        if (method === 'GET') return sendJson(res, 200, state.stageOf(url.searchParams.get('meeting') ?? ''));
        if (method === 'POST') {
          const body = await readJson(request);
          const text = (key: string) => (typeof body[key] === 'string' ? (body[key] as string) : '');
          if (!text('meeting') || !text('url')) return sendJson(res, 400, { error: 'meeting and url are needed' });
          const stage: Omit<StageRecord, 'id'> = {
            meeting: text('meeting'),
            url: text('url'),
            protocol: text('protocol') === 'ScreenShare' ? 'ScreenShare' : 'Collaborative',
            presenterUpn: text('presenterUpn'),
            presenterName: text('presenterName'),
          };
          return sendJson(res, 200, state.share(stage));
        }
      }
      if (method === 'GET' && url.pathname === '/favicon.ico') return send(res, 204, 'text/plain', '');
      return send(res, 404, 'text/plain; charset=utf-8', `No route ${method} ${url.pathname} in the local Teams host.`);
    })().catch((error: unknown) => {
      process.stderr.write(`teams host: ${(error as Error).stack ?? String(error)}\n`);
      if (!res.headersSent) send(res, 500, 'text/plain', 'teams host failure');
    });
  });
};
