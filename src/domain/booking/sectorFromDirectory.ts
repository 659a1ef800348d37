/**
 * Sektor for a person found in the address book, from what the directory says about them (afdeling, firma,
 * stillingsbetegnelse). Only clear matches count: anything else is "andet", and the koordinator picks the sector in
 * the form, as before. The organisation is read before the job title, since a socialrådgiver may work in a
 * jobcenter or in the Kriminalforsorg, and a sygeplejerske in the region or the municipality.
 */
import type { Sector } from '../plan/planDocument';

/** Word stems, matched at the start of a word, in the order tried (socialpsykiatri before the region's psykiatri). */
const ORGANISATION_RULES: readonly (readonly [RegExp, Sector])[] = [
  [/\b(socialpsykiatri|bostøtte|støttecent)/i, 'socialpsykiatri'],
  [
    /\b(distriktspsykiatri|psykiatrisk|børne- og ungdomspsykiatri|regionspsykiatri|psykiatrien region)/i,
    'regionPsykiatri',
  ],
  [/\b(rusmiddel|misbrug|alkoholbehandling|stofmisbrug)/i, 'rusmiddelbehandling'],
  [/\b(jobcenter|jobcentret|beskæftigelse)/i, 'jobcenter'],
  [/\b(botilbud|bosted|opgangsfællesskab)/i, 'botilbud'],
  [/\b(lægehus|lægepraksis|almen praksis|lægeklinik)/i, 'egenLaege'],
  [/\b(borgerservice|myndighed|socialforvaltning|voksenhandicap)/i, 'sagsbehandler'],
];

const JOB_TITLE_RULES: readonly (readonly [RegExp, Sector])[] = [
  [/\b(rusmiddelbehandler|misbrugskonsulent|misbrugsbehandler)/i, 'rusmiddelbehandling'],
  [/\b(jobkonsulent|virksomhedskonsulent)/i, 'jobcenter'],
  [/\b(bostøtte|bostøttemedarbejder)/i, 'socialpsykiatri'],
  [/\bpraktiserende læge/i, 'egenLaege'],
  [/\bsagsbehandler/i, 'sagsbehandler'],
];

const match = (rules: readonly (readonly [RegExp, Sector])[], text: string | null | undefined): Sector | null =>
  text ? (rules.find(([pattern]) => pattern.test(text))?.[1] ?? null) : null;

export interface DirectoryFacts {
  department?: string | null;
  companyName?: string | null;
  jobTitle?: string | null;
}

/** The sector the directory clearly points to, else "andet" (the user can change it in the form). */
export const sectorFromDirectory = (facts: DirectoryFacts): Sector =>
  match(ORGANISATION_RULES, facts.department) ??
  match(ORGANISATION_RULES, facts.companyName) ??
  match(JOB_TITLE_RULES, facts.jobTitle) ??
  'andet';
