/**
 * `npm run build` (webpack --mode production) prints each surface's JavaScript before first render, raw and gzip,
 * with what it loads on demand: the build the browser tests run on is made the same way, so its printout is read
 * here rather than building a second time.
 */
import { describe, expect, inject, it } from 'vitest';

const printed = inject('e2eBuildOutput');

describe.skipIf(printed === null)('the production build', () => {
  it('prints every entry with its size raw and gzip', () => {
    const heading = 'JavaScript per entry (loaded before first render):';
    expect(printed).toContain(heading);
    const table = printed!.slice(printed!.indexOf(heading));
    for (const entry of ['launcher', 'plans', 'meeting', 'compose'])
      expect(table, entry).toMatch(new RegExp(`^  ${entry}\\s+\\d+\\.\\d KB raw\\s+\\d+\\.\\d KB gzip`, 'm'));
  });
});
