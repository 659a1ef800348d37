import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Plan } from '../../src/domain/plan/planDocument';
import { addDays, copenhagenDate } from '../../src/domain/time/danishTime';
import { startTeamsHost, type RunningTeamsHost } from '../support/teamsHostProcess';
import { people } from './support/demoPeople';
import { HostWindow, surfaceIn } from './support/hostWindow';
import { MeetingPage, SidePanel } from './support/meetingSurface';
import { PlansHome } from './support/plansTab';
import { appOrigin, startWorld, type UserSession, type World } from './support/world';

/**
 * Issue 16: the journey once through the local Teams host (sandbox/teamsHost/), where the production pages run the
 * code a real user runs inside Teams — teams-js's initialize and getContext per frame, the theme handler, stage
 * sharing, and MSAL's nestable client signing in through the host's nested app auth bridge — against the sandbox.
 * The koordinator books in the personal tab, the mødeleder shares the stage from the side panel, the referent writes
 * and sends the minutes (granting the send scopes when the host asks), and the next tovholder books the next meeting.
 * Any teams-js message the host does not know fails the journey, so a teams-js upgrade that changes the protocol
 * shows up here at once.
 */

const origin = appOrigin();
const CASE = 'KI-2027-116';
const SUBJECT = `Koordinerende indsatsplansmøde – ${CASE}`;
const inDays = (days: number): string => addDays(copenhagenDate(new Date()), days);
const goal = 'Stabil bolig med støtte i hverdagen';
const efforts = [
  { what: 'Bostøtte to gange om ugen', goal, owner: people.jonas, due: inDays(60) },
  { what: 'Afklaringsforløb i jobcentret', goal, owner: people.peter, due: inDays(75) },
];

describe.skipIf(origin === null)('the journey inside the local Teams host, with real teams-js and MSAL', () => {
  let world: World;
  let host: RunningTeamsHost;
  let plan: Plan;
  let chatId: string;
  let meetingStart: Date;
  const windows: HostWindow[] = [];

  beforeAll(async () => {
    world = await startWorld(origin ?? '');
    host = await startTeamsHost(world.appOrigin, world.sandbox.origin);
  });
  afterAll(async () => {
    await world?.close();
    await host?.stop();
  });

  const open = async (pending: Promise<HostWindow>): Promise<HostWindow> => {
    const opened = await pending;
    windows.push(opened);
    return opened;
  };
  const expectClean = async (...sessions: UserSession[]) => {
    for (const session of sessions)
      expect.soft(session.errors, `uncaught errors in ${session.upn}'s browser`).toEqual([]);
    for (const teams of windows.filter((w) => sessions.includes(w.user))) await teams.expectNoUnknownMessages();
  };

  it('the koordinator signs in through the host (consent once) and books the first meeting in the personal tab', async () => {
    const mette = await world.asUser(people.mette.upn);
    const teams = await open(HostWindow.personal(mette, host.origin));
    // MSAL's silent request has no grant yet: the host asks, as Teams shows Entra's consent prompt.
    // The plans' own storage, not every file the user can reach.
    const asked = await teams.consent();
    expect(asked).toContain('FileStorageContainer.Selected');
    expect(asked).not.toContain('Files.ReadWrite.All');
    const tab = await teams.frame('Tovholder – Planer');
    const home = new PlansHome(surfaceIn(tab));
    await home.waitUntilLoaded();

    const form = await home.newPlan();
    await form.describeCase(CASE, 'Jens Holm');
    for (const person of [people.jonas, people.aisha, people.peter]) await form.addFromDirectory(person.name);
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
    await form.recordConsent({
      information: 'Helbred, misbrug, bolig, økonomi og beskæftigelse',
      purpose: 'At koordinere indsatsen omkring borgeren',
      organisations: [
        'Sundby Rusmiddelcenter',
        'Socialpsykiatrien Sundby',
        'Borgerservice Sundby',
        'Jobcenter Sundby',
        'Lægehuset Sundby',
      ],
      validUntil: inDays(365),
    });
    await form.chooseBestTime();
    const confirmation = await form.book();
    expect(await confirmation.summary()).toContain(`${CASE}:`);

    plan = await world.sandbox.planByCaseReference(CASE);
    meetingStart = new Date(plan.meetings[0]?.start ?? '');
    // The app pinned its tab in the meeting chat (Graph, as the signed-in user): the host's meeting shows it.
    const chat = (await world.sandbox.chatsOf(people.jonas.upn)).find(
      (c) => c.chatType === 'meeting' && c.topic === SUBJECT,
    );
    expect(chat?.tabs.map((t) => t.configuration.contentUrl)).toEqual([
      expect.stringContaining(`/meeting.html?planId=${encodeURIComponent(plan.id)}`),
    ]);
    chatId = chat?.id ?? '';
    const log = await teams.hostLog();
    expect(log).toContain('nested app auth GetInitContext: ok');
    expect(log.some((line) => line.startsWith('nested app auth GetTokenPopup: ok'))).toBe(true);
    await expectClean(mette);
  });

  it('the mødeleder opens the meeting in the host: the side panel at 320 px shares the stage; the host’s theme reaches it', async () => {
    const jonas = await world.asUser(people.jonas.upn, {
      viewport: { width: 1700, height: 1000 },
      clockAt: new Date(meetingStart.getTime() + 2 * 60_000),
    });
    const teams = await open(HostWindow.meeting(jonas, host.origin, chatId));
    await teams.consent();
    const sidePanel = await teams.frame('sidepanel');
    const chair = new SidePanel(surfaceIn(sidePanel));
    await chair.waitUntilLoaded();
    expect(await chair.yourRole()).toBe('Du er mødeleder');
    expect(await sidePanel.evaluate(() => window.innerWidth)).toBe(320);

    await sidePanel.getByRole('button', { name: 'Vis for alle' }).click();
    await sidePanel.getByText('Visningen deles nu med alle i mødet.').waitFor();
    // A GP and the citizen take part by e-mail: screen share, which everyone can follow.
    expect(await teams.hostLog()).toContainEqual(expect.stringMatching(/^delt på scenen \(ScreenShare\)/));
    const stage = new MeetingPage(surfaceIn(await teams.frame('Tovholder på mødescenen')));
    await stage.waitUntilLoaded();
    expect(stage.page.url()).toContain('frame=meetingStage');

    // Teams' theme handler: the host switches to dark, the production pages follow live.
    await teams.chooseTheme('Mørkt');
    await sidePanel.locator('[data-theme="dark"]').first().waitFor();
    await stage.page.locator('[data-theme="dark"]').first().waitFor();
    await expectClean(jonas);
  });

  it('the referent, in her own host window in the same meeting, writes the minutes and sends them, granting the send scopes when asked', async () => {
    const aisha = await world.asUser(people.aisha.upn, {
      viewport: { width: 1700, height: 1000 },
      clockAt: new Date(meetingStart.getTime() + 85 * 60_000),
    });
    const teams = await open(HostWindow.meeting(aisha, host.origin, chatId));
    await teams.consent();
    const referent = new SidePanel(surfaceIn(await teams.frame('sidepanel')));
    await referent.waitUntilLoaded();
    expect(await referent.yourRole()).toBe('Du er referent');
    // The stage Jonas shares is in her host too (what screen sharing can show locally: who shares what).
    await teams.page.getByText(`${people.jonas.name} deler Tovholder på scenen (skærmdeling).`).waitFor();

    await referent.openTab('Referat');
    await referent.addChallenge('Huslejerestance på tre måneder');
    await referent.addGoal(goal);
    for (const effort of efforts) await referent.addEffort({ ...effort, owner: effort.owner.name });
    await referent.setAcceptance('Accepteret i mødet');
    await referent.setNextTovholder(people.peter.name);
    await referent.waitUntilSaved();
    await referent.confirmSummary();

    const send = await referent.openSend();
    await send.sendNow();
    // The first send asks for the two scopes sign-in did not (incremental consent through nested app auth).
    expect((await teams.consent()).sort()).toEqual(['Chat.ReadWrite', 'Mail.ReadWrite']);
    expect(await send.outcome()).toBe('Referatet er sendt til alle.');

    // Everyone in the meeting is covered by the consent, so the meeting chat holds the summary card too.
    const cards = await world.sandbox.cardsOf(people.peter.upn, CASE);
    expect(cards.map((card) => card.chatType).sort()).toEqual(['meeting', 'oneOnOne']);
    const peters = cards.find((card) => card.chatType === 'oneOnOne');
    expect(peters?.text.some((t) => t.startsWith('Du er næste tovholder'))).toBe(true);
    const gpMail = (await world.sandbox.mailboxOf(people.ole.upn)).filter(
      (m) => m.subject.startsWith('Referat:') && m.subject.includes(CASE),
    );
    expect(gpMail).toHaveLength(1);
    await expectClean(aisha);
  });

  it('the next tovholder books the next meeting from the banner in his personal tab', async () => {
    const dayAfter = new Date(`${copenhagenDate(new Date(meetingStart.getTime() + 24 * 3_600_000))}T17:30:00+01:00`);
    const peter = await world.asUser(people.peter.upn, { clockAt: dayAfter });
    const teams = await open(HostWindow.personal(peter, host.origin));
    await teams.consent();
    const home = new PlansHome(surfaceIn(await teams.frame('Tovholder – Planer')));
    await home.waitUntilLoaded();
    await home.tovholderBanner(CASE).waitFor();
    const form = await home.bookNextFromBanner(CASE);
    expect(await form.roleHolder('Koordinator')).toBe(people.peter.name);
    await form.chooseBestTime();
    await form.book();
    const stored = await world.sandbox.plan(plan.id);
    expect(stored.meetings).toHaveLength(2);
    await expectClean(peter);
  });
});
