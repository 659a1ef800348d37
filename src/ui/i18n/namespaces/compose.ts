import type { Translation } from '../translation';

const da = {
  title: 'Gør til indsatsplansmøde',
  intro: 'Vælg borgerens plan, så skriver Tovholder deltagere, emne og dagsorden ind i mødet.',
} as const;

const en: Translation<typeof da> = {
  title: 'Make it an indsatsplansmøde',
  intro: "Choose the citizen's plan, and Tovholder writes participants, subject and agenda into the meeting.",
};

export const compose = { da, en };
