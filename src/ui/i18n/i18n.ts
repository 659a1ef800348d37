import { loadNamespace } from './loadNamespace';
import type { Namespace, NamespaceTexts } from './resources';

export type UiLang = 'da' | 'en';

/** Danish by default; English when the host's locale is English or the user picks it. */
export const pickLang = (locale: string | null | undefined): UiLang =>
  locale && locale.toLowerCase().startsWith('en') ? 'en' : 'da';

/**
 * The namespaces on the page, both languages (so switching language never waits): those the entry registered
 * before it booted, and those fetched since.
 */
const onPage = new Map<Namespace, NamespaceTexts<Namespace>>();
/**
 * Each namespace's one fetch. A failed one stays failed (React reads the outcome from the same promise), as a
 * failed `React.lazy` part does: `<OnDemand>` says so in Danish and its "Prøv igen" reloads the page.
 */
const fetching = new Map<Namespace, Promise<void>>();

/**
 * Puts namespaces on the page: each entry (src/app/*.tsx) registers those its surface renders first, before it
 * boots; the UI tests register every one. Any other namespace is fetched when a component first asks for it.
 */
export const registerNamespaces = (texts: Partial<{ [N in Namespace]: NamespaceTexts<N> }>): void => {
  for (const [ns, both] of Object.entries(texts) as [Namespace, NamespaceTexts<Namespace>][]) onPage.set(ns, both);
};

/** `null` when the namespace is on the page; otherwise the fetch that brings it (one per namespace). */
export const namespaceArrival = (ns: Namespace): Promise<void> | null => {
  if (onPage.has(ns)) return null;
  let arrival = fetching.get(ns);
  if (arrival === undefined) {
    arrival = loadNamespace(ns).then((both) => {
      onPage.set(ns, both);
    });
    fetching.set(ns, arrival);
  }
  return arrival;
};

/** Values put into a text's `{{name}}` places; `count` also picks the plural form (`key_one`, `key_other`). */
export type TextOptions = { readonly count?: number } & Readonly<Record<string, unknown>>;

/** The interface language and its texts. A new language is a new instance (the shell makes one per choice). */
export interface I18n {
  readonly language: UiLang;
  /** The text at `key` (a dotted path) in `ns`, filled in; the key itself when there is none (a bug the catalogue test catches). */
  text(ns: Namespace, key: string, options?: TextOptions): string;
}

const pluralRules = new Map<UiLang, Intl.PluralRules>();
const pluralOf = (lang: UiLang, count: number): string => {
  let rules = pluralRules.get(lang);
  if (rules === undefined) pluralRules.set(lang, (rules = new Intl.PluralRules(lang)));
  return rules.select(count);
};

const lookup = (texts: unknown, path: string): unknown => {
  let at = texts;
  for (const part of path.split('.')) {
    if (typeof at !== 'object' || at === null || !Object.hasOwn(at, part)) return undefined;
    at = (at as Record<string, unknown>)[part];
  }
  return at;
};

const PLACE = /\{\{\s*([\w.]+)\s*\}\}/g;

export const createI18n = (lang: UiLang): I18n => ({
  language: lang,
  text(ns, key, options) {
    const texts = onPage.get(ns)?.[lang];
    const count = options?.count;
    const found =
      (typeof count === 'number' &&
        (lookup(texts, `${key}_${pluralOf(lang, count)}`) ?? lookup(texts, `${key}_other`))) ||
      lookup(texts, key);
    if (typeof found !== 'string') return key;
    if (options === undefined || !found.includes('{{')) return found;
    // As i18next did with escapeValue off: React escapes what it renders, and a value without a place is dropped.
    return found.replace(PLACE, (_, name: string) => {
      const value = options[name];
      return value === undefined || value === null ? '' : String(value);
    });
  },
});
