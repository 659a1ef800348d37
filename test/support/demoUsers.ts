/** The seeded demo tenant's sign-in names (sandbox/demoTenant.ts), one table for every test that signs in. */
export const DEMO_UPN = {
  mette: 'mette.larsen@sundby-kommune.example',
  jonas: 'jonas.berg@sundby-kommune.example',
  aisha: 'aisha.khan@sundby-kommune.example',
  peter: 'peter.nielsen@sundby-kommune.example',
  sofie: 'sofie.dahl@sundby-kommune.example',
  lars: 'lars.mikkelsen@sundby-kommune.example',
  hanne: 'hanne.poulsen@sundby-kommune.example',
  mikkel: 'mikkel.sorensen@sundby-kommune.example',
  karen: 'karen.skov@regionms.example',
  anders: 'anders.frost@regionms.example',
  birgitte: 'birgitte.lund@regionms.example',
  ole: 'ole.bak@laegehuset-sundby.example',
  jens: 'jens.holm@post.example',
  lise: 'lise.holm@post.example',
} as const;
