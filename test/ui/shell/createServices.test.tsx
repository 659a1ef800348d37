/**
 * The composition root against a real sandbox process: a local page signs in as the demo user from its URL and
 * reads the seeded plan through the real Graph adapters; a bad URL or config gives a named startup problem.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSandboxTokenSource } from '../../../src/adapters/auth/sandboxAuth';
import type { BuildConfig } from '../../../src/app/config';
import { createServices, type Startup } from '../../../src/app/createServices';
import type { HostSdks } from '../../../src/app/hostSdks';
import type { Surface } from '../../../src/app/launchParams';
import { cloudBuild } from '../../support/cloudBuild';
import { startSandbox, type RunningSandbox } from '../../support/sandboxProcess';
import { ScriptedHost } from './shellHarness';
import { pageWindow } from '../../support/pageWindow';

let sandbox: RunningSandbox;
beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(async () => {
  await sandbox?.stop();
});

const localBuild = (): BuildConfig => ({
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
});

const start = (surface: Surface, path: string, build: unknown = localBuild(), hosts?: HostSdks) =>
  createServices({ surface, window: pageWindow(path), build, ...(hosts ? { hosts } : {}) });

const ok = (startup: Startup) => {
  if (!startup.ok) throw new Error(`did not start: ${JSON.stringify(startup.problem)}`);
  return startup;
};

describe('createServices in local mode (standalone host, sandbox backend)', () => {
  it('signs in as the demo user from the URL and reads the seeded plan through Graph', async () => {
    const { services, launch } = ok(
      await start(
        'meeting',
        '/meeting.html?host=standalone&frame=sidePanel&user=jonas.berg@sundby-kommune.example&planId=plan-ki-2026-014&theme=dark',
      ),
    );
    expect(services.me).toMatchObject({ name: 'Jonas Berg', email: 'jonas.berg@sundby-kommune.example' });
    expect(services.me.tenantId).toBe('11111111-1111-4111-8111-111111111111');
    expect([services.host.kind, services.host.frame(), services.host.theme()]).toEqual([
      'standalone',
      'sidePanel',
      'dark',
    ]);
    expect(launch.planId).toBe('plan-ki-2026-014');
    const loaded = await services.planStore.load('plan-ki-2026-014');
    expect(loaded.ok && loaded.value.plan.caseReference).toBe('KI-2026-014');
    expect(services.appointment).toBeNull();
  });

  it('gives the compose page a stand-in appointment to write into', async () => {
    const { services, launch } = ok(
      await start('compose', '/compose.html?host=standalone&user=mette.larsen@sundby-kommune.example'),
    );
    expect(services.appointment).not.toBeNull();
    expect(launch.standaloneAppointment).toBe(services.appointment);
    expect(services.host.frame()).toBe('taskPane');
  });

  it('asks who you are when the URL names no demo user', async () => {
    const startup = await start('plans', '/plans.html?host=standalone&planId=plan-ki-2026-014');
    expect(startup.ok === false && startup.problem).toEqual({ kind: 'noUser' });
  });

  it('says which demo user does not exist', async () => {
    const startup = await start('plans', '/plans.html?host=standalone&user=nobody@sundby-kommune.example');
    expect(startup.ok === false && startup.problem).toEqual({
      kind: 'unknownUser',
      user: 'nobody@sundby-kommune.example',
    });
  });

  it('names the parameter that has a bad value', async () => {
    const startup = await start(
      'meeting',
      '/meeting.html?host=standalone&user=jonas.berg@sundby-kommune.example&frame=stage',
    );
    expect(startup.ok === false && startup.problem).toEqual({ kind: 'params', param: 'frame', value: 'stage' });
  });

  it('says the sandbox does not answer when it is not running', async () => {
    const startup = await start('plans', '/plans.html?host=standalone&user=jonas.berg@sundby-kommune.example', {
      ...localBuild(),
      sandboxOrigin: 'http://127.0.0.1:9',
    });
    expect(startup.ok === false && startup.problem.kind).toBe('sandbox');
  });
});

describe('createServices for Microsoft 365 (Teams host, Graph backend)', () => {
  it('names the settings a build without configuration lacks', async () => {
    const startup = await start('plans', '/plans.html', { ...cloudBuild, clientId: '', containerTypeId: '' });
    expect(startup.ok === false && startup.problem.kind).toBe('config');
    const detail = startup.ok === false && 'detail' in startup.problem ? startup.problem.detail : '';
    expect(detail).toContain('TOVHOLDER_CLIENT_ID');
    expect(detail).toContain('TOVHOLDER_CONTAINER_TYPE_ID');
  });

  it('initialises Teams before signing in, and opens the plan named by the deep link', async () => {
    const calls: string[] = [];
    const hosts: HostSdks = {
      async teams() {
        calls.push('teams');
        return {
          ok: true,
          host: new ScriptedHost('light', 'da-DK', 'personal'),
          tenantId: 'tenant-from-teams',
          subPageId: 'plan:plan-ki-2026-014',
        };
      },
      async office() {
        calls.push('office');
        return null;
      },
      async msal() {
        calls.push('msal');
        // Stands in for nested app auth: a token for the signed-in Teams user.
        return createSandboxTokenSource({
          sandboxOrigin: sandbox.origin,
          user: 'peter.nielsen@sundby-kommune.example',
        });
      },
    };
    // Point "Microsoft Graph" at the sandbox for this test by passing a graph build with the sandbox's Graph URL.
    const startup = await createServices({
      surface: 'plans',
      window: pageWindow('/plans.html', { framed: true }),
      build: cloudBuild,
      hosts,
      graphBaseUrl: sandbox.graphUrl,
    });
    const { services, launch } = ok(startup);
    expect(calls).toEqual(['teams', 'msal']);
    expect(launch.planId).toBe('plan-ki-2026-014');
    expect(services.me.name).toBe('Peter Nielsen');
    expect(services.me.tenantId).toBe('tenant-from-teams');
    expect(services.location).toEqual({
      appBaseUrl: 'https://tovholder.sundby-kommune.example',
      teamsAppId: cloudBuild.teamsAppId,
    });
  });

  it('says Teams could not be reached instead of hanging or showing a blank page', async () => {
    const hosts: HostSdks = {
      teams: async () => ({ ok: false, detail: 'No Parent window found' }),
      office: async () => null,
      msal: async () => {
        throw new Error('must not sign in without a host');
      },
    };
    const startup = await start('meeting', '/meeting.html', cloudBuild, hosts);
    expect(startup.ok === false && startup.problem).toEqual({ kind: 'host', detail: 'No Parent window found' });
  });
});
