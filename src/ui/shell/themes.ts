import { teamsLightTheme, type Theme as FluentTheme } from '@fluentui/react-components';
import { use } from 'react';
import type { Theme } from '../../domain/ports/meetingHost';

/**
 * Teams' own Fluent themes, so the app looks like part of the host in light, dark and high contrast. Light is on
 * every page; the dark and the high-contrast theme (~5 KB gzip of colour ramps) are fetched only by a page that
 * shows them: `bootSurface` fetches the host's theme before the app's first render, and a change of theme during
 * the meeting keeps the old colours until the new ones have arrived (a transition), never a flash of the wrong one.
 */
const loaded = new Map<Theme, FluentTheme>([['light', teamsLightTheme]]);
const arriving = new Map<Theme, Promise<FluentTheme>>();

const importTheme = (theme: Exclude<Theme, 'light'>): Promise<FluentTheme> =>
  theme === 'dark'
    ? import(/* webpackChunkName: "theme-dark" */ './themeDark').then((m) => m.teamsDarkTheme)
    : import(/* webpackChunkName: "theme-contrast" */ './themeContrast').then((m) => m.teamsHighContrastTheme);

/** The theme, fetched once. If it cannot be fetched, the page stays readable in light (the next load tries again). */
export const fetchTheme = (theme: Theme): Promise<FluentTheme> => {
  if (theme === 'light') return Promise.resolve(teamsLightTheme);
  let arrival = arriving.get(theme);
  if (arrival === undefined) {
    arrival = importTheme(theme).then(
      (fluent) => {
        loaded.set(theme, fluent);
        return fluent;
      },
      () => teamsLightTheme,
    );
    arriving.set(theme, arrival);
  }
  return arrival;
};

/** The Fluent theme for `theme`; suspends while it is fetched (render theme changes in a transition). */
export const useFluentTheme = (theme: Theme): FluentTheme => loaded.get(theme) ?? use(fetchTheme(theme));
