import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Plan } from '../../src/domain/plan/planDocument';
import { startTeamsHost, type RunningTeamsHost } from '../support/teamsHostProcess';
import { arrangeMeetingUnderWay } from './support/arrangePlan';
import { people } from './support/demoPeople';
import { HostWindow, surfaceIn } from './support/hostWindow';
import { SidePanel } from './support/meetingSurface';
import { appOrigin, startWorld, type World } from './support/world';

/**
 * Issue 16: what Teams refuses, reproduced by the local Teams host and met by the production pages with the real
 * teams-js and MSAL — the tab configuration page's Save (validity, save, the tab pinned in the meeting chat), an
 * attendee who may not share the stage, a client without the collaborative sharing protocol, a Graph scope the
 * tenant's administrator has not allowed, and a message the host does not know, which is loud.
 */

const origin = appOrigin();
const CASE = 'KI-2027-201';

describe.skipIf(origin === null)('the local Teams host’s refusals, met by the production pages', () => {
  let world: World;
  let host: RunningTeamsHost;
  let plan: Plan;
  let chatId: string;

  beforeAll(async () => {
    world = await startWorld(origin ?? '');
    host = await startTeamsHost(world.appOrigin, world.sandbox.origin);
    // All colleagues in Sundby's tenant: the stage is shared collaboratively unless the client cannot.
    ({ plan } = await arrangeMeetingUnderWay(world.sandbox, {
      caseReference: CASE,
      people: [people.mette.upn, people.jonas.upn, people.aisha.upn],
      roles: { koordinator: people.mette.upn, moedeleder: people.jonas.upn, referent: people.aisha.upn },
      start: new Date(Date.now() - 10 * 60_000),
    }));
    // The seeded meeting's chat, which has no Tovholder tab yet.
    const chat = (await world.sandbox.chatsOf(people.jonas.upn)).find((c) => c.chatType === 'meeting');
    chatId = chat?.id ?? '';
    expect(chat?.tabs).toEqual([]);
  });
  afterAll(async () => {
    await world?.close();
    await host?.stop();
  });

  it('adds the tab through the configuration page: Save waits for a plan, then the tab is pinned in the meeting chat', async () => {
    const jonas = await world.asUser(people.jonas.upn, { viewport: { width: 1700, height: 1000 } });
    const teams = await HostWindow.meeting(jonas, host.origin, chatId);
    await teams.page.getByRole('button', { name: 'Tilføj en fane' }).click();
    await teams.consent();
    const dialog = teams.page.getByRole('dialog', { name: 'Tilføj Tovholder til mødet' });
    const save = dialog.getByRole('button', { name: 'Gem' });
    const configPage = await teams.frame('Tilføj Tovholder til mødet');
    await configPage.getByRole('combobox', { name: 'Plan' }).waitFor({ timeout: 30_000 });
    // pages.config.setValidityState: Teams' Save is off until the page says the choice is valid.
    expect(await save.isDisabled()).toBe(true);
    await configPage.getByRole('combobox', { name: 'Plan' }).selectOption({ label: CASE });
    await expect.poll(() => save.isEnabled()).toBe(true);
    await save.click();
    await dialog.waitFor({ state: 'detached', timeout: 30_000 });

    const chat = (await world.sandbox.chatsOf(people.jonas.upn)).find((c) => c.id === chatId);
    expect(chat?.tabs.map((t) => t.configuration.contentUrl)).toEqual([
      `${world.appOrigin}/meeting.html?planId=${encodeURIComponent(plan.id)}`,
    ]);
    const panel = new SidePanel(surfaceIn(await teams.frame('sidepanel')));
    await panel.waitUntilLoaded();
    expect(await panel.yourRole()).toBe('Du er mødeleder');
    await teams.expectNoUnknownMessages();
    expect(jonas.errors).toEqual([]);
  });

  it('an attendee may not share the stage: the side panel says so, and the stage stays empty', async () => {
    const aisha = await world.asUser(people.aisha.upn, { viewport: { width: 1700, height: 1000 } });
    const teams = await HostWindow.meeting(aisha, host.origin, chatId, { role: 'attendee' });
    await teams.consent();
    const panel = await teams.frame('sidepanel');
    await new SidePanel(surfaceIn(panel)).waitUntilLoaded();
    await panel.getByRole('button', { name: 'Vis for alle' }).click();
    await panel.getByText(/^Kun præsentatorer kan vise indhold for alle/).waitFor();
    expect(await teams.page.getByRole('region', { name: 'Mødescene' }).innerText()).toContain(
      'Ingen deler noget på scenen.',
    );
    await teams.expectNoUnknownMessages();
  });

  it('a client without the collaborative protocol refuses it (501), and the side panel shares by screen share instead', async () => {
    const jonas = await world.asUser(people.jonas.upn, { viewport: { width: 1700, height: 1000 } });
    const teams = await HostWindow.meeting(jonas, host.origin, chatId, { stageProtocols: 'ScreenShare' });
    const panel = await teams.frame('sidepanel');
    await new SidePanel(surfaceIn(panel)).waitUntilLoaded();
    await panel.getByRole('button', { name: 'Vis for alle' }).click();
    await panel.getByText('Visningen deles nu med alle i mødet.').waitFor();
    const log = await teams.hostLog();
    expect(log).toContainEqual(expect.stringMatching(/^del på scenen afvist \(501\): The Collaborative/));
    expect(log).toContainEqual(expect.stringMatching(/^delt på scenen \(ScreenShare\)/));
    await teams.frame('Tovholder på mødescenen');
    await teams.expectNoUnknownMessages();
  });

  it('a scope the administrator has not allowed: the host says only an admin can grant it, and the To Do opt-in explains', async () => {
    const mette = await world.asUser(people.mette.upn);
    const teams = await HostWindow.personal(mette, host.origin, { refuse: 'Tasks.ReadWrite' });
    await teams.consent();
    const tab = await teams.frame('Tovholder – Planer');
    await tab.getByRole('switch', { name: 'Tilføj mine indsatser til Microsoft To Do' }).check({ timeout: 30_000 });
    await tab.getByRole('button', { name: 'Tilføj til To Do' }).click();
    const dialog = teams.page.getByRole('dialog', { name: 'Kræver godkendelse af en administrator' });
    expect(await dialog.innerText()).toContain('Tasks.ReadWrite');
    await teams.consent('Luk');
    await tab
      .getByText(/Tovholder fik ikke adgang til din Microsoft To Do/)
      .first()
      .waitFor();
    expect(await world.sandbox.faults()).toEqual([]);
    await teams.expectNoUnknownMessages();
  });

  it('a message the host does not know is loud: named on the page and in the log, and answered as not supported (100)', async () => {
    const mette = await world.asUser(people.mette.upn);
    const teams = await HostWindow.personal(mette, host.origin);
    const tab = await teams.frame('Tovholder – Planer');
    await tab.getByRole('heading', { level: 1, name: 'Mine indsatsplaner' }).waitFor({ timeout: 30_000 });
    const errors: string[] = [];
    teams.page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    // What a newer teams-js might send: a request the host has never heard of, in teams-js's own shape.
    const answer = await tab.evaluate(
      () =>
        new Promise<unknown>((resolve) => {
          window.addEventListener('message', (event: MessageEvent) => {
            const data = event.data as { id?: unknown; args?: unknown[] };
            if (data?.id === 4242) resolve(data.args?.[0]);
          });
          window.parent.postMessage(
            { id: 4242, uuidAsString: 'made-up', func: 'copilot.madeUp.capability', args: [], apiVersionTag: 'v2_x' },
            '*',
          );
        }),
    );
    expect(answer).toEqual({
      errorCode: 100,
      message: 'copilot.madeUp.capability is not supported by the local Teams host',
    });
    expect(await teams.unknownMessages()).toEqual(['copilot.madeUp.capability (fra content: Tovholder – Planer)']);
    expect(await teams.page.getByRole('alert').innerText()).toContain('copilot.madeUp.capability');
    expect(errors.some((line) => line.includes('UKENDT BESKED: copilot.madeUp.capability'))).toBe(true);
  });
});
