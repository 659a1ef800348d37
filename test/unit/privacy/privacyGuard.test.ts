import { describe, expect, it } from 'vitest';
import type { Plan } from '../../../src/domain/plan/planDocument';
import type { TenantPolicy } from '../../../src/domain/policy';
import type { EventDraft } from '../../../src/domain/ports/calendar';
import type { ChatMessageToPost, MailToSend } from '../../../src/domain/ports/minutesTransport';
import {
  clearAppointmentAttendees,
  clearAppointmentText,
  clearChatMessage,
  clearEventDraft,
  clearEventPatch,
  clearLogEntry,
  clearMail,
  clearUrl,
  guardOutbound,
  verdictOutcome,
  type PrivacyContext,
} from '../../../src/domain/privacy/privacyGuard';
import { readMailProtection } from '../../../src/domain/policy/mailProtection';
import { demoPeople, demoPlan } from '../../support/builders';

const summary: TenantPolicy = { cardDetail: 'summary', pinTab: true };
const full: TenantPolicy = { cardDetail: 'full', pinTab: true };
const ctx = (policy: TenantPolicy = summary, plan: Plan | null = demoPlan(), today = '2027-03-04'): PrivacyContext => ({
  plan,
  policy,
  today,
});

const event = (over: Partial<EventDraft> = {}): EventDraft => ({
  subject: 'Koordinerende indsatsplansmøde – KI-2026-014',
  bodyHtml:
    '<p>Dagsorden: 1. Stamoplysninger …</p><p><a href="https://app.example/plans.html?planId=plan-ki-2026-014">Planen</a></p>',
  start: '2027-03-04T12:00:00.000Z',
  end: '2027-03-04T13:30:00.000Z',
  attendees: [{ email: 'jonas.berg@sundby-kommune.example', name: 'Jonas Berg', required: true }],
  transactionId: 'tx-1',
  ...over,
});

const card = (text: string) =>
  JSON.stringify({ type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text }] });

const chat = (cardText: string, html = '<attachment id="a1"></attachment>'): ChatMessageToPost => ({
  key: 'p-karen',
  chatId: 'chat-1',
  html,
  attachments: [{ id: 'a1', contentType: 'application/vnd.microsoft.card.adaptive', content: card(cardText) }],
  mentions: [],
});

/** The minutes for the GP, marked for the tenant's Purview rule (the policies below encrypt with Purview). */
const mail = (html: string, subject = 'Referat – KI-2026-014', mark: MailToSend['mark'] = 'purview'): MailToSend => ({
  key: 'p-ole',
  to: [{ email: 'ole.bak@laegehuset-sundby.example', name: 'Ole Bak' }],
  subject,
  html,
  mark,
});
const purview = readMailProtection({ mode: 'purview' });
const encrypted = (policy: TenantPolicy): TenantPolicy => ({ ...policy, mailProtection: purview });

const messagesOf = (verdict: { verdict: string; reasons?: { message: { da: string } }[] }) =>
  (verdict.reasons ?? []).map((r) => r.message.da);

describe('CPR numbers in every form, through every channel (issue 18.1)', () => {
  const forms = [
    '01.01.90-1234',
    '01-01-90-1234',
    '01 01 90 1234',
    '010190—1234',
    '０１０１９０－１２３４',
    '0101\u200b90-1234',
  ];
  for (const form of forms) {
    it(`blocks ${JSON.stringify(form)} in the invitation, the card, the e-mail and a link`, () => {
      expect(clearEventDraft(event({ subject: `Møde ${form}` }), ctx()).verdict).toBe('blocked');
      expect(clearChatMessage(chat(`Søge boligstøtte, cpr ${form}`), ctx(full), [demoPeople.karen.id]).verdict).toBe(
        'blocked',
      );
      expect(clearMail(mail(`<p>cpr ${form}</p>`), ctx(encrypted(full)), ['p-ole']).verdict).toBe('blocked');
      expect(clearUrl(`https://tovholder.example/plans.html?q=${encodeURIComponent(form)}`, ctx()).verdict).toBe(
        'blocked',
      );
    });
  }
});

describe('HTML attribute values are read too (issue 18.7)', () => {
  it("blocks the citizen's name or a CPR number hidden in a link, a tooltip or an image's text", () => {
    for (const html of [
      '<p><a href="https://tovholder.example/plans.html?planId=plan-jens-holm">Åbn planen</a></p>',
      '<p><a href="https://tovholder.example/plans.html?note=Jens%20Holm">Åbn planen</a></p>',
      '<p><span title="Jens Holm">Borgeren</span></p>',
      '<p><img alt="cpr 010190-1234" src="x.png"></p>',
    ]) {
      expect(clearMail(mail(html, 'Referat – KI-2026-014', 'notice'), ctx(summary), ['p-ole']).verdict, html).toBe(
        'blocked',
      );
    }
  });

  it('lets a link carrying only the plan id and the case reference through', () => {
    const html =
      '<p><a href="https://tovholder.example/plans.html?planId=11111111-1111-4111-8111-111111111111~b!abc">KI-2026-014</a></p>';
    expect(clearMail(mail(html, 'Referat – KI-2026-014', 'notice'), ctx(summary), ['p-ole']).verdict).not.toBe(
      'blocked',
    );
  });
});

describe('the privacy guard on the calendar', () => {
  it('lets a subject with only the case reference through, attendees and all', () => {
    expect(clearEventDraft(event(), ctx()).verdict).toBe('allowed');
  });

  it('keeps the citizen out of the attendee list, which every attendee and delegate sees', () => {
    const withJens = event({
      attendees: [
        { email: 'jonas.berg@sundby-kommune.example', name: 'Jonas Berg', required: true },
        { email: 'jens.holm@post.example', name: 'Jens Holm', required: true },
      ],
    });
    const verdict = clearEventDraft(withJens, ctx(full));
    expect(verdict.verdict).toBe('blocked');
    expect(messagesOf(verdict)[0]).toMatch(/^Mødeindkaldelsens deltagerliste indeholder borgerens navn — invitér ikke/);
    expect(verdict.verdict === 'blocked' && verdict.reasons[0]?.field).toBe('eventAttendees');
  });

  it('blocks a subject with a CPR number and says which field and what to do', () => {
    const verdict = clearEventDraft(event({ subject: 'Møde 010190-1234' }), ctx());
    expect(verdict.verdict).toBe('blocked');
    expect(messagesOf(verdict)).toEqual(['Emnefeltet indeholder et CPR-nummer — brug sagsreferencen.']);
    expect(verdict.verdict === 'blocked' && verdict.reasons[0]?.field).toBe('subject');
  });

  it("blocks the citizen's name in the subject, under the full policy too", () => {
    const verdict = clearEventDraft(event({ subject: 'Møde om Jens Holm' }), ctx(full));
    expect(messagesOf(verdict)).toEqual(['Emnefeltet indeholder borgerens navn — brug sagsreferencen.']);
  });

  it('finds the name in the invitation text even when markup or entities split it', () => {
    const verdict = clearEventDraft(event({ bodyHtml: '<p>Om <b>J</b>ens&nbsp;<i>Holm</i></p>' }), ctx(full));
    expect(messagesOf(verdict)).toEqual(['Mødeindkaldelsens tekst indeholder borgerens navn — brug sagsreferencen.']);
  });

  it('still finds the name when formatting splits one word ("Ho<b>lm</b>")', () => {
    const verdict = clearEventDraft(event({ bodyHtml: '<p>Om Jens Ho<b>lm</b></p>' }), ctx(full));
    expect(messagesOf(verdict)).toEqual(['Mødeindkaldelsens tekst indeholder borgerens navn — brug sagsreferencen.']);
  });

  it("reads neighbouring cells and paragraphs as separate words, so the sister's full name stays hers", () => {
    const body = '<table><tr><td>Aisha Khan</td><td>Lise Holm følger med</td></tr></table><p>Jonas</p><p>Lise Holm</p>';
    expect(clearEventDraft(event({ bodyHtml: body }), ctx(full)).verdict).toBe('allowed');
  });

  it('checks the fields an update changes', () => {
    expect(clearEventPatch({ subject: 'Jens' }, ctx()).verdict).toBe('blocked');
    expect(clearEventPatch({ start: '2027-03-05T12:00:00.000Z' }, ctx()).verdict).toBe('allowed');
  });

  it("guards the Outlook appointment's subject and body", () => {
    expect(clearAppointmentText('KI-2026-014', ctx()).verdict).toBe('allowed');
    expect(messagesOf(clearAppointmentText('<p>holm</p>', ctx(), 'body'))).toEqual([
      'Aftalens tekst indeholder borgerens navn — brug sagsreferencen.',
    ]);
  });
});

describe("the privacy guard on the Outlook appointment's attendees", () => {
  const karen = { email: 'karen.skov@regionms.example', name: 'Karen Skov', required: true };

  it('lets the professionals onto the attendee list', () => {
    const jonas = { email: 'jonas.berg@sundby-kommune.example', name: 'Jonas Berg', required: true };
    const verdict = clearAppointmentAttendees([karen, jonas], ctx());
    expect(verdict.verdict === 'allowed' && verdict.cleared).toEqual([karen, jonas]);
  });

  it("keeps off a relative whose address carries the family's surname: it says who the case is about", () => {
    const lise = { email: 'lise.holm@post.example', name: 'Lise Holm', required: false };
    expect(clearAppointmentAttendees([karen, lise], ctx(full)).verdict).toBe('blocked');
  });

  it('keeps the citizen off it under any policy, and says where and what to do', () => {
    const jens = { email: 'jens.holm@post.example', name: 'Jens Holm', required: true };
    const verdict = clearAppointmentAttendees([karen, jens], ctx(full));
    expect(verdict.verdict).toBe('blocked');
    expect(verdict.verdict === 'blocked' && verdict.reasons[0]?.field).toBe('eventAttendees');
    expect(messagesOf(verdict)[0]).toMatch(/^Mødeindkaldelsens deltagerliste indeholder borgerens navn — /);
  });
});

describe('the privacy guard on chat', () => {
  it('lets a card without the name through to a participant inside the consent', () => {
    const verdict = clearChatMessage(chat('Borgeren beholder sin lejlighed'), ctx(), [demoPeople.karen.id]);
    expect(verdict.verdict).toBe('allowed');
  });

  it("blocks the citizen's name in a card under the summary policy", () => {
    const verdict = clearChatMessage(chat('Jens beholder sin lejlighed'), ctx(summary), [demoPeople.karen.id]);
    expect(messagesOf(verdict)).toEqual([
      'Referatkortet indeholder borgerens navn — ret teksterne i referatet, så der står »borgeren« i stedet for navnet.',
    ]);
  });

  it("lets the citizen's name into the card under the full policy", () => {
    const verdict = clearChatMessage(chat('Jens beholder sin lejlighed'), ctx(full), [demoPeople.karen.id]);
    expect(verdict.verdict).toBe('allowed');
  });

  it('blocks a CPR number in a card under the full policy', () => {
    const verdict = clearChatMessage(chat('CPR 0101901234'), ctx(full), [demoPeople.karen.id]);
    expect(verdict.verdict).toBe('blocked');
  });

  it("finds the name in the message's HTML body and in a mention", () => {
    const inBody = clearChatMessage(chat('ok', '<p>Til Holm</p><attachment id="a1"></attachment>'), ctx(), [
      demoPeople.karen.id,
    ]);
    expect(inBody.verdict === 'blocked' && inBody.reasons[0]?.field).toBe('chatMessage');
    const message = { ...chat('ok'), mentions: [{ id: 0, text: 'Jens Holm', userId: 'u', tenantId: null }] };
    expect(clearChatMessage(message, ctx(), [demoPeople.karen.id]).verdict).toBe('blocked');
  });

  it("lets the sister's name through although she shares the citizen's surname", () => {
    const verdict = clearChatMessage(chat('Deltagere: Lise Holm (pårørende)'), ctx(), [demoPeople.karen.id]);
    expect(verdict.verdict).toBe('allowed');
  });

  it('finds the name behind markdown escapes in the card', () => {
    const verdict = clearChatMessage(
      chat('Anne\\-Marie'),
      ctx(summary, { ...demoPlan(), citizenName: 'Anne-Marie Bo' }),
      [demoPeople.karen.id],
    );
    expect(verdict.verdict).toBe('blocked');
  });
});

describe('the privacy guard and the consent', () => {
  it('blocks a message to a participant outside the consent, with the reason', () => {
    const verdict = clearChatMessage(chat('Borgeren'), ctx(), [demoPeople.mikkel.id]);
    expect(verdict.verdict).toBe('blocked');
    expect(verdict.verdict === 'blocked' && verdict.reasons.map((r) => r.code)).toEqual(['consent.recipientOutside']);
    expect(messagesOf(verdict)[0]).toContain('Mikkel Sørensen');
  });

  it('blocks the meeting chat as a whole when one reader is outside the consent', () => {
    const everyone = demoPlan().participants.map((p) => p.id);
    expect(clearChatMessage(chat('Borgeren'), ctx(), everyone).verdict).toBe('blocked');
    const covered = everyone.filter((id) => id !== demoPeople.mikkel.id);
    expect(clearChatMessage(chat('Borgeren'), ctx(), covered).verdict).toBe('allowed');
  });

  it('blocks every recipient once the consent is withdrawn, saying so once', () => {
    const plan = demoPlan();
    const withdrawn = { ...plan, consent: plan.consent && { ...plan.consent, withdrawnOn: '2027-01-10' } };
    const verdict = clearMail(mail('<p>Referat</p>'), ctx(summary, withdrawn), [
      demoPeople.ole.id,
      demoPeople.karen.id,
    ]);
    expect(verdict.verdict === 'blocked' && verdict.reasons.map((r) => r.code)).toEqual(['consent.withdrawn']);
  });

  it('blocks everyone after the consent has expired', () => {
    const verdict = clearMail(mail('<p>Referat</p>'), ctx(summary, demoPlan(), '2027-09-04'), [demoPeople.ole.id]);
    expect(verdict.verdict === 'blocked' && verdict.reasons.map((r) => r.code)).toEqual(['consent.expired']);
  });

  it('sends nothing when no one is named as the reader, or no plan is open', () => {
    expect(guardOutbound({ channel: 'chat', payload: 'x', texts: [] }, ctx()).verdict).toBe('blocked');
    expect(clearChatMessage(chat('ok'), ctx(summary, null), [demoPeople.karen.id]).verdict).toBe('blocked');
  });

  it('needs no consent for a calendar invitation or a link', () => {
    const plan = { ...demoPlan(), consent: null };
    expect(clearEventDraft(event(), ctx(summary, plan)).verdict).toBe('allowed');
    expect(clearUrl('https://app.example/plans.html?planId=plan-ki-2026-014', ctx(summary, plan)).verdict).toBe(
      'allowed',
    );
  });
});

describe('the privacy guard on e-mail', () => {
  it('lets the minutes go to the GP by e-mail when the tenant encrypts them', () => {
    expect(
      clearMail(mail('<p>Borgeren beholder sin lejlighed</p>'), ctx(encrypted(summary)), [demoPeople.ole.id]).verdict,
    ).toBe('allowed');
  });

  it('follows the card policy for the name: blocked under summary, allowed under full', () => {
    const html = '<p>Jens beholder sin lejlighed</p>';
    expect(messagesOf(clearMail(mail(html), ctx(encrypted(summary)), [demoPeople.ole.id]))).toEqual([
      'E-mailens tekst indeholder borgerens navn — ret teksterne i referatet, så der står »borgeren« i stedet for navnet.',
    ]);
    expect(clearMail(mail(html), ctx(encrypted(full)), [demoPeople.ole.id]).verdict).toBe('allowed');
  });

  it('blocks a CPR number in the subject under any policy', () => {
    expect(clearMail(mail('<p>ok</p>', 'Referat 010190-1234'), ctx(encrypted(full)), [demoPeople.ole.id]).verdict).toBe(
      'blocked',
    );
  });
});

describe('the privacy guard on links', () => {
  it('lets a link with the plan id through', () => {
    expect(clearUrl('https://app.example/plans.html?planId=plan-ki-2026-014', ctx()).verdict).toBe('allowed');
  });

  it('blocks a link carrying the name, percent-encoded or not, under any policy', () => {
    expect(messagesOf(clearUrl('https://app.example/plans.html?q=Jens%20Holm', ctx(full)))).toEqual([
      'Linket indeholder borgerens navn — links må kun bære plan-id og sagsreference.',
    ]);
    const doubleEncoded = `https://teams.microsoft.com/l/entity/app/plans?context=${encodeURIComponent(
      encodeURIComponent('{"subEntityId":"Søren"}'),
    )}`;
    expect(clearUrl(doubleEncoded, ctx(full, { ...demoPlan(), citizenName: 'Søren Dahl' })).verdict).toBe('blocked');
  });

  it('blocks a link carrying a CPR number', () => {
    expect(clearUrl('https://app.example/?cpr=0101901234', ctx()).verdict).toBe('blocked');
  });

  it('gives the blocked verdict as an Outcome for callers that speak Outcome', () => {
    const outcome = verdictOutcome(clearUrl('https://app.example/?q=holm', ctx()));
    expect(outcome.ok).toBe(false);
    expect(!outcome.ok && outcome.kind).toBe('blocked');
    expect(!outcome.ok && outcome.code).toBe('privacy.citizenName');
  });
});

describe('the privacy guard on logs', () => {
  it('lets an entry with ids and counts through unchanged', () => {
    const entry = { level: 'info' as const, event: 'delivery.sent', data: { planId: 'plan-ki-2026-014', count: 12 } };
    expect(clearLogEntry(entry, ctx())).toEqual(entry);
  });

  it('replaces a CPR number and the name with [skjult] and lets the entry through', () => {
    const entry = {
      level: 'error' as const,
      event: 'save.failed',
      data: { detail: 'Jens Holm 010190-1234 could not be saved', status: 412, holm: true },
    };
    expect(clearLogEntry(entry, ctx())).toEqual({
      level: 'error',
      event: 'save.failed',
      data: { detail: '[skjult] [skjult] could not be saved', status: 412, '[skjult]': true },
    });
  });

  it('redacts CPR numbers even when no plan is open', () => {
    const entry = { level: 'warn' as const, event: 'x', data: { text: 'cpr 0101901234' } };
    expect(clearLogEntry(entry, ctx(summary, null)).data).toEqual({ text: 'cpr [skjult]' });
  });

  it('says what it redacted when asked through the guard itself', () => {
    const verdict = guardOutbound(
      { channel: 'log', payload: 'Holm', texts: [{ field: 'logEntry', text: 'Holm' }], rebuild: (r) => r('Holm') },
      ctx(),
    );
    expect(verdict.verdict).toBe('redacted');
    expect(verdict.verdict === 'redacted' && verdict.cleared).toBe('[skjult]');
    expect(messagesOf(verdict)).toEqual(['Logposten indeholdt borgerens navn; det er erstattet med [skjult].']);
  });

  it('never throws, whatever the entry holds', () => {
    const hostile = { level: 'info' as const, event: 'x', data: null as unknown as Record<string, string> };
    expect(() => clearLogEntry(hostile, ctx())).not.toThrow();
    expect(clearLogEntry(hostile, ctx()).event).toBe('log.redactionFailed');
  });
});
