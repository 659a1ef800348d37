/**
 * A sandbox build's page in the local Teams host takes the Teams path (teams-js, then MSAL's nestable client), and
 * tells teams-js the host's origin only when it is an HTTPS loopback origin; a page with host=standalone or opened on
 * its own stays standalone.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createServices } from '../../../src/app/createServices';
import type { HostSdks } from '../../../src/app/hostSdks';
import { localTeamsHostOrigins } from '../../../src/app/localTeamsHost';
import { pageWindow } from '../../support/pageWindow';
import { quietHost } from '../../support/fakes/quietHost';

const sandboxBuild = {
  backend: 'sandbox',
  sandboxOrigin: 'http://127.0.0.1:5301',
  clientId: '',
  teamsAppId: '',
  domain: '',
  tenantId: null,
  driveId: '',
  plansFolder: 'Tovholder/plans',
  cardDetail: 'summary',
  pinTab: true,
};

const recordingHosts = () => {
  const calls: string[] = [];
  const hosts: HostSdks = {
    teams: async (frame) => {
      calls.push(`teams:${frame}`);
      return { ok: true, host: quietHost('teams'), tenantId: 'tid-sundby', subPageId: null };
    },
    office: async () => null,
    msal: async (options) => {
      calls.push(`msal:${options.hosted ? 'hosted' : 'standard'}`);
      return { getToken: async () => 'token' };
    },
  };
  return { hosts, calls };
};

beforeEach(() => {
  vi.stubGlobal('fetch', async (input: RequestInfo | URL) => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    if (url.pathname.endsWith('/me'))
      return Response.json({ id: 'oid-jonas', displayName: 'Jonas Berg', mail: 'jonas.berg@sundby-kommune.example' });
    if (url.pathname === '/_sandbox/users')
      return Response.json({
        users: [
          {
            upn: 'jonas.berg@sundby-kommune.example',
            id: 'oid-jonas',
            name: 'Jonas Berg',
            kind: 'inTenant',
            tenantId: 'tid-sundby',
          },
        ],
      });
    if (url.pathname === '/_sandbox/token') return Response.json({ access_token: 'a.b.c' });
    return new Response('{}', { status: 404 });
  });
});
afterEach(() => vi.unstubAllGlobals());

describe('a sandbox build in the local Teams host', () => {
  it('a framed meeting page without host=standalone initialises Teams and signs in with nested app auth', async () => {
    const { hosts, calls } = recordingHosts();
    const win = pageWindow('/meeting.html?planId=p1&teamsHost=https%3A%2F%2Flocalhost%3A5302', { framed: true });
    const startup = await createServices({ surface: 'meeting', window: win, build: sandboxBuild, hosts });
    expect(calls).toEqual(['teams:content', 'msal:hosted']);
    if (!startup.ok) throw new Error(JSON.stringify(startup.problem));
    expect(startup.launch.hostKind).toBe('teams');
  });

  it('a page with host=standalone, or one opened on its own, stays standalone and never loads teams-js', async () => {
    for (const [path, framed] of [
      ['/meeting.html?host=standalone&user=jonas.berg@sundby-kommune.example', true],
      ['/plans.html?user=jonas.berg@sundby-kommune.example', false],
    ] as const) {
      const { hosts, calls } = recordingHosts();
      const startup = await createServices({
        surface: path.startsWith('/plans') ? 'plans' : 'meeting',
        window: pageWindow(path, { framed }),
        build: sandboxBuild,
        hosts,
      });
      expect(calls).toEqual([]);
      expect(startup.ok && startup.launch.hostKind).toBe('standalone');
    }
  });
});

describe('the host origin teams-js is told', () => {
  it('is taken only from an HTTPS loopback origin in teamsHost=', () => {
    expect(localTeamsHostOrigins('?teamsHost=https%3A%2F%2Flocalhost%3A5302%2Fx')).toEqual(['https://localhost:5302']);
    expect(localTeamsHostOrigins('?teamsHost=https://127.0.0.1:41000')).toEqual(['https://127.0.0.1:41000']);
    expect(localTeamsHostOrigins('?teamsHost=http://localhost:5302')).toEqual([]);
    expect(localTeamsHostOrigins('?teamsHost=https://evil.example')).toEqual([]);
    expect(localTeamsHostOrigins('?teamsHost=nonsense')).toEqual([]);
    expect(localTeamsHostOrigins('')).toEqual([]);
  });
});
