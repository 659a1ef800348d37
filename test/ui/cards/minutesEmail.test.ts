import { describe, expect, it } from 'vitest';
import { buildMinutesEmail, type MinutesEmailOptions } from '../../../src/cards/minutesEmail';
import { textLines } from '../../../src/cards/markdownEscape';
import type { Plan } from '../../../src/domain/plan/planDocument';
import {
  adversarialPlan,
  demoPlanWithoutNameInTexts,
  INJECTIONS,
  lastMeeting,
  PLAN_URL,
} from '../../fixtures/cards/minutesFixtures';
import { demoPlan } from '../../support/builders';

const build = (options: Partial<MinutesEmailOptions> = {}, plan: Plan = demoPlan()) =>
  buildMinutesEmail(
    { plan, meeting: lastMeeting(plan) },
    { lang: 'da', detail: 'summary', planUrl: PLAN_URL, ...options },
  );

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');

const OURS = new Set([
  'HTML',
  'HEAD',
  'META',
  'TITLE',
  'BODY',
  'DIV',
  'TABLE',
  'TBODY',
  'TR',
  'TD',
  'H1',
  'H2',
  'P',
  'BR',
  'SPAN',
  'STRONG',
  'OL',
  'LI',
  'A',
]);

describe('the minutes e-mail for people outside Teams', () => {
  it('has the agreed subject', () => {
    expect(build().subject).toBe('Referat: Koordinerende indsatsplansmøde – KI-2026-014 – 3. september 2026');
    expect(build({ lang: 'en' }).subject).toBe(
      'Minutes: Coordinated care plan meeting – KI-2026-014 – 3 September 2026',
    );
  });

  it('declares its language and is laid out with tables and inline styles', () => {
    const doc = parse(build().html);
    expect(doc.documentElement.getAttribute('lang')).toBe('da');
    expect(doc.querySelectorAll('table[role="presentation"]').length).toBeGreaterThan(1);
    expect(doc.querySelectorAll('style, link')).toHaveLength(0);
  });

  it('holds the same minutes as the card: participants, goals, efforts, next tovholder, the link', () => {
    const doc = parse(build().html);
    const text = doc.body.textContent ?? '';
    expect(text).toContain('Ole Bak');
    expect(text).toContain('Lægehuset Sundby · afbud');
    expect(text).toContain('Søge enkeltydelse til huslejerestancen');
    expect(text).toContain('senest 30. september 2026 · mål 1');
    expect(text).toContain('Peter Nielsen — indkald senest torsdag 3. december 2026');
    expect(Array.from(doc.querySelectorAll('ol li'), (li) => li.textContent)).toEqual([
      'Jens beholder sin lejlighed',
      'Jens drikker mindre og ryger mindre hash',
      'Jens har noget at stå op til om morgenen',
    ]);
    expect(Array.from(doc.querySelectorAll('a'), (a) => a.getAttribute('href'))).toEqual([PLAN_URL]);
  });

  it("puts the reader's own tasks first", () => {
    const doc = parse(build({ recipientParticipantId: 'p-jens' }).html);
    const headings = Array.from(doc.querySelectorAll('h2'), (h) => h.textContent);
    expect(headings[0]).toBe('Dine opgaver');
    expect(doc.querySelector('h2')?.parentElement?.textContent).toContain(
      'Tage bad og rydde op i køkkenet før næste møde',
    );
  });

  it('follows the detail level: summary without the name, round or written input; full with them', () => {
    const summary = parse(build({ detail: 'summary' }, demoPlanWithoutNameInTexts()).html).body.textContent ?? '';
    expect(summary).not.toMatch(/Jens|Holm/);
    expect(summary).not.toContain('blodprøver er fine');
    expect(summary).not.toContain('Bivirkninger af medicinen');
    const full = parse(build({ detail: 'full' }).html).body.textContent ?? '';
    expect(full).toContain('KI-2026-014 · Jens Holm');
    expect(full).toContain('Jens er startet på ny medicin; blodprøver er fine.');
    expect(full).toContain('Bivirkninger af medicinen');
  });

  it('keeps the delivery marker in a hidden element', () => {
    const doc = parse(build({ deliveryMarker: 'tovholder-delivery:42' }).html);
    const hidden = doc.querySelector('[data-tovholder-delivery]');
    expect(hidden?.getAttribute('data-tovholder-delivery')).toBe('tovholder-delivery:42');
    expect(hidden?.getAttribute('style')).toContain('display:none');
  });

  it('shows hostile text as text: no tag, link or script from a user survives', () => {
    const html = build({ detail: 'full' }, adversarialPlan()).html;
    const doc = parse(html);
    const foreign = Array.from(doc.querySelectorAll('*'), (el) => el.tagName).filter((tag) => !OURS.has(tag));
    expect(foreign).toEqual([]);
    expect(doc.querySelectorAll('a')).toHaveLength(1);
    const text = doc.body.textContent ?? '';
    for (const injection of INJECTIONS) for (const line of textLines(injection)) expect(text).toContain(line);
  });
});
