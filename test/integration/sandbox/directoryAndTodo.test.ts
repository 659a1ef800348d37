import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEEDED_PLAN_ID } from '../../../sandbox/seedPlan';
import { startSandbox, type RunningSandbox } from '../../support/sandboxProcess';
import { HOME_TENANT_ID, USERS, signIn, tool, type Call } from './graphCall';

/** The directory (users, people), the demo tenant as seeded, and Microsoft To Do. */

let sandbox: RunningSandbox;
let mette: Call;
let peter: Call;

beforeAll(async () => {
  sandbox = await startSandbox();
  mette = await signIn(sandbox, USERS.mette);
  peter = await signIn(sandbox, USERS.peter);
});

afterAll(async () => {
  await sandbox?.stop();
});

describe('the demo tenant', () => {
  it('lists fourteen people with their organisation, tenant, reach and role', async () => {
    const { users } = await tool<{
      users: { upn: string; kind: string; tenantId: string | null; role: string | null; organisation: string }[];
    }>(sandbox, 'GET', '/_sandbox/users');
    expect(users).toHaveLength(14);
    const mette = users.find((user) => user.upn === USERS.mette);
    expect(mette).toMatchObject({
      kind: 'inTenant',
      tenantId: HOME_TENANT_ID,
      role: 'koordinator',
      organisation: 'Sundby Rusmiddelcenter',
    });
    expect(users.filter((user) => user.kind === 'federated')).toHaveLength(3);
    expect(users.filter((user) => user.kind === 'emailOnly').map((user) => user.upn)).toEqual([
      USERS.ole,
      USERS.jens,
      USERS.lise,
    ]);
  });
});

describe('/users', () => {
  it('needs ConsistencyLevel: eventual for $search, like Graph', async () => {
    const without = await mette('GET', '/users?$search="displayName:pe"');
    expect(without.status).toBe(400);
    expect((without.body as { error: { code: string } }).error.code).toBe('Request_UnsupportedQuery');
    const found = await mette<{
      value: { displayName: string; mail?: string; jobTitle?: string }[];
      '@odata.count': number;
    }>('GET', '/users?$search="displayName:pe"&$select=displayName,mail&$count=true', undefined, {
      ConsistencyLevel: 'eventual',
    });
    expect(found.status).toBe(200);
    expect(found.body.value).toEqual([{ displayName: 'Peter Nielsen', mail: USERS.peter }]);
    expect(found.body['@odata.count']).toBe(1);
  });

  it('filters with $filter and keeps the region’s people out of the municipality’s directory', async () => {
    const filtered = await mette<{ value: { userPrincipalName: string }[] }>(
      'GET',
      "/users?$filter=startswith(displayName,'M')",
    );
    expect(filtered.body.value.map((user) => user.userPrincipalName).sort()).toEqual(
      [USERS.mette, USERS.mikkel].sort(),
    );
    const region = await mette('GET', `/users/${USERS.karen}`);
    expect(region.status).toBe(404);
    expect((region.body as { error: { code: string } }).error.code).toBe('Request_ResourceNotFound');
  });

  it('returns only the selected properties for /me', async () => {
    const me = await mette<Record<string, unknown>>('GET', '/me?$select=displayName,department');
    expect(Object.keys(me.body).sort()).toEqual(['@odata.context', 'department', 'displayName']);
    expect(me.body.department).toBe('Sundby Rusmiddelcenter');
  });
});

describe('/me/people', () => {
  it('finds people the koordinator has met, including the GP outside Teams', async () => {
    const reply = await mette<{
      value: { displayName: string; personType: { subclass: string }; scoredEmailAddresses: { address: string }[] }[];
    }>('GET', '/me/people?$search="ole"');
    expect(reply.status).toBe(200);
    expect(reply.body.value).toHaveLength(1);
    expect(reply.body.value[0]?.scoredEmailAddresses[0]?.address).toBe(USERS.ole);
    expect(reply.body.value[0]?.personType.subclass).toBe('ImplicitContact');
  });
});

describe('To Do', () => {
  it('adds my effort to a list of my own and lists it back', async () => {
    const lists = await peter<{ value: { id: string; wellknownListName: string }[] }>('GET', '/me/todo/lists');
    expect(lists.body.value.some((list) => list.wellknownListName === 'defaultList')).toBe(true);
    const list = await peter<{ id: string; displayName: string }>('POST', '/me/todo/lists', {
      displayName: 'Tovholder',
    });
    expect(list.status).toBe(201);
    const task = await peter<{ id: string; status: string; dueDateTime: { dateTime: string } }>(
      'POST',
      `/me/todo/lists/${list.body.id}/tasks`,
      {
        title: 'KI-2026-014: Afklare en praktikplads',
        dueDateTime: { dateTime: '2026-11-30T00:00:00', timeZone: 'Europe/Copenhagen' },
        linkedResources: [
          {
            webUrl: `http://localhost:5300/plans.html?planId=${encodeURIComponent(SEEDED_PLAN_ID)}`,
            applicationName: 'Tovholder',
            displayName: 'KI-2026-014',
          },
        ],
      },
    );
    expect(task.status).toBe(201);
    expect(task.body.status).toBe('notStarted');
    const tasks = await peter<{ value: { title: string }[] }>('GET', `/me/todo/lists/${list.body.id}/tasks`);
    expect(tasks.body.value.map((entry) => entry.title)).toEqual(['KI-2026-014: Afklare en praktikplads']);
    const done = await peter<{ status: string }>('PATCH', `/me/todo/lists/${list.body.id}/tasks/${task.body.id}`, {
      status: 'completed',
    });
    expect(done.body.status).toBe('completed');
    // Another user cannot reach Peter's list.
    expect((await mette('GET', `/me/todo/lists/${list.body.id}/tasks`)).status).toBe(404);
  });
});
