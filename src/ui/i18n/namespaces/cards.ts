/** The card preview before "Send referat" (the card's own text lives in src/cards/cardText.ts). */
export const cards = {
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
