import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { ESLint } from 'eslint';

/**
 * The project's own lint config on a file that does not exist on disk: the layer rules need no type information,
 * so the typed rules (and the type-aware parse, which needs the file in a tsconfig) are left out here.
 */
const layerLinter = () =>
  new ESLint({
    cwd: process.cwd(),
    overrideConfig: [
      {
        files: ['**/*.{ts,tsx}'],
        languageOptions: { parserOptions: { project: null, projectService: false } },
        rules: { '@typescript-eslint/no-floating-promises': 'off', '@typescript-eslint/no-misused-promises': 'off' },
      },
    ],
  });

/** Lints a snippet as if it lived at `filePath`, with the project's own eslint.config.js. */
const restrictedImports = async (filePath: string, code: string): Promise<string[]> => {
  const eslint = layerLinter();
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
};

/** Every layer rule's finding: restricted imports, and Office.js reached as a script global or its types. */
const layerFindings = async (filePath: string, code: string): Promise<string[]> => {
  const eslint = layerLinter();
  const [result] = await eslint.lintText(code, { filePath });
  const rules = ['no-restricted-imports', 'no-restricted-globals', 'no-restricted-syntax'];
  return (result?.messages ?? []).filter((m) => m.ruleId !== null && rules.includes(m.ruleId)).map((m) => m.message);
};

/** What the issue forbids, library by library, each written the ways code reaches it. */
const react = [
  "import React from 'react';",
  "import { jsx } from 'react/jsx-runtime';",
  "import { createRoot } from 'react-dom/client';",
];
const fluent = [
  "import { Button } from '@fluentui/react-components';",
  "import { AddRegular } from '@fluentui/react-icons';",
  "import { makeStyles } from '@griffel/react';",
];
const teamsJs = [
  "import { app } from '@microsoft/teams-js';",
  "import { app } from '@microsoft/teams-js/dist/esm/packages/teams-js/src/index';",
];
const office = [
  "import 'office-js';",
  "import '@microsoft/office-js';",
  'export const item = () => Office.context.mailbox.item;',
  'export type Item = Office.AppointmentCompose;',
  'export const ready = () => OfficeRuntime.storage;',
];
const msal = [
  "import { PublicClientApplication } from '@azure/msal-browser';",
  "import { MsalProvider } from '@azure/msal-react';",
];
const graph = [
  "import { Client } from '@microsoft/microsoft-graph-client';",
  "import type { Event } from '@microsoft/microsoft-graph-types';",
];
const sdks = { teamsJs, office, msal, graph };
const everything = { react, fluent, ...sdks };
const cases = (files: string[], libraries: Record<string, string[]>) =>
  files.flatMap((file) =>
    Object.entries(libraries).flatMap(([library, lines]) => lines.map((code) => [file, library, code] as const)),
  );

describe('the layers of docs/ARCHITECTURE.md, enforced by lint', () => {
  it.each([
    ['src/domain/agenda/x.ts', "import React from 'react';"],
    ['src/domain/agenda/x.ts', "import { app } from '@microsoft/teams-js';"],
    ['src/domain/agenda/x.ts', "import { Button } from '@fluentui/react-components';"],
    ['src/domain/agenda/x.ts', "import { Client } from '@microsoft/microsoft-graph-client';"],
    ['src/domain/agenda/x.ts', "import { PublicClientApplication } from '@azure/msal-browser';"],
    ['src/domain/agenda/x.ts', "import { thing } from '../../cards/minutesCard';"],
    ['src/domain/agenda/x.ts', "import { thing } from '../../adapters/graph/graphClient';"],
    ['src/cards/minutesCard.ts', "import * as AC from 'adaptivecards';"],
    ['src/cards/minutesCard.ts', "import { useState } from 'react';"],
    ['src/cards/minutesCard.ts', "import { thing } from '../ui/shell/AppShell';"],
    ['src/ui/shell/x.tsx', "import { app } from '@microsoft/teams-js';"],
    ['src/ui/shell/x.tsx', "import { thing } from '../../adapters/graph/graphClient';"],
    ['src/surfaces/meeting/x.tsx', "import { Client } from '@microsoft/microsoft-graph-client';"],
    ['src/surfaces/meeting/x.tsx', "import { createServices } from '../../app/createServices';"],
    ['src/adapters/graph/x.ts', "import { thing } from '../../surfaces/meeting/MeetingApp';"],
  ])('refuses in %s: %s', async (filePath, code) => {
    expect(await restrictedImports(filePath, code)).not.toEqual([]);
  });

  it.each(cases(['src/domain/agenda/x.ts', 'src/cards/x.ts'], everything))(
    'domain and cards import no React, Fluent, teams-js, Office, MSAL or Graph code: %s refuses %s (%s)',
    async (filePath, _library, code) => {
      expect(await layerFindings(filePath, code)).not.toEqual([]);
    },
  );

  it.each(
    cases(
      ['src/ui/shell/x.tsx', 'src/ui/hooks/x.ts', 'src/surfaces/meeting/x.tsx', 'src/surfaces/compose/x.tsx'],
      sdks,
    ),
  )('surfaces and ui import no SDK: %s refuses %s (%s)', async (filePath, _library, code) => {
    expect(await layerFindings(filePath, code)).not.toEqual([]);
  });

  it.each(cases(['src/adapters/office/x.ts', 'src/adapters/graph/x.ts', 'src/app/x.ts'], sdks))(
    'the adapters and the composition root may use the SDKs: %s allows %s (%s)',
    async (filePath, _library, code) => {
      expect(await layerFindings(filePath, code)).toEqual([]);
    },
  );

  it.each(cases(['src/ui/shell/x.tsx', 'src/surfaces/meeting/x.tsx'], { react, fluent }))(
    'ui and surfaces render with React and Fluent: %s allows %s (%s)',
    async (filePath, _library, code) => {
      expect(await layerFindings(filePath, code)).toEqual([]);
    },
  );

  it.each([
    'src/domain/plan/x.ts',
    'src/cards/x.ts',
    'src/adapters/graph/x.ts',
    'src/ui/hooks/x.ts',
    'src/surfaces/meeting/x.tsx',
    'src/app/x.ts',
  ])(
    'refuses classic zod in %s (its methods would ride along into every page), and allows zod/mini',
    async (filePath) => {
      expect(await restrictedImports(filePath, "import { z } from 'zod';")).toEqual([
        "'zod' import is restricted from being used. Use 'zod/mini' (classic zod adds ~11 KB gzip of methods and JSON-schema code to every page).",
      ]);
      expect(await restrictedImports(filePath, "import type { ZodType } from 'zod';")).not.toEqual([]);
      expect(await restrictedImports(filePath, "import * as z from 'zod/mini';")).toEqual([]);
    },
  );

  it.each([
    ['src/domain/agenda/x.ts', "import * as z from 'zod/mini';"],
    ['src/cards/minutesCard.ts', "import { formatDate } from '../domain/time/danishTime';"],
    ['src/ui/shell/x.tsx', "import { Button } from '@fluentui/react-components';"],
    ['src/adapters/teams/x.ts', "import { app } from '@microsoft/teams-js';"],
    ['src/app/x.ts', "import { app } from '@microsoft/teams-js';"],
  ])('allows in %s: %s', async (filePath, code) => {
    expect(await restrictedImports(filePath, code)).toEqual([]);
  });
});

describe('TypeScript as strict as the issue asks', () => {
  it('type-checks with strict and noUncheckedIndexedAccess', () => {
    const { compilerOptions } = JSON.parse(readFileSync('tsconfig.json', 'utf8')) as {
      compilerOptions: Record<string, unknown>;
    };
    expect(compilerOptions).toMatchObject({ strict: true, noUncheckedIndexedAccess: true });
  });

  it.each(['src/domain/plan/x.ts', 'src/ui/shell/x.tsx', 'src/adapters/graph/x.ts', 'test/unit/x.test.ts'])(
    'refuses `any` in %s',
    async (filePath) => {
      const eslint = layerLinter();
      const [result] = await eslint.lintText('export const parse = (value: any): string => String(value);\n', {
        filePath,
      });
      expect(
        result?.messages.filter((m) => m.ruleId === '@typescript-eslint/no-explicit-any' && m.severity === 2),
      ).toHaveLength(1);
    },
  );
});
