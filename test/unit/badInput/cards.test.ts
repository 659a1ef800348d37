/**
 * Hostile and long text in every field the minutes show: the card renders it as exactly the text typed (no link,
 * no bold, no heading, no mention, no expanded card function), stays a valid Adaptive Card 1.5 within Teams' 28 KB,
 * and the e-mail shows it HTML-escaped. Under the `full` policy, so every field is on the card.
 */
import { describe, expect, it } from 'vitest';
import { MESSAGE_LIMIT_BYTES } from '../../../src/cards/fitToSize';
import { escapeHtml } from '../../../src/cards/htmlEscape';
import { buildMinutesEmail } from '../../../src/cards/minutesEmail';
import { buildMinutesMessage } from '../../../src/cards/minutesMessage';
import type { Plan } from '../../../src/domain/plan/planDocument';
import { demoPeople as p } from '../../support/builders';
import { schemaErrors } from '../../fixtures/cards/cardSchema';
import { HOSTILE, TEN_THOUSAND } from './hostileText';
import { basePlan, FIELDS, limitOf, MARKER, meetingOf, PLAN_URL } from './hostilePlans';
import { renderMarkdown, shownLines, visibleCard } from './renderedText';

const build = (plan: Plan) => {
  const input = { plan, meeting: meetingOf(plan) };
  const options = { lang: 'da' as const, detail: 'full' as const, planUrl: PLAN_URL, deliveryMarker: MARKER };
  return { built: buildMinutesMessage(input, options), mail: buildMinutesEmail(input, options) };
};

const cases = Object.keys(FIELDS).flatMap((field) => HOSTILE.map((h) => [field, h.name, h.text] as const));

describe('hostile text in any field shows in the card as exactly what was typed', () => {
  it.each(cases)('%s holding %s', (field, _name, raw) => {
    const text = raw.slice(0, limitOf(field));
    const { built } = build((FIELDS[field] as (plan: Plan, text: string) => Plan)(basePlan(), text));

    // The reader sees every line of it, literally, in one TextBlock or fact.
    const rendered = visibleCard(built.card);
    const holding = rendered.filter((r) => shownLines(text).every((line) => r.visible.includes(line)));
    expect(holding.length, `no card text shows ${JSON.stringify(text)}`).toBeGreaterThan(0);
    // Nothing the user typed became formatting: markdown-it made plain paragraphs only, and no text can open an
    // HTML tag, a mention or a card function in a renderer that honours them (Teams).
    for (const r of holding) expect(r.html.replace(/<\/?p>/g, '')).not.toMatch(/<[a-z]/i);
    for (const t of JSON.stringify(built.card).match(/"(?:text|title|value)":"(?:[^"\\]|\\.)*"/g) ?? []) {
      expect(t).not.toMatch(/(^|[^\\])(<|\{\{)/);
    }
    expect(schemaErrors(built.card)).toEqual([]);
    expect(built.bytes).toBeLessThanOrEqual(MESSAGE_LIMIT_BYTES);
  });

  it.each(cases)('%s holding %s: the e-mail shows it escaped', (field, _name, raw) => {
    const text = raw.slice(0, limitOf(field));
    const { mail } = build((FIELDS[field] as (plan: Plan, text: string) => Plan)(basePlan(), text));
    for (const line of shownLines(text)) expect(mail.html).toContain(escapeHtml(line));
    expect(mail.html).not.toMatch(/<(script|img|at)\b/i);
  });

  it.each(cases)('%s holding %s: the chat message mentions only real people', (field, _name, raw) => {
    const text = raw.slice(0, limitOf(field));
    const { built } = build((FIELDS[field] as (plan: Plan, text: string) => Plan)(basePlan(), text));
    const tags = built.message.html.match(/<at id="(\d+)">/g) ?? [];
    expect(tags).toHaveLength(built.message.mentions.length);
    expect(built.message.mentions.map((m) => m.userId).sort()).toEqual([p.karen.userId, p.peter.userId].sort());
    expect(built.message.html).not.toMatch(/<(script|img)\b/i);
  });
});

describe('the checks above are awake', () => {
  const meaningful = HOSTILE.filter(
    (h) => !['Danish letters and emoji', 'pasted Windows line breaks'].includes(h.name),
  );

  it.each(meaningful.map((h) => [h.name, h.text] as const))('%s, unescaped, would fail them', (_name, text) => {
    const raw = renderMarkdown(text);
    const lost = !shownLines(text).every((line) => raw.visible.includes(line));
    const formatted = /<[a-z]/i.test(raw.html.replace(/<\/?p>/g, ''));
    const opensTag = /(^|[^\\])(<|\{\{)/.test(text);
    expect(lost || formatted || opensTag).toBe(true);
  });
});

describe('10 000 characters in any field: the card shortens itself, says so, and stays valid', () => {
  const long = Object.keys(FIELDS).filter((field) => limitOf(field) >= 10000);

  it.each(long)('%s', (field) => {
    const { built, mail } = build((FIELDS[field] as (plan: Plan, text: string) => Plan)(basePlan(), TEN_THOUSAND));
    expect(built.bytes).toBeLessThanOrEqual(MESSAGE_LIMIT_BYTES);
    expect(schemaErrors(built.card)).toEqual([]);
    if (built.layout.shortened) {
      expect(visibleCard(built.card).map((r) => r.visible)).toContain(
        'Referatet er forkortet — se hele planen i Tovholder',
      );
    }
    // The e-mail has no such limit: the whole text is there.
    expect(mail.html).toContain(escapeHtml(TEN_THOUSAND));
  });

  it('10 000 characters in every field at once still fit one chat message, shortened and saying so', () => {
    const plan = Object.entries(FIELDS).reduce(
      (acc, [field, set]) => set(acc, TEN_THOUSAND.slice(0, limitOf(field))),
      basePlan(),
    );
    const { built } = build(plan);
    expect(built.bytes).toBeLessThanOrEqual(MESSAGE_LIMIT_BYTES);
    expect(built.layout.shortened).toBe(true);
    expect(schemaErrors(built.card)).toEqual([]);
  });
});
