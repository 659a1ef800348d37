import type { Translation } from '../../translation';
import type { cards as da } from '../cards';

// English: fetched only by a page shown in English (src/ui/i18n/i18n.ts); Danish is in ../cards.ts.
export const cards: Translation<typeof da> = {
  preview: {
    label: 'Preview of the minutes card',
    labelFor: 'Preview of the minutes card for {{name}}',
    caption: 'How the card looks in Teams ({{theme}})',
    themes: { light: 'light theme', dark: 'dark theme' },
    size: 'The chat message takes {{kilobytes}} KB of at most 28 KB.',
    failed:
      'The card cannot be shown, and Teams could not show it either. Do not send the minutes; contact your administrator with this message: {{detail}}',
  },
};
