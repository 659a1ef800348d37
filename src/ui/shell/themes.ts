import {
  teamsDarkTheme,
  teamsHighContrastTheme,
  teamsLightTheme,
  type Theme as FluentTheme,
} from '@fluentui/react-components';
import type { Theme } from '../../domain/ports/meetingHost';

/** Teams' own Fluent themes, so the app looks like part of the host in light, dark and high contrast. */
export const fluentThemes: Record<Theme, FluentTheme> = {
  light: teamsLightTheme,
  dark: teamsDarkTheme,
  contrast: teamsHighContrastTheme,
};
