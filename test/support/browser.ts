import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium (apt-get install -y chromium). A test tool's own browser download cannot work on our machines. */
export const CHROMIUM_PATHS = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
];

export const findChromium = (): string | null =>
  [process.env.CHROMIUM_PATH, ...CHROMIUM_PATHS].find((p): p is string => !!p && existsSync(p)) ?? null;

/**
 * Whether browser tests can run here. Without Chromium they are skipped LOUDLY; with CI=true a missing Chromium
 * is a failure, not a skip (the describe block then throws).
 */
export const browserAvailability = (): { available: true; path: string } | { available: false; reason: string } => {
  const path = findChromium();
  if (path) return { available: true, path };
  const reason =
    'BROWSER TESTS DID NOT RUN: no Chromium found at /usr/bin/chromium. Install it with `sudo apt-get install -y chromium` ' +
    '(or set CHROMIUM_PATH).';
  if (process.env.CI === 'true') throw new Error(`${reason} With CI=true this is a failure.`);
  process.stderr.write(`\n\n*** ${reason} ***\n\n`);
  return { available: false, reason };
};

export const launchChromium = async (): Promise<Browser> => {
  const path = findChromium();
  if (!path) throw new Error('No Chromium found at /usr/bin/chromium: apt-get install -y chromium');
  return chromium.launch({ executablePath: path, headless: true, args: CHROMIUM_ARGS });
};
