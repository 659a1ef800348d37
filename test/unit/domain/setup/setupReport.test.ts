import { describe, expect, it } from 'vitest';
import { failure, success } from '../../../../src/domain/ports/outcome';
import { parseMailProtection } from '../../../../src/domain/policy/mailProtectionSetting';
import { REQUIRED_SCOPES, setupReport, type SetupObservations } from '../../../../src/domain/setup/setupReport';

const REGION = { tenantId: '22222222-2222-4222-8222-222222222222', name: 'Region Midtsjælland' };

const allWell = (): SetupObservations => ({
  scopes: success([...REQUIRED_SCOPES, 'User.Invite.All']),
  places: success(3),
  oneDrive: success(true),
  tryPlace: success(undefined),
  partners: [{ ...REGION, outcome: success('guest') }],
  legacyLeft: success(0),
});

const stateOf = (o: SetupObservations, key: string) => setupReport(o).find((f) => f.key === key);

describe('Tjek opsætning says plainly what is missing', () => {
  it('is all in order in a tenant set up as the README says', () => {
    expect(setupReport(allWell()).map((f) => f.state)).toEqual(['ok', 'ok', 'ok', 'ok', 'ok']);
  });

  it('names a permission the admin has not granted', () => {
    const finding = stateOf(
      { ...allWell(), scopes: success(['User.Read', 'Calendars.ReadWrite', 'ChatMessage.Send']) },
      'scopes',
    );
    expect(finding?.state).toBe('missing');
    expect(finding?.detail.da).toContain('FileStorageContainer.Selected');
    expect(finding?.detail.da).toContain('administratorsamtykke');
    expect(stateOf({ ...allWell(), scopes: success(REQUIRED_SCOPES) }, 'scope:User.Invite.All')?.state).toBe('warning');
  });

  it('says the storage is not registered when Microsoft 365 refuses the listing, and tells a missing OneDrive apart', () => {
    const refused = failure('forbidden', 'accessDenied', 'Access denied', 403);
    const notRegistered = stateOf({ ...allWell(), places: refused }, 'storage');
    expect(notRegistered?.state).toBe('missing');
    expect(notRegistered?.detail.da).toContain('containertype er ikke registreret');
    const noOneDrive = stateOf({ ...allWell(), places: refused, oneDrive: success(false) }, 'storage');
    expect(noOneDrive?.detail.da).toContain('ingen OneDrive');
  });

  it('says when a plan cannot be made from here', () => {
    const refused = failure('forbidden', 'accessDenied', 'Container creation by a public client is not allowed', 403);
    expect(stateOf({ ...allWell(), tryPlace: refused }, 'create')?.state).toBe('missing');
    expect(stateOf({ ...allWell(), tryPlace: null }, 'create')).toBeUndefined();
  });

  it('says external access is off when signing in to the partner as a guest is refused, and only informs when not a guest yet', () => {
    const off = stateOf(
      { ...allWell(), partners: [{ ...REGION, outcome: failure('forbidden', 'crossTenantBlocked', 'AADSTS500213') }] },
      `partner:${REGION.tenantId}`,
    );
    expect(off?.state).toBe('missing');
    expect(off?.detail.da).toContain('Ekstern adgang (B2B-samarbejde) er slået fra');
    const notYet = stateOf(
      { ...allWell(), partners: [{ ...REGION, outcome: success('notGuest') }] },
      `partner:${REGION.tenantId}`,
    );
    expect(notYet?.state).toBe('info');
  });

  it('counts the plans still in the old library', () => {
    expect(stateOf({ ...allWell(), legacyLeft: success(4) }, 'legacy')?.detail.da).toContain('4 plan(er)');
    expect(stateOf({ ...allWell(), legacyLeft: null }, 'legacy')).toBeUndefined();
  });

  it('says what people outside Teams get by e-mail, and each mistake in the mail setting with what to write', () => {
    const none = setupReport({ ...allWell(), mail: parseMailProtection({ mode: 'none' }) });
    expect(none.find((f) => f.key === 'mail')?.detail.da).toContain('kun besked om, at der er et nyt referat');
    const typo = setupReport({ ...allWell(), mail: parseMailProtection({ mode: 'purveiw' }) });
    expect(typo.find((f) => f.key === 'mail')?.state).toBe('missing');
    expect(typo.find((f) => f.key === 'mail.0')?.detail.da).toContain('Skriv none, purview eller tls');
    const tls = setupReport({
      ...allWell(),
      mail: parseMailProtection({ mode: 'tls', partnerDomains: 'regionms.example, *.laege.dk' }),
    });
    expect(tls.find((f) => f.key === 'mail')?.detail.da).toContain('regionms.example');
    expect(tls.find((f) => f.key === 'mail.0')?.detail.da).toContain('jokertegn');
  });
});
