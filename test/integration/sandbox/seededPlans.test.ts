import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REGION_CONTAINER_ID, REGION_PLAN_ID, SEEDED_CONTAINER_ID, SEEDED_PLAN_ID } from '../../../sandbox/seedPlan';
import { INDEX_NAME } from '../../../src/adapters/graph/graphPlanStore';
import { SANDBOX_CONTAINER_TYPE_ID } from '../../../src/app/config';
import { wantedAccess } from '../../../src/domain/access/planAccess';
import { PlanSchema, type Plan } from '../../../src/domain/plan/planDocument';
import { copenhagenDate } from '../../../src/domain/time/danishTime';
import { startSandbox, type RunningSandbox } from '../../support/sandboxProcess';
import { HOME_TENANT_ID, REGION_TENANT_ID, USERS, signIn, type Call, type GraphErrorShape } from './graphCall';

/**
 * The seeded plans in SharePoint Embedded: KI-2026-014 in its container in Sundby with the roles the consent gives
 * (the region's people through guest accounts), the region's KI-2026-022, and Karen's index of the plan in Sundby.
 */

const LIST = `/storage/fileStorage/containers?$filter=containerTypeId eq ${SANDBOX_CONTAINER_TYPE_ID}`;
const PLAN = `/drives/${encodeURIComponent(SEEDED_CONTAINER_ID)}/root:/plan.json`;
const CONTAINER = `/storage/fileStorage/containers/${encodeURIComponent(SEEDED_CONTAINER_ID)}`;

interface Item {
  id: string;
  eTag: string;
  '@microsoft.graph.downloadUrl': string;
}

let sandbox: RunningSandbox;
let mette: Call;
let mikkel: Call;

const text = async (call: Call, path: string): Promise<string> => {
  const item = await call<Item>('GET', path);
  expect(item.status, path).toBe(200);
  return (await fetch(item.body['@microsoft.graph.downloadUrl'])).text();
};

beforeAll(async () => {
  sandbox = await startSandbox();
  mette = await signIn(sandbox, USERS.mette);
  mikkel = await signIn(sandbox, USERS.mikkel);
});

afterAll(async () => {
  await sandbox?.stop();
});

describe('KI-2026-014 in its container', () => {
  it('has the address SEEDED_PLAN_ID, which the document carries', async () => {
    expect(SEEDED_PLAN_ID).toBe(`${HOME_TENANT_ID}~${SEEDED_CONTAINER_ID}`);
    expect(SEEDED_CONTAINER_ID).toMatch(/^b![A-Za-z0-9_-]{64}$/);
    const plan = PlanSchema.parse(JSON.parse(await text(mette, PLAN)));
    expect(plan.id).toBe(SEEDED_PLAN_ID);
  });

  it('is listed for Mette, not for Mikkel, whom the consent does not cover', async () => {
    const hers = await mette<{ value: { id: string; displayName: string }[] }>('GET', LIST);
    expect(hers.body.value).toEqual(
      expect.arrayContaining([expect.objectContaining({ id: SEEDED_CONTAINER_ID, displayName: 'KI-2026-014' })]),
    );
    const his = await mikkel<{ value: { id: string }[] }>('GET', LIST);
    expect(his.status).toBe(200);
    expect(his.body.value.map((c) => c.id)).not.toContain(SEEDED_CONTAINER_ID);
  });

  it('refuses Mikkel the item, its content and the container, with nothing of the plan in the answer', async () => {
    const item = await mette<Item>('GET', PLAN);
    for (const path of [
      PLAN,
      `${PLAN}:/content`,
      `/drives/${encodeURIComponent(SEEDED_CONTAINER_ID)}/items/${item.body.id}/content`,
      CONTAINER,
    ]) {
      const reply = await mikkel('GET', path);
      expect(reply.status, path).toBe(403);
      expect((reply.body as unknown as GraphErrorShape).error.code).toBe('accessDenied');
      const body = JSON.stringify(reply.body);
      expect(body).not.toContain('Jens Holm');
      expect(body).not.toContain('KI-2026-014');
    }
  });

  it('gives the roles wantedAccess wants, and the access record says exactly that', async () => {
    const plan: Plan = PlanSchema.parse(JSON.parse(await text(mette, PLAN)));
    const permissions = await mette<{
      value: { id: string; roles: string[]; grantedToV2: { user: { userPrincipalName: string } } }[];
    }>('GET', `${CONTAINER}/permissions`);
    const held = new Map(permissions.body.value.map((p) => [p.grantedToV2.user.userPrincipalName, p]));
    const wanted = wantedAccess(plan, copenhagenDate(new Date()));
    const email = (id: string) => plan.participants.find((p) => p.id === id)?.email;
    const roleOf = (id: string) => wanted.find((w) => w.participantId === id)?.role ?? null;
    expect(roleOf('p-mette')).toBe('owner');
    expect(['p-jonas', 'p-aisha', 'p-peter'].map(roleOf)).toEqual(['manager', 'manager', 'manager']);
    expect(['p-lars', 'p-karen', 'p-anders'].map(roleOf)).toEqual(['reader', 'reader', 'reader']);
    expect(['p-mikkel', 'p-ole', 'p-jens', 'p-lise'].map(roleOf)).toEqual([null, null, null, null]);

    for (const w of wanted) {
      const entry = plan.access?.entries.find((e) => e.participantId === w.participantId);
      expect(entry?.role, w.participantId).toBe(w.role);
      if (w.role === null) {
        expect(entry?.principal ?? null).toBeNull();
        continue;
      }
      expect(entry?.status).toBe('applied');
      const permission = held.get(entry?.principal ?? '');
      expect(permission?.id, w.participantId).toBe(entry?.permissionId);
      const role = permission?.roles[0] === 'principalOwner' ? 'owner' : permission?.roles[0];
      expect(role, w.participantId).toBe(w.role);
    }
    // Nobody else holds a role; Mette is the principal owner; Karen holds hers as a guest.
    expect(permissions.body.value).toHaveLength(wanted.filter((w) => w.role !== null).length);
    expect(held.get(USERS.mette)?.roles).toEqual(['principalOwner']);
    expect(held.get('karen.skov_regionms.example#EXT#@sundby-kommune.example')?.roles).toEqual(['reader']);
    expect(email('p-karen')).toBe(USERS.karen);
  });
});

describe('Karen, of the region', () => {
  it('reads the plan with a token for Sundby, cannot list Sundby’s containers, and as a reader cannot write', async () => {
    const karen = await signIn(sandbox, USERS.karen, HOME_TENANT_ID);
    const item = await karen<Item>('GET', PLAN);
    expect(item.status).toBe(200);
    const role = await karen<{ viewpoint: { effectiveRole: string } }>('GET', `${CONTAINER}?$select=id,viewpoint`);
    expect(role.body.viewpoint.effectiveRole).toBe('reader');
    const listing = await karen('GET', LIST);
    expect(listing.status).toBe(403);
    const put = await karen('PUT', `${PLAN}:/content`, '{}', {
      'Content-Type': 'application/json',
      'If-Match': item.body.eTag,
    });
    expect(put.status).toBe(403);
  });

  it('finds her index in her own tenant, naming the plan in Sundby, beside the region’s own plan', async () => {
    const karen = await signIn(sandbox, USERS.karen);
    const listed = await karen<{ value: { id: string; displayName: string }[] }>('GET', LIST);
    const names = listed.body.value.map((c) => c.displayName).sort();
    expect(names).toEqual([INDEX_NAME, 'KI-2026-022'].sort());
    const index = listed.body.value.find((c) => c.displayName === INDEX_NAME);
    const indexText = await text(karen, `/drives/${encodeURIComponent(index?.id ?? '')}/root:/index.json`);
    expect(JSON.parse(indexText)).toEqual({
      schemaVersion: 1,
      plans: [{ planId: SEEDED_PLAN_ID, caseReference: 'KI-2026-014' }],
    });
    const regionPlan = PlanSchema.parse(
      JSON.parse(await text(karen, `/drives/${encodeURIComponent(REGION_CONTAINER_ID)}/root:/plan.json`)),
    );
    expect(regionPlan.id).toBe(REGION_PLAN_ID);
    expect(REGION_PLAN_ID.startsWith(`${REGION_TENANT_ID}~`)).toBe(true);
  });

  it('lets Mette open the region’s plan through her guest account there, as its mødeleder (manager)', async () => {
    const guest = await signIn(sandbox, USERS.mette, REGION_TENANT_ID);
    const role = await guest<{ viewpoint: { effectiveRole: string } }>(
      'GET',
      `/storage/fileStorage/containers/${encodeURIComponent(REGION_CONTAINER_ID)}?$select=id,viewpoint`,
    );
    expect(role.status).toBe(200);
    expect(role.body.viewpoint.effectiveRole).toBe('manager');
    const plan = PlanSchema.parse(
      JSON.parse(await text(guest, `/drives/${encodeURIComponent(REGION_CONTAINER_ID)}/root:/plan.json`)),
    );
    const wanted = wantedAccess(plan, copenhagenDate(new Date()));
    expect(plan.access?.entries.map((e) => [e.participantId, e.role])).toEqual(
      wanted.map((w) => [w.participantId, w.role]),
    );
  });
});

describe('the viewer', () => {
  it('shows "Planer og adgang": each tenant’s plans by case reference, who holds which role, and the guests', async () => {
    const html = await (await fetch(`${sandbox.origin}/_sandbox/access`)).text();
    expect(html).toContain('Planer og adgang');
    expect(html).toContain('KI-2026-014');
    expect(html).toContain('KI-2026-022');
    expect(html).toContain('Karen Skov — Distriktspsykiatrien Sundby (gæst fra Region Midtsjælland)');
    expect(html).toContain('karen.skov_regionms.example#EXT#@sundby-kommune.example');
    expect(html).not.toContain('Jens Holm');
    const index = await (await fetch(`${sandbox.origin}/_sandbox/`)).text();
    expect(index).toContain('href="/_sandbox/access"');
  });

  it('shows the tests every container with Microsoft 365’s list of roles, and a container’s plan.json as stored', async () => {
    const { containers } = (await (await fetch(`${sandbox.origin}/_sandbox/containers`)).json()) as {
      containers: {
        id: string;
        tenantId: string;
        displayName: string;
        permissions: { roles: string[]; userPrincipalName: string }[];
      }[];
    };
    const seeded = containers.find((c) => c.id === SEEDED_CONTAINER_ID);
    expect(seeded?.displayName).toBe('KI-2026-014');
    expect(seeded?.permissions.find((p) => p.userPrincipalName === USERS.mette)?.roles).toEqual(['principalOwner']);
    expect(seeded?.permissions.some((p) => p.userPrincipalName === USERS.mikkel)).toBe(false);
    const stored = await fetch(
      `${sandbox.origin}/_sandbox/containers/${encodeURIComponent(SEEDED_CONTAINER_ID)}/files/plan.json`,
    );
    expect(stored.status).toBe(200);
    expect((JSON.parse(await stored.text()) as Plan).id).toBe(SEEDED_PLAN_ID);
    expect((await fetch(`${sandbox.origin}/_sandbox/containers/b!nothing/files/plan.json`)).status).toBe(404);
  });
});
