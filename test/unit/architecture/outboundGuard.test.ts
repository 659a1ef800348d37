/**
 * Nothing leaves the app past the privacy guard. The `Cleared<T>` brand makes every sending port refuse an
 * unchecked payload at compile time; this scan closes the doors the type system leaves open:
 * - forging the brand (`as Cleared<…>`, directly or through a renamed import or a type alias) anywhere but
 *   src/domain/privacy/privacyGuard.ts, or touching the brand symbol outside the two privacy files;
 * - talking to the network (fetch, XMLHttpRequest, sendBeacon, WebSocket, EventSource) outside the Graph
 *   adapter, which is the only code that sends, and only Cleared payloads;
 * - writing to the console outside src/adapters: logging goes through the Logger port, whose entries pass
 *   the guard (clearLogEntry).
 * Limits: a value typed `any` (JSON.parse) or a generic identity function can still launder a type; lint forbids
 * explicit `any` and review catches the rest.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { mentions, parse, walk } from './sourceTree';

const ROOT = process.cwd();

/** Where each rule does not apply, and why. */
const MAY_BRAND = ['src/domain/privacy/privacyGuard.ts'];
const MAY_TOUCH_BRAND_SYMBOL = ['src/domain/privacy/cleared.ts', 'src/domain/privacy/privacyGuard.ts'];
/**
 * The Graph adapter sends the cleared payloads; the auth adapter fetches tokens (the sandbox sign-in), which
 * carry nothing from a plan.
 */
const MAY_USE_NETWORK = ['src/adapters/graph/', 'src/adapters/auth/'];
const MAY_USE_CONSOLE = ['src/adapters/'];

const NETWORK_CONSTRUCTORS = new Set(['XMLHttpRequest', 'WebSocket', 'EventSource']);
const GLOBALS = new Set(['window', 'globalThis', 'self']);
const CONSOLE_METHODS = new Set(['log', 'info', 'warn', 'error', 'debug', 'trace']);

interface Violation {
  file: string;
  line: number;
  rule: 'forgesCleared' | 'brandSymbol' | 'network' | 'console';
  code: string;
}

/**
 * Every type name that means Cleared: Cleared itself, renamed imports of it, and type aliases or interfaces
 * built on any of those, across all the given files (to a fixpoint, so aliases of aliases count).
 */
const clearedNames = (sources: readonly ts.SourceFile[]): Set<string> => {
  const names = new Set(['Cleared']);
  const declarations: { name: string; node: ts.Node }[] = [];
  for (const source of sources) {
    walk(source, (node) => {
      if (ts.isImportSpecifier(node) && (node.propertyName ?? node.name).text === 'Cleared') names.add(node.name.text);
      if (ts.isTypeAliasDeclaration(node)) declarations.push({ name: node.name.text, node: node.type });
      if (ts.isInterfaceDeclaration(node) && node.heritageClauses) {
        declarations.push({ name: node.name.text, node: node });
      }
    });
  }
  let grew = true;
  while (grew) {
    grew = false;
    for (const { name, node } of declarations) {
      if (!names.has(name) && mentions(node, names)) {
        names.add(name);
        grew = true;
      }
    }
  }
  return names;
};

const under = (file: string, prefixes: readonly string[]) => prefixes.some((p) => file === p || file.startsWith(p));

const isGlobalMember = (expr: ts.Expression, member: string): boolean =>
  ts.isPropertyAccessExpression(expr) &&
  expr.name.text === member &&
  ts.isIdentifier(expr.expression) &&
  GLOBALS.has(expr.expression.text);

const isConsoleCall = (callee: ts.Expression): boolean => {
  if (!ts.isPropertyAccessExpression(callee) || !CONSOLE_METHODS.has(callee.name.text)) return false;
  const target = callee.expression;
  return (ts.isIdentifier(target) && target.text === 'console') || isGlobalMember(target, 'console');
};

const isNetworkCall = (node: ts.Node): boolean => {
  if (ts.isCallExpression(node)) {
    const callee = node.expression;
    if (ts.isIdentifier(callee) && callee.text === 'fetch') return true;
    if (isGlobalMember(callee, 'fetch')) return true;
    if (ts.isPropertyAccessExpression(callee) && callee.name.text === 'sendBeacon') return true;
  }
  if (ts.isNewExpression(node)) {
    const callee = node.expression;
    if (ts.isIdentifier(callee) && NETWORK_CONSTRUCTORS.has(callee.text)) return true;
    for (const name of NETWORK_CONSTRUCTORS) if (isGlobalMember(callee, name)) return true;
  }
  return false;
};

/** Scans source files as if they lived at the given repository paths (forward slashes). */
const scanOutbound = (files: readonly { path: string; text: string }[]): Violation[] => {
  const sources = files.map((f) => ({ path: f.path, source: parse(f.path, f.text) }));
  const cleared = clearedNames(sources.map((s) => s.source));
  const violations: Violation[] = [];
  for (const { path, source } of sources) {
    const report = (node: ts.Node, rule: Violation['rule']) =>
      violations.push({
        file: path,
        line: source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1,
        rule,
        code: node.getText(source).slice(0, 120),
      });
    walk(source, (node) => {
      if (
        !under(path, MAY_BRAND) &&
        (ts.isAsExpression(node) || ts.isTypeAssertionExpression(node)) &&
        mentions(node.type, cleared)
      ) {
        report(node, 'forgesCleared');
      }
      if (!under(path, MAY_TOUCH_BRAND_SYMBOL) && ts.isIdentifier(node) && node.text === 'clearedBrand') {
        report(node, 'brandSymbol');
      }
      if (!under(path, MAY_USE_NETWORK) && isNetworkCall(node)) report(node, 'network');
      if (!under(path, MAY_USE_CONSOLE) && ts.isCallExpression(node) && isConsoleCall(node.expression)) {
        report(node, 'console');
      }
    });
  }
  return violations;
};

const sourceFilesUnder = (dir: string): { path: string; text: string }[] =>
  readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((name) => /\.(ts|tsx|mts|cts)$/.test(name))
    .map((name) => {
      const absolute = join(ROOT, dir, name);
      return { path: relative(ROOT, absolute).split(sep).join('/'), text: readFileSync(absolute, 'utf8') };
    });

const fixture = (name: string, pretendPath: string) => ({
  path: pretendPath,
  text: readFileSync(join(ROOT, 'test/fixtures/outbound', name), 'utf8'),
});

const rulesOf = (violations: Violation[]) => violations.map((v) => `${v.rule}:${v.line}`);

describe('every outbound path goes through the privacy guard', () => {
  // A static scan of every file in src/: how long it takes is the machine's load (the browser tests' builds run beside
  // it), not behaviour, so it gets the time a loaded 2-core machine needs.
  it('finds no forged Cleared payload, no direct network call and no console logging in src/', () => {
    const violations = scanOutbound(sourceFilesUnder('src'));
    expect(violations.map((v) => `${v.file}:${v.line} ${v.rule}: ${v.code}`)).toEqual([]);
  }, 30_000);

  it('scans the real privacy guard, which is the one place allowed to brand', () => {
    const files = sourceFilesUnder('src');
    expect(files.map((f) => f.path)).toContain('src/domain/privacy/privacyGuard.ts');
    const guard = files.filter((f) => f.path === 'src/domain/privacy/privacyGuard.ts');
    const moved = guard.map((f) => ({ ...f, path: 'src/domain/privacy/elsewhere.ts' }));
    expect(scanOutbound(moved).map((v) => v.rule)).toContain('forgesCleared');
  });
});

describe('the outbound scanner itself', () => {
  it('flags a Cleared made outside the guard', () => {
    expect(rulesOf(scanOutbound([fixture('forgesCleared.ts', 'src/ui/forgesCleared.ts')]))).toEqual([
      'forgesCleared:4',
    ]);
  });

  it('flags a forgery hidden behind a renamed import and type aliases, in both assertion styles', () => {
    expect(rulesOf(scanOutbound([fixture('forgesClearedThroughAlias.ts', 'src/cards/x.ts')]))).toEqual([
      'forgesCleared:7',
      'forgesCleared:8',
    ]);
  });

  it('flags an alias declared in one file and used to forge in another', () => {
    const alias = { path: 'src/domain/x/types.ts', text: 'export type Ok = Cleared<string>;' };
    const use = {
      path: 'src/ui/y.ts',
      text: "import type { Ok } from '../domain/x/types';\nexport const v = 'x' as Ok;",
    };
    expect(scanOutbound([alias, use]).map((v) => `${v.file}:${v.rule}`)).toEqual(['src/ui/y.ts:forgesCleared']);
  });

  it('flags the brand symbol outside the privacy files', () => {
    const text = 'declare const clearedBrand: unique symbol;\nexport const x = { [clearedBrand]: true };';
    expect(rulesOf(scanOutbound([{ path: 'src/surfaces/x.ts', text }]))).toEqual(['brandSymbol:1', 'brandSymbol:2']);
    expect(scanOutbound([{ path: 'src/domain/privacy/cleared.ts', text }])).toEqual([]);
  });

  it('flags network calls outside the Graph adapter, and allows them inside it', () => {
    const inUi = scanOutbound([fixture('callsNetwork.ts', 'src/ui/telemetry.ts')]);
    expect(rulesOf(inUi)).toEqual(['network:3', 'network:4', 'network:5', 'network:6']);
    expect(scanOutbound([fixture('callsNetwork.ts', 'src/adapters/graph/graphClient.ts')])).toEqual([]);
    expect(rulesOf(scanOutbound([fixture('callsNetwork.ts', 'src/adapters/teams/x.ts')]))).toHaveLength(4);
  });

  it('flags console logging outside the adapters, and allows it inside them', () => {
    expect(rulesOf(scanOutbound([fixture('logsToConsole.ts', 'src/domain/delivery/x.ts')]))).toEqual([
      'console:3',
      'console:4',
      'console:5',
    ]);
    expect(scanOutbound([fixture('logsToConsole.ts', 'src/adapters/standalone/consoleLogger.ts')])).toEqual([]);
  });

  it('leaves code alone that only names the type, a method called fetch, or the words in strings and comments', () => {
    expect(scanOutbound([fixture('keepsTheRules.ts', 'src/ui/x.ts')])).toEqual([]);
  });
});
