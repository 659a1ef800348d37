import { spawn } from 'node:child_process';
import { createReadStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { browserAvailability } from './browser';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Origin of the production build served for the browser tests, or null when they cannot run here. */
    e2eAppOrigin: string | null;
    /** What the production build printed (its size table), or null when it was not built in this run. */
    e2eBuildOutput: string | null;
    /** Where that build is on disk, or null when the browser tests cannot run here. */
    e2eBuildDir: string | null;
  }
}

/**
 * The build baked into the pages points at a port nobody listens on: every page must get its sandbox from the
 * URL (`sandbox=<origin>`), so each test file can run against a fresh sandbox of its own. A page or link that loses
 * the parameter then fails loudly instead of quietly talking to another test's sandbox.
 */
const UNREACHABLE_SANDBOX = 'http://127.0.0.1:9';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

/** One production build for the whole e2e run (the same bundle the benchmark measures), with the sandbox backend. */
const build = (outDir: string): Promise<string> =>
  new Promise((done, fail) => {
    const started = Date.now();
    const child = spawn(
      process.execPath,
      ['node_modules/webpack-cli/bin/cli.js', '--mode', 'production', '--no-devtool', '--output-path', outDir],
      {
        cwd: fileURLToPath(new URL('../..', import.meta.url)),
        // The tenant encrypts with Purview, so the journey sees both the encrypted minutes and the notices.
        env: {
          ...process.env,
          TOVHOLDER_BACKEND: 'sandbox',
          TOVHOLDER_SANDBOX_ORIGIN: UNREACHABLE_SANDBOX,
          TOVHOLDER_MAIL_PROTECTION: 'purview',
          TOVHOLDER_TLS_DOMAINS: '',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', fail);
    child.on('exit', (code) => {
      if (code === 0) {
        process.stderr.write(`e2e: app built in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
        done(output);
      } else fail(new Error(`The app did not build for the browser tests (webpack exit ${code}):\n${output}`));
    });
  });

/** A tiny static server for the build: no caching surprises, no directory listing, 127.0.0.1 only. */
const serve = (root: string): Promise<{ server: Server; origin: string }> =>
  new Promise((done, fail) => {
    const server = createServer((request, response) => {
      const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
      const file = normalize(join(root, path === '/' ? 'index.html' : path));
      if (!file.startsWith(root + sep)) {
        response.writeHead(403).end();
        return;
      }
      try {
        if (!statSync(file).isFile()) throw new Error('not a file');
      } catch {
        response.writeHead(404, { 'Content-Type': 'text/plain' }).end(`not found: ${path}`);
        return;
      }
      response.writeHead(200, {
        'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
        'Cache-Control': 'no-store',
      });
      createReadStream(file).pipe(response);
    });
    server.on('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      if (address === null || typeof address === 'string') return fail(new Error('static server has no port'));
      done({ server, origin: `http://127.0.0.1:${address.port}` });
    });
  });

/**
 * Global setup of the `e2e` project: builds the app once and serves it on a free port. Each test file starts its
 * own sandbox (test/support/sandboxProcess.ts) and passes it to the pages with `sandbox=`. Without Chromium the
 * browser tests are skipped loudly (with CI=true, browserAvailability() throws: a failure, not a skip).
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const browser = browserAvailability();
  // Screenshots are this run's only: a stale picture of a state the journey no longer passes through misleads.
  rmSync(fileURLToPath(new URL('../../test-results/screenshots/', import.meta.url)), { recursive: true, force: true });
  if (!browser.available) {
    project.provide('e2eAppOrigin', null);
    project.provide('e2eBuildOutput', null);
    project.provide('e2eBuildDir', null);
    return async () => {};
  }
  // While iterating on a browser test, TOVHOLDER_E2E_BUILD=<dir> serves an earlier build (made with the same
  // environment as build() below) instead of building again. Never set in CI.
  const reuse = process.env.TOVHOLDER_E2E_BUILD?.trim() || null;
  const outDir = reuse ?? mkdtempSync(join(tmpdir(), 'tovholder-e2e-build-'));
  let printed: string | null = null;
  if (!reuse) {
    try {
      printed = await build(outDir);
    } catch (error) {
      rmSync(outDir, { recursive: true, force: true });
      throw error;
    }
  }
  const { server, origin } = await serve(outDir);
  project.provide('e2eAppOrigin', origin);
  project.provide('e2eBuildOutput', printed);
  project.provide('e2eBuildDir', outDir);
  return async () => {
    const closed = new Promise<void>((done) => server.close(() => done()));
    server.closeAllConnections();
    await closed;
    if (!reuse) rmSync(outDir, { recursive: true, force: true });
  };
}
