import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_CONTAINER_TYPE_ID } from '../../../src/app/config';
import { startSandbox, type RunningSandbox } from '../../support/sandboxProcess';
import {
  HOME_TENANT_ID,
  REGION_TENANT_ID,
  USERS,
  signIn,
  tokenReply,
  tool,
  type Call,
  type GraphErrorShape,
} from './graphCall';

/**
 * SharePoint Embedded containers made at run time: creating, listing only mine, the container's drive for members
 * only (every other path 403, no bytes), permissions with their refusals, guests by invitation, tokens per tenant and
 * the tenants' settings that refuse.
 */

const LIST = `/storage/fileStorage/containers?$filter=containerTypeId eq ${SANDBOX_CONTAINER_TYPE_ID}`;
const SECRET = 'Borgeren har en hemmelighed';

interface Container {
  id: string;
  displayName: string;
  status: string;
  containerTypeId: string;
  viewpoint?: { effectiveRole: string | null };
}
interface Permission {
  id: string;
  roles: string[];
  grantedToV2: { user: { userPrincipalName: string; email: string; displayName: string } };
}
interface Item {
  id: string;
  eTag: string;
  '@microsoft.graph.downloadUrl'?: string;
}

let sandbox: RunningSandbox;
let mette: Call;
let jonas: Call;
let container: Container;

const code = (reply: { body: unknown }): string => (reply.body as GraphErrorShape).error.code;
const settings = (tenantId: string, change: Record<string, unknown>) =>
  tool(sandbox, 'PATCH', `/_sandbox/tenants/${tenantId}`, change);
const planPath = (id: string, file = 'plan.json') => `/drives/${encodeURIComponent(id)}/root:/${file}`;
const JSON_TYPE = { 'Content-Type': 'application/json' };

beforeAll(async () => {
  sandbox = await startSandbox();
  mette = await signIn(sandbox, USERS.mette);
  jonas = await signIn(sandbox, USERS.jonas);
  const created = await mette<Container>('POST', '/storage/fileStorage/containers', {
    displayName: 'KI-2099-001',
    containerTypeId: SANDBOX_CONTAINER_TYPE_ID,
  });
  expect(created.status).toBe(201);
  container = created.body;
});

afterAll(async () => {
  await sandbox?.stop();
});

afterEach(async () => {
  for (const tenant of [HOME_TENANT_ID, REGION_TENANT_ID]) {
    await settings(tenant, {
      containerTypeRegistered: true,
      b2bInbound: true,
      b2bOutbound: true,
      allowInvitesFrom: 'everyone',
      autoRedeem: true,
      sharingCapability: 'existingExternalUserSharingOnly',
      isSharingRestricted: true,
    });
  }
});

describe('creating and listing', () => {
  it('makes an inactive container in SharePoint Embedded form, its creator principal owner', async () => {
    expect(container.id).toMatch(/^b![A-Za-z0-9_-]{64}$/);
    expect(container.status).toBe('inactive');
    expect(container.viewpoint?.effectiveRole).toBe('principalOwner');
    const missing = await mette('POST', '/storage/fileStorage/containers', {
      containerTypeId: SANDBOX_CONTAINER_TYPE_ID,
    });
    expect(missing.status).toBe(400);
    expect(code(missing)).toBe('invalidRequest');
    const unknown = await mette('POST', '/storage/fileStorage/containers', { displayName: 'x', colour: 'red' });
    expect(unknown.status).toBe(400);
  });

  it('lists only the containers I hold a role in, and needs the containerTypeId filter', async () => {
    const mine = await mette<{ value: Container[] }>('GET', LIST);
    expect(mine.status).toBe(200);
    expect(mine.body.value.map((c) => c.id)).toContain(container.id);
    expect(Object.keys(mine.body.value.find((c) => c.id === container.id) ?? {}).sort()).toEqual(
      ['@odata.type', 'containerTypeId', 'createdDateTime', 'displayName', 'id'].sort(),
    );
    const theirs = await jonas<{ value: Container[] }>('GET', LIST);
    expect(theirs.body.value.map((c) => c.id)).not.toContain(container.id);
    const unfiltered = await mette('GET', '/storage/fileStorage/containers');
    expect(unfiltered.status).toBe(400);
    expect(code(unfiltered)).toBe('invalidRequest');
  });

  it('refuses to create where the container type is not registered', async () => {
    await settings(HOME_TENANT_ID, { containerTypeRegistered: false });
    const refused = await mette('POST', '/storage/fileStorage/containers', {
      displayName: 'KI-2099-002',
      containerTypeId: SANDBOX_CONTAINER_TYPE_ID,
    });
    expect(refused.status).toBe(403);
    expect(code(refused)).toBe('accessDenied');
  });
});

describe("the container's drive", () => {
  it('writes plan.json with If-None-Match: *, activates the container, and refuses a stale If-Match', async () => {
    const created = await mette<Item>('PUT', `${planPath(container.id)}:/content`, `{"secret":"${SECRET}"}`, {
      ...JSON_TYPE,
      'If-None-Match': '*',
    });
    expect(created.status).toBe(201);
    const again = await mette('PUT', `${planPath(container.id)}:/content`, '{}', {
      ...JSON_TYPE,
      'If-None-Match': '*',
    });
    expect([409, 412]).toContain(again.status);
    const updated = await mette<Item>('PUT', `${planPath(container.id)}:/content`, `{"secret":"${SECRET}"}`, {
      ...JSON_TYPE,
      'If-Match': created.body.eTag,
    });
    expect(updated.status).toBe(200);
    const stale = await mette('PUT', `${planPath(container.id)}:/content`, '{}', {
      ...JSON_TYPE,
      'If-Match': created.body.eTag,
    });
    expect(stale.status).toBe(412);
    const got = await mette<Container>('GET', `/storage/fileStorage/containers/${container.id}`);
    expect(got.body.status).toBe('active');
  });

  it('answers a colleague who is no member 403 on every path, and never with the text', async () => {
    const item = await mette<Item>('GET', planPath(container.id));
    const paths = [
      planPath(container.id),
      `${planPath(container.id)}:/content`,
      `/drives/${container.id}/items/${item.body.id}`,
      `/drives/${container.id}/items/${item.body.id}/content`,
      `/drives/${container.id}/root/children`,
      `/drives/${container.id}`,
      `/storage/fileStorage/containers/${container.id}`,
      `/storage/fileStorage/containers/${container.id}/permissions`,
    ];
    for (const path of paths) {
      const reply = await jonas('GET', path);
      expect(reply.status, path).toBe(403);
      expect(code(reply), path).toBe('accessDenied');
      expect(JSON.stringify(reply.body)).not.toContain(SECRET);
    }
    const put = await jonas('PUT', `${planPath(container.id)}:/content`, '{}', JSON_TYPE);
    expect(put.status).toBe(403);
  });

  it('answers a $batch of container items per item', async () => {
    const other = await jonas<Container>('POST', '/storage/fileStorage/containers', {
      displayName: 'KI-2099-003',
      containerTypeId: SANDBOX_CONTAINER_TYPE_ID,
    });
    const batch = await mette<{ responses: { id: string; status: number; body: unknown }[] }>('POST', '/$batch', {
      requests: [
        { id: 'mine', method: 'GET', url: planPath(container.id) },
        { id: 'theirs', method: 'GET', url: planPath(other.body.id) },
        { id: 'missing', method: 'GET', url: planPath(container.id, 'findes-ikke.json') },
        { id: 'role', method: 'GET', url: `/storage/fileStorage/containers/${container.id}?$select=id,viewpoint` },
      ],
    });
    expect(batch.status).toBe(200);
    const status = Object.fromEntries(batch.body.responses.map((r) => [r.id, r.status]));
    expect(status).toEqual({ mine: 200, theirs: 403, missing: 404, role: 200 });
    const role = batch.body.responses.find((r) => r.id === 'role')?.body as Container;
    expect(role).toMatchObject({ id: container.id, viewpoint: { effectiveRole: 'principalOwner' } });
  });
});

describe('permissions', () => {
  it('adds a reader who reads but cannot write or share, then a writer, then removes them', async () => {
    const added = await mette<Permission>('POST', `/storage/fileStorage/containers/${container.id}/permissions`, {
      roles: ['reader'],
      grantedToV2: { user: { userPrincipalName: USERS.jonas } },
    });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ roles: ['reader'], grantedToV2: { user: { userPrincipalName: USERS.jonas } } });
    const twice = await mette('POST', `/storage/fileStorage/containers/${container.id}/permissions`, {
      roles: ['writer'],
      grantedToV2: { user: { userPrincipalName: USERS.jonas } },
    });
    expect(twice.status).toBe(409);

    expect((await jonas('GET', planPath(container.id))).status).toBe(200);
    expect((await jonas<{ value: Container[] }>('GET', LIST)).body.value.map((c) => c.id)).toContain(container.id);
    expect((await jonas('PUT', `${planPath(container.id)}:/content`, '{}', JSON_TYPE)).status).toBe(403);
    const share = await jonas('POST', `/storage/fileStorage/containers/${container.id}/permissions`, {
      roles: ['reader'],
      grantedToV2: { user: { userPrincipalName: USERS.aisha } },
    });
    expect(share.status).toBe(403);
    expect(code(share)).toBe('accessDenied');

    const patched = await mette(
      'PATCH',
      `/storage/fileStorage/containers/${container.id}/permissions/${added.body.id}`,
      {
        roles: ['writer'],
      },
    );
    expect(patched.status).toBe(200);
    expect(patched.body).toBeUndefined();
    const role = await jonas<Container>('GET', `/storage/fileStorage/containers/${container.id}?$select=id,viewpoint`);
    expect(role.body.viewpoint?.effectiveRole).toBe('writer');
    const written = await jonas('PUT', `${planPath(container.id, 'note.txt')}:/content`, 'hej', {
      'Content-Type': 'text/plain',
    });
    expect(written.status).toBe(201);
    // A writer shares only where the tenant does not restrict sharing to owners and managers.
    await settings(HOME_TENANT_ID, { isSharingRestricted: false });
    const shared = await jonas<Permission>('POST', `/storage/fileStorage/containers/${container.id}/permissions`, {
      roles: ['reader'],
      grantedToV2: { user: { userPrincipalName: USERS.aisha } },
    });
    expect(shared.status).toBe(201);

    const removed = await mette(
      'DELETE',
      `/storage/fileStorage/containers/${container.id}/permissions/${added.body.id}`,
    );
    expect(removed.status).toBe(204);
    expect((await jonas('GET', planPath(container.id))).status).toBe(403);
  });

  it('keeps the principal owner, and refuses unknown people and bad roles', async () => {
    const listed = await mette<{ value: Permission[] }>(
      'GET',
      `/storage/fileStorage/containers/${container.id}/permissions`,
    );
    const owner = listed.body.value.find((p) => p.roles[0] === 'principalOwner');
    expect(owner?.grantedToV2.user).toMatchObject({ userPrincipalName: USERS.mette, email: USERS.mette });
    const base = `/storage/fileStorage/containers/${container.id}/permissions`;
    expect((await mette('DELETE', `${base}/${owner?.id ?? ''}`)).status).toBe(400);
    expect((await mette('PATCH', `${base}/${owner?.id ?? ''}`, { roles: ['reader'] })).status).toBe(400);
    const stranger = await mette('POST', base, {
      roles: ['reader'],
      grantedToV2: { user: { userPrincipalName: 'nobody@sundby-kommune.example' } },
    });
    expect(stranger.status).toBe(400);
    const regionMember = await mette('POST', base, {
      roles: ['reader'],
      grantedToV2: { user: { userPrincipalName: USERS.birgitte } },
    });
    expect(regionMember.status).toBe(400);
    const badRole = await mette('POST', base, {
      roles: ['principalOwner'],
      grantedToV2: { user: { userPrincipalName: USERS.peter } },
    });
    expect(badRole.status).toBe(400);
    expect((await mette('DELETE', `${base}/findes-ikke`)).status).toBe(404);
  });
});

describe('guests, invitations and tokens per tenant', () => {
  it('invites once: the same guest account answers a second invitation', async () => {
    const body = {
      invitedUserEmailAddress: USERS.anders,
      invitedUserDisplayName: 'Anders Frost',
      inviteRedirectUrl: 'http://localhost:5300/',
      sendInvitationMessage: false,
    };
    const first = await mette<{ invitedUser: { id: string }; status: string; invitedUserType: string }>(
      'POST',
      '/invitations',
      body,
    );
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ status: 'Completed', invitedUserType: 'Guest' });
    const second = await mette<{ invitedUser: { id: string } }>('POST', '/invitations', body);
    expect(second.status).toBe(201);
    expect(second.body.invitedUser.id).toBe(first.body.invitedUser.id);

    const guestUpn = 'anders.frost_regionms.example#EXT#@sundby-kommune.example';
    const byId = await mette<{ userPrincipalName: string }>(
      'GET',
      `/users/${first.body.invitedUser.id}?$select=id,userPrincipalName`,
    );
    expect(byId.body.userPrincipalName).toBe(guestUpn);
    const byUpn = await mette<{ id: string; userType: string }>(
      'GET',
      `/users/${encodeURIComponent(guestUpn)}?$select=id,userType`,
    );
    expect(byUpn.body).toMatchObject({ id: first.body.invitedUser.id, userType: 'Guest' });
    const byMail = await mette<{ value: { id: string }[] }>(
      'GET',
      `/users?$filter=mail eq '${USERS.anders}'&$select=id,userPrincipalName`,
    );
    expect(byMail.body.value.map((u) => u.id)).toEqual([first.body.invitedUser.id]);
    // Not a sign-in choice: the demo users stay the fourteen people.
    const { users } = await tool<{ users: unknown[] }>(sandbox, 'GET', '/_sandbox/users');
    expect(users).toHaveLength(14);
  });

  it('refuses invitations without an address, of members, and where members may not invite', async () => {
    const none = await mette('POST', '/invitations', { inviteRedirectUrl: 'http://localhost:5300/' });
    expect(none.status).toBe(400);
    expect(code(none)).toBe('BadRequest');
    const member = await mette('POST', '/invitations', {
      invitedUserEmailAddress: USERS.jonas,
      inviteRedirectUrl: 'http://localhost:5300/',
    });
    expect(member.status).toBe(400);
    await settings(HOME_TENANT_ID, { allowInvitesFrom: 'adminsAndGuestInviters' });
    const refused = await mette('POST', '/invitations', {
      invitedUserEmailAddress: USERS.birgitte,
      inviteRedirectUrl: 'http://localhost:5300/',
    });
    expect(refused.status).toBe(403);
    await settings(HOME_TENANT_ID, { allowInvitesFrom: 'everyone', b2bInbound: false });
    const blocked = await mette('POST', '/invitations', {
      invitedUserEmailAddress: USERS.birgitte,
      inviteRedirectUrl: 'http://localhost:5300/',
    });
    expect(blocked.status).toBe(403);
  });

  it('gives a guest token acting in the resource tenant: reads by role, cannot list or create there', async () => {
    const anders = await signIn(sandbox, USERS.anders, HOME_TENANT_ID);
    const me = await anders<{ userPrincipalName: string; userType: string }>(
      'GET',
      '/me?$select=userPrincipalName,userType',
    );
    expect(me.body).toEqual(expect.objectContaining({ userType: 'Guest' }));
    expect((await anders('GET', planPath(container.id))).status).toBe(403);
    const granted = await mette('POST', `/storage/fileStorage/containers/${container.id}/permissions`, {
      roles: ['reader'],
      grantedToV2: { user: { userPrincipalName: me.body.userPrincipalName } },
    });
    expect(granted.status).toBe(201);
    expect((await anders('GET', planPath(container.id))).status).toBe(200);
    expect((await anders('PUT', `${planPath(container.id)}:/content`, '{}', JSON_TYPE)).status).toBe(403);
    const listing = await anders('GET', LIST);
    expect(listing.status).toBe(403);
    expect(code(listing)).toBe('accessDenied');
    const create = await anders('POST', '/storage/fileStorage/containers', {
      displayName: 'x',
      containerTypeId: SANDBOX_CONTAINER_TYPE_ID,
    });
    expect(create.status).toBe(403);
    // Their own tenant's token still works there, and the other tenant's containers are not found from it.
    const home = await signIn(sandbox, USERS.anders);
    expect((await home('GET', `/storage/fileStorage/containers/${container.id}`)).status).toBe(404);
    expect((await home('GET', planPath(container.id))).status).toBe(403);
  });

  it('refuses a guest role where the tenant disables external sharing', async () => {
    await settings(HOME_TENANT_ID, { sharingCapability: 'disabled' });
    const other = await mette<Container>('POST', '/storage/fileStorage/containers', {
      displayName: 'KI-2099-004',
      containerTypeId: SANDBOX_CONTAINER_TYPE_ID,
    });
    const refused = await mette('POST', `/storage/fileStorage/containers/${other.body.id}/permissions`, {
      roles: ['reader'],
      grantedToV2: { user: { userPrincipalName: 'anders.frost_regionms.example#EXT#@sundby-kommune.example' } },
    });
    expect(refused.status).toBe(403);
  });

  it("answers token requests with Entra's errors", async () => {
    const noGuest = await tokenReply(sandbox, USERS.birgitte, HOME_TENANT_ID);
    expect(noGuest.status).toBe(400);
    expect(noGuest.body).toMatchObject({ error: 'invalid_grant', error_codes: [50020] });
    expect(Object.keys(noGuest.body).sort()).toEqual(
      ['correlation_id', 'error', 'error_codes', 'error_description', 'timestamp', 'trace_id'].sort(),
    );
    await settings(HOME_TENANT_ID, { b2bInbound: false });
    const inbound = await tokenReply(sandbox, USERS.anders, HOME_TENANT_ID);
    expect(inbound.status).toBe(400);
    expect(inbound.body.error_codes).toEqual([500213]);
    await settings(HOME_TENANT_ID, { b2bInbound: true });
    await settings(REGION_TENANT_ID, { b2bOutbound: false });
    const outbound = await tokenReply(sandbox, USERS.anders, HOME_TENANT_ID);
    expect(outbound.body.error_codes).toEqual([500212]);
    const unknown = await tool<{ tenants: { id: string }[] }>(sandbox, 'GET', '/_sandbox/tenants');
    expect(unknown.tenants.map((t) => t.id)).toEqual([HOME_TENANT_ID, REGION_TENANT_ID]);
  });

  it('issues the tenant’s consented scopes: without FileStorageContainer.Selected the container routes are 403', async () => {
    const { tenants } = await tool<{ tenants: { id: string; grantedScopes: string[] }[] }>(
      sandbox,
      'GET',
      '/_sandbox/tenants',
    );
    const all = tenants[0]?.grantedScopes ?? [];
    expect(all).toEqual(
      expect.arrayContaining(['FileStorageContainer.Selected', 'User.Invite.All', 'Files.ReadWrite.All']),
    );
    try {
      await settings(HOME_TENANT_ID, { grantedScopes: all.filter((s) => s !== 'FileStorageContainer.Selected') });
      const limited = await signIn(sandbox, USERS.mette);
      for (const [method, path] of [
        ['GET', LIST],
        ['GET', `/storage/fileStorage/containers/${container.id}`],
        ['GET', planPath(container.id)],
      ] as const) {
        const reply = await limited(method, path);
        expect(reply.status, path).toBe(403);
        expect((reply.body as unknown as GraphErrorShape).error).toMatchObject({
          code: 'accessDenied',
          message: 'Either scp or roles claim need to be present in the token.',
        });
      }
      await settings(HOME_TENANT_ID, { grantedScopes: [] });
      const consent = await tokenReply(sandbox, USERS.mette);
      expect(consent.body).toMatchObject({ error: 'invalid_grant', error_codes: [65001] });
      await settings(HOME_TENANT_ID, { grantedScopes: ['User.Read'] });
      const invite = await (
        await signIn(sandbox, USERS.mette)
      )('POST', '/invitations', {
        invitedUserEmailAddress: USERS.birgitte,
        inviteRedirectUrl: 'http://localhost:5300/',
      });
      expect(invite.status).toBe(403);
      expect(code(invite)).toBe('Authorization_RequestDenied');
    } finally {
      await settings(HOME_TENANT_ID, { grantedScopes: all });
    }
  });

  it('refuses unknown tenant settings', async () => {
    const response = await fetch(`${sandbox.origin}/_sandbox/tenants/${HOME_TENANT_ID}`, {
      method: 'PATCH',
      body: JSON.stringify({ colour: 'blue' }),
    });
    expect(response.status).toBe(400);
  });
});

describe('deleting', () => {
  it('is for owners only; a deleted container leaves the listing', async () => {
    const made = await mette<Container>('POST', '/storage/fileStorage/containers', {
      displayName: 'Tovholder: prøveplads',
      containerTypeId: SANDBOX_CONTAINER_TYPE_ID,
    });
    await mette('POST', `/storage/fileStorage/containers/${made.body.id}/permissions`, {
      roles: ['manager'],
      grantedToV2: { user: { userPrincipalName: USERS.aisha } },
    });
    const aisha = await signIn(sandbox, USERS.aisha);
    expect((await aisha('DELETE', `/storage/fileStorage/containers/${made.body.id}`)).status).toBe(403);
    expect((await mette('DELETE', `/storage/fileStorage/containers/${made.body.id}`)).status).toBe(204);
    const listed = await mette<{ value: Container[] }>('GET', LIST);
    expect(listed.body.value.map((c) => c.id)).not.toContain(made.body.id);
    expect((await mette('GET', `/storage/fileStorage/containers/${made.body.id}`)).status).toBe(404);
  });
});
