/**
 * The composition root's choice of host and sign-in in a real tenant (Graph backend), with the host SDKs faked and
 * Graph's /me answered by a stubbed fetch: the plans page in a plain browser tab signs in with MSAL's standard client
 * at once (no teams-js, which would only time out), while a framed page (Teams, Outlook, the Microsoft 365 app) and
 * Teams mobile keep the host path with nested app auth.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AccessTokenSource } from '../../../src/adapters/auth/accessTokenSource';
import { createServices, isPlainBrowser } from '../../../src/app/createServices';
import type { HostSdks } from '../../../src/app/hostSdks';
import type { Surface } from '../../../src/app/launchParams';
import { cloudBuild } from '../../support/cloudBuild';
import { pageWindow } from '../../support/pageWindow';
import { quietHost } from '../../support/fakes/quietHost';

const AUTH_END = 'https://tovholder.sundby-kommune.example/auth-end.html';

const teamsHost = quietHost('teams');

/** Fake host SDKs that record what the composition root asked of them. */
const recordingHosts = () => {
  const calls: { sdk: string; options?: unknown }[] = [];
  const token: AccessTokenSource = { getToken: async () => 'token' };
  const hosts: HostSdks = {
    teams: async (frame) => {
      calls.push({ sdk: 'teams', options: frame });
      return { ok: true, host: teamsHost, tenantId: 'tenant-from-teams', subPageId: null };
    },
    office: async () => {
      calls.push({ sdk: 'office' });
      return null;
    },
    msal: async (options) => {
      calls.push({ sdk: 'msal', options });
      return token;
    },
  };
  return { hosts, calls };
};

const start = (surface: Surface, win: Window, hosts: HostSdks) =>
  createServices({ surface, window: win, build: cloudBuild, hosts });

beforeEach(() => {
  vi.stubGlobal('fetch', async (input: RequestInfo | URL) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (!new URL(url).pathname.endsWith('/me')) return new Response('{}', { status: 404 });
    return Response.json({
      id: 'user-mette',
      displayName: 'Mette Larsen',
      mail: 'mette.larsen@sundby-kommune.example',
      userPrincipalName: 'mette.larsen@sundby-kommune.example',
    });
  });
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the plans page in a plain browser tab (tenant mode)', () => {
  it('does not wait for Teams: the browser is the host and MSAL’s standard client signs in, returning to auth-end.html', async () => {
    const { hosts, calls } = recordingHosts();
    const win = pageWindow('/plans.html?planId=plan-ki-2026-014');
    const startup = await start('plans', win, hosts);

    expect(calls).toEqual([
      {
        sdk: 'msal',
        options: { clientId: cloudBuild.clientId, tenantId: null, hosted: false, redirectUri: AUTH_END },
      },
    ]);
    if (!startup.ok) throw new Error(`did not start: ${JSON.stringify(startup.problem)}`);
    expect(startup.services.me.name).toBe('Mette Larsen');
    expect([startup.services.host.kind, startup.services.host.frame()]).toEqual(['browser', 'personal']);
    expect(startup.launch.planId).toBe('plan-ki-2026-014');
  });

  it('signs in against the configured home tenant', async () => {
    const { hosts, calls } = recordingHosts();
    await createServices({
      surface: 'plans',
      window: pageWindow('/plans.html'),
      build: { ...cloudBuild, tenantId: '11111111-1111-4111-8111-111111111111' },
      hosts,
    });
    expect(calls.map((call) => call.options)).toEqual([
      expect.objectContaining({ tenantId: '11111111-1111-4111-8111-111111111111', hosted: false }),
    ]);
  });
});

describe('the pages inside a Microsoft host keep teams-js and nested app auth', () => {
  it('a framed plans page (Teams, Outlook, the Microsoft 365 app) initialises Teams, then MSAL hosted', async () => {
    const { hosts, calls } = recordingHosts();
    const startup = await start('plans', pageWindow('/plans.html', { framed: true }), hosts);

    expect(calls).toEqual([
      { sdk: 'teams', options: 'personal' },
      {
        sdk: 'msal',
        options: { clientId: cloudBuild.clientId, tenantId: null, hosted: true, redirectUri: AUTH_END },
      },
    ]);
    expect(startup.ok && startup.services.host.kind).toBe('teams');
  });

  it('Teams mobile (top-level beside its native bridge) initialises Teams', async () => {
    const { hosts, calls } = recordingHosts();
    const win = pageWindow('/plans.html');
    (win as Window & { nativeInterface?: unknown }).nativeInterface = {};
    await start('plans', win, hosts);
    expect(calls.map((call) => call.sdk)).toEqual(['teams', 'msal']);
    expect(calls[1]?.options).toMatchObject({ hosted: true });
  });

  it('the meeting page stays host-only, even top-level', async () => {
    const { hosts, calls } = recordingHosts();
    await start('meeting', pageWindow('/meeting.html'), hosts);
    expect(calls.map((call) => call.sdk)).toEqual(['teams', 'msal']);
    expect(calls[1]?.options).toMatchObject({ hosted: true });
  });

  it('the compose page stays host-only, even top-level: without Outlook it says so and does not sign in', async () => {
    const { hosts, calls } = recordingHosts();
    const startup = await start('compose', pageWindow('/compose.html'), hosts);
    expect(calls.map((call) => call.sdk)).toEqual(['office']);
    expect(startup.ok === false && startup.problem.kind).toBe('host');
  });
});

describe('telling a plain browser tab from a Microsoft host', () => {
  it('a top-level page is a plain browser; a framed one (Teams, Outlook, Microsoft 365 app) or Teams mobile is not', () => {
    expect(isPlainBrowser(pageWindow('/plans.html'))).toBe(true);
    expect(isPlainBrowser(pageWindow('/plans.html', { framed: true }))).toBe(false);
    const mobile = pageWindow('/plans.html') as Window & { nativeInterface?: unknown };
    mobile.nativeInterface = {};
    expect(isPlainBrowser(mobile)).toBe(false);
    // A window Teams opened (a pop-out) reaches Teams through its opener.
    const popOut = pageWindow('/plans.html') as Window & { opener: unknown };
    popOut.opener = { postMessage: () => undefined };
    expect(isPlainBrowser(popOut)).toBe(false);
  });
});
