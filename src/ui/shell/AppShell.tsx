import { FluentProvider } from '@fluentui/react-components';
import { startTransition, useEffect, useMemo, useState, type ReactNode } from 'react';
import { I18nProvider } from '../i18n/useTranslation';
import type { Theme } from '../../domain/ports/meetingHost';
import { createI18n, pickLang, textsReady, type UiLang } from '../i18n/i18n';
import { ServicesProvider } from '../services/ServicesContext';
import type { Services } from '../services/services';
import { CrashNotice } from './CrashNotice';
import { ErrorBoundary } from './ErrorBoundary';
import { LanguageFailed, LanguageSwitch } from './LanguageSwitch';
import { useFluentTheme } from './themes';

const LANG_KEY = 'tovholder:lang';

const storedLang = (): UiLang | null => {
  try {
    const value = sessionStorage.getItem(LANG_KEY);
    return value === 'da' || value === 'en' ? value : null;
  } catch {
    return null;
  }
};

/** The language the shell starts in: the user's choice in this tab, else the host's locale. */
export const startLang = (host: Services['host']): UiLang => storedLang() ?? pickLang(host.locale());

export interface AppShellProps {
  services: Services;
  children: ReactNode;
  /** Show the da/en switch in the top corner (default: everywhere but the stage, which everyone watches). */
  languageSwitch?: boolean;
  /** The language to start in, its texts on the page (`bootSurface`); default `startLang(host)`. */
  lang?: UiLang;
}

/**
 * The frame around every surface: Teams' Fluent theme following the host (light, dark, high contrast, and
 * live theme changes), the interface language (from the host's locale, switchable), the injected services,
 * and an error boundary so a bug never leaves a blank frame.
 */
export const AppShell = ({ services, children, languageSwitch, lang: initialLang }: AppShellProps) => {
  const { host } = services;
  const showSwitch = languageSwitch ?? host.frame() !== 'meetingStage';
  const [theme, setTheme] = useState<Theme>(() => host.theme());
  useEffect(() => {
    setTheme(host.theme());
    // A theme not on the page yet is fetched first; meanwhile the old colours stay (a transition).
    return host.onThemeChange((next) => startTransition(() => setTheme(next)));
  }, [host]);
  const fluentTheme = useFluentTheme(theme);

  const [lang, setLang] = useState<UiLang>(() => initialLang ?? startLang(host));
  const [langFailed, setLangFailed] = useState(false);
  const i18n = useMemo(() => createI18n(lang), [lang]);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const changeLang = (next: UiLang) => {
    if (next === lang) return;
    setLangFailed(false);
    // The texts not on the page in that language are fetched first; meanwhile the page stays as it is. If one
    // cannot be fetched, the page keeps its language and says so.
    void textsReady(next).then((complete) => {
      if (!complete) return setLangFailed(true);
      try {
        sessionStorage.setItem(LANG_KEY, next);
      } catch {
        // storage disabled: the choice lasts until reload
      }
      startTransition(() => setLang(next));
    });
  };

  return (
    <I18nProvider i18n={i18n}>
      <FluentProvider theme={fluentTheme} style={{ minHeight: '100vh' }} data-theme={theme}>
        <ErrorBoundary fallback={<CrashNotice />}>
          <ServicesProvider services={services}>
            {showSwitch && (
              <header style={{ display: 'flex', justifyContent: 'flex-end', padding: '4px 8px 0' }}>
                <LanguageSwitch lang={lang} onChange={changeLang} />
              </header>
            )}
            {showSwitch && langFailed && (
              <div style={{ padding: '0 8px' }}>
                <LanguageFailed />
              </div>
            )}
            {children}
          </ServicesProvider>
        </ErrorBoundary>
      </FluentProvider>
    </I18nProvider>
  );
};
