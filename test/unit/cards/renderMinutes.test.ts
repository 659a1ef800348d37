import { describe, expect, it } from 'vitest';
import { renderMinutes } from '../../../src/cards/renderMinutes';
import type { RenderRequest } from '../../../src/domain/delivery/deliveryPreview';
import { demoPeople, demoPlan } from '../../support/builders';
import { demoPlanWithoutNameInTexts, lastMeeting, PLAN_URL } from '../../fixtures/cards/minutesFixtures';
import { clearChatMessage } from '../../../src/domain/privacy/privacyGuard';

const plan = demoPlan();
const request = (over: Partial<RenderRequest>): RenderRequest => ({
  plan,
  meeting: lastMeeting(plan),
  channel: 'chat',
  recipient: demoPeople.peter,
  detail: 'summary',
  lang: 'da',
  planUrl: PLAN_URL,
  deliveryMarker: 'tovholder-3f2b9c1e-8d7a-4f60-9e21-5b4c3d2a1f00',
  chatMembers: [demoPeople.aisha.id, demoPeople.peter.id],
  mail: null,
  ...over,
});

describe('the renderer the delivery pipeline is given', () => {
  it("gives a Teams user a chat message with their own card, mentioning only the chat's members", () => {
    const rendered = renderMinutes(request({}));
    if (rendered.kind !== 'chat') throw new Error('expected a chat message');
    expect(rendered.message.mentions.map((m) => m.text)).toEqual(['Peter Nielsen', 'Aisha Khan']);
    const card = rendered.message.attachments[0]?.content ?? '';
    expect(card).toContain('Dine opgaver');
    expect(card).toContain('tovholder-3f2b9c1e-8d7a-4f60-9e21-5b4c3d2a1f00');
  });

  it('gives the meeting chat the card for everyone', () => {
    const rendered = renderMinutes(request({ channel: 'meetingChat', recipient: null, chatMembers: null }));
    if (rendered.kind !== 'chat') throw new Error('expected a chat message');
    expect(rendered.message.attachments[0]?.content).not.toContain('Dine opgaver');
    expect(rendered.message.mentions.map((m) => m.text)).toEqual([
      'Peter Nielsen',
      'Aisha Khan',
      'Mette Larsen',
      'Anders Frost',
    ]);
  });

  it('gives someone outside Teams the e-mail, with the marker, saying that it arrives encrypted', () => {
    const rendered = renderMinutes(
      request({
        channel: 'email',
        recipient: demoPeople.ole,
        chatMembers: null,
        mail: { kind: 'protectedEmail', mark: 'purview' },
      }),
    );
    if (rendered.kind !== 'mail') throw new Error('expected an e-mail');
    expect(rendered.mail.subject).toBe('Referat: Koordinerende indsatsplansmøde – KI-2026-014 – 3. september 2026');
    expect(rendered.mail.html).toContain('data-tovholder-delivery="tovholder-3f2b9c1e-8d7a-4f60-9e21-5b4c3d2a1f00"');
    expect(rendered.mail.html).toContain('Du har ingen opgaver i denne plan.');
    expect(rendered.mail.html).toContain('Denne e-mail sendes krypteret (Microsoft Purview-meddelelseskryptering)');
  });

  it('says so when the e-mail goes over enforced TLS to a partner domain', () => {
    const rendered = renderMinutes(
      request({
        channel: 'email',
        recipient: demoPeople.ole,
        chatMembers: null,
        mail: { kind: 'fullEmail', mark: 'tls', domain: 'laegehuset-sundby.example' },
      }),
    );
    expect(rendered.kind === 'mail' && rendered.mail.html).toContain('over en krypteret forbindelse (tvungen TLS)');
  });

  it('gives a reader the guard allows no plan content only the notice: the case, the date, the tovholder', () => {
    const rendered = renderMinutes(
      request({
        channel: 'email',
        recipient: demoPeople.jens,
        chatMembers: null,
        mail: { kind: 'notice', mark: 'notice', reason: { why: 'citizen' }, planBy: 'digitalPost' },
      }),
    );
    if (rendered.kind !== 'mail') throw new Error('expected an e-mail');
    expect(rendered.mail.subject).toBe('Nyt referat i sag KI-2026-014');
    const text = rendered.mail.html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
    expect(text).toContain('Der er skrevet referat fra mødet den 3. september 2026.');
    expect(text).toContain('Planen sendes til dig med Digital Post.');
    expect(text).toContain(`Tovholder: ${demoPeople.mette.name}`);
    expect(text).toContain(demoPeople.mette.email ?? '');
    expect(rendered.mail.html).toContain('data-tovholder-delivery="tovholder-3f2b9c1e-8d7a-4f60-9e21-5b4c3d2a1f00"');
    // Nothing of the minutes: no goal, no effort, not the citizen's name, not the tovholder's organisation.
    const minutes = lastMeeting(plan).minutes;
    for (const said of [...minutes.goals.map((g) => g.text), ...minutes.efforts.map((e) => e.what)])
      expect(text).not.toContain(said);
    expect(text).not.toContain('Jens');
    expect(text).not.toContain(demoPeople.mette.organisation);
  });
});

describe('what the card adds passes the privacy guard', () => {
  it('under summary, a card from minutes that do not name the citizen is allowed into every 1:1 chat', () => {
    const clean = demoPlanWithoutNameInTexts();
    const ctx = { plan: clean, policy: { cardDetail: 'summary' as const, pinTab: true }, today: '2026-09-04' };
    for (const reader of [demoPeople.peter, demoPeople.aisha, demoPeople.anders]) {
      const rendered = renderMinutes(
        request({ plan: clean, meeting: lastMeeting(clean), recipient: reader, chatMembers: [reader.id] }),
      );
      if (rendered.kind !== 'chat') throw new Error('expected a chat message');
      const verdict = clearChatMessage({ key: reader.id, chatId: 'chat-1', ...rendered.message }, ctx, [reader.id]);
      expect(verdict.verdict, JSON.stringify(verdict)).not.toBe('blocked');
    }
  });

  it('and is stopped when a card names the citizen (the full card in a summary chat)', () => {
    const clean = demoPlanWithoutNameInTexts();
    const ctx = { plan: clean, policy: { cardDetail: 'summary' as const, pinTab: true }, today: '2026-09-04' };
    const rendered = renderMinutes(request({ plan: clean, meeting: lastMeeting(clean), detail: 'full' }));
    if (rendered.kind !== 'chat') throw new Error('expected a chat message');
    const verdict = clearChatMessage({ key: 'p-peter', chatId: 'chat-1', ...rendered.message }, ctx, ['p-peter']);
    expect(verdict.verdict).toBe('blocked');
  });
});
