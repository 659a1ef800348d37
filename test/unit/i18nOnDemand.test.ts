// @vitest-environment jsdom
// Outside the UI project on purpose: its setup puts every namespace on the page, and this test needs a page
// that has only what an entry registers (as the side panel does), to see the others fetched on first use.
import { act, cleanup, render, screen } from '@testing-library/react';
import { createElement, type ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type * as LoadNamespace from '../../src/ui/i18n/loadNamespace';
import type { Namespace } from '../../src/ui/i18n/resources';

const fetched: Namespace[] = [];
let failNext = false;
vi.mock('../../src/ui/i18n/loadNamespace', async (original) => {
  const real = await original<typeof LoadNamespace>();
  return {
    ...real,
    loadNamespace: async (ns: Namespace) => {
      fetched.push(ns);
      if (failNext) {
        failNext = false;
        throw Object.assign(new Error('Loading chunk i18n-plans failed.'), { name: 'ChunkLoadError' });
      }
      return real.loadNamespace(ns);
    },
  };
});

const { createI18n, registerNamespaces } = await import('../../src/ui/i18n/i18n');
const { I18nProvider, useTranslation } = await import('../../src/ui/i18n/useTranslation');
const { OnDemand } = await import('../../src/ui/lazy/OnDemand');
const { shell } = await import('../../src/ui/i18n/namespaces/shell');
const { common } = await import('../../src/ui/i18n/namespaces/common');
registerNamespaces({ common, shell });

const PlansTitle = () => {
  const { t } = useTranslation('plans');
  return createElement('h1', null, t('title'));
};
// `use()` suspends; under Testing Library's act() React retries only once the act is awaited.
const withTexts = (ui: ReactNode, lang: 'da' | 'en') =>
  createElement(I18nProvider, { i18n: createI18n(lang), children: createElement(OnDemand, null, ui) });
const page = (ui: ReactNode, lang: 'da' | 'en' = 'da') =>
  act(async () => {
    render(withTexts(ui, lang));
  });

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('texts a page did not bring', () => {
  it('are fetched on first use, once, both languages: a change of language does not wait for them again', async () => {
    await page(createElement(PlansTitle), 'en');
    expect(await screen.findByRole('heading', { name: 'My care plans' }, { timeout: 5000 })).toBeTruthy();
    cleanup();
    // Rendered at once, outside an awaited act: a component that suspended would leave only the spinner here.
    render(withTexts(createElement(PlansTitle), 'da'));
    expect(screen.getByRole('heading', { name: 'Mine indsatsplaner' })).toBeTruthy();
    expect(fetched).toEqual(['plans']);
  });

  it('says in Danish that a part could not be fetched, instead of showing raw keys', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    failNext = true;
    const Booking = () => {
      const { t } = useTranslation('booking');
      return createElement('h1', null, t('titleNew'));
    };
    await page(createElement(Booking));
    expect((await screen.findByRole('alert', {}, { timeout: 5000 })).textContent).toContain(
      'Denne del af siden kunne ikke hentes',
    );
    expect(screen.queryByRole('heading')).toBeNull();
    expect(screen.getByRole('button', { name: 'Prøv igen' })).toBeTruthy();
  });
});
