/**
 * Permissions asked for only when needed: To Do (Tasks.ReadWrite) when the user adds to To Do, and the sending
 * permissions (SEND_SCOPES) when the minutes go out. The composition root gives the task list and the minutes
 * transport Graph clients of their own, and signing in, reading the plans and everything else ask without them.
 * Against the sandbox, with a token source that records what each request asked for.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccessTokenSource } from '../../../src/adapters/auth/accessTokenSource';
import { ACCESS_SCOPES, SEND_SCOPES, TODO_SCOPES } from '../../../src/adapters/auth/graphScopes';
import { REGION_TENANT } from '../../../sandbox/demoTenant';
import { SEEDED_PLAN_ID } from '../../../sandbox/seedPlan';
import { createSandboxTokenSource } from '../../../src/adapters/auth/sandboxAuth';
import { TODO_LIST_NAME } from '../../../src/adapters/graph/graphTodo';
import { SANDBOX_CONTAINER_TYPE_ID } from '../../../src/app/config';
import { createServices } from '../../../src/app/createServices';
import type { HostSdks } from '../../../src/app/hostSdks';
import { defaultPolicy } from '../../../src/domain/policy';
import { addMyEffortsToTodo } from '../../../src/domain/tasks/addMyEffortsToTodo';
import { demoPeople, demoPlan } from '../../support/builders';
import { cloudBuild } from '../../support/cloudBuild';
import { startSandbox, type RunningSandbox } from '../../support/sandboxProcess';
import { pageWindow } from '../../support/pageWindow';
import { quietHost } from '../../support/fakes/quietHost';
import { homeTenantOf } from '../../support/planPorts';

let sandbox: RunningSandbox;
beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(async () => {
  await sandbox?.stop();
});

const teamsHost = quietHost('teams');

/**
 * Starts the plans tab in Teams as `upn`, with a token source that stands in for MSAL and records the scopes of
 * every token the Graph adapters ask for.
 */
const startRecording = async (upn: string) => {
  const asked: string[][] = [];
  const user = createSandboxTokenSource({ sandboxOrigin: sandbox.origin, user: upn });
  const recording: AccessTokenSource = {
    getToken: (scopes, tenantId) => {
      asked.push(scopes);
      return user.getToken(scopes, tenantId);
    },
  };
  const hosts: HostSdks = {
    // Teams tells the app the user's tenant, as its context does.
    teams: async () => ({ ok: true, host: teamsHost, tenantId: homeTenantOf(upn), subPageId: null }),
    office: async () => null,
    msal: async () => recording,
  };
  const startup = await createServices({
    surface: 'plans',
    // Framed, as Teams shows the tab (a top-level page would be the plain-browser path).
    window: pageWindow('/plans.html', { framed: true }),
    // A tenant's build, with the container type the sandbox has registered.
    build: { ...cloudBuild, containerTypeId: SANDBOX_CONTAINER_TYPE_ID },
    hosts,
    graphBaseUrl: sandbox.graphUrl,
  });
  if (!startup.ok) throw new Error(`did not start: ${JSON.stringify(startup.problem)}`);
  return { services: startup.services, asked };
};

describe('the To Do permission', () => {
  it('is asked for only when Peter adds his efforts to To Do, and then for To Do alone', async () => {
    const { services, asked } = await startRecording(demoPeople.peter.email ?? '');
    const plans = await services.planStore.list();
    expect(plans.ok).toBe(true);
    expect(asked.length).toBeGreaterThan(0);
    expect(asked.flat()).not.toContain('Tasks.ReadWrite');

    const tasks = services.tasks;
    if (!tasks) throw new Error('the composition root gives the plans tab a task list');
    const before = asked.length;
    const results = await addMyEffortsToTodo([demoPlan()], services.me.email, {
      tasks,
      policy: defaultPolicy,
      link: { ...services.location, host: 'teams' },
      today: '2026-11-27',
    });

    expect(results.map((r) => r.result.kind)).toEqual(['added']);
    expect(asked.slice(before).length).toBeGreaterThan(0);
    expect(asked.slice(before).every((scopes) => scopes.join() === TODO_SCOPES.join())).toBe(true);
    const lists = await fetch(`${sandbox.graphUrl}/me/todo/lists`, {
      headers: { Authorization: `Bearer ${await sandbox.token(demoPeople.peter.email ?? '')}` },
    });
    const body = (await lists.json()) as { value: { displayName: string }[] };
    expect(body.value.map((list) => list.displayName)).toContain(TODO_LIST_NAME);
  });
});

describe('the permissions for sending the minutes', () => {
  it('are asked for only when the transport is used, not at sign-in or for reading the plans', async () => {
    const { services, asked } = await startRecording(demoPeople.aisha.email ?? '');
    expect((await services.planStore.list()).ok).toBe(true);
    for (const scope of SEND_SCOPES) expect(asked.flat()).not.toContain(scope);

    const before = asked.length;
    // Round 1 of a delivery: open a chat with Peter (no mail); nothing reaches anybody yet.
    const peter = demoPeople.peter;
    const directory = (await (await fetch(`${sandbox.origin}/_sandbox/users`)).json()) as {
      users: { upn: string; id: string }[];
    };
    const peterId = directory.users.find((user) => user.upn === peter.email)?.id ?? '';
    const prepared = await services.transport.prepare({
      partners: [{ key: peter.id, userId: peterId, tenantId: null }],
      mails: [],
      deliveryId: 'tovholder-permission-test',
    });
    expect(prepared.chats.get(peter.id)).toMatchObject({ ok: true });
    const sending = asked.slice(before);
    expect(sending.length).toBeGreaterThan(0);
    for (const scopes of sending) for (const scope of SEND_SCOPES) expect(scopes).toContain(scope);
  });
});

describe('the permission to invite guests', () => {
  it('is asked for only when someone of another organisation needs a guest account, not for colleagues', async () => {
    const { services, asked } = await startRecording(demoPeople.mette.email ?? '');
    const seeded = await services.planStore.load(SEEDED_PLAN_ID);
    expect(seeded.ok).toBe(true);
    const colleague = await services.planAccess.principals(SEEDED_PLAN_ID, [
      { key: 'p-jonas', email: demoPeople.jonas.email ?? '', name: 'Jonas Berg', homeTenantId: null, userId: null },
    ]);
    expect(colleague.get('p-jonas')).toEqual({ ok: true, value: demoPeople.jonas.email });
    for (const scope of ACCESS_SCOPES) expect(asked.flat()).not.toContain(scope);

    const before = asked.length;
    const guest = await services.planAccess.principals(SEEDED_PLAN_ID, [
      {
        key: 'p-karen',
        email: demoPeople.karen.email ?? '',
        name: 'Karen Skov',
        homeTenantId: REGION_TENANT.id,
        userId: null,
      },
    ]);
    expect(guest.get('p-karen')).toMatchObject({ ok: true, value: expect.stringContaining('#EXT#') });
    expect(asked.slice(before).some((scopes) => ACCESS_SCOPES.every((scope) => scopes.includes(scope)))).toBe(true);
  });
});
