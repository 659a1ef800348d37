/**
 * The local start page against a real sandbox: the demo users come from the sandbox, each surface opens as the
 * chosen user, and the meeting opens as the side panel at 320 px beside the stage, which "Vis for alle" updates.
 */
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { STAGE_CHANNEL, type StageMessage } from '../../../src/adapters/standalone/stageChannel';
import { resolveConfig, type AppConfig } from '../../../src/app/config';
import { LauncherPage } from '../../../src/app/launcher/LauncherPage';
import { BootFrame } from '../../../src/app/startup/BootFrame';
import { SEEDED_PLAN_ID } from '../../../sandbox/seedPlan';
import { startSandbox, type RunningSandbox } from '../../support/sandboxProcess';

// jsdom has no ResizeObserver; Fluent's MessageBar measures itself with one to pick its layout.
globalThis.ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
} as unknown as typeof ResizeObserver;

let sandbox: RunningSandbox;
let config: AppConfig;
beforeAll(async () => {
  sandbox = await startSandbox();
  const resolved = resolveConfig(
    {
      backend: 'sandbox',
      sandboxOrigin: sandbox.origin,
      clientId: '',
      teamsAppId: '',
      domain: '',
      tenantId: null,
      containerTypeId: '',
      partnerTenants: '',
      driveId: '',
      plansFolder: 'Tovholder/plans',
      cardDetail: 'summary',
      pinTab: true,
    },
    {},
    'http://localhost:5300',
  );
  if (!resolved.ok) throw new Error(resolved.detail);
  config = resolved.config;
});
afterAll(async () => {
  await sandbox?.stop();
});
beforeEach(() => sessionStorage.clear());

const openLauncher = () =>
  render(
    <BootFrame lang="da" theme="light">
      <LauncherPage
        config={config}
        lang="da"
        onLangChange={() => undefined}
        theme="light"
        onThemeChange={() => undefined}
        sandboxParam={null}
      />
    </BootFrame>,
  );

const cardOf = (title: string) => screen.getByRole('heading', { name: title }).parentElement as HTMLElement;

describe('the local start page', () => {
  it('lists the demo users who can sign in, and opens each surface as the chosen one', async () => {
    const user = userEvent.setup();
    openLauncher();
    await user.click(await screen.findByRole('radio', { name: /Jonas Berg/ }));
    expect(screen.queryByRole('radio', { name: /Ole Bak/ })).toBeNull(); // e-mail only: cannot sign in
    expect(screen.queryByRole('radio', { name: /EXT/ })).toBeNull(); // guest accounts are not people to pick
    // The demo's plan, once the launcher has asked Microsoft 365 which plans Jonas may open.
    await waitFor(() =>
      expect(within(cardOf('Mine planer')).getByRole('link', { name: 'Åbn i ny fane' }).getAttribute('href')).toBe(
        `/plans.html?host=standalone&user=jonas.berg%40sundby-kommune.example&${new URLSearchParams({ planId: SEEDED_PLAN_ID }).toString()}`,
      ),
    );
    const compose = within(cardOf('Outlook: Gør til indsatsplansmøde')).getByRole('link', { name: 'Åbn i ny fane' });
    expect(compose.getAttribute('href')).toBe('/compose.html?host=standalone&user=jonas.berg%40sundby-kommune.example');
    expect(screen.getByRole('link', { name: /Se chats, post og kalendere/ }).getAttribute('href')).toBe(
      `${sandbox.origin}/_sandbox/`,
    );
  });

  it('offers someone outside every consent no plan, and says why', async () => {
    const user = userEvent.setup();
    openLauncher();
    await user.click(await screen.findByRole('radio', { name: /Mikkel Sørensen/ }));
    expect((await screen.findByText(/Ingen planer deles med denne bruger/)).textContent).toContain('samtykke');
    expect(screen.getByRole('combobox', { name: 'Plan' }).querySelectorAll('option')).toHaveLength(0);
  });

  it('shows the side panel at 320 px beside the stage, and puts what the panel shares on the stage', async () => {
    const user = userEvent.setup();
    openLauncher();
    await user.click(await screen.findByRole('radio', { name: /Jonas Berg/ }));
    await user.click(within(cardOf('Sidepanel og fælles skærm')).getByRole('button', { name: 'Vis her' }));

    const panel = screen.getByTitle('Sidepanel (320 px) – Jonas Berg') as HTMLIFrameElement;
    const stage = screen.getByTitle('Fælles skærm – Jonas Berg') as HTMLIFrameElement;
    expect(panel.getAttribute('width')).toBe('320');
    expect(new URL(panel.src).searchParams.get('frame')).toBe('sidePanel');
    expect(new URL(stage.src).searchParams.get('frame')).toBe('meetingStage');

    // The side panel's "Vis for alle", as the standalone host sends it.
    const panelChannel = new BroadcastChannel(STAGE_CHANNEL);
    const answered = new Promise<StageMessage>((resolve) => {
      panelChannel.onmessage = (event: MessageEvent<StageMessage>) => resolve(event.data);
    });
    const shared =
      '/meeting.html?planId=plan-ki-2026-014&host=standalone&frame=meetingStage&user=jonas.berg%40sundby-kommune.example&view=summary';
    await act(async () => {
      panelChannel.postMessage({ type: 'shareToStage', requestId: 'r1', url: `${window.location.origin}${shared}` });
      expect(await answered).toEqual({ type: 'stageShown', requestId: 'r1' });
    });
    panelChannel.close();
    await waitFor(() =>
      expect((screen.getByTitle('Fælles skærm – Jonas Berg') as HTMLIFrameElement).src).toContain('view=summary'),
    );
    expect(screen.getByText('Den fælles skærm blev vist for alle.')).toBeVisible();
  });
});
