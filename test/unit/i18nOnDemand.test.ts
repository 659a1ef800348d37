// @vitest-environment jsdom
// Outside the UI project on purpose: its setup puts every namespace on the page, and this test needs a page
// that has only what an entry registers (as the side panel does), to see the others fetched on first use.
import { act, cleanup, render, screen } from '@testing-library/react';
import { createElement, type ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import '../support/domMatchers';
import type * as LoadNamespace from '../../src/ui/i18n/loadNamespace';
import type { Namespace } from '../../src/ui/i18n/resources';

const fetched: string[] = [];
let failNext = false;
vi.mock('../../src/ui/i18n/loadNamespace', async (original) => {
  const real = await original<typeof LoadNamespace>();
  return {
    ...real,
    loadNamespace: async (ns: Namespace, lang: 'da' | 'en') => {
      fetched.push(`${lang}/${ns}`);
      if (failNext) {
        failNext = false;
        throw Object.assign(new Error(`Loading chunk i18n-${ns} failed.`), { name: 'ChunkLoadError' });
      }
      return real.loadNamespace(ns, lang);
    },
  };
});

const { createI18n, registerNamespaces, textsReady } = await import('../../src/ui/i18n/i18n');
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
  it('are fetched on first use, in the language shown, once', async () => {
    await page(createElement(PlansTitle));
    await screen.findByRole('heading', { name: 'Mine indsatsplaner' }, { timeout: 5000 });
    cleanup();
    // Rendered at once, outside an awaited act: a component that suspended would leave only the spinner here.
    render(withTexts(createElement(PlansTitle), 'da'));
    screen.getByRole('heading', { name: 'Mine indsatsplaner' });
    expect(fetched).toEqual(['da/plans']);
  });

  it('in English only on a page shown in English, which gets them all before it renders', async () => {
    expect(fetched.filter((file) => file.startsWith('en/'))).toEqual([]);
    expect(await textsReady('en')).toBe(true); // as bootSurface does for a host in English, and the language switch
    expect(fetched.filter((file) => file.startsWith('en/')).sort()).toEqual(['en/common', 'en/plans', 'en/shell']);
    render(withTexts(createElement(PlansTitle), 'en'));
    screen.getByRole('heading', { name: 'My care plans' });
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
    expect(screen.getByRole('button', { name: 'Prøv igen' })).toBeEnabled();
  });

  it('stay Danish where the English cannot be fetched, rather than break the page', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const Compose = () => {
      const { t } = useTranslation('compose');
      return createElement('h1', null, t('title'));
    };
    await page(createElement(Compose), 'da');
    await screen.findByRole('heading', { name: 'Gør til indsatsplansmøde' }, { timeout: 5000 });
    cleanup();
    failNext = true;
    await page(createElement(Compose), 'en');
    await screen.findByRole('heading', {}, { timeout: 5000 });
    expect(fetched.slice(-2)).toEqual(['da/compose', 'en/compose']);
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByRole('heading').textContent).toBe('Gør til indsatsplansmøde');
  });

  it('report English that did not arrive, so the shell stays Danish, and fetch it again on the next try', async () => {
    const Compose = () => {
      const { t } = useTranslation('compose');
      return createElement('h1', null, t('title'));
    };
    registerNamespaces({ compose: (await import('../../src/ui/i18n/namespaces/compose')).compose });
    failNext = true;
    expect(await textsReady('en')).toBe(false);
    expect(fetched.at(-1)).toBe('en/compose');
    expect(await textsReady('en')).toBe(true);
    expect(fetched.at(-1)).toBe('en/compose');
    render(withTexts(createElement(Compose), 'en'));
    expect(screen.getByRole('heading').textContent).toBe('Make it an indsatsplansmøde');
  });
});
