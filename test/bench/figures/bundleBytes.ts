/**
 * JS bytes (gzip) each surface loads before first render, from the production build (webpack.config.js's own
 * dist/sizes.json: the entry's initial files), beside the floor: a bare React + Fluent UI page
 * (test/bench/floor/floor.tsx) built by the same configuration function — same loaders, minifier, chunk
 * splitting and page template — in a compilation of its own. (In the app's compilation the named `react` and
 * `fluent` chunks hold what every entry uses, so a floor added there would be charged for the app's Fluent.)
 * A second floor page with one bare Fluent Input is the baseline for typing (built apart too, so the Input does
 * not weigh on the floor).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import HtmlWebpackPlugin from 'html-webpack-plugin';
import webpack, { type Configuration } from 'webpack';
import { format, notMeasured, ratioOf, type Figure } from '../report';
import { progress, tempDir } from '../support/resources';

export const ID = 'jsBytes';
export const TITLE = 'JS bytes (gzip) loaded before first render: meeting surface (side panel)';

const ROOT = resolve(import.meta.dirname, '../../..');

interface EntrySizes {
  initial: { files: string[]; raw: number; gzip: number };
  lazy: { files: string[]; raw: number; gzip: number };
}
export type Sizes = Record<string, EntrySizes>;

export interface BuiltPages {
  dir: string;
  sizes: Sizes;
}

export type Built =
  | {
      ok: true;
      app: BuiltPages;
      floor: BuiltPages;
      floorInput: BuiltPages;
      meetingAlone: Sizes | null;
      buildMs: number;
    }
  | { ok: false; reason: string };

type ConfigFunction = (env: Record<string, unknown>, argv: { mode: string }) => Configuration;

/** webpack.config.js is plain JavaScript; load its default export as the function webpack calls. */
const loadConfigFunction = async (): Promise<ConfigFunction> => {
  const module = (await import(pathToFileURL(join(ROOT, 'webpack.config.js')).href)) as { default?: unknown };
  if (typeof module.default !== 'function') throw new Error('webpack.config.js does not export a config function');
  return module.default as ConfigFunction;
};

const compile = (config: Configuration): Promise<void> =>
  new Promise((done, fail) => {
    const compiler = webpack(config);
    compiler.run((error, stats) => {
      compiler.close(() => {
        if (error) return fail(error);
        if (stats?.hasErrors()) {
          const errors = stats.toJson({ all: false, errors: true }).errors ?? [];
          return fail(
            new Error(
              errors
                .map((e) => e.message)
                .join('\n')
                .slice(0, 2000),
            ),
          );
        }
        done();
      });
    });
  });

/** The EntrySizesPlugin prints for people; during the bench that goes to stderr, keeping stdout the report. */
const quietly = async <T>(work: () => Promise<T>): Promise<T> => {
  const log = console.log;
  console.log = (...args: unknown[]) => process.stderr.write(`${args.map(String).join(' ')}\n`);
  try {
    return await work();
  } finally {
    console.log = log;
  }
};

const readSizes = (dir: string): Sizes => {
  const file = join(dir, 'sizes.json');
  if (!existsSync(file)) throw new Error(`the build wrote no ${file} (EntrySizesPlugin)`);
  return JSON.parse(readFileSync(file, 'utf8')) as Sizes;
};

const pageOnly = (base: Configuration, name: string, entry: string, dir: string, title: string): Configuration => ({
  ...base,
  entry: { [name]: entry },
  output: { ...base.output, path: dir },
  plugins: [
    ...(base.plugins ?? []).filter((plugin) => !(plugin instanceof HtmlWebpackPlugin)),
    new HtmlWebpackPlugin({
      filename: `${name}.html`,
      chunks: [name],
      title,
      lang: 'da',
      officeJs: null,
      template: join(ROOT, 'src/app/page.ejs'),
    }),
  ],
});

export const buildAll = async (): Promise<Built> => {
  const started = Date.now();
  try {
    // The app talks to a local sandbox; the bench passes the sandbox's address in the page URL (`sandbox=`).
    process.env.TOVHOLDER_BACKEND = 'sandbox';
    const configFor = await loadConfigFunction();
    const config = () => configFor({}, { mode: 'production' });
    const appDir = tempDir('dist');
    const floorDir = tempDir('floor');
    const inputDir = tempDir('floor-input');
    const aloneDir = tempDir('meeting-alone');
    const base = config();
    return await quietly(async () => {
      progress('webpack: the app');
      await compile({ ...base, output: { ...base.output, path: appDir } });
      progress('webpack: the floor page');
      await compile(pageOnly(config(), 'floor', join(ROOT, 'test/bench/floor/floor.tsx'), floorDir, 'Floor'));
      progress('webpack: the floor page with an input');
      await compile(
        pageOnly(config(), 'floorInput', join(ROOT, 'test/bench/floor/floorInput.tsx'), inputDir, 'Floor input'),
      );
      let meetingAlone: Sizes | null = null;
      const meetingEntry = (base.entry as Record<string, string> | undefined)?.meeting;
      if (meetingEntry) {
        progress('webpack: the meeting surface alone (diagnostic)');
        await compile(pageOnly(config(), 'meeting', join(ROOT, meetingEntry), aloneDir, 'Meeting alone'));
        meetingAlone = readSizes(aloneDir);
      }
      return {
        ok: true as const,
        app: { dir: appDir, sizes: readSizes(appDir) },
        floor: { dir: floorDir, sizes: readSizes(floorDir) },
        floorInput: { dir: inputDir, sizes: readSizes(inputDir) },
        meetingAlone,
        buildMs: Date.now() - started,
      };
    });
  } catch (error) {
    return { ok: false, reason: `the production build failed: ${(error as Error).message.split('\n')[0]}` };
  }
};

export const bundleFigure = (built: Built): Figure => {
  if (!built.ok) return notMeasured(ID, TITLE, built.reason);
  const floor = built.floor.sizes.floor?.initial.gzip;
  const meeting = built.app.sizes.meeting?.initial.gzip;
  if (floor === undefined) return notMeasured(ID, TITLE, 'the floor build reported no size');
  if (meeting === undefined) return notMeasured(ID, TITLE, 'the build has no meeting entry');
  const surfaces = Object.fromEntries(
    Object.entries(built.app.sizes).map(([name, s]) => [
      name,
      {
        initialGzip: s.initial.gzip,
        initialRaw: s.initial.raw,
        lazyGzip: s.lazy.gzip,
        ratioToFloor: ratioOf(s.initial.gzip, floor),
        files: s.initial.files,
      },
    ]),
  );
  return {
    id: ID,
    title: TITLE,
    status: 'measured',
    value: { value: meeting, unit: 'bytes' },
    baseline: { label: 'the floor (bare React + Fluent UI page, same build)', value: floor, unit: 'bytes' },
    ratio: ratioOf(meeting, floor),
    targets: [{ text: 'side panel (meeting entry) ≤ 2 × the floor', met: meeting <= 2 * floor }],
    notes: [
      ...Object.entries(built.app.sizes).map(
        ([name, s]) =>
          `${name}: ${format({ value: s.initial.gzip, unit: 'bytes' })} before first render (${ratioOf(s.initial.gzip, floor)}× the floor)` +
          (s.lazy.gzip > 0 ? `, ${format({ value: s.lazy.gzip, unit: 'bytes' })} more on demand` : ''),
      ),
    ],
    details: {
      surfaces,
      floor: built.floor.sizes.floor,
      meetingBuiltAlone: built.meetingAlone?.meeting?.initial.gzip ?? null,
      buildMs: built.buildMs,
    },
  };
};
