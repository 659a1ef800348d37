import i18next from 'i18next';
import { loadNamespace } from './loadNamespace';
import type { Namespace, NamespaceTexts } from './resources';

export type UiLang = 'da' | 'en';

/** Danish by default; English when the host's locale is English or the user picks it. */
export const pickLang = (locale: string | null | undefined): UiLang =>
  locale && locale.toLowerCase().startsWith('en') ? 'en' : 'da';

/**
 * The texts on the page, per language and namespace: those the entry registered before it booted (Danish), and
 * those fetched since (another namespace, or English when the page is shown in English).
 */
const onPage = new Map<`${UiLang}/${Namespace}`, NamespaceTexts<Namespace>>();

/**
 * The text engine: one i18next instance (lookup by dotted key, `{{name}}`, plural forms by `Intl.PluralRules` as
 * `key_one`/`key_other`). It holds exactly what `onPage` holds; fetching, fallback and React binding are ours
 * (`useTranslation.tsx`), so react-i18next and i18next's backends are not needed.
 */
const engine = i18next.createInstance();
void engine.init({
  initAsync: false,
  resources: {},
  lng: 'da',
  fallbackLng: false,
  supportedLngs: ['da', 'en'],
  nsSeparator: false,
  keySeparator: '.',
  returnNull: false,
  returnObjects: false,
  // React escapes what it renders; a place without a value is left empty, never shown as `{{name}}`.
  interpolation: { escapeValue: false },
  missingInterpolationHandler: () => '',
});

const putOnPage = (key: `${UiLang}/${Namespace}`, texts: NamespaceTexts<Namespace>): void => {
  onPage.set(key, texts);
  const [lang, ns] = key.split('/') as [UiLang, Namespace];
  engine.addResourceBundle(lang, ns, texts, false, true);
};
const takeOffPage = (key: `${UiLang}/${Namespace}`): void => {
  onPage.delete(key);
  const [lang, ns] = key.split('/') as [UiLang, Namespace];
  engine.removeResourceBundle(lang, ns);
};
/**
 * Each text file's one fetch. A failed one stays failed (React reads the outcome from the same promise), as a
 * failed `React.lazy` part does: `<OnDemand>` says so in Danish and its "Prøv igen" reloads the page.
 */
const fetching = new Map<`${UiLang}/${Namespace}`, Promise<void>>();
/** English files that could not be fetched, shown in Danish meanwhile (`namespaceArrival`), to try again later. */
const fellBack = new Set<`${UiLang}/${Namespace}`>();

/**
 * Puts texts on the page: each entry (src/app/*.tsx) registers the Danish texts its surface renders first, before
 * it boots; the UI tests register every namespace in both languages. Anything else is fetched on first use.
 */
export const registerNamespaces = (
  texts: Partial<{ [N in Namespace]: NamespaceTexts<N> }>,
  lang: UiLang = 'da',
): void => {
  for (const [ns, inLang] of Object.entries(texts) as [Namespace, NamespaceTexts<Namespace>][])
    putOnPage(`${lang}/${ns}`, inLang);
};

/**
 * Marks a promise with its outcome the way React's `use` reads it, so a component that renders after the texts
 * arrived reads them at once instead of suspending for a tick.
 */
const tracked = (promise: Promise<void>): Promise<void> => {
  const marked = promise as Promise<void> & { status?: string; value?: unknown; reason?: unknown };
  marked.status = 'pending';
  // Block bodies: returning `marked` itself from a handler would make the chained promise adopt its rejection.
  // Property by property: Object.assign would return `marked`, a promise, unawaited.
  promise.then(
    (value) => {
      marked.status = 'fulfilled';
      marked.value = value;
    },
    (reason: unknown) => {
      marked.status = 'rejected';
      marked.reason = reason;
    },
  );
  return promise;
};

/**
 * The fetch that brings the namespace in `lang` (one per file), or `null` when it came with the page. A fetch is
 * returned also after it arrived: a component that waited for it must ask React's `use` for it on every render.
 */
export const namespaceArrival = (ns: Namespace, lang: UiLang): Promise<void> | null => {
  const key = `${lang}/${ns}` as const;
  let arrival = fetching.get(key);
  if (arrival !== undefined) return arrival;
  if (onPage.has(key)) return null;
  const danish = onPage.get(`da/${ns}`);
  arrival = tracked(
    loadNamespace(ns, lang).then(
      (texts) => {
        putOnPage(key, texts);
      },
      (error: unknown) => {
        // English that cannot be fetched leaves that part of the page in Danish, not broken; `textsReady` tells the
        // shell, which then stays in Danish altogether.
        if (lang === 'da' || danish === undefined) throw error;
        putOnPage(key, danish);
        fellBack.add(key);
      },
    ),
  );
  fetching.set(key, arrival);
  return arrival;
};

/**
 * Fetches, in `lang`, every namespace the page has in Danish, and says whether all of them arrived: `bootSurface`
 * waits for it before the first render of a page shown in English, the language switch before it changes language.
 * Where one is missing the shell stays in Danish (a page marked English must not read Danish). A file that could
 * not be fetched before is tried again.
 */
export const textsReady = async (lang: UiLang): Promise<boolean> => {
  for (const key of [...fellBack].filter((k) => k.startsWith(`${lang}/`))) {
    fellBack.delete(key);
    takeOffPage(key);
    fetching.delete(key);
  }
  const registered = [...onPage.keys()].filter((key) => key.startsWith('da/')).map((key) => key.slice(3) as Namespace);
  const arrivals = await Promise.allSettled(registered.map((ns) => namespaceArrival(ns, lang)));
  return arrivals.every((a) => a.status === 'fulfilled') && registered.every((ns) => !fellBack.has(`${lang}/${ns}`));
};

/** Values put into a text's `{{name}}` places; `count` also picks the plural form (`key_one`, `key_other`). */
export type TextOptions = { readonly count?: number } & Readonly<Record<string, unknown>>;

/** The interface language and its texts. A new language is a new instance (the shell makes one per choice). */
export interface I18n {
  readonly language: UiLang;
  /** The text at `key` (a dotted path) in `ns`, filled in; the key itself when there is none (a bug the catalogue test catches). */
  text(ns: Namespace, key: string, options?: TextOptions): string;
}

export const createI18n = (lang: UiLang): I18n => ({
  language: lang,
  text(ns, key, options) {
    const found = engine.t(key, { ...options, lng: lang, ns });
    return typeof found === 'string' ? found : key;
  },
});
