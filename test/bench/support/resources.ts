import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Everything the benchmark starts (sandbox processes, static servers, the browser) and every temporary folder it
 * makes is registered here and released in reverse order: at the end, on an error, on Ctrl-C, and when the
 * watchdog decides the run has taken too long. The bench stops by itself and leaves nothing running.
 */

type Release = () => Promise<void> | void;

const releases: { name: string; release: Release }[] = [];

export const onRelease = (name: string, release: Release): void => {
  releases.push({ name, release });
};

export const tempDir = (prefix: string): string => {
  const dir = mkdtempSync(join(tmpdir(), `tovholder-bench-${prefix}-`));
  onRelease(`temp ${dir}`, () => rmSync(dir, { recursive: true, force: true }));
  return dir;
};

const withTimeout = (work: Promise<void> | void, ms: number): Promise<void> =>
  Promise.race([Promise.resolve(work), new Promise<void>((resolve) => setTimeout(resolve, ms).unref())]);

let released = false;

export const releaseAll = async (): Promise<void> => {
  if (released) return;
  released = true;
  while (releases.length > 0) {
    const next = releases.pop();
    if (!next) break;
    try {
      await withTimeout(next.release(), 10000);
    } catch (error) {
      process.stderr.write(`bench: could not release ${next.name}: ${(error as Error).message}\n`);
    }
  }
};

/** Ends the process after `ms` whatever happens, releasing what it can first. */
export const watchdog = (ms: number): void => {
  setTimeout(() => {
    process.stderr.write(`bench: stopped by the watchdog after ${Math.round(ms / 1000)} s\n`);
    void releaseAll().finally(() => process.exit(3));
  }, ms).unref();
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      void releaseAll().finally(() => process.exit(130));
    });
  }
};

/** Progress for people, on stderr, so stdout stays the report (and its last line the JSON). */
export const progress = (message: string): void => {
  process.stderr.write(`bench: ${message}\n`);
};
