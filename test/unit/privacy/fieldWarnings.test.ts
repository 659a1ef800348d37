import { describe, expect, it } from 'vitest';
import type { TenantPolicy } from '../../../src/domain/policy';
import { privacyWarningsForField } from '../../../src/domain/privacy/fieldWarnings';
import type { PrivacyContext } from '../../../src/domain/privacy/privacyGuard';
import { demoPlan } from '../../support/builders';

const ctx = (cardDetail: TenantPolicy['cardDetail']): PrivacyContext => ({
  plan: demoPlan(),
  policy: { cardDetail, pinTab: true },
  today: '2027-03-04',
});
const warn = (
  text: string,
  kind: Parameters<typeof privacyWarningsForField>[1],
  policy: 'summary' | 'full' = 'summary',
) => privacyWarningsForField(text, kind, ctx(policy)).map((p) => p.message.da);

describe('warnings while typing', () => {
  it('warns when the case reference holds the name or a CPR number, and says how to write it', () => {
    expect(warn('Jens H', 'caseReference')).toEqual([
      'Sagsreferencen indeholder borgerens navn — brug initialer og et løbenummer, fx KI-2026-014.',
    ]);
    expect(warn('010190-1234', 'caseReference')).toEqual([
      'Sagsreferencen indeholder et CPR-nummer — brug initialer og et løbenummer, fx KI-2026-014.',
    ]);
    expect(warn('KI-2026-014', 'caseReference')).toEqual([]);
  });

  it('warns about the name in the subject under any policy', () => {
    expect(warn('Møde om Holm', 'subject', 'full')).toEqual([
      'Emnefeltet indeholder borgerens navn — brug sagsreferencen.',
    ]);
  });

  it('warns about the name in an effort only under the summary policy', () => {
    expect(warn('Jens tager bad', 'effort', 'summary')).toEqual([
      'Indsatsens tekst indeholder borgerens navn — skriv »borgeren« i stedet for navnet.',
    ]);
    expect(warn('Jens tager bad', 'effort', 'full')).toEqual([]);
  });

  it('warns about a CPR number in an effort under every policy', () => {
    expect(warn('Ring om 0101901234', 'effort', 'full')).toEqual([
      'Indsatsens tekst indeholder et CPR-nummer — fjern CPR-nummeret; det hører kun hjemme i journalen.',
    ]);
  });

  it('stays quiet about challenges under summary, which the card leaves out', () => {
    expect(warn('Jens 0101901234', 'challenge', 'summary')).toEqual([]);
    expect(warn('Jens 0101901234', 'challenge', 'full')).toHaveLength(1);
  });

  it('marks the field it is given, as a warning that never blocks', () => {
    const [first] = privacyWarningsForField('Holm', 'goal', ctx('summary'), 'meetings.m1.minutes.goals.g1.text');
    expect(first?.field).toBe('meetings.m1.minutes.goals.g1.text');
    expect(first?.severity).toBe('warning');
  });
});
