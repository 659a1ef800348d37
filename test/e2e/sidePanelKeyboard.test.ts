import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { arrangeMeetingUnderWay, type ArrangedPlan } from './support/arrangePlan';
import { checkpoint } from './support/checkpoint';
import { people } from './support/demoPeople';
import { focusedElement, isFocused, tabTo } from './support/keyboard';
import { SIDE_PANEL, SendMinutesView } from './support/meetingSurface';
import { aChallenge, aGoal } from '../support/builders';
import { appOrigin, startWorld, type World } from './support/world';

/**
 * Issue 8: a keyboard-only run of the side panel at 320 px. The mødeleder moves through the agenda; the referent
 * reorders the goals, adds an effort with its goal and owner, names the next tovholder, confirms the summary and
 * sends — every step with Tab, arrows, Enter, Space and typing, no pointer.
 */

const origin = appOrigin();
const CASE = 'KI-2027-040';
const START = new Date('2026-12-02T13:00:00+01:00');
const housing = aGoal({ id: 'g-housing', text: 'Stabil bolig med støtte i hverdagen' });
const alcohol = aGoal({ id: 'g-alcohol', text: 'Mindre forbrug af alkohol' });

describe.skipIf(origin === null)('the side panel with the keyboard only', () => {
  let world: World;
  let arranged: ArrangedPlan;

  beforeAll(async () => {
    world = await startWorld(origin ?? '');
    arranged = await arrangeMeetingUnderWay(world.sandbox, {
      caseReference: CASE,
      people: [people.mette.upn, people.jonas.upn, people.aisha.upn, people.peter.upn, people.jens.upn],
      roles: { koordinator: people.mette.upn, moedeleder: people.jonas.upn, referent: people.aisha.upn },
      start: START,
      minutes: () => ({
        challenges: [aChallenge({ text: 'Huslejerestance og risiko for udsættelse' })],
        goals: [housing, alcohol],
        acceptance: 'iMoedet',
      }),
    });
  });
  afterAll(async () => {
    await world?.close();
  });

  it('the mødeleder moves through the agenda with Tab, Enter and Space, and the focus stays on "Næste punkt"', async () => {
    const jonas = await world.asUser(people.jonas.upn, {
      viewport: SIDE_PANEL,
      clockAt: new Date(START.getTime() + 60_000),
    });
    const panel = await jonas.openSidePanel(arranged.plan.id);
    const next = panel.clock.getByRole('button', { name: 'Næste punkt' });
    await tabTo(jonas.page, next);
    await checkpoint(jonas.page, 'side-panel', 'keyboard-focus-next-item');

    expect(await panel.currentItem()).toBe('Stamoplysninger');
    for (const [key, item] of [
      ['Enter', 'Afdækning'],
      ['Space', 'Udfordringer'],
      ['Enter', 'Fælles mål og prioritering'],
      ['Space', 'Opfølgning'],
    ] as const) {
      await jonas.page.keyboard.press(key);
      await expect.poll(() => panel.currentItem()).toBe(item);
      expect(
        await isFocused(panel.clock.getByRole('button', { name: /^(Næste punkt|Afslut dagsordenen)$/ })),
        `after ${key} the focus is on ${await focusedElement(jonas.page)}`,
      ).toBe(true);
    }
    await jonas.page.keyboard.press('Enter');
    await expect.poll(() => panel.currentItem()).toBe('Dagsordenen er gennemgået');
    await panel.waitUntilSaved();
    const stored = await world.sandbox.plan(arranged.plan.id);
    expect(stored.meetings[0]?.agendaSteps.length).toBeGreaterThanOrEqual(5);
    expect(jonas.errors).toEqual([]);
  });

  it('the referent reorders the goals, adds an effort, names the next tovholder and sends, all by keyboard', async () => {
    const aisha = await world.asUser(people.aisha.upn, {
      viewport: SIDE_PANEL,
      clockAt: new Date(START.getTime() + 80 * 60_000),
    });
    const panel = await aisha.openSidePanel(arranged.plan.id);
    const page = aisha.page;

    // Reorder: "Mindre forbrug af alkohol" comes first.
    await tabTo(page, panel.goalsSection().getByRole('button', { name: 'Flyt op (mål 2)' }));
    await page.keyboard.press('Enter');
    await expect.poll(() => panel.goals()).toEqual([alcohol.text, housing.text]);
    await expect
      .poll(() => panel.goalsSection().getByRole('status').innerText())
      .toBe(`"${alcohol.text}" er flyttet til plads 1 af 2`);
    // At the top "Flyt op" is disabled: the focus stays with the moved goal, on its other move button.
    expect(await focusedElement(page)).toBe('button "Flyt ned (mål 1)"');

    // Add an effort: the new row's "Hvad" gets the focus; the selects answer to typing.
    await tabTo(page, panel.effortsSection().getByRole('button', { name: 'Tilføj indsats' }));
    await page.keyboard.press('Enter');
    const row = panel
      .effortsSection()
      .getByRole('group', { name: /^Indsats \d+$/ })
      .last();
    expect(await isFocused(row.getByRole('textbox', { name: 'Hvad' })), await focusedElement(page)).toBe(true);
    await page.keyboard.type('Bostøtte to gange om ugen');
    await page.keyboard.press('Tab');
    expect(await isFocused(row.getByRole('combobox', { name: 'Hvorfor (mål)' })), await focusedElement(page)).toBe(
      true,
    );
    await page.keyboard.type('2');
    await tabTo(page, row.getByRole('combobox', { name: 'Ansvarlig' }));
    await page.keyboard.type('Jonas');
    expect(await panel.efforts()).toEqual([
      { what: 'Bostøtte to gange om ugen', goal: housing.text, owner: people.jonas.name, due: '' },
    ]);

    await tabTo(page, page.getByRole('combobox', { name: /^Næste tovholder/ }));
    await page.keyboard.type('Peter');
    expect(await panel.nextTovholder()).toMatch(/^Peter Nielsen/);
    await checkpoint(page, 'side-panel', 'keyboard-minutes');

    // To the summary: back to the tab list, arrows between the tabs, Enter to open one.
    await tabTo(page, page.getByRole('tab', { name: 'Referat' }), { backwards: true });
    await page.keyboard.press('ArrowRight');
    expect(await isFocused(page.getByRole('tab', { name: 'Opsummering' })), await focusedElement(page)).toBe(true);
    await page.keyboard.press('Enter');
    await page.getByRole('tabpanel', { name: 'Opsummering' }).waitFor();

    await tabTo(page, page.getByRole('button', { name: 'Bekræftet med borgeren' }));
    await page.keyboard.press('Enter');
    await page
      .getByRole('status')
      .filter({ hasText: /^Bekræftet med borgeren / })
      .waitFor();

    await tabTo(page, panel.sendButton);
    await page.keyboard.press('Enter');
    const send = new SendMinutesView(page);
    await send.heading.waitFor();
    await tabTo(page, send.sendNowButton);
    await page.keyboard.press('Enter');
    expect(await send.outcome()).toBe('Referatet er sendt til alle.');
    await checkpoint(page, 'send', 'keyboard-sent');

    const stored = await world.sandbox.plan(arranged.plan.id);
    const minutes = stored.meetings[0]?.minutes;
    expect(minutes?.goals.map((g) => g.text)).toEqual([alcohol.text, housing.text]);
    expect(minutes?.efforts).toMatchObject([
      { what: 'Bostøtte to gange om ugen', goalId: housing.id, ownerId: arranged.who(people.jonas.upn).id },
    ]);
    expect(minutes?.nextTovholderId).toBe(arranged.who(people.peter.upn).id);
    const jonasCards = await world.sandbox.cardsOf(people.jonas.upn, CASE);
    expect(jonasCards).toHaveLength(1);
    expect(jonasCards[0]?.text.slice(jonasCards[0].text.indexOf('Dine opgaver'))).toContain(
      'Bostøtte to gange om ugen',
    );
    expect(aisha.errors).toEqual([]);
  });
});
