import { describe, expect, it } from 'vitest';
import {
  consentExpiresBefore,
  consentProblems,
  consentStatus,
  mayReceiveMinutes,
} from '../../../../src/domain/consent/consentStatus';
import {
  aConsent,
  aPlan,
  aParticipant,
  demoPeople,
  demoPlan,
  organisationRecipient,
  personRecipient,
} from '../../../support/builders';

describe('the state of the samtykke', () => {
  it('is missing when none is recorded', () => {
    expect(consentStatus(null, '2027-03-04')).toBe('missing');
  });

  it('is valid from the day it is given through its last valid day', () => {
    const consent = aConsent({ givenOn: '2026-09-03', validUntil: '2027-09-03' });
    expect(consentStatus(consent, '2026-09-03')).toBe('valid');
    expect(consentStatus(consent, '2027-09-03')).toBe('valid');
  });

  it('has expired the day after it was valid until', () => {
    expect(consentStatus(aConsent({ validUntil: '2027-09-03' }), '2027-09-04')).toBe('expired');
  });

  it('is not yet valid before it was given', () => {
    expect(consentStatus(aConsent({ givenOn: '2026-09-03' }), '2026-09-02')).toBe('notYetValid');
  });

  it('is withdrawn from the day the citizen withdraws it, even if it would still be valid', () => {
    const consent = aConsent({ validUntil: '2027-09-03', withdrawnOn: '2027-01-10' });
    expect(consentStatus(consent, '2027-01-09')).toBe('valid');
    expect(consentStatus(consent, '2027-01-10')).toBe('withdrawn');
  });

  it('without an end date stays valid', () => {
    expect(consentStatus(aConsent({ validUntil: null }), '2035-01-01')).toBe('valid');
  });

  it('tells whether it runs out before the next meeting', () => {
    const consent = aConsent({ validUntil: '2027-09-03' });
    expect(consentExpiresBefore(consent, '2027-09-03')).toBe(false);
    expect(consentExpiresBefore(consent, '2027-09-04')).toBe(true);
    expect(consentExpiresBefore(null, '2027-01-01')).toBe(true);
    expect(consentExpiresBefore(aConsent({ validUntil: null, withdrawnOn: '2027-01-01' }), '2027-02-01')).toBe(true);
  });
});

describe('who may receive the minutes', () => {
  const today = '2027-03-04';
  const p = demoPeople;

  it('the citizen always may, even without a consent', () => {
    const plan = aPlan().withConsent(null).build();
    expect(mayReceiveMinutes(plan, p.jens.id, today)).toEqual({ allowed: true });
  });

  it('a participant whose organisation the consent names may', () => {
    expect(mayReceiveMinutes(demoPlan(), p.karen.id, today)).toEqual({ allowed: true });
  });

  it('matches the organisation regardless of case and stray spaces', () => {
    const gp = aParticipant({ name: 'Ole Bak', organisation: 'Lægehuset Sundby', sector: 'egenLaege' });
    const plan = aPlan()
      .withParticipants([p.jens, gp])
      .withConsent(aConsent({ recipients: [organisationRecipient('  lægehuset   SUNDBY ')] }))
      .build();
    expect(mayReceiveMinutes(plan, gp.id, today).allowed).toBe(true);
  });

  it('the participant from Kriminalforsorgen, outside the consent, may not, with the reason and how to fix it', () => {
    const answer = mayReceiveMinutes(demoPlan(), p.mikkel.id, today);
    expect(answer.allowed).toBe(false);
    if (answer.allowed) return;
    expect(answer.problem.code).toBe('consent.recipientOutside');
    expect(answer.problem.field).toBe(`participants.${p.mikkel.id}`);
    expect(answer.problem.message.da).toContain('Mikkel Sørensen (Kriminalforsorgen) er ikke omfattet af samtykket');
    expect(answer.problem.message.da).toContain('skal borgeren give samtykke');
    expect(answer.problem.message.en).toContain('is not covered by the consent');
  });

  it('the GP outside the consent may not receive the minutes, with the reason', () => {
    const gp = aParticipant({
      name: 'Ole Bak',
      organisation: 'Lægehuset Sundby',
      sector: 'egenLaege',
      reach: 'emailOnly',
    });
    const plan = aPlan()
      .withParticipants([p.jens, p.mette, gp])
      .withConsent(aConsent({ recipients: [organisationRecipient('Sundby Rusmiddelcenter')] }))
      .build();
    const answer = mayReceiveMinutes(plan, gp.id, today);
    expect(answer).toMatchObject({ allowed: false, problem: { code: 'consent.recipientOutside' } });
    expect(mayReceiveMinutes(plan, p.mette.id, today).allowed).toBe(true);
  });

  it('a person named in the consent may, even when the organisation is not', () => {
    const plan = aPlan()
      .withParticipants([p.jens, p.mikkel])
      .withConsent(aConsent({ recipients: [personRecipient(p.mikkel.id)] }))
      .build();
    expect(mayReceiveMinutes(plan, p.mikkel.id, today).allowed).toBe(true);
  });

  it('a relative may only when named in the consent', () => {
    expect(mayReceiveMinutes(demoPlan(), p.lise.id, today).allowed).toBe(true);
    const notNamed = aPlan()
      .withParticipants([p.jens, p.lise])
      .withConsent(aConsent({ recipients: [organisationRecipient('')] }))
      .build();
    const answer = mayReceiveMinutes(notNamed, p.lise.id, today);
    expect(answer.allowed).toBe(false);
    if (!answer.allowed) expect(answer.problem.message.da).toContain('pårørende og er ikke nævnt ved navn');
  });

  it('nobody but the citizen may when the consent is missing, expired or withdrawn', () => {
    const missing = aPlan().withConsent(null).build();
    const expired = aPlan()
      .withConsent(aConsent({ validUntil: '2027-01-31' }))
      .build();
    const withdrawn = aPlan()
      .withConsent(aConsent({ withdrawnOn: '2027-02-01' }))
      .build();
    expect(mayReceiveMinutes(missing, p.mette.id, today)).toMatchObject({ problem: { code: 'consent.missing' } });
    expect(mayReceiveMinutes(expired, p.mette.id, today)).toMatchObject({ problem: { code: 'consent.expired' } });
    expect(mayReceiveMinutes(withdrawn, p.mette.id, today)).toMatchObject({ problem: { code: 'consent.withdrawn' } });
  });

  it('names the expiry date the way Danes write it', () => {
    const expired = aPlan()
      .withConsent(aConsent({ validUntil: '2027-01-31' }))
      .build();
    const answer = mayReceiveMinutes(expired, p.mette.id, today);
    if (answer.allowed) throw new Error('expected a refusal');
    expect(answer.problem.message.da).toContain('Samtykket udløb søndag 31. januar 2027');
    expect(answer.problem.message.en).toContain('Sunday 31 January 2027');
  });

  it('someone who is not a participant may not', () => {
    expect(mayReceiveMinutes(demoPlan(), 'p-stranger', today)).toMatchObject({
      allowed: false,
      problem: { code: 'consent.unknownRecipient' },
    });
  });
});

describe('consent problems for the plan', () => {
  it('a missing consent is one error that stops sending', () => {
    const problems = consentProblems(aPlan().withConsent(null).build(), '2027-03-04');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ code: 'consent.missing', severity: 'error', field: 'consent' });
    expect(problems[0]?.message.da).toMatch(/^Samtykke mangler/);
  });

  it('warns about each participant the consent does not cover, without blocking', () => {
    const problems = consentProblems(demoPlan(), '2027-03-04');
    expect(problems.map((x) => [x.code, x.severity, x.field])).toEqual([
      ['consent.recipientOutside', 'warning', `participants.${demoPeople.mikkel.id}`],
    ]);
  });
});
