import i18next, { type BackendModule, type i18n, type Resource } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { isNamespace, loadNamespace } from './loadNamespace';
import type { Namespace, NamespaceTexts, Resources } from './resources';

export type UiLang = 'da' | 'en';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    resources: Resources;
  }
}

/** Danish by default; English when the host's locale is English or the user picks it. */
export const pickLang = (locale: string | null | undefined): UiLang =>
  locale && locale.toLowerCase().startsWith('en') ? 'en' : 'da';

/** The namespaces on the page from the start, both languages (so switching language never waits). */
const registered = new Map<Namespace, NamespaceTexts<Namespace>>();

/**
 * Puts namespaces on the page: each entry (src/app/*.tsx) registers those its surface renders first, before it
 * boots; the UI tests register every one. Any other namespace is fetched when a component first asks for it.
 */
export const registerNamespaces = (texts: Partial<{ [N in Namespace]: NamespaceTexts<N> }>): void => {
  for (const [ns, both] of Object.entries(texts) as [Namespace, NamespaceTexts<Namespace>][]) registered.set(ns, both);
};

/** i18next's backend for a namespace not registered: its file, on demand (react-i18next suspends meanwhile). */
const onDemand: BackendModule = {
  type: 'backend',
  init: () => undefined,
  read: (lang, ns, done) => {
    if (!isNamespace(ns)) return done(new Error(`no namespace "${ns}"`), false);
    loadNamespace(ns).then(
      (both) => done(null, both[lang === 'en' ? 'en' : 'da']),
      (error: unknown) => done(error instanceof Error ? error : new Error(String(error)), false),
    );
  },
};

export const createI18n = (lang: UiLang): i18n => {
  const resources: Resource = {};
  for (const code of ['da', 'en'] as const)
    resources[code] = Object.fromEntries([...registered].map(([ns, both]) => [ns, both[code]]));
  const instance = i18next.createInstance();
  void instance
    .use(onDemand)
    .use(initReactI18next)
    .init({
      lng: lang,
      fallbackLng: false,
      resources,
      partialBundledLanguages: true,
      ns: [...registered.keys()],
      defaultNS: 'common',
      initAsync: false,
      interpolation: { escapeValue: false },
      returnNull: false,
    });
  return instance;
};
