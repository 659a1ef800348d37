import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailability, launchChromium } from '../../support/browser';
import { startSandbox, type RunningSandbox } from '../../support/sandboxProcess';
import { USERS } from './graphCall';

/**
 * The viewer, where a newcomer watches the minutes arrive: in a real browser, each Adaptive Card in a user's chats
 * is rendered by the `adaptivecards` library with Teams' host config (light, or dark with `&theme=dark`), not shown
 * as JSON. The seeded meeting's minutes card is in Peter's 1:1 chat with Aisha.
 */

const browserCheck = browserAvailability();

let sandbox: RunningSandbox;
let browser: Browser;

interface RenderedCards {
  cards: number;
  rendered: number;
  text: string;
  color: string;
  fontFamily: string;
  problems: string[];
}

const renderedCards = async (url: string): Promise<RenderedCards> => {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  try {
    await page.goto(url);
    await page.waitForFunction(() => {
      const cards = [...document.querySelectorAll('.card')];
      return cards.length > 0 && cards.every((card) => card.textContent !== 'Kortet indlæses …');
    });
    const found = await page.evaluate(() => {
      const cards = [...document.querySelectorAll('.card')];
      const first = document.querySelector('.card .ac-adaptiveCard .ac-textBlock');
      const style = first ? getComputedStyle(first) : null;
      return {
        cards: cards.length,
        rendered: cards.filter((card) => card.querySelector('.ac-adaptiveCard')).length,
        text: cards.map((card) => (card as HTMLElement).innerText).join('\n'),
        color: style?.color ?? '',
        fontFamily: style?.fontFamily ?? '',
        problems: cards.map((card) => card.textContent ?? '').filter((text) => /kunne ikke/.test(text)),
      };
    });
    return { ...found, problems: [...found.problems, ...errors] };
  } finally {
    await page.close();
  }
};

describe.skipIf(!browserCheck.available)('the viewer renders Adaptive Cards (Chromium)', () => {
  beforeAll(async () => {
    sandbox = await startSandbox();
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await sandbox?.stop();
  });

  it("renders the minutes card in Peter's chats with Teams' light host config", async () => {
    const light = await renderedCards(`${sandbox.origin}/_sandbox/view?user=${encodeURIComponent(USERS.peter)}`);
    expect(light.problems).toEqual([]);
    expect(light.cards).toBeGreaterThan(0);
    expect(light.rendered).toBe(light.cards);
    expect(light.text).toContain('KI-2026-014');
    expect(light.text).not.toContain('"type"');
    // teams-light.hostconfig.json: default foreground #252424, font 'Segoe UI', …
    expect(light.color).toBe('rgb(37, 36, 36)');
    expect(light.fontFamily).toContain('Segoe UI');
  });

  it("uses Teams' dark host config on the dark page", async () => {
    const dark = await renderedCards(
      `${sandbox.origin}/_sandbox/view?user=${encodeURIComponent(USERS.peter)}&theme=dark`,
    );
    expect(dark.problems).toEqual([]);
    expect(dark.rendered).toBe(dark.cards);
    // teams-dark.hostconfig.json: default foreground #ffffff.
    expect(dark.color).toBe('rgb(255, 255, 255)');
  });
});
