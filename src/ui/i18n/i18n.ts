import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { resources, namespaces } from './resources';

export type UiLang = 'da' | 'en';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    resources: (typeof resources)['da'];
  }
}

/** Danish by default; English when the host's locale is English or the user picks it. */
export const pickLang = (locale: string | null | undefined): UiLang =>
  locale && locale.toLowerCase().startsWith('en') ? 'en' : 'da';

export const createI18n = (lang: UiLang): i18n => {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    lng: lang,
    fallbackLng: false,
    resources,
    ns: namespaces,
    defaultNS: 'common',
    initAsync: false,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return instance;
};
