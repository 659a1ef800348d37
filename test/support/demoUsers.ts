import { perPerson } from './cast';

/** The seeded demo tenant's sign-in names (sandbox/demoTenant.ts, through ./cast), one table for every test that signs in. */
export const DEMO_UPN = perPerson((person) => person.upn);
