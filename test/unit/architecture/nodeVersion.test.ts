import { readFileSync } from 'node:fs';
import semver from 'semver';
import { describe, expect, it } from 'vitest';

/**
 * The brief: a fresh machine with Node 20 and npm runs both commands. Every package npm installs must accept the
 * oldest Node 20 that package.json's `engines` allows (a package that wants Node 22, as i18next 27 does, would
 * install with a warning and might break at any update).
 */
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { engines: { node: string } };
const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as {
  packages: Record<string, { engines?: { node?: string } | string[] }>;
};

describe('Node 20', () => {
  const oldest = semver.minVersion(pkg.engines.node);

  it('is what package.json asks for', () => {
    expect(oldest?.major).toBe(20);
  });

  it('is enough for every package in the lock file', () => {
    const wantMore = Object.entries(lock.packages)
      .filter(([path]) => path !== '')
      .flatMap(([path, entry]) => {
        const range = Array.isArray(entry.engines) ? undefined : entry.engines?.node;
        return range && oldest && !semver.satisfies(oldest, range) ? [`${path} (node ${range})`] : [];
      });
    expect(wantMore).toEqual([]);
  });
});
