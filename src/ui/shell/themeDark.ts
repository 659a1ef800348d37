// Its own chunk (see themes.ts): only a page shown in Teams' dark theme fetches it.
export { teamsDarkTheme } from '@fluentui/react-components';
