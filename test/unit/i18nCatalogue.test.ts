import { describe, expect, it } from 'vitest';
import { resources } from '../../src/ui/i18n/resources';

const keysOf = (value: unknown, prefix = ''): string[] =>
  typeof value === 'object' && value !== null
    ? Object.entries(value).flatMap(([k, v]) => keysOf(v, prefix ? `${prefix}.${k}` : k))
    : [prefix];

describe('the i18n catalogue', () => {
  it('has every Danish key in English and no extra ones', () => {
    expect(keysOf(resources.en).sort()).toEqual(keysOf(resources.da).sort());
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
