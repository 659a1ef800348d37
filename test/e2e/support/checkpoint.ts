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
  await settled(page);
};

/**
 * Fluent fades colours over a moment when the theme changes; checking contrast (or taking the picture) mid-fade
 * measures a colour nobody sees. Rows off screen (content-visibility: auto) only start their fade when something
 * reads their style, so every element's style is read first; then wait until no CSS transition runs (endless
 * animations such as a spinner are not transitions and do not hold this up).
 */
export const settled = async (page: Page): Promise<void> => {
  await page.evaluate(() => {
    for (const element of Array.from(document.querySelectorAll('body *'))) void getComputedStyle(element).color;
  });
  await page
    .waitForFunction(
      () => document.getAnimations().every((a) => !(a instanceof CSSTransition) || a.playState !== 'running'),
      undefined,
      { timeout: 5000 },
    )
    .catch(() => undefined);
};

export const screenshot = async (page: Page, name: string): Promise<string> => {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = `${SCREENSHOT_DIR}${name}.png`;
  await page.screenshot({ path, fullPage: true, animations: 'disabled', caret: 'hide' });
  return path;
};

/**
 * WCAG 1.4.10 (reflow): content fits the width without scrolling sideways — in Teams' 320 px side panel too.
 * Returns how many CSS pixels the page is wider than the window, and what sticks out furthest.
 */
export const sidewaysOverflow = (page: Page): Promise<string> =>
  page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const over = document.documentElement.scrollWidth - width;
    if (over <= 0) return 'fits the width';
    const widest = Array.from(document.querySelectorAll<HTMLElement>('body *'))
      .map((el) => ({ el, right: el.getBoundingClientRect().right }))
      .filter(({ right }) => right > width + 1)
      .sort((a, b) => b.right - a.right)
      .slice(0, 3)
      .map(({ el, right }) => {
        const name = el.getAttribute('aria-label') ?? el.id ?? '';
        return `<${el.tagName.toLowerCase()}${name ? ` "${name}"` : ''} class="${el.className.toString().slice(0, 40)}"> ends at ${Math.round(right)} px`;
      });
    return `${over} px wider than the ${width} px window: ${widest.join('; ')}`;
  });

/**
 * Text fields that hide part of what is written in them (a goal or an effort cut off in the 320 px side panel):
 * each field's label and how much is out of view. A field grown to its height limit (40 % of the window) may scroll.
 */
export const clippedTextFields = (page: Page): Promise<string[]> =>
  page.evaluate(() =>
    Array.from(document.querySelectorAll<HTMLTextAreaElement>('textarea'))
      .filter((el) => el.offsetParent !== null && el.value !== '')
      .filter((el) => el.scrollHeight > el.clientHeight + 2 && el.clientHeight < window.innerHeight * 0.4 - 2)
      .map((el) => {
        const label = el.labels?.[0]?.textContent ?? el.getAttribute('aria-label') ?? el.id;
        return `"${label}": ${el.scrollHeight - el.clientHeight} px of text out of view`;
      }),
  );

/**
 * One state of one surface, checked the way a user meets it: axe-core (zero serious or critical violations), no
 * sideways scrolling (reflow), no text field hiding part of its text, and a screenshot, in the light AND the dark theme (test-results/screenshots/<surface>-<state>-<theme>.png). The page
 * ends in the theme it started in. Accessibility findings are soft assertions: the journey goes on, so one run
 * reports every surface's problems, and the test fails at the end.
 */
export const checkpoint = async (page: Page, surface: string, state: string): Promise<void> => {
  const start = await themeOf(page);
  const other: UiTheme = start === 'light' ? 'dark' : 'light';
  for (const theme of [start, other]) {
    if (theme !== start) await switchTheme(page, theme);
    const where = `${surface} (${state}, ${theme})`;
    await settled(page);
    expect.soft(await seriousViolations(page, where), where).toBe(NO_SERIOUS_VIOLATIONS);
    expect.soft(await sidewaysOverflow(page), `reflow: ${where}`).toBe('fits the width');
    expect.soft(await clippedTextFields(page), `whole text in view: ${where}`).toEqual([]);
    await screenshot(page, `${surface}-${state}-${theme}`);
  }
  await switchTheme(page, start);
};
