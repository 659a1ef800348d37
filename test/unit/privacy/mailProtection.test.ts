import { describe, expect, it } from 'vitest';
import { readMailProtection } from '../../../src/domain/policy/mailProtection';
import { isTlsPartner, mailDomainOf, normaliseMailDomain } from '../../../src/domain/policy/mailProtectionSetting';
import { mailProtectionReport } from '../../../scripts/checkMailProtection';

const codes = (setup: ReturnType<typeof readMailProtection>) => setup.problems.map((p) => `${p.severity}:${p.code}`);

describe('reading how the tenant protects its mail', () => {
  it('is none when nothing is set: no e-mail carries plan content, and nothing to complain about', () => {
    expect(readMailProtection({})).toEqual({ protection: { mode: 'none' }, issues: [], problems: [] });
    expect(readMailProtection({ mode: '  ' })).toEqual({ protection: { mode: 'none' }, issues: [], problems: [] });
  });

  it('takes purview and tls in any case, with the partner domains normalised and without duplicates', () => {
    expect(readMailProtection({ mode: 'Purview' }).protection).toEqual({ mode: 'purview' });
    expect(
      readMailProtection({ mode: 'TLS', partnerDomains: 'RegionH.dk, laegehuset-sundby.dk;regionh.dk\n kommune.dk.' }),
    ).toMatchObject({
      protection: { mode: 'tls', partnerDomains: ['regionh.dk', 'laegehuset-sundby.dk', 'kommune.dk'] },
      problems: [],
    });
  });

  it('reads an unknown value as none, with a Danish message naming the setting, the value and the fix', () => {
    const setup = readMailProtection({ mode: 'purveiw' });
    expect(setup.protection).toEqual({ mode: 'none' });
    expect(setup.problems[0]?.message.da).toBe(
      'TOVHOLDER_MAIL_PROTECTION er »purveiw«, som ikke er en kendt værdi. Skriv none, purview eller tls. Indtil det er rettet, sendes ingen e-mail med planens indhold: alle uden for Teams får kun besked om, at der er et nyt referat.',
    );
  });

  it('leaves an invalid domain off the list, saying how to write it; the valid ones still count', () => {
    const setup = readMailProtection({
      mode: 'tls',
      partnerDomains: 'regionh.dk, https://laegehus.dk/, *.kommune.dk, ole@laegehus.dk, regionh, regi on.dk',
    });
    expect(setup.protection).toEqual({ mode: 'tls', partnerDomains: ['regionh.dk'] });
    expect(codes(setup)).toEqual(Array(5).fill('error:mailProtection.invalidDomain'));
    const [url, wildcard, address, word, spaced] = setup.problems.map((p) => p.message.da);
    expect(url).toContain('Skriv domænet uden https://');
    expect(wildcard).toContain('jokertegn (*) kan ikke bruges');
    expect(address).toContain('Skriv kun domænet efter @');
    expect(word).toContain('»regionh« i TOVHOLDER_TLS_DOMAINS er ikke et gyldigt domæne');
    expect(spaced).toContain('»regi on.dk«');
  });

  it('says so when tls names no valid domain, since then everyone gets only the notice', () => {
    expect(codes(readMailProtection({ mode: 'tls' }))).toEqual(['error:mailProtection.noPartnerDomains']);
    expect(codes(readMailProtection({ mode: 'tls', partnerDomains: 'regionh' }))).toEqual([
      'error:mailProtection.invalidDomain',
      'error:mailProtection.noPartnerDomains',
    ]);
  });

  it('warns that a partner list does nothing unless the mode is tls', () => {
    const setup = readMailProtection({ mode: 'purview', partnerDomains: 'regionh.dk' });
    expect(setup.protection).toEqual({ mode: 'purview' });
    expect(codes(setup)).toEqual(['warning:mailProtection.domainsUnused']);
  });
});

describe('mail domains', () => {
  it('compares as mail does: case, a trailing dot and Danish letters (as punycode) do not matter', () => {
    expect(normaliseMailDomain('Lægehuset.DK.')).toBe('xn--lgehuset-j0a.dk');
    expect(mailDomainOf('ole@lægehuset.dk')).toBe('xn--lgehuset-j0a.dk');
    expect(mailDomainOf('not an address')).toBeNull();
    expect(mailDomainOf('@regionh.dk')).toBeNull();
  });

  it('sends over TLS only to an exact partner domain, not to a subdomain or a look-alike', () => {
    const tls = readMailProtection({ mode: 'tls', partnerDomains: 'regionh.dk' }).protection;
    expect(isTlsPartner(tls, 'karen@RegionH.dk')).toBe(true);
    expect(isTlsPartner(tls, 'karen@mail.regionh.dk')).toBe(false);
    expect(isTlsPartner(tls, 'karen@regionh.dk.evil.example')).toBe(false);
    expect(isTlsPartner(readMailProtection({ mode: 'purview' }).protection, 'karen@regionh.dk')).toBe(false);
  });
});

describe('the build’s check of the setting (npm run build)', () => {
  it('stops the build on a typo, saying it in Danish, and lets a warning through', () => {
    const typo = mailProtectionReport(readMailProtection({ mode: 'purveiw' }));
    expect(typo.ok).toBe(false);
    expect(typo.lines).toEqual([
      'E-mailbeskyttelse: none',
      expect.stringMatching(/^Fejl: TOVHOLDER_MAIL_PROTECTION er »purveiw«/),
    ]);
    const unused = mailProtectionReport(readMailProtection({ mode: 'purview', partnerDomains: 'regionh.dk' }));
    expect(unused.ok).toBe(true);
    expect(unused.lines[1]).toMatch(/^Advarsel: TOVHOLDER_TLS_DOMAINS bruges kun/);
    expect(mailProtectionReport(readMailProtection({ mode: 'tls', partnerDomains: 'regionh.dk' })).lines).toEqual([
      'E-mailbeskyttelse: tls (tvungen TLS til regionh.dk)',
    ]);
  });
});
