import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { NO_SERIOUS_VIOLATIONS, seriousViolations } from './accessibility';

export const SCREENSHOT_DIR = fileURLToPath(new URL('../../../test-results/screenshots/', import.meta.url));

export type UiTheme = 'light' | 'dark';

/** Which theme the app shell shows now (the FluentProvider carries data-theme). */
const themeOf = async (page: Page): Promise<UiTheme> =>
  (await page.locator('[data-theme]').first().getAttribute('data-theme')) === 'dark' ? 'dark' : 'light';

/**
 * Switch the theme the way the host does it live (the local host listens for the launcher's message, as Teams
 * fires its theme-change handler), and wait until the shell shows it.
 */
export const switchTheme = async (page: Page, theme: UiTheme): Promise<void> => {
  await page.evaluate(
    (next) => window.postMessage({ type: 'tovholder:theme', theme: next }, window.location.origin),
    theme,
  );
  await page.locator(`[data-theme="${theme}"]`).first().waitFor();
};

export const screenshot = async (page: Page, name: string): Promise<string> => {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = `${SCREENSHOT_DIR}${name}.png`;
  await page.screenshot({ path, fullPage: true, animations: 'disabled', caret: 'hide' });
  return path;
};

/**
 * One state of one surface, checked the way a user meets it: axe-core (zero serious or critical violations) and a
 * screenshot, in the light AND the dark theme (test-results/screenshots/<surface>-<state>-<theme>.png). The page
 * ends in the theme it started in. Accessibility findings are soft assertions: the journey goes on, so one run
 * reports every surface's problems, and the test fails at the end.
 */
export const checkpoint = async (page: Page, surface: string, state: string): Promise<void> => {
  const start = await themeOf(page);
  const other: UiTheme = start === 'light' ? 'dark' : 'light';
  for (const theme of [start, other]) {
    if (theme !== start) await switchTheme(page, theme);
    const where = `${surface} (${state}, ${theme})`;
    expect.soft(await seriousViolations(page, where), where).toBe(NO_SERIOUS_VIOLATIONS);
    await screenshot(page, `${surface}-${state}-${theme}`);
  }
  await switchTheme(page, start);
};
