import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { arrangeMeetingUnderWay, type ArrangedPlan } from './support/arrangePlan';
import { people } from './support/demoPeople';
import { SIDE_PANEL, SidePanel } from './support/meetingSurface';
import { appOrigin, startWorld, type UserSession, type World } from './support/world';

/**
 * Issue 8, the side panel's first load: English, the dark and high-contrast themes and the language switch's
 * tooltip are not part of it. Each is fetched when it is used — English before the first render of a page shown in
 * English or when the referent presses "English", a theme when the host shows it, the tooltip after her first
 * input — and until it has arrived the page stays as it was (Danish, the old colours), never blank. English that
 * cannot be fetched leaves the meeting's texts in Danish and the panel working.
 * The chunks are matched by their names (i18n-en-<namespace>, theme-dark, theme-contrast, tooltip), never hashes.
 */

const origin = appOrigin();
const CASE = 'KI-2027-081';
const START = new Date('2026-12-02T13:00:00+01:00');
const DURING = new Date(START.getTime() + 5 * 60_000);
const READY = 'main[data-ready="true"]';
const SLOW = 30_000;
const DANISH_TITLE = `Indsatsplansmøde ${CASE}`;
const ENGLISH_TITLE = `Coordinated plan meeting ${CASE}`;
/** Words of the side panel's Danish interface (not of the plan's own content), from the first frame to ready. */
const DANISH_WORDS = /Tovholder starter|Henter planen|Indsatsplansmøde|Dagsorden|Referat|Opsummering|Roller|Deltagere/;

/** A file's name without its folder: `i18n-en-meeting-ts.65ac9dd6.js`. */
const fileOf = (url: string): string => new URL(url).pathname.split('/').pop() ?? '';

/** Every script the browser fetched for this page, in order, by file name (a blocked one too). */
class Fetched {
  readonly scripts: string[] = [];
  readonly failed: string[] = [];

  constructor(page: Page) {
    page.on('request', (request) => {
      if (request.resourceType() === 'script') this.scripts.push(fileOf(request.url()));
    });
    page.on('requestfailed', (request) => {
      if (request.resourceType() === 'script') this.failed.push(fileOf(request.url()));
    });
  }

  /** How many scripts were fetched whose name starts with `chunk`. */
  count(chunk: string): number {
    return this.scripts.filter((file) => file.startsWith(chunk)).length;
  }

  named(chunk: RegExp): string[] {
    return this.scripts.filter((file) => chunk.test(file));
  }
}

/** What the page showed from its first frame on, recorded in the page (no clock involved: DOM order only). */
interface FirstLoad {
  /** Each script the page added, by file name, and whether the side panel was ready by then. */
  scripts: { file: string; beforeReady: boolean }[];
  /**
   * The page's text at each change, whether the side panel was ready then, and whether it is still the HTML's own
   * placeholder (src/app/page.ejs, before any script has run) rather than a frame the app rendered.
   */
  texts: { text: string; beforeReady: boolean; placeholder: boolean }[];
  /** The app shell's theme (data-theme) and the frame's background at each change of either. */
  looks: { theme: string | null; background: string }[];
}

/**
 * Runs in the page before its own scripts: a MutationObserver sees every script the page adds (webpack adds one
 * per chunk it fetches), the moment the side panel marks itself ready, and the text and colours after each change
 * — before the browser paints it, so no frame a user could see is missed.
 */
const recordFirstLoad = () => {
  const seen: FirstLoad = { scripts: [], texts: [], looks: [] };
  (window as unknown as { firstLoad: FirstLoad }).firstLoad = seen;
  let ready = false;
  const look = () => {
    const frame = document.querySelector<HTMLElement>('.fui-FluentProvider');
    return {
      theme: document.querySelector('[data-theme]')?.getAttribute('data-theme') ?? null,
      background: frame ? getComputedStyle(frame).backgroundColor : 'none',
    };
  };
  new MutationObserver((records) => {
    for (const record of records) {
      for (const node of Array.from(record.addedNodes))
        if (node instanceof HTMLScriptElement && node.src)
          seen.scripts.push({ file: new URL(node.src).pathname.split('/').pop() ?? '', beforeReady: !ready });
      if (record.type === 'attributes' && record.attributeName === 'data-ready') ready = true;
    }
    const text = document.getElementById('root')?.textContent?.trim() ?? '';
    const placeholder = document.getElementById('boot') !== null;
    const previous = seen.texts[seen.texts.length - 1];
    if (text !== '' && (text !== previous?.text || placeholder !== previous.placeholder))
      seen.texts.push({ text, beforeReady: !ready, placeholder });
    const now = look();
    const last = seen.looks[seen.looks.length - 1];
    if (now.background !== 'none' && (last?.theme !== now.theme || last.background !== now.background))
      seen.looks.push(now);
  }).observe(document, {
    subtree: true,
    childList: true,
    characterData: true,
    attributes: true,
    attributeFilter: ['data-ready', 'data-theme', 'class'],
  });
};

const firstLoad = (page: Page): Promise<FirstLoad> =>
  page.evaluate(() => (window as unknown as { firstLoad: FirstLoad }).firstLoad);

/** The chunks (by name) the page added before the side panel was ready. */
const beforeReady = (load: FirstLoad, chunk: RegExp): string[] =>
  load.scripts.filter((s) => s.beforeReady && chunk.test(s.file)).map((s) => s.file);

/**
 * Holds a chunk back until `release()`: the moment between asking for it and getting it, where the page must go on
 * showing what it showed. `requested` settles when the page has asked.
 */
const holdBack = async (page: Page, chunk: string) => {
  let release = () => {};
  const released = new Promise<void>((done) => (release = done));
  let asked = () => {};
  const requested = new Promise<void>((done, fail) => {
    asked = done;
    setTimeout(() => fail(new Error(`the page never asked for ${chunk} (in ${SLOW / 1000} s)`)), SLOW);
  });
  await page.route(
    (url) => fileOf(url.href).startsWith(chunk),
    async (route) => {
      asked();
      await released;
      await route.continue();
    },
  );
  return { requested, release };
};

/** The referent's side panel at 320 px, from the first frame on, with what the browser fetches recorded. */
const openPanel = async (
  aisha: UserSession,
  planId: string,
  params: Record<string, string> = {},
): Promise<{ page: Page; fetched: Fetched }> => {
  const page = aisha.page;
  const fetched = new Fetched(page);
  await page.addInitScript(recordFirstLoad);
  await aisha.goto('meeting.html', { planId, frame: 'sidePanel', ...params });
  await page.locator(READY).waitFor({ timeout: SLOW });
  return { page, fetched };
};

const heading = async (page: Page): Promise<string> =>
  (await page.getByRole('heading', { level: 1 }).innerText()).trim();

const languageButton = (page: Page, name: 'Dansk' | 'English') => page.getByRole('button', { name, exact: true });

describe.skipIf(origin === null)("the side panel's first load: English, themes and the tooltip on demand", () => {
  let world: World;
  let arranged: ArrangedPlan;

  beforeAll(async () => {
    world = await startWorld(origin ?? '');
    arranged = await arrangeMeetingUnderWay(world.sandbox, {
      caseReference: CASE,
      people: [people.mette.upn, people.jonas.upn, people.aisha.upn, people.jens.upn],
      roles: { koordinator: people.mette.upn, moedeleder: people.jonas.upn, referent: people.aisha.upn },
      start: START,
    });
  });
  afterAll(async () => {
    await world?.close();
  });

  const asAisha = () => world.asUser(people.aisha.upn, { viewport: SIDE_PANEL, clockAt: DURING });

  it('opens in light and Danish without fetching English, the dark or high-contrast theme, or the tooltip', async () => {
    const aisha = await asAisha();
    const { page, fetched } = await openPanel(aisha, arranged.plan.id);

    expect(await heading(page)).toBe(DANISH_TITLE);
    expect(await page.getByRole('tab', { name: 'Referat' }).getAttribute('aria-selected')).toBe('true');
    await page.getByRole('region', { name: 'Dagsorden' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('da');
    expect(await page.locator('[data-theme]').first().getAttribute('data-theme')).toBe('light');
    expect(await languageButton(page, 'Dansk').getAttribute('aria-pressed')).toBe('true');

    const load = await firstLoad(page);
    expect(beforeReady(load, /^(main|meeting)\./), 'the entry itself is seen by the recorder').not.toEqual([]);
    expect(beforeReady(load, /^(i18n-en-|theme-dark|theme-contrast|tooltip)/)).toEqual([]);
    // Until she touches the page, none of them is fetched at all (the tooltip waits for her first input).
    expect(fetched.named(/^(i18n-en-|theme-dark|theme-contrast|tooltip)/)).toEqual([]);

    // Her first move of the pointer fetches the tooltip; pointing at "English" then names the button.
    await page.mouse.move(160, 600);
    await expect.poll(() => fetched.count('tooltip'), { timeout: SLOW }).toBe(1);
    await languageButton(page, 'English').hover();
    await expect.poll(() => page.getByRole('tooltip').innerText(), { timeout: SLOW }).toBe('English');

    // A light page never fetches the other themes, nor English it does not show.
    expect(fetched.named(/^(i18n-en-|theme-dark|theme-contrast)/)).toEqual([]);
    expect(aisha.errors).toEqual([]);
  });

  it('"English" keeps the Danish until the English has arrived, then turns the panel English with her effort still typed; "Dansk" brings the Danish back without fetching', async () => {
    const aisha = await asAisha();
    const { page, fetched } = await openPanel(aisha, arranged.plan.id);
    const panel = new SidePanel(page);
    await panel.addEffort({ what: 'Bostøtte to gange om ugen' });
    const rows = await panel
      .effortsSection()
      .getByRole('group', { name: /^Indsats \d+$/ })
      .count();
    const effortRow = panel.effortsSection().getByRole('group', { name: `Indsats ${rows}`, exact: true });
    expect(fetched.named(/^i18n-en-/)).toEqual([]);

    // The meeting's English is slow to come: meanwhile the page stays Danish and whole (no spinner, no blank).
    const shownBefore = (await firstLoad(page)).texts.length;
    const slow = await holdBack(page, 'i18n-en-meeting');
    await languageButton(page, 'English').click();
    await slow.requested;
    expect(await heading(page)).toBe(DANISH_TITLE);
    expect(await page.getByRole('tab', { name: 'Referat' }).isVisible()).toBe(true);
    expect(await page.locator('html').getAttribute('lang')).toBe('da');
    expect(await effortRow.getByRole('textbox', { name: 'Hvad' }).inputValue()).toBe('Bostøtte to gange om ugen');
    slow.release();

    await expect.poll(() => heading(page), { timeout: SLOW }).toBe(ENGLISH_TITLE);
    const between = (await firstLoad(page)).texts.slice(shownBefore).map((t) => t.text);
    expect(
      between.filter((text) => !text.includes(DANISH_TITLE) && !text.includes(ENGLISH_TITLE)),
      'a frame without the panel between Danish and English',
    ).toEqual([]);
    expect(between.filter((text) => text.includes(ENGLISH_TITLE) && DANISH_WORDS.test(text))).toEqual([]);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await languageButton(page, 'English').getAttribute('aria-pressed')).toBe('true');
    expect(await page.getByRole('tab', { name: 'Minutes' }).getAttribute('aria-selected')).toBe('true');
    await page.getByRole('region', { name: 'Agenda' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Roles' }).waitFor();
    expect(await page.getByText(`Coordinator: ${people.mette.name}`, { exact: true }).isVisible()).toBe(true);
    const englishRow = page
      .getByRole('region', { name: 'Efforts', exact: true })
      .getByRole('group', { name: `Effort ${rows}`, exact: true });
    expect(await englishRow.getByRole('textbox', { name: 'What' }).inputValue()).toBe('Bostøtte to gange om ugen');
    // The English came on demand, one file per namespace the page shows — not with the first load.
    expect(fetched.named(/^i18n-en-/).sort()).toEqual([
      expect.stringMatching(/^i18n-en-common-/),
      expect.stringMatching(/^i18n-en-meeting-/),
      expect.stringMatching(/^i18n-en-shell-/),
    ]);

    const scriptsBefore = [...fetched.scripts];
    await languageButton(page, 'Dansk').click();
    await expect.poll(() => heading(page), { timeout: SLOW }).toBe(DANISH_TITLE);
    expect(await page.locator('html').getAttribute('lang')).toBe('da');
    expect(await page.getByRole('tab', { name: 'Referat' }).getAttribute('aria-selected')).toBe('true');
    expect(await effortRow.getByRole('textbox', { name: 'Hvad' }).inputValue()).toBe('Bostøtte to gange om ugen');
    expect(fetched.scripts).toEqual(scriptsBefore);

    // Nothing she typed was lost on the way: the effort is in the plan.
    await panel.waitUntilSaved();
    const stored = await world.sandbox.plan(arranged.plan.id);
    expect(stored.meetings[0]?.minutes.efforts.map((e) => e.what)).toContain('Bostøtte to gange om ugen');
    expect(aisha.errors).toEqual([]);
  });

  it('opened in English (lang=en), the first frame is already English: the English is fetched before the first render', async () => {
    const aisha = await asAisha();
    const { page, fetched } = await openPanel(aisha, arranged.plan.id, { lang: 'en' });

    expect(await heading(page)).toBe(ENGLISH_TITLE);
    expect(await page.getByRole('tab', { name: 'Minutes' }).getAttribute('aria-selected')).toBe('true');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await languageButton(page, 'English').getAttribute('aria-pressed')).toBe('true');

    // Every frame the app rendered, from its first, is English. (The HTML's static placeholder, shown before any
    // script runs, is not the app's; it has no words of either language: "Tovholder …".)
    const load = await firstLoad(page);
    const rendered = load.texts.filter((t) => !t.placeholder);
    const danish = rendered.filter((t) => DANISH_WORDS.test(t.text)).map((t) => t.text.slice(0, 120));
    expect(danish, 'Danish on the way to the English panel').toEqual([]);
    // The first frame: the boot frame's loading line, the panel's, or the panel itself — each in English.
    expect(rendered[0]?.text).toMatch(/Tovholder is starting|Loading the plan|Coordinated plan meeting/);
    expect(load.texts.find((t) => t.text.includes(CASE))?.text).toContain(ENGLISH_TITLE);
    expect(beforeReady(load, /^i18n-en-/).sort()).toEqual([
      expect.stringMatching(/^i18n-en-common-/),
      expect.stringMatching(/^i18n-en-meeting-/),
      expect.stringMatching(/^i18n-en-shell-/),
    ]);
    // Each file once, and no theme the light page does not show.
    expect(fetched.named(/^i18n-en-/)).toHaveLength(3);
    expect(fetched.named(/^theme-/)).toEqual([]);
    expect(aisha.errors).toEqual([]);
  });

  it('opened in the dark theme, it is dark from the first frame; a live switch to high contrast keeps the dark colours until the new theme has arrived', async () => {
    const aisha = await asAisha();
    const { page, fetched } = await openPanel(aisha, arranged.plan.id, { theme: 'dark' });

    const load = await firstLoad(page);
    const dark = load.looks[load.looks.length - 1]?.background ?? '';
    expect(dark).not.toBe('rgb(255, 255, 255)');
    // No frame in light colours, and the app shell is dark from its first render.
    expect(load.looks.map((l) => l.background)).toEqual(load.looks.map(() => dark));
    expect(new Set(load.looks.map((l) => l.theme).filter((t) => t !== null))).toEqual(new Set(['dark']));
    expect(beforeReady(load, /^theme-/)).toEqual([expect.stringMatching(/^theme-dark\./)]);
    expect(fetched.count('theme-dark')).toBe(1);
    expect(fetched.count('theme-contrast')).toBe(0);
    expect(await heading(page)).toBe(DANISH_TITLE);

    // Teams switches to high contrast during the meeting (the local host hears it as a message, as checkpoint.ts's
    // switchTheme sends it). The theme is slow to come: meanwhile the dark colours stay.
    const slow = await holdBack(page, 'theme-contrast');
    const looksBefore = (await firstLoad(page)).looks.length;
    await page.evaluate(() =>
      window.postMessage({ type: 'tovholder:theme', theme: 'contrast' }, window.location.origin),
    );
    await slow.requested;
    expect(await page.locator('[data-theme]').first().getAttribute('data-theme')).toBe('dark');
    expect((await firstLoad(page)).looks.slice(looksBefore)).toEqual([]);
    slow.release();

    await page.locator('[data-theme="contrast"]').first().waitFor({ timeout: SLOW });
    const after = (await firstLoad(page)).looks.slice(looksBefore);
    expect(after.map((l) => l.theme)).not.toContain('dark');
    expect(after.map((l) => l.theme)).not.toContain('light');
    expect(after[after.length - 1]?.background).not.toBe(dark);
    expect(fetched.count('theme-contrast')).toBe(1);
    expect(await page.locator(READY).count()).toBe(1);
    expect(aisha.errors).toEqual([]);
  });

  it('English that cannot be fetched leaves the whole panel in Danish and says so; the next try turns it English', async () => {
    const aisha = await asAisha();
    const { page, fetched } = await openPanel(aisha, arranged.plan.id);
    const blockMeetingEnglish = (url: URL) => fileOf(url.href).startsWith('i18n-en-meeting');
    await page.route(blockMeetingEnglish, (route) => route.abort());

    await languageButton(page, 'English').click();
    await page
      .getByRole('status')
      .filter({ hasText: 'Den engelske tekst kunne ikke hentes, så siden er stadig på dansk. Prøv igen om lidt.' })
      .waitFor({ timeout: SLOW });
    expect(fetched.failed).toEqual([expect.stringMatching(/^i18n-en-meeting-/)]);

    // Not half English: the page is Danish and marked Danish, the common words (which did arrive) included.
    expect(await page.locator('html').getAttribute('lang')).toBe('da');
    expect(await languageButton(page, 'Dansk').getAttribute('aria-pressed')).toBe('true');
    expect(await heading(page)).toBe(DANISH_TITLE);
    expect(await page.getByRole('tab', { name: 'Referat' }).getAttribute('aria-selected')).toBe('true');
    await page.getByText(`Koordinator: ${people.mette.name}`, { exact: true }).waitFor();
    expect(await page.getByRole('group', { name: 'Sprog' }).isVisible()).toBe(true);
    // No crash notice, no "could not be loaded" (OnDemand's), in either language.
    expect(
      await page
        .getByRole('alert')
        .filter({ hasText: /Der skete en fejl|Something went wrong|kunne ikke hentes|could not be loaded/ })
        .count(),
    ).toBe(0);

    // The connection is back: the next press fetches the English again and the panel turns English.
    await page.unroute(blockMeetingEnglish);
    await languageButton(page, 'English').click();
    await page.getByRole('heading', { level: 1, name: ENGLISH_TITLE }).waitFor({ timeout: SLOW });
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.getByRole('status').filter({ hasText: 'kunne ikke hentes' }).count()).toBe(0);
    await languageButton(page, 'Dansk').click();
    await page.getByRole('heading', { level: 1, name: DANISH_TITLE }).waitFor({ timeout: SLOW });

    // The panel still works: she adds an effort and it is saved in the plan.
    const panel = new SidePanel(page);
    await panel.addEffort({ what: 'Samtale om budget hver anden uge' });
    await panel.waitUntilSaved();
    const stored = await world.sandbox.plan(arranged.plan.id);
    expect(stored.meetings[0]?.minutes.efforts.map((e) => e.what)).toContain('Samtale om budget hver anden uge');
    expect(await page.locator(READY).count()).toBe(1);
    expect(aisha.errors).toEqual([]);
  });
});
