import { readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { onRelease } from './resources';

/**
 * A tiny static server for a built dist folder, on 127.0.0.1 and a free port, the way a static host serves the
 * app: gzip for text, long caching off (every run is a cold load in a fresh browser context). It remembers which
 * files were asked for, so a page's real JavaScript bill can be added up.
 */

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.map': 'application/json; charset=utf-8',
};
const COMPRESSED = new Set(['.html', '.js', '.json', '.css', '.map']);

export interface StaticServer {
  origin: string;
  /** Paths served since the last `resetLog()`, in order. */
  served: string[];
  resetLog(): void;
  /** gzip size (level 9, as the build reports) of a served file. */
  gzipBytesOf(path: string): number;
}

export const serveStatic = async (root: string, name: string): Promise<StaticServer> => {
  const cache = new Map<string, { raw: Buffer; gzip: Buffer }>();
  const load = (path: string) => {
    let entry = cache.get(path);
    if (!entry) {
      const raw = readFileSync(path);
      entry = { raw, gzip: gzipSync(raw, { level: 9 }) };
      cache.set(path, entry);
    }
    return entry;
  };
  const served: string[] = [];
  const fileFor = (urlPath: string): string | null => {
    const clean = normalize(decodeURIComponent(urlPath)).replace(/^([/\\])+/, '');
    const file = join(root, clean === '' ? 'index.html' : clean);
    if (!file.startsWith(root + sep) && file !== root) return null;
    try {
      return statSync(file).isFile() ? file : null;
    } catch {
      return null;
    }
  };

  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const file = fileFor(url.pathname);
    if (!file || (request.method !== 'GET' && request.method !== 'HEAD')) {
      response.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
      return;
    }
    served.push(url.pathname);
    const ext = extname(file);
    const { raw, gzip } = load(file);
    const useGzip = COMPRESSED.has(ext) && /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
    const body = useGzip ? gzip : raw;
    response.writeHead(200, {
      'Content-Type': TYPES[ext] ?? 'application/octet-stream',
      'Content-Length': String(body.length),
      'Cache-Control': 'no-store',
      ...(useGzip ? { 'Content-Encoding': 'gzip' } : {}),
    });
    response.end(request.method === 'HEAD' ? undefined : body);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  onRelease(`static server ${name}`, () => {
    server.closeAllConnections();
    return new Promise<void>((resolve) => server.close(() => resolve()));
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    served,
    resetLog: () => {
      served.length = 0;
    },
    gzipBytesOf: (path) => {
      const file = fileFor(path);
      return file ? load(file).gzip.length : 0;
    },
  };
};
