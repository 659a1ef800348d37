import { createContext, use, useContext, useMemo, type ReactNode } from 'react';
import { isNamespace } from './loadNamespace';
import { namespaceArrival, type I18n, type TextOptions } from './i18n';
import type { Namespace, Resources } from './resources';

type PluralSuffix = 'zero' | 'one' | 'two' | 'few' | 'many' | 'other';
/** A plural text (`sent_one`, `sent_other`) is asked for by its stem (`sent`, with `count`). */
type Asked<K extends string> = K extends `${infer Stem}_${PluralSuffix}` ? Stem | K : K;
type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${Asked<K>}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];

type KeysByNamespace = { [N in Namespace]: Leaves<Resources[N]> };
/** Every key of a namespace, as a dotted path. */
export type KeyIn<N extends Namespace> = KeysByNamespace[N];
type Prefixed<N extends Namespace> = N extends Namespace ? `${N}:${KeyIn<N>}` : never;

/**
 * `t` of a component that asked for `N` (and `M`): a key of `N`, or `ns:key` of any namespace it asked for. A key
 * that is not in the Danish catalogue is a type error.
 */
export type TFunction<N extends Namespace, M extends Namespace = N> = (
  key: KeyIn<N> | Prefixed<N | M>,
  options?: TextOptions,
) => string;

const I18nContext = createContext<I18n | null>(null);

/** Gives the language and texts to everything below (the shell's, the boot frame's, a test's). */
export const I18nProvider = ({ i18n, children }: { i18n: I18n; children: ReactNode }) => (
  <I18nContext value={i18n}>{children}</I18nContext>
);

/** The interface's language and texts, for what reads `i18n.language` (dates, the host's words). */
export const useI18n = (): I18n => {
  const i18n = useContext(I18nContext);
  if (i18n === null) throw new Error('useTranslation needs an <I18nProvider> above it (AppShell or BootFrame).');
  return i18n;
};

export function useTranslation<N extends Namespace = 'common'>(ns?: N): { t: TFunction<N>; i18n: I18n };
export function useTranslation<N extends Namespace, M extends Namespace>(
  ns: readonly [N, ...M[]],
): { t: TFunction<N, M>; i18n: I18n };
/**
 * `t` for the namespaces asked for (the first is the default; others by `ns:key`). A namespace not yet on the
 * page suspends the component while its file is fetched (`<OnDemand>` shows the wait, and a failed fetch).
 */
export function useTranslation(ns?: Namespace | readonly Namespace[]): {
  t: (key: string, options?: TextOptions) => string;
  i18n: I18n;
} {
  const i18n = useI18n();
  const asked: readonly Namespace[] = ns === undefined ? ['common'] : typeof ns === 'string' ? [ns] : ns;
  for (const name of asked) {
    const arrival = namespaceArrival(name, i18n.language);
    if (arrival !== null) use(arrival);
  }
  const first = asked[0] ?? 'common';
  const t = useMemo(
    () => (key: string, options?: TextOptions) => {
      const colon = key.indexOf(':');
      const prefix = colon > 0 ? key.slice(0, colon) : '';
      return isNamespace(prefix) ? i18n.text(prefix, key.slice(colon + 1), options) : i18n.text(first, key, options);
    },
    [i18n, first],
  );
  return { t, i18n };
}
