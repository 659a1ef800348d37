import type { Translation } from '../../translation';
import type { common as da } from '../common';

// English: fetched only by a page shown in English (src/ui/i18n/i18n.ts); Danish is in ../common.ts.
export const common: Translation<typeof da> = {
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
