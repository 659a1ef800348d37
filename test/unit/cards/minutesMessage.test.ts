import { describe, expect, it } from 'vitest';
import { buildMinutesMessage, toGraphChatMessage, type MinutesMessageOptions } from '../../../src/cards/minutesMessage';
import type { Plan } from '../../../src/domain/plan/planDocument';
import { adversarialPlan, lastMeeting, PLAN_URL } from '../../fixtures/cards/minutesFixtures';
import { demoPlan } from '../../support/builders';

const build = (options: Partial<MinutesMessageOptions> = {}, plan: Plan = demoPlan()) =>
  buildMinutesMessage(
    { plan, meeting: lastMeeting(plan) },
    { lang: 'da', detail: 'summary', planUrl: PLAN_URL, ...options },
  ).message;

const atTags = (html: string) =>
  Array.from(html.matchAll(/<at id="(\d+)">([^<]*)<\/at>/g), (m) => [Number(m[1]), m[2]]);

describe('the chat message around the card', () => {
  it('@mentions the next tovholder and every effort owner who is a Teams user, each once', () => {
    const message = build();
    expect(message.mentions.map((m) => m.text)).toEqual([
      'Peter Nielsen',
      'Aisha Khan',
      'Mette Larsen',
      'Anders Frost',
    ]);
    expect(atTags(message.html)).toEqual(message.mentions.map((m) => [m.id, m.text]));
    expect(message.mentions.map((m) => m.id)).toEqual([0, 1, 2, 3]);
    expect(message.html).toContain(
      'Næste tovholder (indkald senest torsdag 3. december 2026): <at id="0">Peter Nielsen</at>',
    );
  });

  it('names people outside Teams in plain text, and the citizen only as "Borgeren"', () => {
    const plan = demoPlan();
    lastMeeting(plan).minutes.efforts.push({
      id: 'e-ole',
      what: 'Kontrol af medicinen',
      goalId: null,
      ownerId: 'p-ole',
      due: '2026-10-31',
      status: 'aaben',
    });
    const message = build({}, plan);
    expect(message.html).toContain(', Peter Nielsen, Borgeren, Ole Bak</p>');
    expect(message.mentions.map((m) => m.text)).not.toContain('Ole Bak');
    expect(message.html).not.toMatch(/Jens|Holm/);
  });

  it("gives Graph the right identity: aadUser at home, and aadUser with the region's home tenant for Anders Frost", () => {
    const graph = toGraphChatMessage(build());
    expect(graph.mentions.find((m) => m.mentionText === 'Aisha Khan')?.mentioned.user).toEqual({
      id: 'user-aisha-khan',
      displayName: 'Aisha Khan',
      userIdentityType: 'aadUser',
    });
    expect(graph.mentions.find((m) => m.mentionText === 'Anders Frost')?.mentioned.user).toEqual({
      id: 'user-anders-frost',
      displayName: 'Anders Frost',
      userIdentityType: 'aadUser',
      tenantId: '22222222-2222-4222-8222-222222222222',
    });
    expect(graph.body.contentType).toBe('html');
  });

  it('points at the card attachment, whose content is the card as a JSON string', () => {
    const message = build({ attachmentId: 'a1b2c3' });
    expect(message.html.endsWith('<attachment id="a1b2c3"></attachment>')).toBe(true);
    expect(message.attachments).toHaveLength(1);
    expect(message.attachments[0]).toMatchObject({
      id: 'a1b2c3',
      contentType: 'application/vnd.microsoft.card.adaptive',
    });
    expect(JSON.parse(message.attachments[0]?.content ?? '')).toMatchObject({ type: 'AdaptiveCard', version: '1.5' });
  });

  it('mentions only the members of the chat it goes to, and names the rest', () => {
    const message = build({ mentionable: new Set(['p-anders']) });
    expect(message.mentions.map((m) => m.text)).toEqual(['Anders Frost']);
    expect(message.mentions[0]?.id).toBe(0);
    expect(message.html).toContain('Peter Nielsen');
  });

  it('escapes names in the HTML body, so a name cannot add tags or mentions', () => {
    const message = build({}, adversarialPlan());
    const withoutOurTags = message.html.replace(/<\/?(p|at( id="\d+")?|attachment( id="[^"]*")?)>/g, '');
    expect(withoutOurTags).not.toMatch(/[<>]/);
    expect(atTags(message.html)).toHaveLength(message.mentions.length);
    expect(message.html).toContain('&lt;at&gt;Peter Nielsen&lt;/at&gt;');
  });

  it('under full detail may name and mention the citizen when they are a Teams user', () => {
    const plan = demoPlan();
    plan.participants = plan.participants.map((p) =>
      p.id === 'p-jens' ? { ...p, reach: 'inTenant', userId: 'user-jens' } : p,
    );
    expect(build({ detail: 'summary' }, plan).mentions.map((m) => m.text)).not.toContain('Jens Holm');
    expect(build({ detail: 'full' }, plan).mentions.map((m) => m.text)).toContain('Jens Holm');
  });
});
