import { lazy, StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { OnDemand } from '../ui/lazy/OnDemand';
import { textsReady } from '../ui/i18n/i18n';
import { AppShell, startLang } from '../ui/shell/AppShell';
import { fetchTheme } from '../ui/shell/themes';
import { createServices, type Launch, type StartupProblem } from './createServices';
import type { AppConfig } from './config';
import { readLaunchParams, type Surface } from './launchParams';
import { BootFrame } from './startup/BootFrame';
import { LoadingPage } from './startup/LoadingPage';

// Shown only when a page cannot start (with the demo user picker): fetched then, not with every page.
const StartupErrorPage = lazy(() =>
  import(/* webpackChunkName: "startup-error" */ './startup/StartupErrorPage').then((m) => ({
    default: m.StartupErrorPage,
  })),
);

/**
 * Starts one surface's page: a loading state at once, then the composed services and the surface inside the
 * app shell, or a clear Danish page saying why it could not start. Never a blank page.
 */
export const bootSurface = (surface: Surface, render: (launch: Launch) => ReactNode): void => {
  const container = document.getElementById('root');
  if (!container) throw new Error('The page has no #root element (see src/app/page.ejs).');
  const root = createRoot(container);
  const early = readLaunchParams(window.location.search);
  const lang = early.ok ? (early.params.lang ?? 'da') : 'da';
  const theme = early.ok ? (early.params.theme ?? 'light') : 'light';
  const showProblem = (problem: StartupProblem, config: AppConfig | null) =>
    root.render(
      <BootFrame lang={lang} theme={theme}>
        <OnDemand style={{ padding: 24 }}>
          <StartupErrorPage problem={problem} config={config} href={window.location.href} />
        </OnDemand>
      </BootFrame>,
    );

  root.render(
    <BootFrame lang={lang} theme={theme}>
      <LoadingPage />
    </BootFrame>,
  );
  void fetchTheme(theme);
  void textsReady(lang);
  createServices({ surface, window }).then(
    async (startup) => {
      if (!startup.ok) return showProblem(startup.problem, startup.config);
      // The host's theme and language (they may differ from the URL's) are on the page before the app's first
      // render: the dark or English texts a page does not bring are fetched now (English that cannot be fetched
      // leaves the page in Danish).
      const { host } = startup.services;
      const wanted = startLang(host);
      const [, complete] = await Promise.all([fetchTheme(host.theme()), textsReady(wanted)]);
      root.render(
        <StrictMode>
          <AppShell services={startup.services} lang={complete ? wanted : 'da'}>
            {render(startup.launch)}
          </AppShell>
        </StrictMode>,
      );
    },
    (error: unknown) =>
      showProblem({ kind: 'host', detail: error instanceof Error ? error.message : String(error) }, null),
  );
};
