import { cast } from '../../support/cast';

const upnAndName = (person: (typeof cast)[keyof typeof cast]) => ({ upn: person.upn, name: person.name });

/** The seeded demo tenant's people the journeys act as or invite (sandbox/demoTenant.ts, through test/support/cast). */
export const people = {
  mette: upnAndName(cast.mette),
  jonas: upnAndName(cast.jonas),
  aisha: upnAndName(cast.aisha),
  peter: upnAndName(cast.peter),
  hanne: upnAndName(cast.hanne),
  mikkel: upnAndName(cast.mikkel),
  karen: upnAndName(cast.karen),
  ole: upnAndName(cast.ole),
  jens: upnAndName(cast.jens),
};

export type Person = (typeof people)[keyof typeof people];
