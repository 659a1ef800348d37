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
import type { Meeting, Plan } from '../../../src/domain/plan/planDocument';
import { aFollowUp, aGoal, aMeeting, anEffort, aPlan, demoPeople as p } from '../../support/builders';
import { schemaErrors } from '../../fixtures/cards/cardSchema';
import { HOSTILE, TEN_THOUSAND } from './hostileText';
import { renderMarkdown, shownLines, visibleCard } from './renderedText';

const PLAN_URL = 'https://tovholder.example/plans.html?planId=plan-cards';
const MARKER = 'tovholder-delivery-cards-1';

/** A plan where every field a card shows has a plain value; each case replaces one of them. */
const basePlan = (): Plan =>
  aPlan()
    .withId('plan-cards')
    .withCaseReference('KI-2027-009')
    .withParticipants([p.jens, p.mette, p.jonas, p.aisha, p.peter, p.karen, p.ole])
    .withMeeting(
      aMeeting()
        .withId('m1')
        .startingAt('2027-03-04')
        .withRoles({ koordinator: p.mette.id, moedeleder: p.jonas.id, referent: p.aisha.id })
        .withAttendance(p.ole.id, { kind: 'apologies', writtenInput: 'Blodprøverne er fine.' })
        .withMinutes({
          round: [
            {
              participantId: p.karen.id,
              relation: 'Kontaktperson',
              currentWork: 'Samtaler',
              challenges: 'Udeblivelser',
              done: true,
            },
          ],
          challenges: [{ id: 'c1', text: 'Huslejerestance' }],
          goals: [aGoal({ id: 'g1', text: 'En stabil bolig' })],
          efforts: [
            anEffort({ id: 'e1', what: 'Søge boligstøtte', goalId: 'g1', ownerId: p.karen.id, due: '2027-04-01' }),
            anEffort({ id: 'e2', what: 'Tage et bad', goalId: null, ownerId: p.jens.id, due: '2027-03-20' }),
          ],
          followUp: [
            aFollowUp({
              effortId: 'old1',
              what: 'Finde praktik',
              ownerId: p.peter.id,
              status: 'aendret',
              note: 'Ny plads',
            }),
          ],
          nextTovholderId: p.peter.id,
          nextMeetingBy: '2027-06-04',
          acceptance: 'iMoedet',
        }),
    )
    .build();

const meetingOf = (plan: Plan): Meeting => plan.meetings[0] as Meeting;
const editMinutes = (plan: Plan, change: (m: Meeting['minutes']) => Meeting['minutes']): Plan => ({
  ...plan,
  meetings: [{ ...meetingOf(plan), minutes: change(meetingOf(plan).minutes) }],
});
const rename =
  (id: string, change: (x: Plan['participants'][number]) => Plan['participants'][number]) => (plan: Plan) => ({
    ...plan,
    participants: plan.participants.map((x) => (x.id === id ? change(x) : x)),
  });

/** Every text field a user writes that the minutes show. */
const FIELDS: Record<string, (plan: Plan, text: string) => Plan> = {
  "a participant's name": (plan, text) => rename(p.karen.id, (x) => ({ ...x, name: text.slice(0, 200) }))(plan),
  "a participant's organisation": (plan, text) =>
    rename(p.karen.id, (x) => ({ ...x, organisation: text.slice(0, 200) }))(plan),
  'the case reference': (plan, text) => ({ ...plan, caseReference: text.slice(0, 60) }),
  "the citizen's name": (plan, text) => ({ ...plan, citizenName: text.slice(0, 200) }),
  'an effort': (plan, text) =>
    editMinutes(plan, (m) => ({ ...m, efforts: m.efforts.map((e) => (e.id === 'e1' ? { ...e, what: text } : e)) })),
  "the citizen's own task": (plan, text) =>
    editMinutes(plan, (m) => ({ ...m, efforts: m.efforts.map((e) => (e.id === 'e2' ? { ...e, what: text } : e)) })),
  'a shared goal': (plan, text) => editMinutes(plan, (m) => ({ ...m, goals: [{ id: 'g1', text }] })),
  'a challenge': (plan, text) => editMinutes(plan, (m) => ({ ...m, challenges: [{ id: 'c1', text }] })),
  'a note from the round': (plan, text) =>
    editMinutes(plan, (m) => ({ ...m, round: m.round.map((r) => ({ ...r, currentWork: text })) })),
  'written input from afbud': (plan, text) => ({
    ...plan,
    meetings: [
      {
        ...meetingOf(plan),
        invitees: meetingOf(plan).invitees.map((i) =>
          i.participantId === p.ole.id ? { ...i, attendance: { kind: 'apologies' as const, writtenInput: text } } : i,
        ),
      },
    ],
  }),
  'a follow-up note': (plan, text) =>
    editMinutes(plan, (m) => ({ ...m, followUp: m.followUp.map((f) => ({ ...f, note: text })) })),
  'what the consent covers': (plan, text) => ({
    ...plan,
    consent: plan.consent && { ...plan.consent, information: text.slice(0, 2000) },
  }),
};

/** Shorter fields hold only the start of a hostile text (the plan document's limits). */
const LIMITS: Record<string, number> = {
  "a participant's name": 200,
  "a participant's organisation": 200,
  'the case reference': 60,
  "the citizen's name": 200,
  'what the consent covers': 2000,
};
const limitOf = (field: string): number => LIMITS[field] ?? 20000;

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
