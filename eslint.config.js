// Lint enforces the layers of docs/ARCHITECTURE.md: imports point downwards only.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const SDKS = [
  '@microsoft/teams-js',
  '@microsoft/microsoft-graph-client',
  '@azure/msal-browser',
  'office-js',
  '@microsoft/office-js',
];

const layer = (name) => ({
  group: [`**/${name}/**`, `**/${name}`],
  message: `This layer may not import from src/${name} (see docs/ARCHITECTURE.md).`,
});
const sdk = (message) => SDKS.map((name) => ({ name, message }));
const classicZod = {
  name: 'zod',
  message: "Use 'zod/mini' (classic zod adds ~11 KB gzip of methods and JSON-schema code to every page).",
};
const sdkPatterns = (message) => [
  {
    group: [
      '@microsoft/teams-js/*',
      '@microsoft/microsoft-graph-*',
      '@microsoft/microsoft-graph-*/*',
      '@azure/msal-*',
      '@azure/msal-*/*',
      '@microsoft/office-js/*',
    ],
    message,
  },
];
/** Office.js is a script global, not an import: only the adapters (and the composition root) may touch it. */
const officeGlobals = (message) => ['Office', 'OfficeRuntime', 'Outlook'].map((name) => ({ name, message }));

export const layerRules = {
  'src/domain/**': {
    globals: officeGlobals('src/domain is pure: Office.js lives in src/adapters/office.'),
    paths: [
      ...sdk('src/domain is pure: no SDKs.'),
      ...['react', 'react-dom', 'adaptivecards', 'react-i18next', 'i18next'].map((name) => ({
        name,
        message: 'src/domain is pure: no UI or i18n libraries.',
      })),
      classicZod,
    ],
    patterns: [
      ...sdkPatterns('src/domain is pure: no SDKs.'),
      {
        group: ['@fluentui/*', '@griffel/*', 'react/*', 'react-dom/*'],
        message: 'src/domain is pure: no UI libraries.',
      },
      layer('cards'),
      layer('adapters'),
      layer('ui'),
      layer('surfaces'),
      layer('app'),
    ],
  },
  'src/cards/**': {
    globals: officeGlobals('src/cards is pure: Office.js lives in src/adapters/office.'),
    paths: [
      ...sdk('src/cards is pure: no SDKs.'),
      ...['react', 'react-dom', 'adaptivecards', 'react-i18next'].map((name) => ({
        name,
        message: 'src/cards is pure: build JSON, render nothing.',
      })),
      classicZod,
    ],
    patterns: [
      ...sdkPatterns('src/cards is pure: no SDKs.'),
      { group: ['@fluentui/*', '@griffel/*', 'react/*', 'react-dom/*'], message: 'src/cards is pure.' },
      layer('adapters'),
      layer('ui'),
      layer('surfaces'),
      layer('app'),
    ],
  },
  'src/adapters/**': {
    paths: [classicZod],
    patterns: [layer('ui'), layer('surfaces'), layer('app')],
  },
  'src/ui/**': {
    globals: officeGlobals('SDKs live in src/adapters: reach Outlook through the AppointmentItem port.'),
    paths: [...sdk('src/ui talks to the world only through domain ports; SDKs live in src/adapters.'), classicZod],
    patterns: [...sdkPatterns('SDKs live in src/adapters.'), layer('adapters'), layer('surfaces'), layer('app')],
  },
  'src/surfaces/**': {
    globals: officeGlobals('SDKs live in src/adapters: reach Outlook through the AppointmentItem port.'),
    paths: [...sdk('Surfaces talk to the world only through domain ports; SDKs live in src/adapters.'), classicZod],
    patterns: [...sdkPatterns('SDKs live in src/adapters.'), layer('adapters'), layer('app')],
  },
  'src/app/**': {
    paths: [classicZod],
    patterns: [],
  },
};

/** What type-aware lint covers. */
const TYPED = ['src/**/*.{ts,tsx}'];

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'dist/**',
      'build/**',
      'test-results/**',
      'coverage/**',
      '.sandbox-data/**',
      '.teams-host/**',
      'test/fixtures/lint/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { parserOptions: { ecmaVersion: 2022, sourceType: 'module' } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // Type-aware rules where they pay: a promise nobody awaits loses its failure, and one handed to something that
    // expects a plain callback (onClick, setTimeout) runs unchecked. Typed linting costs a TypeScript program.
    files: TYPED,
    languageOptions: { parserOptions: { project: './tsconfig.eslint.json', tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
    },
  },
  {
    files: ['src/**/*.tsx', 'src/ui/**/*.ts', 'src/surfaces/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  ...Object.entries(layerRules).map(([glob, { paths, patterns, globals = [] }]) => ({
    files: [glob],
    rules: {
      'no-restricted-imports': ['error', { paths, patterns }],
      ...(globals.length > 0
        ? {
            'no-restricted-globals': ['error', ...globals],
            // The same globals' types (`Office.AppointmentCompose`), which no-restricted-globals does not see.
            'no-restricted-syntax': [
              'error',
              ...globals.map(({ name, message }) => ({
                selector: `TSQualifiedName > Identifier.left[name="${name}"]`,
                message,
              })),
            ],
          }
        : {}),
    },
  })),
  {
    files: ['**/*.js', '**/*.cjs', '**/*.mjs'],
    languageOptions: { globals: { ...globals.node } },
  },
);
