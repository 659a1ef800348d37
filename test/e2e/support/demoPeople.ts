/** The seeded demo tenant's people the journeys act as or invite (see sandbox/demoTenant.ts). */
export const people = {
  mette: { upn: 'mette.larsen@sundby-kommune.example', name: 'Mette Larsen' },
  jonas: { upn: 'jonas.berg@sundby-kommune.example', name: 'Jonas Berg' },
  aisha: { upn: 'aisha.khan@sundby-kommune.example', name: 'Aisha Khan' },
  peter: { upn: 'peter.nielsen@sundby-kommune.example', name: 'Peter Nielsen' },
  hanne: { upn: 'hanne.poulsen@sundby-kommune.example', name: 'Hanne Poulsen' },
  mikkel: { upn: 'mikkel.sorensen@sundby-kommune.example', name: 'Mikkel Sørensen' },
  karen: { upn: 'karen.skov@regionms.example', name: 'Karen Skov' },
  ole: { upn: 'ole.bak@laegehuset-sundby.example', name: 'Ole Bak' },
  jens: { upn: 'jens.holm@post.example', name: 'Jens Holm' },
} as const;

export type Person = (typeof people)[keyof typeof people];
