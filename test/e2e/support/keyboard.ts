import type { Locator, Page } from 'playwright-core';

/** What has the keyboard focus now, described for a failure message ("button "Næste punkt""). */
export const focusedElement = (page: Page): Promise<string> =>
  page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return 'nothing (the page body)';
    const role = el.getAttribute('role') ?? el.tagName.toLowerCase();
    const label =
      el.getAttribute('aria-label') ??
      (el.id ? document.querySelector(`label[for="${CSS.escape(el.id)}"]`)?.textContent : null) ??
      el.textContent ??
      '';
    return `${role} "${label.trim().slice(0, 60)}"`;
  });

export const isFocused = (target: Locator): Promise<boolean> =>
  target.evaluateAll((elements) => elements.some((el) => el === document.activeElement));

/**
 * Press Tab (or Shift+Tab) until `target` has the focus, as a keyboard user would; fails when it cannot be
 * reached. Returns how many presses it took.
 */
export const tabTo = async (
  page: Page,
  target: Locator,
  { backwards = false, max = 150 }: { backwards?: boolean; max?: number } = {},
): Promise<number> => {
  for (let presses = 0; presses <= max; presses++) {
    if (await isFocused(target)) return presses;
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(
    `${target.toString()} could not be reached with ${backwards ? 'Shift+Tab' : 'Tab'} in ${max} presses; ` +
      `the focus is on ${await focusedElement(page)}`,
  );
};
