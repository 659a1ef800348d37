import { createHash, randomBytes } from 'node:crypto';
import { SANDBOX_CONTAINER_TYPE_ID } from '../../src/app/config';
import { requireScope } from '../auth';
import type { Ctx, GraphResponse, Router } from '../router';
import type {
  ContainerPermissionRecord,
  ContainerRecord,
  ContainerRole,
  State,
  TenantRecord,
  UserRecord,
} from '../store';
import { createDrive } from './drive';
import { GraphError, badRequest } from './errors';
import { applySelect, paginate, parseSelect, type Json } from './odata';
import { asObject, optionalString, rejectUnknownProperties } from './validation';

/**
 * SharePoint Embedded: fileStorageContainers (`/storage/fileStorage/containers`), their permissions, and (in
 * drive.ts) their drives. A container belongs to one tenant; only its members (a direct role) see it, list it, or
 * read a byte of it. The token's tenant is where the caller acts (a guest account in another organisation's tenant).
 */

export { SANDBOX_CONTAINER_TYPE_ID };

export const CONTAINER_SCOPES = ['FileStorageContainer.Selected', 'FileStorageContainer.Manage.All'];
const ASSIGNABLE: readonly ContainerRole[] = ['reader', 'writer', 'manager', 'owner'];
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const accessDenied = (message = 'Access denied'): GraphError => new GraphError(403, 'accessDenied', message);
const notFound = (): GraphError => new GraphError(404, 'itemNotFound', 'The requested container could not be found.');
const invalid = (message: string): GraphError => badRequest(message, 'invalidRequest');

/** A container id in SharePoint's form (`b!` and 64 base64url characters): from `seedName` when given, so it is stable. */
export const containerIdFor = (seedName?: string): string =>
  `b!${(seedName ? createHash('sha384').update(`container:${seedName}`).digest() : randomBytes(48)).toString('base64url')}`;

/** The permission's id: base64url of role and claim, as SharePoint's look (`cmVhZGVyX2k6MCMuZnxtZW1iZXJzaGlwfC4uLg`). */
const permissionIdFor = (role: ContainerRole, user: UserRecord): string =>
  Buffer.from(`${role}_i:0#.f|membership|${user.userPrincipalName.toLowerCase()}`).toString('base64url');

export const roleIn = (container: ContainerRecord, userId: string): ContainerRole | null =>
  container.permissions.find((permission) => permission.userId === userId)?.roles[0] ?? null;

export const isOwner = (role: ContainerRole | null): boolean => role === 'owner' || role === 'principalOwner';
/** Managers and owners manage the members; writers too where the tenant does not restrict sharing. */
const managesMembers = (role: ContainerRole | null, restricted: boolean): boolean =>
  role === 'manager' || isOwner(role) || (!restricted && role === 'writer');
export const writesContent = (role: ContainerRole | null): boolean => role !== null && role !== 'reader';

export const containerOf = (state: State, id: string): ContainerRecord | undefined =>
  state.containers.find((container) => container.id === id);

const tenantOf = (state: State, id: string | null): TenantRecord | undefined =>
  state.tenants.find((tenant) => tenant.id === id);

/** SharePoint's host for a tenant: `sundby-kommune.example` → `sundbykommune.sharepoint.com`. */
const sharePointHost = (tenant: TenantRecord | undefined): string =>
  `${(tenant?.domain.split('.')[0] ?? 'tenant').replace(/[^a-z0-9]/gi, '')}.sharepoint.com`;

/** For the seed, the bulk tool and POST: the container, its drive, and the creator as principal owner. */
export const createContainer = (
  state: State,
  options: {
    id?: string;
    tenantId: string;
    displayName: string;
    description?: string | null;
    containerTypeId?: string;
    creator: UserRecord;
    at: number;
  },
): ContainerRecord => {
  const id = options.id ?? containerIdFor();
  const tenant = tenantOf(state, options.tenantId);
  createDrive(state, {
    id,
    name: 'Documents',
    tenantId: options.tenantId,
    webUrl: `https://${sharePointHost(tenant)}/contentstorage/CSP_${id.slice(2, 34)}/Document%20Library`,
    at: options.at,
  });
  const container: ContainerRecord = {
    id,
    tenantId: options.tenantId,
    displayName: options.displayName,
    description: options.description ?? null,
    containerTypeId: options.containerTypeId ?? SANDBOX_CONTAINER_TYPE_ID,
    status: 'inactive',
    createdDateTime: new Date(options.at).toISOString(),
    permissions: [
      { id: permissionIdFor('principalOwner', options.creator), roles: ['principalOwner'], userId: options.creator.id },
    ],
    driveId: id,
    deletedDateTime: null,
  };
  state.containers.push(container);
  return container;
};

/** For the seed and the bulk tool: gives `user` a role (replacing any they hold). */
export const grantRole = (
  container: ContainerRecord,
  user: UserRecord,
  role: ContainerRole,
): ContainerPermissionRecord => {
  container.permissions = container.permissions.filter((permission) => permission.userId !== user.id);
  const permission: ContainerPermissionRecord = { id: permissionIdFor(role, user), roles: [role], userId: user.id };
  container.permissions.push(permission);
  return permission;
};

/** The container `id` as the caller may see it in the token's tenant: 404 elsewhere or deleted, 403 for non-members. */
const visibleContainer = (ctx: Ctx, id: string): { container: ContainerRecord; role: ContainerRole } => {
  requireScope(ctx.scopes, CONTAINER_SCOPES, 'accessDenied');
  const container = containerOf(ctx.sandbox.store.state, id);
  if (!container || container.deletedDateTime !== null || container.tenantId !== ctx.me.tenantId) throw notFound();
  const role = roleIn(container, ctx.me.id);
  if (!role) throw accessDenied();
  return { container, role };
};

const containerJson = (container: ContainerRecord, role: ContainerRole | null): Json => ({
  id: container.id,
  displayName: container.displayName,
  description: container.description,
  containerTypeId: container.containerTypeId,
  status: container.status,
  createdDateTime: container.createdDateTime,
  settings: { isOcrEnabled: false, isItemVersioningEnabled: true, itemMajorVersionLimit: 500 },
  viewpoint: { effectiveRole: role },
});

const CONTEXT = (ctx: Ctx): string => `${ctx.graphBase}/$metadata#storage/fileStorage/containers`;

const userRef = (user: UserRecord | undefined): Json => ({
  user: {
    id: user?.id ?? null,
    displayName: user?.displayName ?? null,
    email: user?.mail ?? null,
    userPrincipalName: user?.userPrincipalName ?? null,
  },
});

const permissionJson = (state: State, permission: ContainerPermissionRecord): Json => ({
  id: permission.id,
  roles: [...permission.roles],
  grantedToV2: userRef(state.users.find((user) => user.id === permission.userId)),
});

/** `containerTypeId eq {guid}` (the guid bare or quoted), optionally `and viewpoint/effectiveRole eq '…'`. */
const parseListFilter = (filter: string | null): { containerTypeId: string; effectiveRole: string | null } => {
  const match =
    /^\s*containerTypeId\s+eq\s+'?([0-9a-f-]{36})'?\s*(?:and\s+viewpoint\/effectiveRole\s+eq\s+'(\w+)'\s*)?$/i.exec(
      filter ?? '',
    );
  if (!match?.[1]) {
    throw invalid(
      filter
        ? `The $filter '${filter}' is not supported: it must be 'containerTypeId eq {containerTypeId}'.`
        : "The 'containerTypeId' filter parameter is required.",
    );
  }
  return { containerTypeId: match[1].toLowerCase(), effectiveRole: match[2] ?? null };
};

const list = (ctx: Ctx): GraphResponse => {
  requireScope(ctx.scopes, CONTAINER_SCOPES, 'accessDenied');
  const { containerTypeId, effectiveRole } = parseListFilter(ctx.req.query.get('$filter'));
  // Listing on behalf of a user needs their OneDrive in this tenant; guests never have one.
  if (!ctx.me.oneDrive) throw accessDenied('Access denied. The user does not have a OneDrive in this tenant.');
  const state = ctx.sandbox.store.state;
  // A container type not registered in this tenant is refused for every use, listing too.
  const tenant = tenantOf(state, ctx.me.tenantId);
  if (!tenant?.settings.containerTypeRegistered || containerTypeId !== SANDBOX_CONTAINER_TYPE_ID) {
    throw accessDenied(
      `The container type '${containerTypeId}' is not registered in this tenant, or the app has no access to it.`,
    );
  }
  const mine = state.containers.filter((container) => {
    if (container.tenantId !== ctx.me.tenantId || container.deletedDateTime !== null) return false;
    if (container.containerTypeId.toLowerCase() !== containerTypeId) return false;
    const role = roleIn(container, ctx.me.id);
    return role !== null && (effectiveRole === null || role === effectiveRole);
  });
  // The reference gives no page size; 100 a page, like most Graph collections.
  const page = paginate(mine, ctx.req.query, `${ctx.graphBase}/storage/fileStorage/containers`, {
    defaultTop: 100,
    maxTop: 1000,
    style: 'skiptoken',
  });
  const select = parseSelect(ctx.req.query);
  return {
    status: 200,
    body: {
      '@odata.context': CONTEXT(ctx),
      ...(page.nextLink ? { '@odata.nextLink': page.nextLink } : {}),
      value: page.items.map((container) =>
        applySelect(
          {
            '@odata.type': '#microsoft.graph.fileStorageContainer',
            id: container.id,
            displayName: container.displayName,
            containerTypeId: container.containerTypeId,
            createdDateTime: container.createdDateTime,
          },
          select,
        ),
      ),
    },
  };
};

const create = (ctx: Ctx): GraphResponse => {
  requireScope(ctx.scopes, CONTAINER_SCOPES, 'accessDenied');
  const body = ctx.json();
  rejectUnknownProperties(
    body,
    ['displayName', 'description', 'containerTypeId', 'settings', 'customProperties'],
    'microsoft.graph.fileStorageContainer',
  );
  const displayName = optionalString(body.displayName, 'displayName')?.trim() ?? '';
  if (!displayName) throw invalid('The displayName property is required.');
  const description = optionalString(body.description, 'description');
  const typeId = optionalString(body.containerTypeId, 'containerTypeId')?.trim() ?? '';
  if (!typeId) throw invalid('The containerTypeId property is required.');
  if (!GUID.test(typeId)) throw invalid(`'${typeId}' is not a valid containerTypeId.`);
  if (body.settings !== undefined && !asObject(body.settings)) throw invalid('settings must be an object.');
  const state = ctx.sandbox.store.state;
  const tenant = tenantOf(state, ctx.me.tenantId);
  if (!tenant?.settings.containerTypeRegistered || typeId.toLowerCase() !== SANDBOX_CONTAINER_TYPE_ID) {
    throw accessDenied(
      `The container type '${typeId}' is not registered in this tenant, or the app has no access to it.`,
    );
  }
  if (ctx.me.kind === 'guest') throw accessDenied('Guest users cannot create containers in this tenant.');
  const container = createContainer(state, {
    tenantId: tenant.id,
    displayName,
    description,
    containerTypeId: SANDBOX_CONTAINER_TYPE_ID,
    creator: ctx.me,
    at: ctx.now,
  });
  return {
    status: 201,
    headers: { Location: `${ctx.graphBase}/storage/fileStorage/containers/${container.id}` },
    body: { '@odata.context': `${CONTEXT(ctx)}/$entity`, ...containerJson(container, 'principalOwner') },
  };
};

const get = (ctx: Ctx): GraphResponse => {
  const { container, role } = visibleContainer(ctx, ctx.params.containerId ?? '');
  const select = parseSelect(ctx.req.query);
  const full = containerJson(container, role);
  return {
    status: 200,
    body: { '@odata.context': `${CONTEXT(ctx)}/$entity`, ...(select ? applySelect(full, select) : full) },
  };
};

const remove = (ctx: Ctx): GraphResponse => {
  const { container, role } = visibleContainer(ctx, ctx.params.containerId ?? '');
  if (!isOwner(role)) throw accessDenied('Only owners can delete a container.');
  container.deletedDateTime = new Date(ctx.now).toISOString();
  return { status: 204 };
};

const activate = (ctx: Ctx): GraphResponse => {
  const { container, role } = visibleContainer(ctx, ctx.params.containerId ?? '');
  if (!writesContent(role)) throw accessDenied();
  container.status = 'active';
  return { status: 204 };
};

const listPermissions = (ctx: Ctx): GraphResponse => {
  const { container } = visibleContainer(ctx, ctx.params.containerId ?? '');
  const state = ctx.sandbox.store.state;
  return {
    status: 200,
    body: {
      '@odata.context': `${ctx.graphBase}/$metadata#Collection(microsoft.graph.permission)`,
      value: container.permissions.map((permission) => permissionJson(state, permission)),
    },
  };
};

/** The caller may change who has access: 403 otherwise. */
const managedContainer = (ctx: Ctx): ContainerRecord => {
  const { container, role } = visibleContainer(ctx, ctx.params.containerId ?? '');
  const tenant = tenantOf(ctx.sandbox.store.state, container.tenantId);
  if (!managesMembers(role, tenant?.settings.isSharingRestricted ?? true))
    throw accessDenied('Only owners and managers can change the permissions of this container.');
  return container;
};

const oneRole = (value: unknown): ContainerRole => {
  if (!Array.isArray(value) || value.length !== 1 || typeof value[0] !== 'string')
    throw invalid('roles must hold exactly one role (one role per user is supported).');
  const role = value[0] as ContainerRole;
  if (role === 'principalOwner') throw invalid('The principalOwner role cannot be granted.');
  if (!ASSIGNABLE.includes(role)) throw invalid(`'${value[0]}' is not a valid role: reader, writer, manager or owner.`);
  return role;
};

const addPermission = (ctx: Ctx): GraphResponse => {
  const container = managedContainer(ctx);
  const state = ctx.sandbox.store.state;
  const body = ctx.json();
  rejectUnknownProperties(body, ['roles', 'grantedToV2'], 'microsoft.graph.permission');
  const role = oneRole(body.roles);
  const user = asObject(asObject(body.grantedToV2)?.user);
  if (!user) throw invalid('grantedToV2.user is required.');
  const principal = (optionalString(user.userPrincipalName, 'userPrincipalName') ?? '').trim().toLowerCase();
  const email = (optionalString(user.email, 'email') ?? '').trim().toLowerCase();
  if (!principal && !email) throw invalid('grantedToV2.user.userPrincipalName is required.');
  const target = state.users.find(
    (candidate) =>
      candidate.tenantId === container.tenantId &&
      candidate.kind !== 'emailOnly' &&
      (principal ? candidate.userPrincipalName.toLowerCase() === principal : candidate.mail.toLowerCase() === email),
  );
  if (!target) throw invalid(`The user '${principal || email}' could not be found in this tenant.`);
  if (target.kind === 'guest' && tenantOf(state, container.tenantId)?.settings.sharingCapability === 'disabled')
    throw accessDenied('Sharing with external users is disabled for this tenant.');
  if (roleIn(container, target.id)) {
    // As the upsert API's default conflictBehavior 'fail' answers: the user is a member with a role already.
    throw new GraphError(409, 'conflict', 'The user already has a role on this container.');
  }
  const permission = grantRole(container, target, role);
  return {
    status: 201,
    body: {
      '@odata.context': `${ctx.graphBase}/$metadata#storage/fileStorage/containers('${container.id}')/permissions/$entity`,
      ...permissionJson(state, permission),
    },
  };
};

const permissionIn = (container: ContainerRecord, id: string): ContainerPermissionRecord => {
  const permission = container.permissions.find((candidate) => candidate.id === id);
  if (!permission) throw new GraphError(404, 'itemNotFound', 'The permission could not be found.');
  return permission;
};

const ownersAfter = (container: ContainerRecord, changed: ContainerPermissionRecord, role: ContainerRole | null) =>
  container.permissions.filter((permission) => isOwner(permission === changed ? role : permission.roles[0])).length;

const updatePermission = (ctx: Ctx): GraphResponse => {
  const container = managedContainer(ctx);
  const permission = permissionIn(container, ctx.params.permissionId ?? '');
  const body = ctx.json();
  rejectUnknownProperties(body, ['roles'], 'microsoft.graph.permission');
  const role = oneRole(body.roles);
  if (permission.roles[0] === 'principalOwner')
    throw invalid("The principal owner's role cannot be changed; principal ownership can only be transferred.");
  if (ownersAfter(container, permission, role) === 0) throw invalid('A container must keep at least one owner.');
  // The id stays: v1.0's reference says nothing of a new one (beta's does), and clients keep the id they hold.
  permission.roles = [role];
  return { status: 200 };
};

const deletePermission = (ctx: Ctx): GraphResponse => {
  const container = managedContainer(ctx);
  const permission = permissionIn(container, ctx.params.permissionId ?? '');
  if (permission.roles[0] === 'principalOwner') throw invalid('The principal owner cannot be removed.');
  if (ownersAfter(container, permission, null) === 0) throw invalid('A container must keep at least one owner.');
  container.permissions = container.permissions.filter((candidate) => candidate !== permission);
  return { status: 204 };
};

const BASE = '/storage/fileStorage/containers';

export const registerContainers = (router: Router): void => {
  router
    .add('GET', BASE, list)
    .add('POST', BASE, create)
    .add('GET', `${BASE}/{containerId}`, get)
    .add('DELETE', `${BASE}/{containerId}`, remove)
    .add('POST', `${BASE}/{containerId}/activate`, activate)
    .add('GET', `${BASE}/{containerId}/permissions`, listPermissions)
    .add('POST', `${BASE}/{containerId}/permissions`, addPermission)
    .add('PATCH', `${BASE}/{containerId}/permissions/{permissionId}`, updatePermission)
    .add('DELETE', `${BASE}/{containerId}/permissions/{permissionId}`, deletePermission);
};
