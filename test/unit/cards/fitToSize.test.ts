import { describe, expect, it } from 'vitest';
import { fitToSize, MESSAGE_LIMIT_BYTES, SHRINK_STEPS, utf8Bytes } from '../../../src/cards/fitToSize';
import { buildMinutesMessage, toGraphChatMessage } from '../../../src/cards/minutesMessage';
import type { MinutesCardOptions } from '../../../src/cards/minutesCard';
import type { Plan } from '../../../src/domain/plan/planDocument';
import { cardTexts } from '../../fixtures/cards/cardTexts';
import { adversarialPlan, largePlan, lastMeeting, PLAN_URL } from '../../fixtures/cards/minutesFixtures';
import { demoPlan } from '../../support/builders';

const SHORTENED = 'Referatet er forkortet — se hele planen i Tovholder';

const send = (plan: Plan, options: Partial<MinutesCardOptions> & { limitBytes?: number } = {}) =>
  buildMinutesMessage(
    { plan, meeting: lastMeeting(plan) },
    { lang: 'da', detail: 'summary', planUrl: PLAN_URL, deliveryMarker: 'tovholder-delivery:1', ...options },
  );

/** A plan as big as the document schema lets a user make it. */
const monstrousPlan = (): Plan => {
  const plan = largePlan();
  const huge = 'Æøå 🎉 '.repeat(2500).slice(0, 20000);
  plan.participants = plan.participants.map((p) => ({
    ...p,
    name: `${p.name} ${'x'.repeat(180)}`,
    organisation: 'Ø'.repeat(200),
  }));
  const m = lastMeeting(plan).minutes;
  m.goals = m.goals.map((g) => ({ ...g, text: huge }));
  m.efforts = m.efforts.map((e) => ({ ...e, what: huge }));
  m.followUp = m.followUp.map((f) => ({ ...f, what: huge, note: huge }));
  m.round = m.round.map((r) => ({ ...r, relation: huge, currentWork: huge, challenges: huge }));
  return plan;
};

describe('keeping the chat message within 28 KB', () => {
  it('sends realistic minutes whole, without saying they are shortened', () => {
    const built = send(demoPlan(), { recipientParticipantId: 'p-peter' });
    expect(built.layout.shortened).toBe(false);
    expect(cardTexts(built.card)).not.toContain(SHORTENED);
  });

  it('counts what Graph receives, in UTF-8 bytes (æ, ø, å and emoji weigh more than one)', () => {
    const built = send(demoPlan());
    const body = JSON.stringify(toGraphChatMessage(built.message));
    expect(built.bytes).toBe(utf8Bytes(body));
    expect(built.bytes).toBeGreaterThan(body.length);
  });

  it.each([
    ['12 participants and 40 efforts, summary', largePlan(), 'summary'],
    ['12 participants and 40 efforts, full', largePlan(), 'full'],
    ['injection in every field, full', adversarialPlan(), 'full'],
    ['every field at its maximum length', monstrousPlan(), 'full'],
  ] as const)('%s: fits, and the card says it is shortened', (_name, plan, detail) => {
    const built = send(plan, { detail, recipientParticipantId: 'p-peter' });
    expect(built.bytes).toBeLessThanOrEqual(MESSAGE_LIMIT_BYTES);
    expect(built.layout.shortened).toBe(true);
    expect(cardTexts(built.card)[3]).toBe(SHORTENED);
    expect(built.card.actions).toHaveLength(1);
  });

  it('first collapses the round, keeping every effort in full', () => {
    const plan = demoPlan();
    const long = 'Lang beretning om hverdagen. '.repeat(600);
    lastMeeting(plan).minutes.round = lastMeeting(plan).minutes.round.map((r) => ({ ...r, relation: long }));
    const built = send(plan, { detail: 'full' });
    expect(built.layout).toMatchObject({ roundCollapsed: true, effortsCompact: false, maxListItems: null });
    expect(cardTexts(built.card)).toContain('Runden og udfordringerne står i planen i Tovholder.');
    expect(cardTexts(built.card)).toContain(
      'Aisha Khan: Søge enkeltydelse til huslejerestancen — senest 30. september 2026 · mål 1',
    );
  });

  it('then lists efforts one line each, and at last cuts lists and points to the plan for the rest', () => {
    const compact = send(largePlan());
    expect(compact.layout).toMatchObject({ effortsCompact: true, maxListItems: null });
    expect(cardTexts(compact.card)).toContain(
      'Jonas Berg: Indsats 3: Borgeren har brug for hjælp til at få struktur på hverdagen, herunder faste ti… (3.12.2026)',
    );

    const cut = send(monstrousPlan());
    expect(cut.layout.maxListItems).not.toBeNull();
    expect(cardTexts(cut.card).some((t) => /^… og \d+ mere i planen i Tovholder$/.test(t))).toBe(true);
  });

  it('shrinks further for a tighter limit, and never fails', () => {
    for (const limit of [20_000, 12_000, 8_000]) {
      const built = send(largePlan(), { limitBytes: limit, detail: 'full' });
      expect(built.bytes).toBeLessThanOrEqual(limit);
    }
  });
});

describe('fitToSize', () => {
  it('takes the first step that fits', () => {
    const sizes = [500, 300, 200, 100];
    const fitted = fitToSize(
      (layout) => SHRINK_STEPS.indexOf(layout),
      (i) => sizes[i] ?? 0,
      250,
      SHRINK_STEPS.slice(0, 4),
    );
    expect(fitted).toMatchObject({ value: 2, bytes: 200, fits: true });
  });

  it('gives back the smallest when nothing fits, and says so', () => {
    const fitted = fitToSize(
      (layout) => SHRINK_STEPS.indexOf(layout),
      () => 1000,
      10,
      SHRINK_STEPS.slice(0, 3),
    );
    expect(fitted.fits).toBe(false);
    expect(fitted.bytes).toBe(1000);
  });
});
