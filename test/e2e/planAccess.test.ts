import type { Page, Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEEDED_PLAN_ID } from '../../sandbox/seedPlan';
import { arrangeMeetingUnderWay, type ArrangedPlan } from './support/arrangePlan';
import { checkpoint } from './support/checkpoint';
import { people } from './support/demoPeople';
import { SIDE_PANEL } from './support/meetingSurface';
import { appOrigin, startWorld, type World } from './support/world';

/**
 * Issue 14 in the browser: a plan opens only for the people the citizen's consent names, in both organisations,
 * and Microsoft 365 itself refuses everyone else — checked on the network, not on the screen.
 */

const origin = appOrigin();
const CASE = 'KI-2027-050';
const START = new Date('2026-12-02T13:00:00+01:00');
/** What no browser outside the consent may ever receive: the citizen's name, and what the plan says of him. */
const PLAN_WORDS = [/Jens Holm/, /Huslejerestance/, /Medicinen er justeret/];

/** Every response body the page receives from the sandbox's Graph while `work` runs. */
const bodiesDuring = async (page: Page, graphOrigin: string, work: () => Promise<void>): Promise<string[]> => {
  const bodies: Promise<string>[] = [];
  const listener = (response: Response) => {
    // Graph's answers and the file downloads it hands out (the sandbox's own demo tools are not Microsoft 365).
    const url = response.url();
    if (url.startsWith(`${graphOrigin}/v1.0`) || url.startsWith(`${graphOrigin}/_sandbox/download/`))
      bodies.push(response.text().catch(() => ''));
  };
  page.on('response', listener);
  try {
    await work();
  } finally {
    page.off('response', listener);
  }
  return Promise.all(bodies);
};

describe.skipIf(origin === null)('each plan opens only for the people the consent names', () => {
  let world: World;
  let arranged: ArrangedPlan;

  beforeAll(async () => {
    world = await startWorld(origin ?? '');
    // A meeting under way in Sundby's tenant with the region's psychiatrist as referent, Mikkel outside the consent.
    arranged = await arrangeMeetingUnderWay(world.sandbox, {
      caseReference: CASE,
      people: [
        people.mette.upn,
        people.jonas.upn,
        people.karen.upn,
        people.peter.upn,
        people.mikkel.upn,
        people.jens.upn,
      ],
      outsideConsent: [people.mikkel.upn],
      roles: { koordinator: people.mette.upn, moedeleder: people.jonas.upn, referent: people.karen.upn },
      start: START,
    });
  });
  afterAll(async () => {
    await world?.close();
  });

  it('someone outside the consent who follows the plan’s link is told in Danish whom to ask, and receives no byte of it', async () => {
    const mikkel = await world.asUser(people.mikkel.upn);
    const bodies = await bodiesDuring(mikkel.page, world.sandbox.origin, async () => {
      await mikkel.goto('plans.html', { planId: SEEDED_PLAN_ID, ask: 'Mette Larsen' });
      await mikkel.page
        .getByText(
          'Planen deles kun med dem, borgerens samtykke omfatter. Spørg tovholderen, Mette Larsen, hvis du skal have adgang.',
        )
        .waitFor({ timeout: 30_000 });
    });
    expect(bodies.length).toBeGreaterThan(0);
    for (const body of bodies) for (const words of PLAN_WORDS) expect(body).not.toMatch(words);
    expect(await mikkel.page.content()).not.toMatch(/Jens Holm/);
    await checkpoint(mikkel.page, 'plans', 'not-shared-with-you');
  });

  it('his plans tab lists no plan the consent does not give him, and the meeting’s side panel refuses too', async () => {
    const mikkel = await world.asUser(people.mikkel.upn, { viewport: SIDE_PANEL });
    const bodies = await bodiesDuring(mikkel.page, world.sandbox.origin, async () => {
      await mikkel.goto('meeting.html', { planId: arranged.plan.id, frame: 'sidePanel', ask: 'Mette Larsen' });
      await mikkel.page.getByText(/Planen deles kun med dem, borgerens samtykke omfatter/).waitFor({ timeout: 30_000 });
    });
    for (const body of bodies) expect(body).not.toMatch(/Jens Holm/);
    const home = await mikkel.openPlans();
    expect(await home.planCard('KI-2026-014').count()).toBe(0);
    expect(await home.planCard(CASE).count()).toBe(0);
  });

  it('the region’s psychiatrist, a guest in the municipality’s tenant, finds the plan in her own plans tab and sees who can open it', async () => {
    const karen = await world.asUser(people.karen.upn);
    const home = await karen.openPlans();
    const card = home.planCard('KI-2026-014');
    await card.waitFor({ timeout: 30_000 });
    await card
      .getByRole('button', { name: /Historik|Se planen|Åbn/ })
      .first()
      .click();
    const access = karen.page.getByRole('region', { name: 'Hvem kan åbne planen' });
    await access.waitFor({ timeout: 30_000 });
    const text = await access.innerText();
    expect(text).toContain('Mette Larsen: ejer — tovholder for planen');
    expect(text).toContain('Karen Skov: kan læse — omfattet af samtykket');
    expect(text).toContain('Mikkel Sørensen: ingen adgang — ikke omfattet af samtykket');
    await checkpoint(karen.page, 'plans', 'region-guest-plan-history');
  });

  it('as the meeting’s referent she writes the minutes from the region, and they are stored in the municipality’s plan', async () => {
    const karen = await world.asUser(people.karen.upn, {
      viewport: SIDE_PANEL,
      clockAt: new Date(START.getTime() + 10 * 60_000),
    });
    const panel = await karen.openSidePanel(arranged.plan.id);
    expect(await panel.yourRole()).toBe('Du er referent');
    await panel.openTab('Referat');
    await panel.addChallenge('Huslejerestance og risiko for udsættelse');
    await panel.waitUntilSaved();
    await expect
      .poll(
        async () => (await world.sandbox.plan(arranged.plan.id)).meetings[0]?.minutes.challenges.map((c) => c.text),
        {
          timeout: 30_000,
        },
      )
      .toContain('Huslejerestance og risiko for udsættelse');
    await checkpoint(karen.page, 'side-panel', 'region-referent-writes');
  });

  it('named next tovholder in the minutes sent, she opens the plan from the card’s link, then books the next meeting from her plans tab in one click', async () => {
    const held = await arrangeMeetingUnderWay(world.sandbox, {
      caseReference: 'KI-2027-051',
      people: [people.mette.upn, people.jonas.upn, people.karen.upn, people.peter.upn, people.jens.upn],
      roles: { koordinator: people.mette.upn, moedeleder: people.jonas.upn, referent: people.peter.upn },
      start: START,
      summaryConfirmed: true,
      sent: true,
      minutes: (who) => ({ nextTovholderId: who(people.karen.upn).id, nextMeetingBy: '2027-02-26' }),
    });
    const dayAfter = new Date('2026-12-03T17:30:00+01:00');
    const karen = await world.asUser(people.karen.upn, { clockAt: dayAfter });
    // The card's link: the plan opens in her own plans tab, from the region's tenant.
    await karen.goto('plans.html', { planId: held.plan.id });
    await karen.page.getByRole('heading', { name: 'Historik for KI-2027-051' }).waitFor({ timeout: 30_000 });
    // Her plans tab remembers it in her own tenant (a small index, nothing about the case), so it is there next time.
    await expect.poll(() => world.sandbox.indexedPlans(people.karen.upn), { timeout: 30_000 }).toContain(held.plan.id);
    const home = await karen.openPlans();
    const banner = home.tovholderBanner('KI-2027-051');
    await banner.waitFor({ timeout: 30_000 });
    const form = await home.bookNextFromBanner('KI-2027-051');
    expect(await form.roleHolder('Koordinator')).toBe(people.karen.name);
    await form.chooseBestTime();
    await form.book();
    // Everyone the consent covers can open it; nobody is named as shut out (the creator stays its owner, and
    // Karen, a manager, holds the plan although only an owner can make her owner too).
    await karen.page.getByText(/^4 personer kan åbne planen/).waitFor({ timeout: 30_000 });
    expect(await karen.page.getByText(/kan ikke åbne planen endnu/).count()).toBe(0);
    await checkpoint(karen.page, 'booking', 'region-next-tovholder-booked');

    const stored = await world.sandbox.plan(held.plan.id);
    expect(stored.meetings).toHaveLength(2);
    const next = stored.meetings[1];
    expect(stored.participants.find((p) => p.id === next?.roles.koordinator)?.name).toBe(people.karen.name);
    // The meeting is in her calendar in the region, with the municipality's people invited.
    const subject = 'Koordinerende indsatsplansmøde – KI-2027-051';
    expect((await world.sandbox.calendarOf(people.karen.upn)).filter((e) => e.subject === subject)).toHaveLength(1);
    expect((await world.sandbox.calendarOf(people.jonas.upn)).filter((e) => e.subject === subject)).toHaveLength(1);
  });
});
