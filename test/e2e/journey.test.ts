import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Plan } from '../../src/domain/plan/planDocument';
import { addDays, copenhagenDate, formatDateTime } from '../../src/domain/time/danishTime';
import { NO_SERIOUS_VIOLATIONS, seriousViolations } from './support/accessibility';
import { checkpoint, screenshot, settled, sidewaysOverflow, switchTheme } from './support/checkpoint';
import { people, type Person } from './support/demoPeople';
import { SIDE_PANEL, STAGE, MeetingPage } from './support/meetingSurface';
import { BookingConfirmationPage } from './support/plansTab';
import { isDeliveryMail, type HeldCard } from './support/sandboxInspector';
import { appOrigin, startWorld, type UserSession, type World } from './support/world';

/**
 * Issue 8's journey, with issue 4's and issue 7's browser tests and issue 5's reload inside it: the koordinator
 * books a new plan's first meeting, the mødeleder and the referent run it beside the stage, the referent sends the
 * minutes, everyone covered by the consent holds exactly one card (their own tasks first) or the e-mail, the
 * participant outside the consent holds nothing, and the next tovholder books the next meeting from the banner.
 */

const origin = appOrigin();
const CASE = 'KI-2027-031';
const SUBJECT = `Koordinerende indsatsplansmøde – ${CASE}`;

const goals = {
  housing: 'Stabil bolig med støtte i hverdagen',
  alcohol: 'Mindre forbrug af alkohol',
  work: 'Afklaring af arbejdsevnen',
};

/** Due dates a month or two after the meeting, which is booked in the coming week or two. */
const inDays = (days: number): string => addDays(copenhagenDate(new Date()), days);

/** Who does what, decided in the meeting. The GP and the citizen take part by e-mail; Mikkel is outside the consent. */
const efforts = [
  { what: 'Ugentlige samtaler om forbruget', goal: goals.alcohol, owner: people.mette, due: inDays(49) },
  { what: 'Bostøtte to gange om ugen', goal: goals.housing, owner: people.jonas, due: inDays(65) },
  { what: 'Afklaringsforløb i jobcentret', goal: goals.work, owner: people.peter, due: inDays(80) },
  { what: 'Medicingennemgang hos egen læge', goal: goals.alcohol, owner: people.ole, due: inDays(44) },
  { what: 'Tilsynsaftale og boligkrav', goal: goals.housing, owner: people.mikkel, due: inDays(54) },
];
const petersInput = 'Jobcentret kan tilbyde et afklaringsforløb fra januar.';
const citizenTask = { what: 'Møde op til samtalerne i Rusmiddelcentret', goal: goals.alcohol, due: inDays(49) };

describe.skipIf(origin === null)('the whole journey of an indsatsplansmøde, in Chromium', () => {
  let world: World;
  let plan: Plan;
  let meetingStart: Date;

  beforeAll(async () => {
    world = await startWorld(origin ?? '');
  });
  afterAll(async () => {
    await world?.close();
  });

  const expectNoPageErrors = (...users: UserSession[]) => {
    for (const user of users) expect.soft(user.errors, `uncaught errors in ${user.upn}'s browser`).toEqual([]);
  };

  it('the koordinator books the first meeting of a new plan in the plans tab', async () => {
    const mette = await world.asUser(people.mette.upn);
    const home = await mette.openPlans();
    await checkpoint(mette.page, 'plans', 'home');

    const form = await home.newPlan();
    await checkpoint(mette.page, 'booking', 'new');
    await form.describeCase(CASE, 'Jens Holm');
    for (const person of [people.jonas, people.aisha, people.peter, people.mikkel])
      await form.addFromDirectory(person.name);
    await form.addExternal({
      name: people.ole.name,
      email: people.ole.upn,
      organisation: 'Lægehuset Sundby',
      sector: 'Egen læge',
    });
    await form.addExternal({ name: people.jens.name, email: people.jens.upn, organisation: '', sector: 'Borger' });
    await form.setSector(people.mette.name, 'Rusmiddelbehandling');
    await form.setSector(people.jonas.name, 'Socialpsykiatri / bostøtte');
    await form.setSector(people.aisha.name, 'Sagsbehandler');
    await form.setSector(people.peter.name, 'Jobcenter');
    await form.setRole('Mødeleder', people.jonas.name);
    await form.setRole('Referent', people.aisha.name);
    expect(await form.roleHolder('Koordinator')).toBe(people.mette.name);
    await form.recordConsent({
      information: 'Helbred, misbrug, bolig, økonomi og beskæftigelse',
      purpose: 'At koordinere indsatsen omkring borgeren',
      // Everyone around the citizen except Kriminalforsorgen.
      organisations: [
        'Sundby Rusmiddelcenter',
        'Socialpsykiatrien Sundby',
        'Borgerservice Sundby',
        'Jobcenter Sundby',
        'Lægehuset Sundby',
      ],
      validUntil: addDays(copenhagenDate(new Date()), 365),
    });
    expect(await form.consentChoices()).toContainEqual({ label: 'Kriminalforsorgen', checked: false });
    await form.chooseBestTime();
    await checkpoint(mette.page, 'booking', 'filled');

    const confirmation = await form.book();
    expect(await confirmation.summary()).toContain(`${CASE}:`);
    // Seven people, of whom the citizen is told the time another way: his name is kept out of the attendee list.
    expect(await confirmation.summary()).toContain('Invitationen er sendt til 6 deltagere.');
    expect(await mette.page.getByText(`${people.jens.name} får ikke kalenderinvitationen`).count()).toBe(1);
    await checkpoint(mette.page, 'booking', 'booked');

    plan = await world.sandbox.planByCaseReference(CASE);
    const meeting = plan.meetings[0];
    expect(meeting?.eventId).toBeTruthy();
    meetingStart = new Date(meeting?.start ?? '');
    expect(plan.participants.map((p) => p.name)).toEqual([
      people.mette.name,
      people.jonas.name,
      people.aisha.name,
      people.peter.name,
      people.mikkel.name,
      people.ole.name,
      people.jens.name,
    ]);
    expectNoPageErrors(mette);
  });

  it('shows the booked meeting in an attendee’s calendar in the sandbox viewer, with the join link and no name', async () => {
    const viewer = await world.asUser(people.jonas.upn);
    await viewer.page.goto(
      `${world.sandbox.origin}/_sandbox/view?user=${encodeURIComponent(people.jonas.upn)}#kalender`,
    );
    const row = viewer.page.getByRole('region', { name: 'Kalender' }).getByRole('row').filter({ hasText: SUBJECT });
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.getByRole('link', { name: 'Teams-link' }).getAttribute('href')).toMatch(/^https:\/\//);
    expect(await row.innerText()).toContain(people.mette.name);
    await screenshot(viewer.page, 'sandbox-viewer-calendar-light');
    await viewer.page.goto(
      `${world.sandbox.origin}/_sandbox/view?user=${encodeURIComponent(people.jonas.upn)}&theme=dark#kalender`,
    );
    await screenshot(viewer.page, 'sandbox-viewer-calendar-dark');

    const events = (await world.sandbox.calendarOf(people.jonas.upn)).filter((e) => e.subject === SUBJECT);
    expect(events).toHaveLength(1);
    expect(events[0]?.onlineMeeting?.joinUrl).toBeTruthy();
    // Issue 4: the subject and the body carry the case reference and the agenda, never the citizen's name.
    for (const text of [events[0]?.subject, events[0]?.bodyPreview, events[0]?.body?.content]) {
      expect(text).toBeTruthy();
      expect(text).not.toMatch(/Jens|Holm/);
    }
    // Nor does the attendee list, which every attendee and their delegates see: the citizen is told another way.
    const attendees = (events[0]?.attendees ?? []).map((a) => `${a.emailAddress.name} <${a.emailAddress.address}>`);
    expect(attendees).toContain(`${people.ole.name} <${people.ole.upn}>`);
    expect(attendees.join('\n')).not.toMatch(/Jens|Holm/i);
    await viewer.close();
  });

  it('before the meeting the koordinator sees the answers to the invitation and records an afbud with written input', async () => {
    await world.sandbox.answerInvitation(people.jonas.upn, SUBJECT, 'accept');
    await world.sandbox.answerInvitation(people.peter.upn, SUBJECT, 'decline');
    const mette = await world.asUser(people.mette.upn, { clockAt: new Date(meetingStart.getTime() - 3 * 3_600_000) });
    const details = await mette.openMeeting(plan.id, 'content');
    const invitee = (name: string) => mette.page.getByRole('group', { name, exact: true });
    await expect.poll(() => invitee(people.jonas.name).innerText(), { timeout: 20_000 }).toContain('Har takket ja');
    expect(await invitee(people.peter.name).innerText()).toContain('Har takket nej');
    expect(await invitee(people.aisha.name).innerText()).toContain('Har ikke svaret');

    // Declining the invitation is sending afbud: the place for Peter's written input is there already.
    await expect
      .poll(() => invitee(people.peter.name).getByRole('combobox', { name: 'Fremmøde' }).inputValue())
      .toBe('apologies');
    await invitee(people.peter.name)
      .getByRole('textbox', { name: `Skriftligt input fra ${people.peter.name}` })
      .fill(petersInput);
    const peterId = plan.participants.find((p) => p.name === people.peter.name)?.id;
    await expect
      .poll(
        async () =>
          (await world.sandbox.plan(plan.id)).meetings[0]?.invitees.find((i) => i.participantId === peterId)
            ?.attendance,
        { timeout: 20_000 },
      )
      .toEqual({ kind: 'apologies', writtenInput: petersInput });
    await details.waitUntilSaved();
    await checkpoint(mette.page, 'details', 'before-meeting');
    expectNoPageErrors(mette);
  });

  it('the mødeleder and the referent run the meeting at 320 px beside the stage; a reload loses nothing', async () => {
    // The people in the meeting live two minutes into it.
    const during = new Date(meetingStart.getTime() + 2 * 60_000);
    const jonas = await world.asUser(people.jonas.upn, { viewport: SIDE_PANEL, clockAt: during });
    const aisha = await world.asUser(people.aisha.upn, { viewport: SIDE_PANEL, clockAt: during, theme: 'dark' });

    const chair = await jonas.openSidePanel(plan.id);
    expect(await chair.yourRole()).toBe('Du er mødeleder');
    // Two minutes in, the clock runs from the meeting's start: the first item.
    expect(await chair.currentItem()).toBe('Stamoplysninger');
    await checkpoint(jonas.page, 'side-panel', 'agenda-first-item');
    const stagePage: Page = await chair.shareToStage();
    jonas.watch(stagePage);
    await stagePage.setViewportSize(STAGE);
    const stage = new MeetingPage(stagePage);
    await stage.waitUntilLoaded();
    expect(stagePage.url()).toContain('frame=meetingStage');

    await chair.nextItem();
    expect(await chair.currentItem()).toBe('Afdækning');
    await checkpoint(jonas.page, 'side-panel', 'agenda-running');

    const referent = await aisha.openSidePanel(plan.id);
    expect(await referent.yourRole()).toBe('Du er referent');
    // The round in afdækning: Peter sent afbud, so his written input is read out at his turn.
    await referent.openTab('Runde');
    const petersTurn = referent.turn(people.peter.name);
    expect(await petersTurn.innerText()).toContain('Skriftligt input (afbud)');
    expect(await petersTurn.innerText()).toContain(petersInput);
    await petersTurn.getByRole('checkbox').check();
    await checkpoint(aisha.page, 'side-panel', 'round');
    await referent.openTab('Referat');
    // A challenge as long as they are in real minutes: at 320 px it takes several lines, all of them in view.
    const rent =
      'Huslejerestance på tre måneder; boligselskabet har varslet udsættelse, hvis der ikke er en afdragsordning inden 1. marts';
    await referent.addChallenge(rent);
    await referent.addGoal(goals.housing);
    await referent.addGoal(goals.alcohol);
    await referent.addGoal(goals.work);
    // The meeting decides that the alcohol comes first: dragged there with the mouse (the keyboard's way, "Flyt op",
    // is in sidePanelKeyboard.test.ts).
    await referent.dragGoal(2, 1);
    expect(await referent.goals()).toEqual([goals.alcohol, goals.housing, goals.work]);
    for (const effort of efforts.slice(0, 2)) await referent.addEffort({ ...effort, owner: effort.owner.name });

    // Issue 5: a reload in the middle of writing loses nothing.
    await referent.reload();
    expect(await referent.challenges()).toEqual([rent]);
    expect(await referent.goals()).toEqual([goals.alcohol, goals.housing, goals.work]);
    expect((await referent.efforts()).map((e) => [e.what, e.goal, e.owner, e.due])).toEqual(
      efforts.slice(0, 2).map((e) => [e.what, e.goal, e.owner.name, e.due]),
    );
    await referent.openTab('Runde');
    expect(await referent.turn(people.peter.name).getByRole('checkbox').isChecked()).toBe(true);
    await referent.openTab('Referat');
    // …and what was typed before the reload reaches the plan in the library.
    await expect
      .poll(async () => (await world.sandbox.plan(plan.id)).meetings[0]?.minutes.efforts.map((e) => e.what), {
        timeout: 20_000,
      })
      .toEqual(efforts.slice(0, 2).map((e) => e.what));

    await chair.nextItem();
    for (const effort of efforts.slice(2)) await referent.addEffort({ ...effort, owner: effort.owner.name });
    await referent.addCitizenTask(citizenTask);
    await referent.setAcceptance('Accepteret i mødet');
    await referent.setNextTovholder(people.peter.name);
    // Næste møde senest: three months after this one unless changed.
    const meetingDay = copenhagenDate(meetingStart);
    const nextBy = await referent.nextMeetingBy();
    expect(nextBy >= addDays(meetingDay, 85) && nextBy <= addDays(meetingDay, 95), `next meeting by ${nextBy}`).toBe(
      true,
    );
    await referent.waitUntilSaved();
    await checkpoint(aisha.page, 'side-panel', 'minutes-written');
    // Teams' high-contrast theme, switched to during the meeting: the panel follows, fits 320 px and stays accessible.
    await aisha.page.evaluate(() =>
      window.postMessage({ type: 'tovholder:theme', theme: 'contrast' }, window.location.origin),
    );
    await aisha.page.locator('[data-theme="contrast"]').first().waitFor();
    await settled(aisha.page);
    expect.soft(await seriousViolations(aisha.page, 'side panel (contrast)')).toBe(NO_SERIOUS_VIOLATIONS);
    expect.soft(await sidewaysOverflow(aisha.page), 'reflow: side panel (contrast)').toBe('fits the width');
    await screenshot(aisha.page, 'side-panel-minutes-written-contrast');
    await switchTheme(aisha.page, 'dark');

    // The chair's reload in the middle of the agenda keeps the clock where it was.
    await chair.nextItem();
    const item = await chair.currentItem();
    await chair.reload();
    expect(await chair.currentItem()).toBe(item);
    await chair.nextItem();
    await chair.nextItem();
    expect(await chair.currentItem()).toBe('Dagsordenen er gennemgået');

    // The stage follows the store: the goals in priority order and the efforts as they formed.
    const goalsOnStage = stagePage.getByRole('region', { name: 'Fælles mål' }).getByRole('listitem');
    await expect
      .poll(() => goalsOnStage.allInnerTexts(), { timeout: 20_000 })
      .toEqual([goals.alcohol, goals.housing, goals.work]);
    await expect
      .poll(() => stagePage.getByRole('region', { name: 'Indsatser' }).innerText(), { timeout: 20_000 })
      .toContain(citizenTask.what);
    await expect
      .poll(() => stage.page.getByRole('region', { name: 'Dagsorden' }).innerText(), { timeout: 20_000 })
      .toContain('Dagsordenen er gennemgået');
    await checkpoint(stagePage, 'stage', 'plan-formed');

    // Everyone else reads along in the side panel.
    await chair.openTab('Referat');
    await expect
      .poll(() => jonas.page.getByRole('tabpanel').innerText(), { timeout: 20_000 })
      .toContain(efforts[2]?.what ?? '');
    await checkpoint(jonas.page, 'side-panel', 'minutes-read-only');
    expectNoPageErrors(jonas, aisha);
  });

  it('the referent confirms the joint summary and sends the minutes', async () => {
    const during = new Date(meetingStart.getTime() + 85 * 60_000);
    const aisha = await world.asUser(people.aisha.upn, { viewport: SIDE_PANEL, clockAt: during });
    const referent = await aisha.openSidePanel(plan.id);
    await referent.confirmSummary();
    await checkpoint(aisha.page, 'side-panel', 'summary-confirmed');

    const send = await referent.openSend();
    const lines = await send.plan();
    expect(lines.find((l) => l.startsWith(people.mikkel.name))).toMatch(/Intet/);
    // The browser tests' build encrypts with Purview (TOVHOLDER_MAIL_PROTECTION=purview): the GP gets the minutes
    // encrypted, the citizen only the notice, the plan going by Digital Post.
    expect(lines.find((l) => l.startsWith(people.ole.name))).toMatch(/Krypteret e-mail/);
    expect(lines.find((l) => l.startsWith(people.jens.name))).toMatch(
      /Kun besked om nyt referat — planen sendes med Digital Post/,
    );
    expect(lines.find((l) => l.startsWith(people.peter.name))).toMatch(/Teams-chat/);
    await checkpoint(aisha.page, 'send', 'plan-and-preview');

    await send.sendNow();
    expect(await send.outcome()).toBe('Referatet er sendt til alle.');
    await checkpoint(aisha.page, 'send', 'sent');
    expectNoPageErrors(aisha);
  });

  it('in the sandbox, everyone covered by the consent holds exactly one card with their own tasks first, the GP the encrypted e-mail, the citizen the notice, Mikkel nothing', async () => {
    const ownTasksFirst = (held: HeldCard, task: string) => {
      const yours = held.text.indexOf('Dine opgaver');
      const participants = held.text.indexOf('Deltagere');
      const taskAt = held.text.indexOf(task);
      expect(yours, `"Dine opgaver" in ${held.text.join(' | ')}`).toBeGreaterThanOrEqual(0);
      expect(yours).toBeLessThan(participants);
      expect(taskAt).toBeGreaterThan(yours);
      expect(taskAt).toBeLessThan(participants);
    };
    for (const person of [people.mette, people.jonas, people.peter] as Person[]) {
      const cards = await world.sandbox.cardsOf(person.upn, CASE);
      expect(cards, `${person.name}'s cards about ${CASE}`).toHaveLength(1);
      expect(cards[0]?.chatType).toBe('oneOnOne');
      expect(cards[0]?.from).toBe(people.aisha.name);
      const task = efforts.find((e) => e.owner === person);
      ownTasksFirst(cards[0] as HeldCard, task?.what ?? '');
    }
    // Peter is also told that he convenes the next meeting.
    const [peters] = await world.sandbox.cardsOf(people.peter.upn, CASE);
    expect(peters?.text.some((t) => t.startsWith('Du er næste tovholder'))).toBe(true);

    expect(await world.sandbox.cardsOf(people.mikkel.upn, CASE), 'Mikkel is outside the consent').toEqual([]);
    expect((await world.sandbox.mailboxOf(people.mikkel.upn)).filter(isDeliveryMail(CASE))).toEqual([]);
    // The sender has the plan; she gets no copy.
    expect(
      await world.sandbox.cardsOf(people.aisha.upn, CASE).then((c) => c.filter((x) => x.chatType !== 'oneOnOne')),
    ).toEqual([]);

    for (const person of [people.ole, people.jens]) {
      const mails = (await world.sandbox.mailboxOf(person.upn)).filter(isDeliveryMail(CASE));
      expect(mails, `${person.name}'s e-mails about ${CASE}`).toHaveLength(1);
    }
    // The GP's is the minutes, marked for the tenant's Purview rule; the citizen's only the notice, marked so.
    const [gpMail] = (await world.sandbox.mailboxOf(people.ole.upn)).filter(isDeliveryMail(CASE));
    expect(gpMail?.subject).toMatch(/^Referat:/);
    expect(gpMail?.body.content).toContain('Medicingennemgang hos egen læge');
    expect(gpMail?.internetMessageHeaders).toEqual([{ name: 'X-Tovholder-Protection', value: 'purview' }]);
    const [citizenMail] = (await world.sandbox.mailboxOf(people.jens.upn)).filter(isDeliveryMail(CASE));
    expect(citizenMail?.subject).toBe(`Nyt referat i sag ${CASE}`);
    expect(citizenMail?.body.content).not.toContain('Medicingennemgang hos egen læge');
    expect(citizenMail?.internetMessageHeaders).toEqual([{ name: 'X-Tovholder-Protection', value: 'notice' }]);

    const stored = await world.sandbox.plan(plan.id);
    const delivery = stored.meetings[0]?.delivery;
    expect(delivery?.recipients.filter((r) => r.status === 'sent').length).toBeGreaterThanOrEqual(5);
    expect(delivery?.recipients.some((r) => r.status === 'failed' || r.status === 'unknown')).toBe(false);
  });

  it('the next tovholder sees the banner and books the next meeting in one click, with people, roles and follow-up carried over', async () => {
    // The day after the meeting, after working hours (so the next meeting lands on a later day).
    const dayAfter = new Date(`${copenhagenDate(new Date(meetingStart.getTime() + 24 * 3_600_000))}T17:30:00+01:00`);
    const peter = await world.asUser(people.peter.upn, { clockAt: dayAfter });
    const home = await peter.openPlans();
    const banner = home.tovholderBanner(CASE);
    await banner.waitFor();
    expect(await banner.innerText()).toMatch(new RegExp(`Du er tovholder for ${CASE} — indkald senest \\d+\\. \\S+`));
    await checkpoint(peter.page, 'plans', 'next-tovholder-banner');

    const form = await home.bookNextFromBanner(CASE);
    expect(await form.heading.innerText()).toBe(`Book næste møde for ${CASE}`);
    expect(await form.invitedNames()).toEqual(plan.participants.map((p) => p.name));
    expect(await form.roleHolder('Koordinator')).toBe(people.peter.name);
    expect(await form.roleHolder('Mødeleder')).toBe(people.jonas.name);
    expect(await form.roleHolder('Referent')).toBe(people.aisha.name);
    expect(await form.section('Samtykke').innerText()).toContain('føres med til næste møde');
    const followUp = await form.followUpList().getByRole('listitem').allInnerTexts();
    for (const effort of [...efforts, citizenTask])
      expect(
        followUp.some((line) => line.includes(effort.what)),
        `${effort.what} in the follow-up`,
      ).toBe(true);
    await checkpoint(peter.page, 'booking', 'next-meeting');

    await form.chooseBestTime();
    await form.book();
    await checkpoint(peter.page, 'booking', 'next-booked');
    const stored = await world.sandbox.plan(plan.id);
    expect(stored.meetings).toHaveLength(2);
    const [first, next] = stored.meetings;
    const nameOf = (id: string | null) => stored.participants.find((p) => p.id === id)?.name;
    expect(nameOf(next?.roles.koordinator ?? null)).toBe(people.peter.name);
    expect(nameOf(next?.roles.moedeleder ?? null)).toBe(people.jonas.name);
    expect(nameOf(next?.roles.referent ?? null)).toBe(people.aisha.name);
    expect(next?.invitees.map((i) => i.participantId)).toEqual(first?.invitees.map((i) => i.participantId));
    expect(next?.minutes.followUp.map((f) => f.what).sort()).toEqual(
      [...efforts, citizenTask].map((e) => e.what).sort(),
    );
    expect(stored.consent).toEqual(plan.consent);
    expect((await world.sandbox.calendarOf(people.jonas.upn)).filter((e) => e.subject === SUBJECT)).toHaveLength(2);

    // Issue 7's history and print: the minutes as they were sent, read-only, and a plain print for the journal.
    const again = await new BookingConfirmationPage(peter.page).home();
    // Home: the banner is gone and the plan shows the booked next meeting.
    expect(await again.tovholderBanner(CASE).count()).toBe(0);
    expect(await again.planCard(CASE).innerText()).toContain(formatDateTime(new Date(next?.start ?? ''), 'da'));
    await again.planCard(CASE).getByRole('button', { name: 'Historik' }).click();
    const history = peter.page.getByRole('main', { name: `Historik for ${CASE}` });
    await history.waitFor();
    const held = history.getByRole('article').first();
    expect(await held.innerText()).toMatch(/Referatet,? som det blev sendt/);
    for (const effort of efforts) expect(await held.innerText()).toContain(effort.what);
    await checkpoint(peter.page, 'plans', 'history');
    await history.getByRole('button', { name: 'Udskriv' }).click();
    const print = peter.page.getByRole('main', { name: 'Koordinerende indsatsplan' });
    await print.waitFor();
    expect(await print.innerText()).toContain('Jens Holm');
    for (const goal of Object.values(goals)) expect(await print.innerText()).toContain(goal);
    await checkpoint(peter.page, 'plans', 'print');
    expectNoPageErrors(peter);
  });
});
