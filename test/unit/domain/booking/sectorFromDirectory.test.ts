import { describe, expect, it } from 'vitest';
import { sectorFromDirectory } from '../../../../src/domain/booking/sectorFromDirectory';

describe('the sector of a person found in the address book', () => {
  it.each([
    [{ department: 'Distriktspsykiatrien Sundby', jobTitle: 'Sygeplejerske' }, 'regionPsykiatri'],
    [{ department: 'Psykiatrisk afsnit P3', jobTitle: 'Sygeplejerske' }, 'regionPsykiatri'],
    [{ department: 'Socialpsykiatrien Sundby', jobTitle: 'Leder' }, 'socialpsykiatri'],
    [{ department: 'Sundby Rusmiddelcenter', jobTitle: 'Rusmiddelbehandler' }, 'rusmiddelbehandling'],
    [{ department: 'Jobcenter Sundby', jobTitle: 'Jobkonsulent' }, 'jobcenter'],
    [{ department: 'Botilbuddet Engly', jobTitle: 'Pædagog' }, 'botilbud'],
    [{ department: 'Borgerservice Sundby', jobTitle: 'Sagsbehandler' }, 'sagsbehandler'],
    [{ companyName: 'Lægehuset Sundby', jobTitle: 'Praktiserende læge' }, 'egenLaege'],
    [{ department: null, companyName: null, jobTitle: 'Misbrugskonsulent' }, 'rusmiddelbehandling'],
  ] as const)('reads %j as %s', (facts, sector) => {
    expect(sectorFromDirectory(facts)).toBe(sector);
  });

  it('goes by the organisation before the job title: a socialrådgiver in the Kriminalforsorg is "andet"', () => {
    expect(sectorFromDirectory({ department: 'Kriminalforsorgen', jobTitle: 'Socialrådgiver' })).toBe('andet');
    expect(sectorFromDirectory({ department: 'Jobcenter Sundby', jobTitle: 'Sagsbehandler' })).toBe('jobcenter');
  });

  it('leaves anything unclear as "andet", for the koordinator to choose', () => {
    expect(sectorFromDirectory({})).toBe('andet');
    expect(sectorFromDirectory({ department: 'IT-afdelingen', jobTitle: 'Konsulent' })).toBe('andet');
  });
});
