import { FluentProvider, MessageBar, MessageBarBody } from '@fluentui/react-components';
import { startTransition, StrictMode, Suspense, useEffect, useMemo, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nProvider, useTranslation } from '../ui/i18n/useTranslation';
import type { Theme } from '../domain/ports/meetingHost';
import { createI18n, registerNamespaces, type UiLang } from '../ui/i18n/i18n';
import { common } from '../ui/i18n/namespaces/common';
import { launcher } from '../ui/i18n/namespaces/launcher';
import { shell } from '../ui/i18n/namespaces/shell';
import { useFluentTheme } from '../ui/shell/themes';
import { bakedBuildConfig, resolveConfig } from './config';
import { LauncherPage } from './launcher/LauncherPage';
import { readLaunchParams } from './launchParams';

// The texts this page shows; any other namespace is fetched when a component asks for it.
registerNamespaces({ common, shell, launcher });

const PREFS_KEY = 'tovholder:launcherPrefs';

const readPrefs = (): { lang: UiLang; theme: Theme } => {
  try {
    const prefs = JSON.parse(sessionStorage.getItem(PREFS_KEY) ?? '{}') as { lang?: unknown; theme?: unknown };
    return {
      lang: prefs.lang === 'en' ? 'en' : 'da',
      theme: prefs.theme === 'dark' || prefs.theme === 'contrast' ? prefs.theme : 'light',
    };
  } catch {
    return { lang: 'da', theme: 'light' };
  }
};

const CloudOnly = () => {
  const { t } = useTranslation('launcher');
  return <>{t('cloudOnly')}</>;
};

const Launcher = () => {
  const params = readLaunchParams(window.location.search);
  const launchParams = params.ok ? params.params : {};
  const resolved = resolveConfig(bakedBuildConfig(), launchParams, window.location.origin);
  const [prefs, setPrefs] = useState(readPrefs);
  const i18n = useMemo(() => createI18n(prefs.lang), [prefs.lang]);
  useEffect(() => {
    document.documentElement.lang = prefs.lang;
    sessionStorage.setItem(PREFS_KEY, JSON.stringify(prefs));
  }, [prefs]);
  const fluentTheme = useFluentTheme(prefs.theme);

  return (
    <I18nProvider i18n={i18n}>
      <FluentProvider theme={fluentTheme} style={{ minHeight: '100vh' }}>
        {resolved.ok && resolved.config.backend === 'sandbox' ? (
          <LauncherPage
            config={resolved.config}
            lang={prefs.lang}
            onLangChange={(lang) => startTransition(() => setPrefs((p) => ({ ...p, lang })))}
            theme={prefs.theme}
            onThemeChange={(theme) => startTransition(() => setPrefs((p) => ({ ...p, theme })))}
            sandboxParam={launchParams.sandbox ?? null}
          />
        ) : (
          <main style={{ padding: 24, maxWidth: 640 }}>
            <h1>Tovholder</h1>
            <MessageBar intent="info" layout="multiline">
              <MessageBarBody>
                <CloudOnly />
              </MessageBarBody>
            </MessageBar>
          </main>
        )}
      </FluentProvider>
    </I18nProvider>
  );
};

const container = document.getElementById('root');
if (!container) throw new Error('The page has no #root element (see src/app/page.ejs).');
createRoot(container).render(
  <StrictMode>
    {/* A stored dark or high-contrast choice waits for its theme's colours (src/ui/shell/themes.ts). */}
    <Suspense fallback={null}>
      <Launcher />
    </Suspense>
  </StrictMode>,
);
