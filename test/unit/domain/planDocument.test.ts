import { describe, expect, it } from 'vitest';
import {
  AcceptanceSchema,
  AttendanceSchema,
  ConsentSchema,
  FollowUpStatusSchema,
  PlanSchema,
  ReachSchema,
  RolesSchema,
  SectorSchema,
} from '../../../src/domain/plan/planDocument';
import { aConsent } from '../../support/builders';

/** The values a schema accepts among `candidates`, to compare with the issue's lists. */
const accepted = (schema: { safeParse: (v: unknown) => { success: boolean } }, candidates: readonly unknown[]) =>
  candidates.filter((c) => schema.safeParse(c).success);

describe('the stored plan document', () => {
  it('refuses a document without a case reference', () => {
    const result = PlanSchema.safeParse({ schemaVersion: 1, id: 'p1', caseReference: '' });
    expect(result.success).toBe(false);
  });

  it('refuses a date that does not exist, in Danish, instead of reading it as another day (issue 18.5)', () => {
    for (const date of ['2027-02-30', '2027-13-01', '2026-04-31', '2027-00-10']) {
      const result = ConsentSchema.safeParse(aConsent({ givenOn: date }));
      expect(result.success, date).toBe(false);
      expect(result.error?.issues[0]?.message, date).toMatch(/datoen findes ikke i kalenderen/);
    }
    expect(ConsentSchema.safeParse(aConsent({ givenOn: '2028-02-29', validUntil: '2029-02-28' })).success).toBe(true);
    expect(ConsentSchema.safeParse(aConsent({ givenOn: '2027-02-29' })).success).toBe(false);
  });

  it('knows every sector the issue lists, and no other', () => {
    const sectors = [
      'regionPsykiatri',
      'rusmiddelbehandling',
      'socialpsykiatri',
      'sagsbehandler',
      'jobcenter',
      'egenLaege',
      'botilbud',
      'borger',
      'paaroerende',
      'andet',
    ];
    expect(accepted(SectorSchema, [...sectors, 'politi', ''])).toEqual(sectors);
  });

  it('tells a colleague in our tenant from an external participant', () => {
    expect(accepted(ReachSchema, ['inTenant', 'federated', 'emailOnly', 'guest'])).toEqual([
      'inTenant',
      'federated',
      'emailOnly',
    ]);
  });

  it('has the three roles: koordinator, mødeleder, referent', () => {
    expect(Object.keys(RolesSchema.shape)).toEqual(['koordinator', 'moedeleder', 'referent']);
  });

  it('records til stede, fraværende and afbud with written input', () => {
    expect(AttendanceSchema.safeParse({ kind: 'present' }).success).toBe(true);
    expect(AttendanceSchema.safeParse({ kind: 'absent' }).success).toBe(true);
    expect(AttendanceSchema.safeParse({ kind: 'apologies', writtenInput: 'Jeg ser Jens hver uge.' }).success).toBe(
      true,
    );
    expect(AttendanceSchema.safeParse({ kind: 'apologies' }).success).toBe(false);
  });

  it('keeps the consent given mundtligt or skriftligt, with given, valid-until and withdrawn dates', () => {
    expect(accepted(ConsentSchema.shape.form, ['mundtligt', 'skriftligt', 'digitalt'])).toEqual([
      'mundtligt',
      'skriftligt',
    ]);
    expect(ConsentSchema.safeParse(aConsent({ validUntil: null, withdrawnOn: '2027-01-05' })).success).toBe(true);
    expect(ConsentSchema.safeParse(aConsent({ givenOn: '3. september 2026' })).success).toBe(false);
    expect(Object.keys(ConsentSchema.shape)).toEqual([
      'information',
      'recipients',
      'purpose',
      'form',
      'givenOn',
      'validUntil',
      'withdrawnOn',
    ]);
  });

  it('has the citizen acceptance values i mødet, afventer, accepteret senere, ikke accepteret', () => {
    const values = ['iMoedet', 'afventer', 'accepteretSenere', 'ikkeAccepteret'];
    expect(accepted(AcceptanceSchema, [...values, 'accepteret'])).toEqual(values);
  });

  it('follows up an earlier effort as udført, i gang, ændret or droppet', () => {
    const values = ['udfoert', 'iGang', 'aendret', 'droppet'];
    expect(accepted(FollowUpStatusSchema, [...values, 'aaben'])).toEqual(values);
  });
});
