import AxeBuilder from '@axe-core/playwright';
import type { Result } from 'axe-core';
import type { Page } from 'playwright-core';

/** WCAG 2.1 AA, the level the product promises. */
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

export const NO_SERIOUS_VIOLATIONS = 'no serious or critical accessibility violations';

const describe = (violation: Result): string => {
  const nodes = violation.nodes
    .slice(0, 5)
    .map((node) => {
      const target = node.target.map(String).join(' ');
      const why = (node.failureSummary ?? '').replace(/\s+/g, ' ').trim();
      return `      - ${target}\n        ${node.html.slice(0, 200)}\n        ${why}`;
    })
    .join('\n');
  const more = violation.nodes.length > 5 ? `\n      … and ${violation.nodes.length - 5} more` : '';
  return `  [${violation.impact}] ${violation.id}: ${violation.help}\n    ${violation.helpUrl}\n${nodes}${more}`;
};

/**
 * Fluent UI v9's focus manager (Tabster) puts invisible, aria-hidden "dummy" elements with tabindex=0 around focus
 * groups; they hand focus on the moment they get it. axe reports them as aria-hidden-focus, a false positive that
 * Fluent documents as a known issue and that Microsoft's own Accessibility Insights suppresses the same way
 * (microsoft/accessibility-insights-web#7605). Only those nodes are dropped; any other aria-hidden-focus stays.
 */
const withoutTabsterDummies = (violation: Result): Result =>
  violation.id === 'aria-hidden-focus'
    ? { ...violation, nodes: violation.nodes.filter((node) => !node.html.includes('data-tabster-dummy')) }
    : violation;

/**
 * axe-core on the page as it is now. Returns NO_SERIOUS_VIOLATIONS, or a readable list of the serious and
 * critical violations (rule, help link, the elements and why), so a failing assertion says what to fix.
 */
export const seriousViolations = async (page: Page, where: string): Promise<string> => {
  // Sandboxed iframes (the e-mail preview, the stand-in appointment's body) may not run scripts: axe cannot look
  // inside them and would wait for them forever, so they are left out and only their title is checked here.
  const results = await new AxeBuilder({ page }).withTags(TAGS).exclude('iframe[sandbox]').analyze();
  const untitled = await page
    .locator('iframe[sandbox]')
    .evaluateAll((frames) =>
      frames.filter((f) => !f.getAttribute('title')?.trim()).map((f) => f.outerHTML.slice(0, 120)),
    );
  const serious = results.violations
    .map(withoutTabsterDummies)
    .filter((v) => v.nodes.length > 0 && (v.impact === 'serious' || v.impact === 'critical'));
  const frameTitles = untitled.map(
    (html) => `  [serious] frame-title: a sandboxed iframe has no title\n      - ${html}`,
  );
  if (serious.length === 0 && frameTitles.length === 0) return NO_SERIOUS_VIOLATIONS;
  return `${serious.length + frameTitles.length} serious/critical accessibility violation(s) on ${where}:\n${[
    ...serious.map(describe),
    ...frameTitles,
  ].join('\n')}`;
};
