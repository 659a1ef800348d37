import type { Translation } from '../translation';

/** The card preview before "Send referat" (the card's own text lives in src/cards/cardText.ts). */
const da = {
  preview: {
    label: 'Forhåndsvisning af referatkortet',
    labelFor: 'Forhåndsvisning af referatkortet til {{name}}',
    caption: 'Sådan ser kortet ud i Teams ({{theme}})',
    themes: { light: 'lyst tema', dark: 'mørkt tema' },
    size: 'Chatbeskeden fylder {{kilobytes}} KB af højst 28 KB.',
    failed:
      'Kortet kan ikke vises, og Teams ville heller ikke kunne vise det. Send ikke referatet; kontakt jeres administrator med denne besked: {{detail}}',
  },
} as const;

const en: Translation<typeof da> = {
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

export const cards = { da, en };
