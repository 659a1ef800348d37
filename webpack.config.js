// @ts-check
// One entry per surface, code-split so a surface loads only what it uses. `npm run build` prints each entry's
// size (raw and gzip) and writes dist/sizes.json; `npm start` serves the same entries from webpack-dev-server.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import HtmlWebpackPlugin from 'html-webpack-plugin';
import TerserPlugin from 'terser-webpack-plugin';
import { readDotEnv } from './scripts/dotEnv.js';
import griffel from '@griffel/babel-preset';
import webpack from 'webpack';

const root = dirname(fileURLToPath(import.meta.url));

/** Surface → page. `officeJs`: the page runs as an Outlook add-in and needs Office.js from Microsoft's CDN. */
const SURFACES = [
  { name: 'launcher', file: 'index.html', title: 'Tovholder – lokal demo', officeJs: false },
  // The plans tab also runs in Outlook and the Microsoft 365 app, but there as a Teams app through teams-js,
  // so it does not need Office.js (which would also replace window.history on load).
  { name: 'plans', file: 'plans.html', title: 'Tovholder – planer', officeJs: false },
  { name: 'meeting', file: 'meeting.html', title: 'Tovholder – møde', officeJs: false },
  { name: 'compose', file: 'compose.html', title: 'Tovholder – Gør til indsatsplansmøde', officeJs: true },
];

const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

/**
 * Not a surface: where the browser sign-in's popup returns (MSAL's redirect bridge, src/app/authEnd.ts). A page of
 * its own with nothing else on it, so the app never starts inside the popup.
 */
const AUTH_END = { name: 'authEnd', file: 'auth-end.html' };
const AUTH_END_HTML = `<!doctype html>
<html lang="da">
  <head><meta charset="utf-8" /><title>Tovholder – log ind</title></head>
  <body><p id="failed" hidden>Du kunne ikke logges ind her. Luk vinduet, og prøv igen fra Tovholder.</p></body>
</html>
`;

/** The icons the manifest's add-in command points at (https://<domain>/icons/command-<size>.png). */
const ICONS = ['command-16.png', 'command-32.png', 'command-80.png', 'color.png', 'outline.png'];

/** `.env` (see .env.example), as `npm run package` reads it; a variable set in the environment wins. */
const dotEnv = readDotEnv(join(root, '.env'));

/** @param {string} name */
const env = (name, fallback = '') => (process.env[name] ?? dotEnv[name] ?? fallback).trim();

/**
 * The configuration baked into the bundle (read and zod-validated by src/app/config.ts). Production talks to
 * Microsoft Graph unless TOVHOLDER_BACKEND=sandbox (used by the benchmark and browser tests); the dev server
 * always talks to the local sandbox.
 *
 * @param {boolean} production
 */
const buildConfig = (production) => {
  const sandboxPort = env('SANDBOX_PORT', '5301');
  const backend = production ? env('TOVHOLDER_BACKEND', 'graph') : 'sandbox';
  return {
    backend,
    sandboxOrigin: backend === 'sandbox' ? env('TOVHOLDER_SANDBOX_ORIGIN', `http://127.0.0.1:${sandboxPort}`) : null,
    clientId: env('TOVHOLDER_CLIENT_ID'),
    teamsAppId: env('TOVHOLDER_APP_ID'),
    domain: env('TOVHOLDER_DOMAIN'),
    tenantId: env('TOVHOLDER_TENANT_ID') || null,
    containerTypeId: env('TOVHOLDER_CONTAINER_TYPE_ID'),
    partnerTenants: env('TOVHOLDER_PARTNER_TENANTS'),
    driveId: env('TOVHOLDER_DRIVE_ID'),
    plansFolder: env('TOVHOLDER_PLANS_FOLDER', 'Tovholder/plans'),
    cardDetail: env('TOVHOLDER_CARD_DETAIL', 'summary'),
    pinTab: env('TOVHOLDER_PIN_TAB', 'true') !== 'false',
    // How the tenant protects outgoing mail (README › "Beskyttet e-mail"); the app reads and checks it.
    mailProtection: env('TOVHOLDER_MAIL_PROTECTION', 'none'),
    tlsPartnerDomains: env('TOVHOLDER_TLS_DOMAINS'),
  };
};

/**
 * Griffel's build-time transform: our makeStyles/makeResetStyles calls become pre-computed CSS (`__styles`,
 * `__resetStyles`), as Fluent's own components ship, so the pages carry neither the style objects nor Griffel's
 * style compiler (resolveStyleRules, stylis, rtl-css-js). To compute a style the loader evaluates the module and
 * what its styles import, in Node. It runs on esbuild's output (loaders run last to first), so the file itself is
 * plain JavaScript; our .ts modules that styles import (fitToWidth.ts) need the TypeScript preset.
 */
const griffelLoader = {
  loader: '@griffel/webpack-loader',
  options: {
    babelOptions: { presets: ['@babel/preset-typescript'] },
    evaluationRules: [
      // Griffel's defaults: our modules are shaken down to what the styles need, packages run as they are.
      { action: griffel.shakerEvaluator },
      { test: /[/\\]node_modules[/\\]/, action: 'ignore' },
      // `tokens` from '@fluentui/react-components' would otherwise run all of Fluent's ~60 packages in the
      // evaluation sandbox (about 10 s of build time): require only the packages that export the names asked for.
      {
        test: /[/\\]node_modules[/\\]@fluentui[/\\]react-components[/\\]lib-commonjs[/\\]index\.cjs$/,
        action: fluentReexports,
      },
    ],
  },
};

/**
 * Evaluates Fluent's index (`get tokens () { return _reacttheme.tokens; }` over
 * `const _reacttheme = require("@fluentui/react-theme")`) as just the re-exports `only` asks for. Anything it
 * cannot map (a namespace import, a name it does not find) runs the whole index, as without this rule.
 *
 * @param {string} _filename
 * @param {unknown} _options
 * @param {string} text
 * @param {string[] | null} only
 * @returns {[string, null]}
 */
function fluentReexports(_filename, _options, text, only) {
  const packages = new Map([...text.matchAll(/const (\w+) = require\("([^"]+)"\);/g)].map(([, id, pkg]) => [id, pkg]));
  const sources = new Map(
    [...text.matchAll(/get (\w+) \(\) \{\s*return (\w+)\.(\w+);/g)].map(([, name, id, prop]) => [name, { id, prop }]),
  );
  const wanted = only ?? [];
  const lines = wanted.map((name) => {
    const source = sources.get(name);
    const pkg = source && packages.get(source.id);
    return pkg ? `exports.${name} = require(${JSON.stringify(pkg)}).${source.prop};` : null;
  });
  if (wanted.length === 0 || lines.includes(null)) return [text, null];
  return [lines.join('\n'), null];
}

/**
 * webpack's output file system with the synchronous calls EntrySizesPlugin uses. webpack types it with callbacks
 * only; the one a build writes to is Node's fs (and memfs under webpack-dev-middleware), which has them.
 *
 * @param {webpack.Compiler['outputFileSystem']} fs
 * @returns {Pick<typeof import('node:fs'), 'readFileSync' | 'writeFileSync'>}
 */
const syncOutputFileSystem = (fs) => {
  if (fs && 'readFileSync' in fs && typeof fs.readFileSync === 'function' && 'writeFileSync' in fs)
    return /** @type {Pick<typeof import('node:fs'), 'readFileSync' | 'writeFileSync'>} */ (
      /** @type {unknown} */ (fs)
    );
  throw new Error('EntrySizesPlugin: the output file system has no readFileSync/writeFileSync.');
};

/** Prints each entry's initial JavaScript (what the page loads before it can render), raw and gzip. */
class EntrySizesPlugin {
  /** @param {webpack.Compiler} compiler */
  apply(compiler) {
    compiler.hooks.afterEmit.tap('EntrySizesPlugin', (compilation) => {
      const output = syncOutputFileSystem(compilation.compiler.outputFileSystem);
      /** @param {number} bytes */
      const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`.padStart(10);
      /** @param {string[]} files */
      const measure = (files) =>
        files.reduce(
          (sum, file) => {
            // After emit webpack keeps only sizes in memory: read what was written.
            const source = output.readFileSync(join(compilation.outputOptions.path, file));
            return { raw: sum.raw + source.length, gzip: sum.gzip + gzipSync(source, { level: 9 }).length };
          },
          { raw: 0, gzip: 0 },
        );
      /** @type {Record<string, { initial: { files: string[]; raw: number; gzip: number }; lazy: { files: string[]; raw: number; gzip: number } }>} */
      const report = {};
      for (const [name, entrypoint] of compilation.entrypoints) {
        const initial = entrypoint.getFiles().filter((file) => file.endsWith('.js'));
        // What this entry may load later: the async chunk groups reachable from it (not the whole compilation's,
        // which the shared runtime chunk would report).
        /** @type {Set<string>} */
        const lazy = new Set();
        /** @type {Set<webpack.ChunkGroup>} */
        const seen = new Set();
        /** @param {webpack.ChunkGroup} group */
        const visit = (group) => {
          for (const child of group.childrenIterable) {
            if (seen.has(child)) continue;
            seen.add(child);
            for (const chunk of child.chunks)
              for (const file of chunk.files) if (!initial.includes(file)) lazy.add(file);
            visit(child);
          }
        };
        visit(entrypoint);
        report[name] = {
          initial: { files: initial, ...measure(initial) },
          lazy: { files: [...lazy].filter((file) => file.endsWith('.js')), ...measure([...lazy]) },
        };
      }
      const lines = Object.entries(report).map(
        ([name, { initial, lazy }]) =>
          `  ${name.padEnd(9)} ${kb(initial.raw)} raw ${kb(initial.gzip)} gzip` +
          (lazy.files.length ? `   (+ on demand ${kb(lazy.raw).trim()} raw, ${kb(lazy.gzip).trim()} gzip)` : ''),
      );
      console.log(`\nJavaScript per entry (loaded before first render):\n${lines.join('\n')}\n`);
      output.writeFileSync(join(compilation.outputOptions.path, 'sizes.json'), JSON.stringify(report, null, 2));
    });
  }
}

/** Copies the add-in command icons from assets/ into dist/icons/. */
class IconsPlugin {
  /** @param {webpack.Compiler} compiler */
  apply(compiler) {
    compiler.hooks.thisCompilation.tap('IconsPlugin', (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: 'IconsPlugin', stage: webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          for (const icon of ICONS)
            compilation.emitAsset(
              `icons/${icon}`,
              new webpack.sources.RawSource(readFileSync(join(root, 'assets', icon))),
            );
        },
      );
    });
  }
}

/**
 * @param {unknown} _env
 * @param {{ mode?: string }} argv
 * @returns {webpack.Configuration & { devServer: import('webpack-dev-server').Configuration }}
 */
export default (_env, argv) => {
  const production = argv.mode === 'production';
  const config = buildConfig(production);
  if (production && config.backend === 'graph') {
    const missing = [
      'TOVHOLDER_CLIENT_ID',
      'TOVHOLDER_APP_ID',
      'TOVHOLDER_DOMAIN',
      'TOVHOLDER_CONTAINER_TYPE_ID',
    ].filter((name) => !env(name));
    if (missing.length > 0)
      console.warn(
        `Bemærk: ${missing.join(', ')} er ikke sat. Bygget kører, men siderne siger "ikke sat rigtigt op", ` +
          'indtil værdierne er sat i miljøet eller i .env (se .env.example).',
      );
  }
  const loadOfficeJs = production && config.backend === 'graph';
  return {
    mode: production ? 'production' : 'development',
    context: root,
    entry: {
      ...Object.fromEntries(SURFACES.map(({ name }) => [name, `./src/app/${name}.tsx`])),
      [AUTH_END.name]: `./src/app/${AUTH_END.name}.ts`,
    },
    output: {
      path: join(root, 'dist'),
      filename: production ? '[name].[contenthash:8].js' : '[name].js',
      chunkFilename: production ? 'chunks/[name].[contenthash:8].js' : 'chunks/[name].js',
      publicPath: '/',
      clean: true,
    },
    devtool: production ? 'source-map' : 'eval-cheap-module-source-map',
    resolve: { extensions: ['.tsx', '.ts', '.js'] },
    module: {
      rules: [
        {
          test: /\.[cm]?tsx?$/,
          exclude: /node_modules/,
          // The dev server keeps Griffel's runtime (same CSS, its devtools, a quicker start: the transform adds
          // ~5 s to a cold compile); CI's builds and browser tests are production builds, so they cover the transform.
          use: [
            ...(production ? [griffelLoader] : []),
            { loader: 'esbuild-loader', options: { target: 'es2022', jsx: 'automatic' } },
          ],
        },
        {
          // The Graph SDK's package.json does not say that its modules have no side effects (they have none: no
          // bare imports, no top-level work), so webpack kept everything its index re-exports — the large-file
          // upload tasks, the chaos handler, stream uploads — in every page. Said here, only what we use ships.
          test: /[\\/]node_modules[\\/]@microsoft[\\/]microsoft-graph-client[\\/]lib[\\/]es[\\/]/,
          sideEffects: false,
        },
      ],
    },
    optimization: {
      // Terser, not esbuild: esbuild minifies each chunk as it is and keeps the code of every export webpack found
      // unused (all of tslib, zod's unused checks, Fluent's unused token maps); Terser drops it. ~12 % fewer bytes on
      // every page for ~5 s more build (docs/PERFORMANCE.md).
      minimizer: [new TerserPlugin({ terserOptions: { ecma: 2020, compress: { passes: 2 } } })],
      // Each page loads its own entry plus the shared chunks it really uses; lazy parts (the Adaptive Card
      // renderer, the minutes preview) get their own chunks.
      splitChunks: {
        chunks: 'all',
        // React is on every page: one long-cached chunk. Everything else is split by which pages share it, so a
        // page never loads another page's Fluent components or adapters.
        cacheGroups: {
          react: { test: /[\\/]node_modules[\\/](react|react-dom|scheduler)[\\/]/, name: 'react', priority: 20 },
        },
      },
      runtimeChunk: 'single',
    },
    performance: { hints: false },
    plugins: [
      new webpack.DefinePlugin({
        __TOVHOLDER_BUILD__: JSON.stringify(config),
        // Only a sandbox build may talk to the local Teams host (sandbox/teamsHost/): elsewhere the code that names
        // its origin is dead and left out (test/e2e/buildSizes.test.ts looks for it in a tenant build).
        __TOVHOLDER_LOCAL_TEAMS_HOST__: JSON.stringify(config.backend === 'sandbox'),
        // Where `npm start` runs that host, for the launcher's "Åbn som i Teams" (null without one).
        __TOVHOLDER_TEAMS_HOST_ORIGIN__: JSON.stringify(
          config.backend === 'sandbox' ? env('TOVHOLDER_TEAMS_HOST_ORIGIN') || null : null,
        ),
      }),
      ...SURFACES.map(
        ({ name, file, title, officeJs }) =>
          new HtmlWebpackPlugin({
            filename: file,
            chunks: [name],
            title,
            lang: 'da',
            officeJs: officeJs && loadOfficeJs ? OFFICE_JS : null,
            template: join(root, 'src/app/page.ejs'),
          }),
      ),
      new HtmlWebpackPlugin({ filename: AUTH_END.file, chunks: [AUTH_END.name], templateContent: AUTH_END_HTML }),
      new IconsPlugin(),
      ...(production ? [new EntrySizesPlugin()] : []),
    ],
    stats: production ? 'errors-warnings' : 'minimal',
    devServer: {
      host: '127.0.0.1',
      port: Number(env('TOVHOLDER_PORT', '5300')),
      hot: false,
      liveReload: true,
      allowedHosts: ['localhost', '127.0.0.1'],
      client: { overlay: { errors: true, warnings: false }, logging: 'warn' },
      devMiddleware: { stats: 'errors-warnings' },
    },
    infrastructureLogging: { level: 'warn' },
  };
};
