import type { Translation } from '../translation';

const da = {
  appName: 'Tovholder',
  language: 'Sprog',
  loading: 'Indlæser …',
  save: 'Gem',
  cancel: 'Annuller',
  close: 'Luk',
  retry: 'Prøv igen',
  signedInAs: 'Logget ind som {{name}}',
  roles: {
    koordinator: 'Koordinator',
    moedeleder: 'Mødeleder',
    referent: 'Referent',
  },
  sectors: {
    regionPsykiatri: 'Region, psykiatri',
    rusmiddelbehandling: 'Rusmiddelbehandling',
    socialpsykiatri: 'Socialpsykiatri / bostøtte',
    sagsbehandler: 'Sagsbehandler',
    jobcenter: 'Jobcenter',
    egenLaege: 'Egen læge',
    botilbud: 'Botilbud',
    borger: 'Borger',
    paaroerende: 'Pårørende',
    andet: 'Andet',
  },
  errors: {
    unexpected: 'Noget gik galt. Dit arbejde er gemt på denne enhed. Prøv igen om lidt.',
  },
} as const;

const en: Translation<typeof da> = {
  appName: 'Tovholder',
  language: 'Language',
  loading: 'Loading …',
  save: 'Save',
  cancel: 'Cancel',
  close: 'Close',
  retry: 'Try again',
  signedInAs: 'Signed in as {{name}}',
  roles: {
    koordinator: 'Coordinator',
    moedeleder: 'Chair',
    referent: 'Minute-taker',
  },
  sectors: {
    regionPsykiatri: 'Region, psychiatry',
    rusmiddelbehandling: 'Addiction treatment',
    socialpsykiatri: 'Social psychiatry / housing support',
    sagsbehandler: 'Caseworker',
    jobcenter: 'Jobcentre',
    egenLaege: 'GP',
    botilbud: 'Supported housing',
    borger: 'Citizen',
    paaroerende: 'Relative',
    andet: 'Other',
  },
  errors: {
    unexpected: 'Something went wrong. Your work is kept on this device. Try again in a moment.',
  },
};

export const common = { da, en };
