import { FluentProvider } from '@fluentui/react-components';
import { startTransition, useEffect, useMemo, useState, type ReactNode } from 'react';
import { I18nProvider } from '../i18n/useTranslation';
import type { Theme } from '../../domain/ports/meetingHost';
import { createI18n, pickLang, type UiLang } from '../i18n/i18n';
import { ServicesProvider } from '../services/ServicesContext';
import type { Services } from '../services/services';
import { CrashNotice } from './CrashNotice';
import { ErrorBoundary } from './ErrorBoundary';
import { LanguageSwitch } from './LanguageSwitch';
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
}

/**
 * The frame around every surface: Teams' Fluent theme following the host (light, dark, high contrast, and
 * live theme changes), the interface language (from the host's locale, switchable), the injected services,
 * and an error boundary so a bug never leaves a blank frame.
 */
export const AppShell = ({ services, children, languageSwitch }: AppShellProps) => {
  const { host } = services;
  const showSwitch = languageSwitch ?? host.frame() !== 'meetingStage';
  const [theme, setTheme] = useState<Theme>(() => host.theme());
  useEffect(() => {
    setTheme(host.theme());
    // A theme not on the page yet is fetched first; meanwhile the old colours stay (a transition).
    return host.onThemeChange((next) => startTransition(() => setTheme(next)));
  }, [host]);
  const fluentTheme = useFluentTheme(theme);

  const [lang, setLang] = useState<UiLang>(() => startLang(host));
  const i18n = useMemo(() => createI18n(lang), [lang]);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const changeLang = (next: UiLang) => {
    try {
      sessionStorage.setItem(LANG_KEY, next);
    } catch {
      // storage disabled: the choice lasts until reload
    }
    // Texts not on the page in that language are fetched first; meanwhile the old language stays (a transition).
    startTransition(() => setLang(next));
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
            {children}
          </ServicesProvider>
        </ErrorBoundary>
      </FluentProvider>
    </I18nProvider>
  );
};
