import { FluentProvider } from '@fluentui/react-components';
import { Suspense, useMemo, type ReactNode } from 'react';
import { I18nProvider } from '../../ui/i18n/useTranslation';
import type { Theme } from '../../domain/ports/meetingHost';
import { createI18n, type UiLang } from '../../ui/i18n/i18n';
import { useFluentTheme } from '../../ui/shell/themes';

/** Theme and language for what a page shows before its services exist: the loading state and startup errors. */
export const BootFrame = ({ lang, theme, children }: { lang: UiLang; theme: Theme; children: ReactNode }) => (
  // In the dark or high-contrast theme the first frame waits (blank, on the host's own background) for the
  // theme's colours rather than flashing white.
  <Suspense fallback={null}>
    <Themed lang={lang} theme={theme}>
      {children}
    </Themed>
  </Suspense>
);

const Themed = ({ lang, theme, children }: { lang: UiLang; theme: Theme; children: ReactNode }) => {
  const i18n = useMemo(() => createI18n(lang), [lang]);
  return (
    <I18nProvider i18n={i18n}>
      <FluentProvider theme={useFluentTheme(theme)} style={{ minHeight: '100vh' }}>
        {children}
      </FluentProvider>
    </I18nProvider>
  );
};
