import { describe, expect, it } from 'vitest';
import type { Participant, Plan } from '../../../src/domain/plan/planDocument';
import type { TenantPolicy } from '../../../src/domain/policy';
import { readMailProtection } from '../../../src/domain/policy/mailProtection';
import type { MailToSend } from '../../../src/domain/ports/minutesTransport';
import { noticeProblem } from '../../../src/domain/delivery/deliveryProblems';
import {
  clearMail,
  mailDecision,
  mayReceivePlanCopy,
  type MailDecision,
} from '../../../src/domain/privacy/privacyGuard';
import { aParticipant, consentCovering, demoPeople as p, demoPlan } from '../../support/builders';

const TODAY = '2026-09-03';
const policyWith = (mode: string, partnerDomains = ''): TenantPolicy => ({
  cardDetail: 'summary',
  pinTab: true,
  mailProtection: readMailProtection({ mode, partnerDomains }),
});
const none: TenantPolicy = { cardDetail: 'summary', pinTab: true };
const purview = policyWith('purview');
const tls = policyWith('tls', 'laegehuset-sundby.example, regionh.example');

/** A second GP in another practice, covered by the consent, whose domain is not on the TLS list. */
const eva = aParticipant({
  id: 'p-eva',
  name: 'Eva Holt',
  email: 'eva.holt@Andet-Laegehus.example',
  organisation: 'Andet Lægehus',
  sector: 'egenLaege',
  reach: 'emailOnly',
});

const plan = (): Plan => {
  const base = demoPlan();
  const participants = [...base.participants, eva];
  return {
    ...base,
    participants,
    consent: consentCovering(participants.filter((x) => x.id !== p.mikkel.id)),
  };
};

const decide = (who: Participant, policy: TenantPolicy) => mailDecision(plan(), who, { policy, today: TODAY });
/** The reason as the Send referat line words it. */
const said = (decision: MailDecision, who: Participant) =>
  decision.kind === 'notice' ? noticeProblem(decision.reason, who) : null;

describe('what each person outside Teams receives by e-mail (one decision in the privacy guard)', () => {
  it('the GP: the minutes encrypted when the tenant runs the Purview rule', () => {
    expect(decide(p.ole, purview)).toEqual({ kind: 'protectedEmail', mark: 'purview' });
  });

  it('the GP: the minutes over enforced TLS when the practice’s domain is on the partner list', () => {
    expect(decide(p.ole, tls)).toEqual({ kind: 'fullEmail', mark: 'tls', domain: 'laegehuset-sundby.example' });
  });

  it('a GP whose domain is not on the list: only the notice, saying which domain and who can add it', () => {
    const decision = decide(eva, tls);
    expect(decision).toMatchObject({ kind: 'notice', mark: 'notice', planBy: 'tovholder' });
    expect(said(decision, eva)?.message.da).toContain(
      'andet-laegehus.example er ikke på listen over partnerdomæner med tvungen TLS',
    );
  });

  it('the GP when the tenant protects nothing (the default): only the notice', () => {
    const decision = decide(p.ole, none);
    expect(decision).toMatchObject({ kind: 'notice', planBy: 'tovholder' });
    expect(said(decision, p.ole)?.code).toBe('mail.noticeNoProtection');
  });

  it('after a typo in the setting: only the notice, saying the setup is wrong, not that there is none', () => {
    const decision = decide(p.ole, policyWith('purveiw'));
    expect(said(decision, p.ole)?.code).toBe('mail.noticeSetup');
  });

  it('the citizen: only the notice under every setting — the plan goes by Digital Post', () => {
    for (const policy of [none, purview, tls]) {
      const decision = decide(p.jens, policy);
      expect(decision).toMatchObject({ kind: 'notice', planBy: 'digitalPost' });
      expect(said(decision, p.jens)?.message.da).toContain(
        'Borgeren får sin egen udgave af planen (»Din plan«), som koordinatoren sender fra organisationens Digital Post.',
      );
    }
  });

  it('a relative the consent names: only the notice, and a copy of the plan by Digital Post', () => {
    const decision = decide(p.lise, purview);
    expect(decision).toMatchObject({ kind: 'notice', planBy: 'digitalPost' });
    expect(said(decision, p.lise)?.code).toBe('mail.noticeRelative');
  });

  it('someone outside the consent: nothing, not even the notice', () => {
    const outside = { ...p.ole, id: 'p-ole-2', organisation: 'Ukendt klinik' };
    const withOutsider = { ...plan(), participants: [...plan().participants, outside] };
    const decision = mailDecision(withOutsider, outside, { policy: purview, today: TODAY });
    expect(decision.kind).toBe('nothing');
    expect(decision.kind === 'nothing' && decision.problem.code).toBe('consent.recipientOutside');
  });
});

describe('the e-mail the guard lets out must match its decision', () => {
  const mail = (mark: MailToSend['mark'], to = p.ole.email ?? ''): MailToSend => ({
    key: p.ole.id,
    to: [{ email: to, name: 'Ole Bak' }],
    subject: 'Referat – KI-2026-014',
    html: '<p>Borgeren beholder sin lejlighed</p>',
    mark,
  });
  const ctx = (policy: TenantPolicy) => ({ plan: plan(), policy, today: TODAY });

  it('refuses the minutes to a reader who may only have the notice, saying why', () => {
    const verdict = clearMail(mail('purview'), ctx(none), [p.ole.id]);
    expect(verdict.verdict).toBe('blocked');
    expect(verdict.verdict === 'blocked' && verdict.reasons[0]?.message.da).toContain(
      'E-mailen til Ole Bak bar referatet, men Ole Bak må kun få besked om nyt referat',
    );
  });

  it('refuses a TLS mail addressed outside the partner domains, whatever the reader’s record says', () => {
    const verdict = clearMail(mail('tls', 'ole.bak@gmail.example'), ctx(tls), [p.ole.id]);
    expect(verdict.verdict === 'blocked' && verdict.reasons.map((r) => r.code)).toContain('privacy.mailNotPartner');
  });

  it('holds a notice to the summary rules under the full policy: no citizen’s name', () => {
    const notice: MailToSend = { ...mail('notice'), html: '<p>Nyt referat om Jens Holm</p>' };
    const verdict = clearMail(notice, ctx({ ...none, cardDetail: 'full' }), [p.ole.id]);
    expect(verdict.verdict === 'blocked' && verdict.reasons.map((r) => r.code)).toEqual(['privacy.citizenName']);
  });

  it('lets each matching mail through', () => {
    expect(clearMail(mail('purview'), ctx(purview), [p.ole.id]).verdict).toBe('allowed');
    expect(clearMail(mail('tls'), ctx(tls), [p.ole.id]).verdict).toBe('allowed');
    expect(
      clearMail({ ...mail('notice'), html: '<p>Nyt referat i sag KI-2026-014</p>' }, ctx(none), [p.ole.id]).verdict,
    ).toBe('allowed');
  });
});

describe('who may be sent the plan as a letter (Din plan)', () => {
  it('the citizen always, a relative the consent names, no professional', () => {
    expect(mayReceivePlanCopy(plan(), p.jens.id, TODAY)).toEqual({ allowed: true });
    expect(mayReceivePlanCopy(plan(), p.lise.id, TODAY)).toEqual({ allowed: true });
    const ole = mayReceivePlanCopy(plan(), p.ole.id, TODAY);
    expect(ole.allowed === false && ole.problem.code).toBe('planCopy.notPrivatePerson');
  });

  it('not a relative the consent leaves out', () => {
    const base = plan();
    const without = { ...base, consent: consentCovering(base.participants.filter((x) => x.id !== p.lise.id)) };
    const lise = mayReceivePlanCopy(without, p.lise.id, TODAY);
    expect(lise.allowed === false && lise.problem.code).toBe('consent.recipientOutside');
    expect(mayReceivePlanCopy(without, p.jens.id, TODAY)).toEqual({ allowed: true });
  });
});
