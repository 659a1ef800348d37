/**
 * `npm run bench` — the performance harness (docs/PERFORMANCE.md says what each figure means).
 * `npm run --silent bench -- --json` prints the same, and one JSON object as its last line.
 * Options: --only <id,id>  --runs <n> (page loads per page, default 7)  --keys <n> (keystrokes, default 60)
 *          --iterations <n> (bookings and deliveries, default 3)
 *
 * Every figure is measured beside its baseline in this same run. Traffic goes only to 127.0.0.1; everything the
 * bench starts is stopped at the end (or by the watchdog).
 */
import { cpus } from 'node:os';
import { parseArgs } from 'node:util';
import { findChromium } from '../support/browser';
import * as cardBytes from './figures/cardBytes';
import * as browser from './figures/browserFigures';
import * as bundle from './figures/bundleBytes';
import * as plansList from './figures/plansList';
import * as trips from './figures/roundTrips';
import { formatReport, notMeasured, type BenchReport, type Figure } from './report';
import { progress, releaseAll, watchdog } from './support/resources';
import { startBenchSandbox } from './support/sandbox';

const { values } = parseArgs({
  options: {
    json: { type: 'boolean', default: false },
    only: { type: 'string' },
    runs: { type: 'string', default: '7' },
    keys: { type: 'string', default: '60' },
    iterations: { type: 'string', default: '3' },
  },
  strict: true,
});

const count = (name: string, value: string | undefined, min: number): number => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw new Error(`--${name} must be a whole number ≥ ${min}, got ${value}`);
  return n;
};
const runs = count('runs', values.runs, 1);
const keys = count('keys', values.keys, 5);
const iterations = count('iterations', values.iterations, 1);
const only = values.only ? new Set(values.only.split(',').map((s) => s.trim())) : null;
const wanted = (...ids: string[]) => only === null || ids.some((id) => only.has(id));

/** A figure's failure is that figure's "not measured", never the whole run's. */
const attempt = async (id: string, title: string, work: () => Promise<Figure | Figure[]>): Promise<Figure[]> => {
  try {
    const result = await work();
    return Array.isArray(result) ? result : [result];
  } catch (error) {
    progress(`${id} failed: ${(error as Error).stack ?? String(error)}`);
    return [notMeasured(id, title, `the measurement failed: ${(error as Error).message.split('\n')[0]}`)];
  }
};

const main = async (): Promise<BenchReport> => {
  const startedAt = new Date();
  const figures: Figure[] = [];

  if (wanted(bundle.ID, browser.TTI.id, browser.KEYSTROKE.id)) {
    progress('building the app and the floor page (production, sandbox backend)');
    const built = await bundle.buildAll();
    if (wanted(bundle.ID)) figures.push(bundle.bundleFigure(built));
    if (wanted(browser.TTI.id, browser.KEYSTROKE.id)) {
      const options = { runs, keys, tti: wanted(browser.TTI.id), keystroke: wanted(browser.KEYSTROKE.id) };
      try {
        figures.push(...(await browser.measureInBrowser(built, options)));
      } catch (error) {
        progress(`browser figures failed: ${(error as Error).stack ?? String(error)}`);
        const reason = `the measurement failed: ${(error as Error).message.split('\n')[0]}`;
        if (options.tti) figures.push(notMeasured(browser.TTI.id, browser.TTI.title, reason));
        if (options.keystroke) figures.push(notMeasured(browser.KEYSTROKE.id, browser.KEYSTROKE.title, reason));
      }
    }
  }

  if (wanted(trips.BOOKING.id, trips.DELIVERY.id, plansList.PLANS_LIST.id)) {
    progress(`starting a sandbox with ${trips.LATENCY_MS} ms latency`);
    const sandbox = await startBenchSandbox('latency', trips.LATENCY_MS);
    if (wanted(trips.BOOKING.id))
      figures.push(
        ...(await attempt(trips.BOOKING.id, trips.BOOKING.title, () => trips.measureBooking(sandbox, iterations))),
      );
    if (wanted(trips.DELIVERY.id))
      figures.push(
        ...(await attempt(trips.DELIVERY.id, trips.DELIVERY.title, () => trips.measureDelivery(sandbox, iterations))),
      );
    // Last: it fills the tenant with 2000 plans.
    if (wanted(plansList.PLANS_LIST.id))
      figures.push(
        ...(await attempt(plansList.PLANS_LIST.id, plansList.PLANS_LIST.title, () =>
          plansList.measurePlansList(sandbox, iterations),
        )),
      );
  }

  if (wanted(cardBytes.ID)) {
    figures.push(...(await attempt(cardBytes.ID, cardBytes.TITLE, async () => cardBytes.measureCardBytes())));
  }

  const cpu = cpus();
  return {
    tool: 'tovholder-bench',
    startedAt: startedAt.toISOString(),
    durationMs: Date.now() - startedAt.getTime(),
    machine: {
      cpus: cpu.length,
      cpuModel: cpu[0]?.model.trim() ?? 'unknown',
      node: process.version,
      platform: `${process.platform} ${process.arch}`,
      chromium: browser.chromiumVersion() ?? (findChromium() ? 'Chromium (version unknown)' : null),
    },
    figures,
  };
};

watchdog(30 * 60 * 1000);
main()
  .then(async (report) => {
    await releaseAll();
    process.stdout.write(`${formatReport(report)}\n`);
    if (values.json) process.stdout.write(`${JSON.stringify(report)}\n`);
    process.exit(0);
  })
  .catch(async (error: unknown) => {
    process.stderr.write(`bench: ${(error as Error).stack ?? String(error)}\n`);
    await releaseAll();
    process.exit(1);
  });
