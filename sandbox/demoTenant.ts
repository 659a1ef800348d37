import { createHash } from 'node:crypto';
import type { UserKind, UserRecord } from './store';

/**
 * The demo tenant (see the team brief): Sundby Kommune, the federated Region Midtsjælland, and people
 * reachable only by e-mail. Ids are derived from the address, so they are the same after every --reset.
 */

export const HOME_TENANT = {
  id: '11111111-1111-4111-8111-111111111111',
  displayName: 'Sundby Kommune',
  domain: 'sundby-kommune.example',
};
export const REGION_TENANT = {
  id: '22222222-2222-4222-8222-222222222222',
  displayName: 'Region Midtsjælland',
  domain: 'regionms.example',
};

/** A stable GUID-shaped id for a name (v4 layout, so it looks like an Entra object id). */
export const stableGuid = (name: string): string => {
  const hex = createHash('sha1').update(name).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
};

interface PersonSeed {
  upn: string;
  name: string;
  jobTitle: string;
  organisation: string;
  sector: string;
  kind: UserKind;
  roleHint: string | null;
  phone: string;
}

export const PEOPLE: PersonSeed[] = [
  {
    upn: 'mette.larsen@sundby-kommune.example',
    name: 'Mette Larsen',
    jobTitle: 'Rusmiddelbehandler',
    organisation: 'Sundby Rusmiddelcenter',
    sector: 'rusmiddelbehandling',
    kind: 'inTenant',
    roleHint: 'koordinator',
    phone: '+45 44 10 20 01',
  },
  {
    upn: 'jonas.berg@sundby-kommune.example',
    name: 'Jonas Berg',
    jobTitle: 'Bostøttemedarbejder',
    organisation: 'Socialpsykiatrien Sundby',
    sector: 'socialpsykiatri',
    kind: 'inTenant',
    roleHint: 'mødeleder',
    phone: '+45 44 10 20 02',
  },
  {
    upn: 'aisha.khan@sundby-kommune.example',
    name: 'Aisha Khan',
    jobTitle: 'Sagsbehandler',
    organisation: 'Borgerservice Sundby',
    sector: 'sagsbehandler',
    kind: 'inTenant',
    roleHint: 'referent',
    phone: '+45 44 10 20 03',
  },
  {
    upn: 'peter.nielsen@sundby-kommune.example',
    name: 'Peter Nielsen',
    jobTitle: 'Jobkonsulent',
    organisation: 'Jobcenter Sundby',
    sector: 'jobcenter',
    kind: 'inTenant',
    roleHint: 'næste tovholder',
    phone: '+45 44 10 20 04',
  },
  {
    upn: 'sofie.dahl@sundby-kommune.example',
    name: 'Sofie Dahl',
    jobTitle: 'Leder',
    organisation: 'Socialpsykiatrien Sundby',
    sector: 'socialpsykiatri',
    kind: 'inTenant',
    roleHint: null,
    phone: '+45 44 10 20 05',
  },
  {
    upn: 'lars.mikkelsen@sundby-kommune.example',
    name: 'Lars Mikkelsen',
    jobTitle: 'Pædagog',
    organisation: 'Botilbuddet Engly',
    sector: 'botilbud',
    kind: 'inTenant',
    roleHint: null,
    phone: '+45 44 10 20 06',
  },
  {
    upn: 'hanne.poulsen@sundby-kommune.example',
    name: 'Hanne Poulsen',
    jobTitle: 'Misbrugskonsulent',
    organisation: 'Sundby Rusmiddelcenter',
    sector: 'rusmiddelbehandling',
    kind: 'inTenant',
    roleHint: null,
    phone: '+45 44 10 20 07',
  },
  {
    upn: 'mikkel.sorensen@sundby-kommune.example',
    name: 'Mikkel Sørensen',
    jobTitle: 'Socialrådgiver',
    organisation: 'Kriminalforsorgen',
    sector: 'andet',
    kind: 'inTenant',
    roleHint: 'uden for samtykket',
    phone: '+45 44 10 20 08',
  },
  {
    upn: 'karen.skov@regionms.example',
    name: 'Karen Skov',
    jobTitle: 'Sygeplejerske',
    organisation: 'Distriktspsykiatrien Sundby',
    sector: 'regionPsykiatri',
    kind: 'federated',
    roleHint: null,
    phone: '+45 78 40 10 01',
  },
  {
    upn: 'anders.frost@regionms.example',
    name: 'Anders Frost',
    jobTitle: 'Overlæge',
    organisation: 'Distriktspsykiatrien Sundby',
    sector: 'regionPsykiatri',
    kind: 'federated',
    roleHint: null,
    phone: '+45 78 40 10 02',
  },
  {
    upn: 'birgitte.lund@regionms.example',
    name: 'Birgitte Lund',
    jobTitle: 'Sygeplejerske',
    organisation: 'Psykiatrisk afsnit P3',
    sector: 'regionPsykiatri',
    kind: 'federated',
    roleHint: null,
    phone: '+45 78 40 10 03',
  },
  {
    upn: 'ole.bak@laegehuset-sundby.example',
    name: 'Ole Bak',
    jobTitle: 'Praktiserende læge',
    organisation: 'Lægehuset Sundby',
    sector: 'egenLaege',
    kind: 'emailOnly',
    roleHint: null,
    phone: '+45 44 90 90 90',
  },
  {
    upn: 'jens.holm@post.example',
    name: 'Jens Holm',
    jobTitle: '',
    organisation: '',
    sector: 'borger',
    kind: 'emailOnly',
    roleHint: 'borger',
    phone: '',
  },
  {
    upn: 'lise.holm@post.example',
    name: 'Lise Holm',
    jobTitle: '',
    organisation: '',
    sector: 'paaroerende',
    kind: 'emailOnly',
    roleHint: 'pårørende',
    phone: '',
  },
];

const tenantFor = (kind: UserKind): string | null =>
  kind === 'inTenant' ? HOME_TENANT.id : kind === 'federated' ? REGION_TENANT.id : null;

export const userFromSeed = (person: PersonSeed): UserRecord => {
  const [givenName = '', ...rest] = person.name.split(' ');
  return {
    id: stableGuid(`user:${person.upn}`),
    userPrincipalName: person.upn,
    mail: person.upn,
    displayName: person.name,
    givenName,
    surname: rest.join(' '),
    jobTitle: person.jobTitle,
    department: person.organisation,
    companyName: person.organisation,
    officeLocation: person.organisation || null,
    tenantId: tenantFor(person.kind),
    kind: person.kind,
    sector: person.sector,
    roleHint: person.roleHint,
    preferredLanguage: 'da-DK',
    businessPhones: person.phone ? [person.phone] : [],
    mobilePhone: null,
    homeUserId: null,
    externalUserState: null,
    oneDrive: person.kind !== 'emailOnly',
  };
};
