/**
 * The demo cast, taken from where it is written once: the sandbox's demo tenant (sandbox/demoTenant.ts). Test data
 * (the builders' demo people, the sign-in names, the journeys' people, the tenant ids) reads names, addresses,
 * organisations, sectors and tenants from here, so a change to the cast is a change in one place.
 */
import { HOME_TENANT, PEOPLE, REGION_TENANT } from '../../sandbox/demoTenant';
import { ReachSchema, SectorSchema, type Reach, type Sector } from '../../src/domain/plan/planDocument';

export { HOME_TENANT, REGION_TENANT };

/** Each person's key is the first part of their address (mette.larsen@… is `mette`). */
const KEYS = [
  'mette',
  'jonas',
  'aisha',
  'peter',
  'sofie',
  'lars',
  'hanne',
  'mikkel',
  'karen',
  'anders',
  'birgitte',
  'ole',
  'jens',
  'lise',
] as const;
export type CastKey = (typeof KEYS)[number];

export interface CastMember {
  upn: string;
  name: string;
  /** '' for the citizen and the relative. */
  organisation: string;
  sector: Sector;
  reach: Reach;
}

const member = (key: CastKey): CastMember => {
  const seed = PEOPLE.find((person) => person.upn.split('.')[0] === key);
  if (!seed) throw new Error(`sandbox/demoTenant.ts has nobody whose address begins "${key}."`);
  return {
    upn: seed.upn,
    name: seed.name,
    organisation: seed.organisation,
    sector: SectorSchema.parse(seed.sector),
    reach: ReachSchema.parse(seed.kind),
  };
};

export const cast = Object.fromEntries(KEYS.map((key) => [key, member(key)])) as Record<CastKey, CastMember>;

/** The same keys, mapped to something per person. */
export const perPerson = <T>(of: (person: CastMember, key: CastKey) => T): Record<CastKey, T> =>
  Object.fromEntries(KEYS.map((key) => [key, of(cast[key], key)])) as Record<CastKey, T>;
