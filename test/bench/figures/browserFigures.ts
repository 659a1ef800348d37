/**
 * The two figures measured in Debian's Chromium, against the production build served from 127.0.0.1 and a local
 * sandbox (no added latency: these measure the page, not the network):
 *
 * - Side panel time to interactive, CPU throttled 4× (CDP Emulation.setCPUThrottlingRate), cold (a fresh browser
 *   context per load), 320 px wide. "Interactive" = the side panel says so: its root carries data-ready="true"
 *   (set once it has rendered the plan and its handlers are attached), and is visible. The time is the page's
 *   own clock (performance.now(), from navigation start) at the first animation frame where that holds. Beside it the floor page, interactive when its one button is visible and enabled. Median of N
 *   loads each, alternating.
 * - Minutes-editor render time per keystroke with 12 participants and 40 efforts: typing into the first effort's
 *   text field in the side panel, and into a bare Fluent Input on the floor, unthrottled. Per keystroke: the
 *   time from the key event until the input event has been handled (React has committed), plus the next frame's
 *   own work (from its animation-frame callback to just after its paint). The wait between the two is left out;
 *   the full input-to-next-paint latency is reported beside it.
 *
 * The browser may reach nothing but 127.0.0.1 (every other host name fails to resolve).
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import { plansAs } from '../../support/planPorts';
import { fieldDomId } from '../../../src/surfaces/meeting/fieldProblems';
import { demoPeople } from '../../support/builders';
import { findChromium } from '../../support/browser';
import { format, notMeasured, ratioOf, type Figure } from '../report';
import { largestMinutesPlan, runningMeeting } from '../support/largestMinutes';
import { onRelease, progress } from '../support/resources';
import { startBenchSandbox } from '../support/sandbox';
import { serveStatic, type StaticServer } from '../support/staticServer';
import { median, percentile, round } from '../support/statistics';
import type { Built } from './bundleBytes';

export const TTI = { id: 'sidePanelTti', title: 'Side panel time to interactive (Chromium, 4× CPU throttling)' };
export const KEYSTROKE = {
  id: 'editorKeystroke',
  title: 'Minutes editor render time per keystroke (12 participants, 40 efforts)',
};

const CPU_THROTTLING = 4;
const VIEWPORT = { width: 320, height: 900 };
/** The bench's side-panel plan (its place is made per run). */
const CASE_REFERENCE = 'KI-2026-900';
const FIRST_EFFORT = `#${fieldDomId('efforts.e1.what')}`;
/** The side panel's own marker that it is interactive (src/surfaces/meeting/SidePanel.tsx). */
const PANEL_READY = 'main[data-ready="true"]';
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  // Nothing but 127.0.0.1 resolves: the pages cannot reach a CDN or Microsoft even by mistake.
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
];

let version: string | null = null;
export const chromiumVersion = (): string | null => version;

const launch = async (): Promise<Browser> => {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('no Chromium at /usr/bin/chromium (apt-get install -y chromium)');
  const browser = await chromium.launch({ executablePath, headless: true, args: ARGS });
  onRelease('chromium', () => browser.close());
  version = `Chromium ${browser.version()}`;
  return browser;
};

declare global {
  interface Window {
    __bench?: {
      ready?: number;
      firstButton?: number;
      scripts?: string[];
      keys?: { work: number; latency: number }[];
    };
  }
}

/**
 * Installed before the page's own scripts: on every animation frame, is the element there, visible and enabled?
 * Records the page clock at the first frame where it is, and the scripts that had arrived by then.
 */
const watchReadiness = (selector: string): void => {
  const bench: NonNullable<Window['__bench']> = {};
  window.__bench = bench;
  const usable = (el: Element | null): boolean => {
    if (!el || (el as HTMLButtonElement).disabled || el.getAttribute('aria-disabled') === 'true') return false;
    const box = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    return box.width > 0 && box.height > 0 && style.visibility !== 'hidden' && style.display !== 'none';
  };
  const check = () => {
    if (bench.firstButton === undefined && usable(document.querySelector('main button'))) {
      bench.firstButton = performance.now();
    }
    if (usable(document.querySelector(selector))) {
      bench.ready = performance.now();
      bench.scripts = performance
        .getEntriesByType('resource')
        .map((entry) => entry.name)
        .filter((name) => /\.js(\?|$)/.test(name));
      return;
    }
    requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
};

/** Per keystroke: script time to the handled input event, plus the next frame's own rendering work. */
const watchKeystrokes = (): void => {
  const bench = window.__bench ?? {};
  window.__bench = bench;
  bench.keys = [];
  let pending: { start: number; handled: number | null } | null = null;
  window.addEventListener(
    'keydown',
    (event) => {
      if (event.key.length !== 1) return;
      const key = { start: event.timeStamp, handled: null as number | null };
      pending = key;
      requestAnimationFrame(() => {
        // The frame after the keystroke: its own work runs from here to just after its paint.
        const frame = performance.now();
        setTimeout(() => {
          const painted = performance.now();
          const handled = key.handled ?? frame;
          bench.keys?.push({ work: handled - key.start + (painted - frame), latency: painted - key.start });
        }, 0);
      });
    },
    true,
  );
  // The input event bubbles here after React's root listener; React flushes a discrete update in a microtask
  // right after its listener, so by now (and surely after our own microtask) the keystroke is committed.
  window.addEventListener('input', () => {
    const key = pending;
    queueMicrotask(() => {
      if (key) key.handled = performance.now();
    });
  });
};

/**
 * tsx compiles this file with esbuild's keepNames, which wraps inner functions in `__name(…)`; the functions we
 * hand to the page carry that call along, so the page gets a harmless `__name` first.
 */
const KEEP_NAMES_SHIM = 'window.__name = (target) => target;';

const newContext = async (browser: Browser): Promise<BrowserContext> => {
  const context = await browser.newContext({ viewport: VIEWPORT, locale: 'da-DK', timezoneId: 'Europe/Copenhagen' });
  await context.addInitScript({ content: KEEP_NAMES_SHIM });
  return context;
};

const throttle = async (context: BrowserContext, page: Page, rate: number): Promise<void> => {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
};

interface Load {
  ready: number;
  firstButton: number | null;
  scriptGzip: number;
  scripts: number;
}

const loadOnce = async (browser: Browser, server: StaticServer, url: string, selector: string): Promise<Load> => {
  const context = await newContext(browser);
  try {
    const page = await context.newPage();
    await throttle(context, page, CPU_THROTTLING);
    await page.addInitScript(watchReadiness, selector);
    await page.goto(url, { waitUntil: 'commit' });
    await page.waitForFunction(() => window.__bench?.ready !== undefined, null, { timeout: 120000, polling: 100 });
    const bench = await page.evaluate(() => window.__bench);
    const scripts = (bench?.scripts ?? []).map((name) => new URL(name).pathname);
    return {
      ready: bench?.ready ?? Number.NaN,
      firstButton: bench?.firstButton ?? null,
      scripts: scripts.length,
      scriptGzip: scripts.reduce((sum, path) => sum + server.gzipBytesOf(path), 0),
    };
  } finally {
    await context.close();
  }
};

const typeInto = async (browser: Browser, url: string, selector: string, keys: number): Promise<number[][]> => {
  const context = await newContext(browser);
  try {
    const page = await context.newPage();
    await page.goto(url);
    const field = page.locator(selector);
    await field.waitFor({ state: 'visible', timeout: 120000 });
    await field.click();
    await page.keyboard.press('End');
    // Warm up (first renders, lazy chunks, the JIT), then measure.
    await page.keyboard.type(' og så', { delay: 120 });
    await page.evaluate(watchKeystrokes);
    const text = ' borgeren ønsker at komme i gang med en praktik i foråret og at få styr på økonomien';
    for (let i = 0; i < keys; i += 1) {
      await page.keyboard.type(text[i % text.length] as string);
      await page.waitForTimeout(100);
    }
    await page.waitForTimeout(500);
    const measured = await page.evaluate(() => window.__bench?.keys ?? []);
    return [measured.map((k) => k.work), measured.map((k) => k.latency)];
  } finally {
    await context.close();
  }
};

export interface BrowserOptions {
  runs: number;
  keys: number;
  tti: boolean;
  keystroke: boolean;
}

export const measureInBrowser = async (built: Built, options: BrowserOptions): Promise<Figure[]> => {
  const skip = (reason: string): Figure[] => [
    ...(options.tti ? [notMeasured(TTI.id, TTI.title, reason)] : []),
    ...(options.keystroke ? [notMeasured(KEYSTROKE.id, KEYSTROKE.title, reason)] : []),
  ];
  if (!built.ok) return skip(built.reason);
  if (!built.app.sizes.meeting) return skip('the build has no meeting entry');
  if (!findChromium()) return skip('no Chromium at /usr/bin/chromium');

  progress('starting a sandbox for the browser and storing the 12-participant, 40-effort plan');
  const sandbox = await startBenchSandbox('browser');
  const referent = demoPeople.aisha.email as string;
  const store = plansAs(sandbox, referent, { legacy: false, client: { timeoutMs: 30000 } }).planStore;
  const reserved = await store.reserve(CASE_REFERENCE);
  if (!reserved.ok) return skip(`no place for the plan in the sandbox: ${reserved.message}`);
  const planId = reserved.value;
  const plan = largestMinutesPlan({ ...runningMeeting(new Date()), users: await sandbox.users(), planId });
  const stored = await store.save(plan, null);
  if (!stored.ok) return skip(`the plan could not be stored in the sandbox: ${JSON.stringify(stored)}`);

  const app = await serveStatic(built.app.dir, 'app');
  const floor = await serveStatic(built.floor.dir, 'floor');
  const floorInput = await serveStatic(built.floorInput.dir, 'floor input');
  const panelUrl =
    `${app.origin}/meeting.html?host=standalone&frame=sidePanel&user=${encodeURIComponent(referent)}` +
    `&planId=${encodeURIComponent(planId)}&sandbox=${encodeURIComponent(sandbox.origin)}`;
  const browser = await launch();
  const figures: Figure[] = [];

  if (options.tti) {
    const panel: Load[] = [];
    const base: Load[] = [];
    // One load of each first, not counted: the browser's own start-up should not land on the first page.
    await loadOnce(browser, floor, `${floor.origin}/floor.html`, 'main button');
    await loadOnce(browser, app, panelUrl, PANEL_READY);
    for (let run = 0; run < options.runs; run += 1) {
      progress(`time to interactive, load ${run + 1}/${options.runs}`);
      base.push(await loadOnce(browser, floor, `${floor.origin}/floor.html`, 'main button'));
      panel.push(await loadOnce(browser, app, panelUrl, PANEL_READY));
    }
    const value = median(panel.map((l) => l.ready));
    const baseline = median(base.map((l) => l.ready));
    const buttons = panel.map((l) => l.firstButton).filter((t): t is number => t !== null);
    figures.push({
      id: TTI.id,
      title: TTI.title,
      status: 'measured',
      value: { value: round(value, 0), unit: 'ms' },
      baseline: { label: 'the floor page (React + Fluent, one button)', value: round(baseline, 0), unit: 'ms' },
      ratio: ratioOf(value, baseline),
      targets: [],
      notes: [
        `loads (ms): side panel ${panel.map((l) => round(l.ready, 0)).join(', ')}; floor ${base.map((l) => round(l.ready, 0)).join(', ')}`,
        `JavaScript fetched before interactive: side panel ${format({ value: median(panel.map((l) => l.scriptGzip)), unit: 'bytes' })}, floor ${format({ value: median(base.map((l) => l.scriptGzip)), unit: 'bytes' })} (gzip)`,
      ],
      details: {
        interactive:
          'side panel: its root carries data-ready="true" and is visible; floor: its button is visible and enabled',
        runs: options.runs,
        cpuThrottling: CPU_THROTTLING,
        viewport: VIEWPORT,
        loadsMs: { sidePanel: panel.map((l) => round(l.ready, 0)), floor: base.map((l) => round(l.ready, 0)) },
        sidePanelFirstEnabledButtonMs: buttons.length > 0 ? round(median(buttons), 0) : null,
        jsFetchedBeforeInteractiveGzip: {
          sidePanel: median(panel.map((l) => l.scriptGzip)),
          floor: median(base.map((l) => l.scriptGzip)),
          sidePanelScripts: panel[0]?.scripts ?? 0,
        },
      },
    });
  }

  if (options.keystroke) {
    progress(`typing ${options.keys} keystrokes into the side panel and into the floor input`);
    const [panelWork, panelLatency] = await typeInto(browser, panelUrl, FIRST_EFFORT, options.keys);
    const [floorWork, floorLatency] = await typeInto(
      browser,
      `${floorInput.origin}/floorInput.html`,
      'main input',
      options.keys,
    );
    if (!panelWork?.length || !floorWork?.length) {
      figures.push(notMeasured(KEYSTROKE.id, KEYSTROKE.title, 'no keystroke was recorded'));
    } else {
      const value = median(panelWork);
      const baseline = median(floorWork);
      figures.push({
        id: KEYSTROKE.id,
        title: KEYSTROKE.title,
        status: 'measured',
        value: { value: round(value, 2), unit: 'ms' },
        baseline: { label: 'a bare Fluent Input on the floor page', value: round(baseline, 2), unit: 'ms' },
        ratio: ratioOf(value, baseline),
        targets: [
          { text: 'median under one frame (16 ms)', met: value < 16 },
          { text: '95th percentile under one frame (16 ms)', met: percentile(panelWork, 95) < 16 },
        ],
        notes: [
          `95th percentile: side panel ${round(percentile(panelWork, 95), 1)} ms, floor ${round(percentile(floorWork, 95), 1)} ms`,
          `input to next paint (median): side panel ${round(median(panelLatency ?? []), 1)} ms, floor ${round(median(floorLatency ?? []), 1)} ms`,
        ],
        details: {
          keystrokes: { sidePanel: panelWork.length, floor: floorWork.length },
          p95Ms: { sidePanel: round(percentile(panelWork, 95), 2), floor: round(percentile(floorWork, 95), 2) },
          maxMs: { sidePanel: round(Math.max(...panelWork), 2), floor: round(Math.max(...floorWork), 2) },
          inputToNextPaintMedianMs: {
            sidePanel: round(median(panelLatency ?? []), 2),
            floor: round(median(floorLatency ?? []), 2),
          },
          cpuThrottling: 1,
          field: 'the first effort of 40 (Textarea), typed at the end, one key every ~100 ms',
        },
      });
    }
  }
  return figures;
};
