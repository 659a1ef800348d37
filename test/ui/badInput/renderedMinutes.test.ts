/**
 * The bad-input corpus in the real renderers: the card as the preview (and Teams) draws it with the adaptivecards
 * library and Teams' host config, and the e-mail as a mail client parses it. Hostile text in any field stays text.
 */
import '../../fixtures/cards/jsdomInnerText';
import { describe, expect, it } from 'vitest';
import { buildMinutesEmail } from '../../../src/cards/minutesEmail';
import { buildMinutesMessage } from '../../../src/cards/minutesMessage';
import { textLines } from '../../../src/cards/markdownEscape';
import type { Plan } from '../../../src/domain/plan/planDocument';
import { renderAdaptiveCard } from '../../../src/ui/cards/renderAdaptiveCard';
import { basePlan, FIELDS, limitOf, MARKER, meetingOf, PLAN_URL } from '../../unit/badInput/hostilePlans';
import { HOSTILE } from '../../unit/badInput/hostileText';

const options = { lang: 'da' as const, detail: 'full' as const, planUrl: PLAN_URL, deliveryMarker: MARKER };

const planWith = (field: string, raw: string): { plan: Plan; text: string } => {
  const text = raw.slice(0, limitOf(field));
  return { plan: (FIELDS[field] as (plan: Plan, text: string) => Plan)(basePlan(), text), text };
};

/** Elements a user's text could smuggle into the card: links, formatting, media, scripts, mentions. */
const SMUGGLED =
  'a, strong, em, code, pre, h1, h2, h3, h4, h5, h6, ul, ol, li, blockquote, img, script, at, s, del, table';

/** What the e-mail template itself is made of; anything else came from a user. */
const EMAIL_TAGS = new Set(['HTML', 'HEAD', 'META', 'TITLE', 'BODY', 'DIV', 'TABLE', 'TBODY', 'TR', 'TD', 'H1', 'H2']);
['P', 'BR', 'SPAN', 'STRONG', 'OL', 'LI', 'A'].forEach((tag) => EMAIL_TAGS.add(tag));

const cases = Object.keys(FIELDS).flatMap((field) => HOSTILE.map((h) => [field, h.name, h.text] as const));

describe('hostile text in the rendered card', () => {
  it.each(cases)('%s holding %s: parsed without a single event, drawn as the literal text', (field, _name, raw) => {
    const { plan, text } = planWith(field, raw);
    const { card } = buildMinutesMessage({ plan, meeting: meetingOf(plan) }, options);
    const { element, problems } = renderAdaptiveCard(card, 'light');
    expect(problems).toEqual([]);
    if (!element) throw new Error('the card rendered nothing');
    const blocks = Array.from(element.querySelectorAll('.ac-textBlock, .ac-fact-title, .ac-fact-value'));
    const shown = blocks.map(
      (block) =>
        Array.from(block.querySelectorAll('p'), (p) => p.textContent ?? '').join('\n') || (block.textContent ?? ''),
    );
    expect(shown.some((visible) => textLines(text).every((line) => visible.includes(line)))).toBe(true);
    expect(blocks.flatMap((block) => Array.from(block.querySelectorAll(SMUGGLED)))).toEqual([]);
    // The one link is the card's own "open the plan" action.
    expect(element.querySelectorAll('[href]')).toHaveLength(0);
  });
});

describe('hostile text in the e-mail', () => {
  it.each(cases)('%s holding %s: shown as text, no element of its own', (field, _name, raw) => {
    const { plan, text } = planWith(field, raw);
    const mail = buildMinutesEmail({ plan, meeting: meetingOf(plan) }, options);
    const doc = new DOMParser().parseFromString(mail.html, 'text/html');
    const foreign = Array.from(doc.querySelectorAll('*'), (el) => el.tagName).filter((tag) => !EMAIL_TAGS.has(tag));
    expect(foreign).toEqual([]);
    expect(Array.from(doc.querySelectorAll('a'), (a) => a.getAttribute('href'))).toEqual([PLAN_URL]);
    const visible = doc.body.textContent ?? '';
    for (const line of textLines(text)) expect(visible).toContain(line);
  });
});
