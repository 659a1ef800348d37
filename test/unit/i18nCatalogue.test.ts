import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { namespaces, resources } from '../../src/ui/i18n/resources';

const keysOf = (value: unknown, prefix = ''): string[] =>
  typeof value === 'object' && value !== null
    ? Object.entries(value).flatMap(([k, v]) => keysOf(v, prefix ? `${prefix}.${k}` : k))
    : [prefix];

/** Keys one language has and the other lacks, named `en lacks …` or `da lacks …`. */
const missingKeys = (da: unknown, en: unknown): string[] => {
  const daKeys = new Set(keysOf(da));
  const enKeys = new Set(keysOf(en));
  return [
    ...[...daKeys].filter((k) => !enKeys.has(k)).map((k) => `en lacks ${k}`),
    ...[...enKeys].filter((k) => !daKeys.has(k)).map((k) => `da lacks ${k}`),
  ].sort();
};

describe('the i18n catalogue', () => {
  it('has every Danish key in English and every English key in Danish', () => {
    expect(missingKeys(resources.da, resources.en)).toEqual([]);
  });

  it('the check names a key missing in either language (so the test above can fail)', () => {
    const da = { plans: { title: 'Planer', empty: { heading: 'Ingen planer' } } };
    expect(missingKeys(da, { plans: { title: 'Plans', empty: {} } })).toEqual(['en lacks plans.empty.heading']);
    expect(missingKeys(da, { plans: { title: 'Plans', empty: { heading: 'No plans', extra: 'x' } } })).toEqual([
      'da lacks plans.empty.extra',
    ]);
  });

  it('checks every namespace file there is, in both languages', () => {
    const files = (dir: string) =>
      readdirSync(dir, { withFileTypes: true })
        .filter((f) => f.isFile() && f.name.endsWith('.ts'))
        .map((f) => f.name.replace(/\.ts$/, ''))
        .sort();
    expect(files('src/ui/i18n/namespaces')).toEqual([...namespaces].sort());
    expect(files('src/ui/i18n/namespaces/en')).toEqual([...namespaces].sort());
    expect(Object.keys(resources.en).sort()).toEqual([...namespaces].sort());
  });

  it('has no empty text in either language', () => {
    const empty = (['da', 'en'] as const).flatMap((lang) =>
      keysOf(resources[lang]).filter((key) => {
        const value = key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], resources[lang]);
        return typeof value !== 'string' || value.trim() === '';
      }),
    );
    expect(empty).toEqual([]);
  });
});
