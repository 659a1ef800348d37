import { describe, expect, it } from 'vitest';
import { parsePlanDocument, serializePlan } from '../../../../src/domain/plan/migrations';
import { aPlan, demoPlan } from '../../../support/builders';

describe('reading a stored plan document', () => {
  it('reads back exactly what was stored', () => {
    const plan = demoPlan();
    const read = parsePlanDocument(JSON.parse(serializePlan(plan)));
    expect(read).toEqual({ ok: true, plan, migratedFrom: null });
  });

  it('round-trips a 12-participant plan with a missing consent', () => {
    const plan = aPlan().withParticipants(12).withConsent(null).build();
    const read = parsePlanDocument(JSON.parse(serializePlan(plan)));
    expect(read.ok && read.plan).toEqual(plan);
  });

  it('migrates a document from before schemaVersion existed', () => {
    const old = JSON.parse(serializePlan(demoPlan())) as Record<string, unknown> & {
      meetings: Record<string, unknown>[];
    };
    delete old.schemaVersion;
    const meeting = old.meetings[0] as { agendaSteps?: unknown; minutes: { followUp?: unknown } };
    delete meeting.agendaSteps;
    delete meeting.minutes.followUp;
    const read = parsePlanDocument(old);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.migratedFrom).toBe(0);
    expect(read.plan.schemaVersion).toBe(1);
    expect(read.plan.meetings[0]?.agendaSteps).toEqual([]);
    expect(read.plan.meetings[0]?.minutes.followUp).toEqual([]);
  });

  it('fills fields added later with their defaults', () => {
    const stored = JSON.parse(serializePlan(demoPlan())) as { participants: Record<string, unknown>[] };
    delete stored.participants[0]?.userId;
    const read = parsePlanDocument(stored);
    expect(read.ok && read.plan.participants[0]?.userId).toBeNull();
  });

  it('refuses a malformed document with a clear error naming the first bad field', () => {
    const stored = JSON.parse(serializePlan(demoPlan())) as {
      meetings: { minutes: { efforts: Record<string, unknown>[] } }[];
    };
    stored.meetings[0]!.minutes.efforts[2]!.due = '3. december';
    const read = parsePlanDocument(stored);
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.problem).toMatchObject({
      code: 'plan.invalid',
      severity: 'error',
      field: 'meetings.0.minutes.efforts.2.due',
    });
    expect(read.problem.message.da).toContain('feltet "meetings.0.minutes.efforts.2.due" er ugyldigt');
    expect(read.problem.message.da).toContain('Intet er ændret');
    expect(read.problem.message.en).toContain('the field "meetings.0.minutes.efforts.2.due" is invalid');
  });

  it('refuses something that is not a document at all', () => {
    for (const bad of [null, 'plan', 42, [demoPlan()]]) {
      expect(parsePlanDocument(bad)).toMatchObject({ ok: false, problem: { code: 'plan.notADocument' } });
    }
  });

  it('refuses a document from a newer release, saying to reload', () => {
    const read = parsePlanDocument({ ...demoPlan(), schemaVersion: 7 });
    expect(read).toMatchObject({ ok: false, problem: { code: 'plan.newerVersion', field: 'schemaVersion' } });
    if (!read.ok) expect(read.problem.message.da).toContain('Genindlæs siden');
  });

  it('refuses a version that is not a number', () => {
    expect(parsePlanDocument({ ...demoPlan(), schemaVersion: '1' })).toMatchObject({
      ok: false,
      problem: { code: 'plan.badVersion' },
    });
  });
});
