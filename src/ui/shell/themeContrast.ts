// Its own chunk (see themes.ts): only a page shown in high contrast fetches it.
export { teamsHighContrastTheme } from '@fluentui/react-components';
