/**
 * Issue 16: the local Teams host's origin never reaches a tenant's pages. A sandbox build's framed pages tell
 * teams-js the host's loopback origin (src/app/localTeamsHost.ts, its `teamsHost=` parameter); a production build for
 * a tenant (Graph backend) must not even contain that code, so no page there can be talked into trusting a local
 * origin. Built here as `npm run build` builds it, and compared with the browser tests' sandbox build, which has it.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { cloudBuild } from '../support/cloudBuild';

const root = fileURLToPath(new URL('../..', import.meta.url));
const LOCAL_HOST_MARKS = ['teamsHost', 'local-teams-host', 'localTeamsHost'];

const filesOf = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(js|html)$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name));

/** Which of the marks appear in which built file. */
const marksIn = (dir: string): string[] =>
  filesOf(dir).flatMap((file) => {
    const text = readFileSync(file, 'utf8');
    return LOCAL_HOST_MARKS.filter((mark) => text.includes(mark)).map((mark) => `${file.slice(dir.length)}: ${mark}`);
  });

describe('a production build for a tenant', () => {
  const outDir = mkdtempSync(join(tmpdir(), 'tovholder-tenant-build-'));
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it('holds no code that trusts the local Teams host’s origin; the sandbox build does', () => {
    const built = spawnSync(
      process.execPath,
      ['node_modules/webpack-cli/bin/cli.js', '--mode', 'production', '--no-devtool', '--output-path', outDir],
      {
        cwd: root,
        encoding: 'utf8',
        env: {
          ...process.env,
          TOVHOLDER_BACKEND: 'graph',
          TOVHOLDER_CLIENT_ID: cloudBuild.clientId,
          TOVHOLDER_APP_ID: cloudBuild.teamsAppId,
          TOVHOLDER_DOMAIN: cloudBuild.domain,
          TOVHOLDER_DRIVE_ID: cloudBuild.driveId,
        },
      },
    );
    expect(built.status, `${built.stdout}\n${built.stderr}`).toBe(0);
    expect(filesOf(outDir).length).toBeGreaterThan(5);
    expect(marksIn(outDir)).toEqual([]);

    // The same marks are in the sandbox build the browser tests run on, so their absence above means something.
    const sandboxBuild = inject('e2eBuildDir');
    if (sandboxBuild) expect(marksIn(sandboxBuild).length).toBeGreaterThan(0);
  });
});
