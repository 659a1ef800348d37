import type { UiLang } from './i18n';
import type { Namespace, NamespaceTexts } from './resources';

/** Every namespace's name, without importing the texts (a record, so a new namespace missing here is an error). */
const known: Record<Namespace, true> = {
  common: true,
  shell: true,
  launcher: true,
  compose: true,
  meeting: true,
  plans: true,
  booking: true,
  privacy: true,
  cards: true,
};

export const isNamespace = (name: string): name is Namespace => Object.hasOwn(known, name);

/**
 * A namespace's texts in one language, fetched on demand: webpack makes a chunk of each file under namespaces/
 * (Danish) and namespaces/en/ (English) that is not already on the page.
 */
export const loadNamespace = async <N extends Namespace>(ns: N, lang: UiLang): Promise<NamespaceTexts<N>> => {
  const file = (
    lang === 'en'
      ? await import(/* webpackChunkName: "i18n-en-[request]" */ `./namespaces/en/${ns}.ts`)
      : await import(/* webpackChunkName: "i18n-[request]" */ `./namespaces/${ns}.ts`)
  ) as Record<N, NamespaceTexts<N>>;
  return file[ns];
};
