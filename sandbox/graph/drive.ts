import { createHash, createHmac, randomBytes } from 'node:crypto';
import { requireScope } from '../auth';
import type { Ctx, GraphResponse, Router } from '../router';
import type { DriveItemRecord, DriveRecord, State, UserRecord } from '../store';
import { GraphError, badRequest } from './errors';
import { applySelect, paginate, parseSelect, type Json } from './odata';

/**
 * Files in a SharePoint document library: items by path (`/drives/{id}/root:/a/b.json:`) and by id, content
 * PUT with If-Match (a stale eTag gives 412) and GET as a 302 to a pre-authenticated download URL (CORS-enabled,
 * like Graph's `@microsoft.graph.downloadUrl`), children listings.
 */

const itemNotFound = (): GraphError => new GraphError(404, 'itemNotFound', 'The resource could not be found.');

export const newItemId = (): string => {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  return `01${[...randomBytes(32)].map((byte) => alphabet[byte % 32]).join('')}`;
};

/** A SharePoint-style unique id per item (the GUID inside eTag and cTag). */
const uniqueId = (item: DriveItemRecord): string => {
  const hex = createHash('sha1').update(item.id).digest('hex').toUpperCase();
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
};

export const eTagOf = (item: DriveItemRecord): string => `"{${uniqueId(item)}},${item.version}"`;
export const cTagOf = (item: DriveItemRecord): string => `"c:{${uniqueId(item)}},${item.contentVersion}"`;

const drive = (state: State, driveId: string): DriveRecord => {
  const found = state.drives.find((candidate) => candidate.id === driveId);
  if (!found) throw new GraphError(404, 'itemNotFound', `The drive '${driveId}' could not be found.`);
  return found;
};

const CONTAINER_SCOPES = ['FileStorageContainer.Selected', 'FileStorageContainer.Manage.All'];
const LIBRARY_SCOPES = ['Files.ReadWrite.All', 'Files.Read.All', 'Sites.ReadWrite.All', 'Sites.Read.All'];
const LIBRARY_WRITE_SCOPES = ['Files.ReadWrite.All', 'Sites.ReadWrite.All'];

/** Any write to a container's drive activates the container (called once the write is sure to succeed). */
const activateContainer = (state: State, driveId: string): void => {
  const container = state.containers.find((candidate) => candidate.id === driveId);
  if (container) container.status = 'active';
};

/**
 * The drive, if the caller may use it so. A container's drive (its id is the container's): members of the container
 * only — anyone else, of any tenant, is 403 on every path, before any item or byte; readers read, every other role
 * writes, and a write activates an inactive container. A document library: members of its tenant (not guests), with
 * a Files scope.
 */
const accessibleDrive = (ctx: Ctx, mode: 'read' | 'write' = 'read'): DriveRecord => {
  const state = ctx.sandbox.store.state;
  const id = ctx.params.driveId ?? '';
  const container = state.containers.find((candidate) => candidate.id === id);
  if (container) {
    requireScope(ctx.scopes, CONTAINER_SCOPES, 'accessDenied');
    if (container.deletedDateTime !== null)
      throw new GraphError(404, 'itemNotFound', `The drive '${id}' could not be found.`);
    const role = container.permissions.find((permission) => permission.userId === ctx.me.id)?.roles[0] ?? null;
    if (role === null || container.tenantId !== ctx.me.tenantId)
      throw new GraphError(403, 'accessDenied', 'Access denied');
    if (mode === 'write' && role === 'reader') throw new GraphError(403, 'accessDenied', 'Access denied');
    return drive(state, id);
  }
  const found = drive(state, id);
  requireScope(ctx.scopes, mode === 'write' ? LIBRARY_WRITE_SCOPES : LIBRARY_SCOPES, 'accessDenied');
  if (ctx.me.tenantId !== found.tenantId || ctx.me.kind === 'guest')
    throw new GraphError(403, 'accessDenied', 'Access denied');
  return found;
};

const children = (state: State, parent: DriveItemRecord): DriveItemRecord[] =>
  state.driveItems.filter((item) => item.driveId === parent.driveId && item.parentId === parent.id);

const rootOf = (state: State, found: DriveRecord): DriveItemRecord => {
  const root = state.driveItems.find((item) => item.id === found.rootId);
  if (!root) throw itemNotFound();
  return root;
};

const pathSegments = (raw: string): string[] =>
  raw
    .split('/')
    .filter(Boolean)
    .map((segment) => {
      try {
        return decodeURIComponent(segment);
      } catch {
        throw badRequest(`Invalid path segment '${segment}'.`, 'invalidRequest');
      }
    });

const childNamed = (state: State, parent: DriveItemRecord, name: string): DriveItemRecord | undefined =>
  children(state, parent).find((item) => item.name.toLowerCase() === name.toLowerCase());

const byPath = (state: State, found: DriveRecord, raw: string): DriveItemRecord | undefined => {
  let current: DriveItemRecord | undefined = rootOf(state, found);
  for (const segment of pathSegments(raw)) {
    if (!current) return undefined;
    current = childNamed(state, current, segment);
  }
  return current;
};

const pathOf = (state: State, item: DriveItemRecord): string => {
  const names: string[] = [];
  let current: DriveItemRecord | undefined = item;
  while (current?.parentId) {
    names.unshift(current.name);
    const parentId: string = current.parentId;
    current = state.driveItems.find((candidate) => candidate.id === parentId);
  }
  return names.join('/');
};

const personOf = (state: State, userId: string | null): Json => {
  const user = state.users.find((candidate) => candidate.id === userId);
  return user
    ? { user: { email: user.mail, id: user.id, displayName: user.displayName } }
    : { application: { displayName: 'Tovholder sandbox' } };
};

const sizeOf = (item: DriveItemRecord): number => Buffer.from(item.content, item.contentEncoding).length;

/** Signs a download URL for one item, valid for an hour (the pre-authenticated `downloadUrl`). */
export const downloadToken = (state: State, item: DriveItemRecord, now: number): string => {
  const payload = Buffer.from(JSON.stringify({ d: item.driveId, i: item.id, e: now + 3_600_000 })).toString(
    'base64url',
  );
  const signature = createHmac('sha256', state.secret).update(payload).digest('base64url');
  return `${payload}.${signature}`;
};

export const readDownloadToken = (state: State, token: string, now: number): DriveItemRecord | null => {
  const [payload = '', signature = ''] = token.split('.');
  const expected = createHmac('sha256', state.secret).update(payload).digest('base64url');
  if (signature !== expected) return null;
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as {
      d: string;
      i: string;
      e: number;
    };
    if (claims.e < now) return null;
    return state.driveItems.find((item) => item.driveId === claims.d && item.id === claims.i) ?? null;
  } catch {
    return null;
  }
};

export const itemJson = (ctx: Ctx, item: DriveItemRecord): Json => {
  const state = ctx.sandbox.store.state;
  const found = drive(state, item.driveId);
  const parent = item.parentId ? state.driveItems.find((candidate) => candidate.id === item.parentId) : undefined;
  const path = pathOf(state, item);
  const parentPath = parent ? pathOf(state, parent) : '';
  return {
    ...(item.folder
      ? {}
      : { '@microsoft.graph.downloadUrl': `${ctx.origin}/_sandbox/download/${downloadToken(state, item, ctx.now)}` }),
    createdDateTime: item.createdDateTime,
    eTag: eTagOf(item),
    id: item.id,
    lastModifiedDateTime: item.lastModifiedDateTime,
    name: item.parentId ? item.name : 'root',
    webUrl: `${found.webUrl}${path ? `/${path.split('/').map(encodeURIComponent).join('/')}` : ''}`,
    cTag: cTagOf(item),
    size: item.folder
      ? children(state, item).reduce((sum, child) => sum + (child.folder ? 0 : sizeOf(child)), 0)
      : sizeOf(item),
    createdBy: personOf(state, item.createdBy),
    lastModifiedBy: personOf(state, item.lastModifiedBy),
    parentReference: parent
      ? {
          driveType: 'documentLibrary',
          driveId: item.driveId,
          id: parent.id,
          name: parent.parentId ? parent.name : found.name,
          path: `/drives/${item.driveId}/root:${parentPath ? `/${parentPath}` : ''}`,
          siteId: `${found.id}-site`,
        }
      : { driveType: 'documentLibrary', driveId: item.driveId },
    fileSystemInfo: { createdDateTime: item.createdDateTime, lastModifiedDateTime: item.lastModifiedDateTime },
    ...(item.folder
      ? { folder: { childCount: children(state, item).length } }
      : {
          file: {
            mimeType: item.mimeType ?? 'application/octet-stream',
            hashes: {
              quickXorHash:
                createHash('sha1')
                  .update(Buffer.from(item.content, item.contentEncoding))
                  .digest('base64')
                  .slice(0, 27) + '=',
            },
          },
        }),
    ...(item.parentId ? {} : { root: {} }),
  };
};

const itemResponse = (ctx: Ctx, item: DriveItemRecord, status: number): GraphResponse => ({
  status,
  headers: { ETag: eTagOf(item) },
  body: {
    '@odata.context': `${ctx.graphBase}/$metadata#drives('${item.driveId}')/items/$entity`,
    ...applySelect(itemJson(ctx, item), parseSelect(ctx.req.query)),
  },
});

/** If-Match may carry the eTag or the cTag (quoted or not); `*` matches any existing item. */
const matchesTag = (item: DriveItemRecord, header: string): boolean => {
  const given = header
    .split(',')
    .map((part) => part.trim())
    .join(',');
  if (given === '*') return true;
  const strip = (tag: string): string => tag.replace(/^W\//, '').replace(/^"|"$/g, '');
  return [eTagOf(item), cTagOf(item)].some((tag) => strip(tag) === strip(given));
};

const checkPreconditions = (ctx: Ctx, item: DriveItemRecord | undefined): void => {
  const ifMatch = ctx.req.headers['if-match'];
  const ifNoneMatch = ctx.req.headers['if-none-match'];
  if (ifMatch !== undefined) {
    if (!item) throw itemNotFound();
    if (!matchesTag(item, ifMatch))
      throw new GraphError(412, 'resourceModified', "ETag does not match current item's value");
  }
  if (ifNoneMatch !== undefined && item && (ifNoneMatch.trim() === '*' || matchesTag(item, ifNoneMatch))) {
    throw new GraphError(412, 'resourceModified', "ETag does not match current item's value");
  }
};

const newItem = (
  state: State,
  driveId: string,
  parentId: string,
  name: string,
  folder: boolean,
  userId: string | null,
  at: number,
): DriveItemRecord => {
  const when = new Date(at).toISOString();
  const item: DriveItemRecord = {
    id: newItemId(),
    driveId,
    parentId,
    name,
    folder,
    content: '',
    contentEncoding: 'utf8',
    mimeType: null,
    version: 1,
    contentVersion: 1,
    createdDateTime: when,
    lastModifiedDateTime: when,
    createdBy: userId,
    lastModifiedBy: userId,
  };
  state.driveItems.push(item);
  return item;
};

const INVALID_NAME = /["*:<>?/\\|]/;

const mimeFor = (name: string, header: string | undefined): string => {
  if (name.toLowerCase().endsWith('.json')) return 'application/json';
  if (name.toLowerCase().endsWith('.txt')) return 'text/plain';
  return header?.split(';')[0]?.trim() || 'application/octet-stream';
};

/** Writes content to a file, creating the parent folders and the file as needed. */
export const writeFile = (
  state: State,
  found: DriveRecord,
  segments: string[],
  content: Buffer,
  contentType: string | undefined,
  userId: string | null,
  at: number,
): { item: DriveItemRecord; created: boolean } => {
  if (segments.length === 0) throw badRequest('A file path is required.', 'invalidRequest');
  let parent = rootOf(state, found);
  for (const segment of segments.slice(0, -1)) {
    let next = childNamed(state, parent, segment);
    if (!next) next = newItem(state, found.id, parent.id, segment, true, userId, at);
    if (!next.folder) throw new GraphError(409, 'nameAlreadyExists', `'${segment}' is a file, not a folder.`);
    parent = next;
  }
  const name = segments.at(-1) ?? '';
  if (!name || INVALID_NAME.test(name))
    throw badRequest(`The file name '${name}' contains characters that are not allowed.`, 'invalidRequest');
  let item = childNamed(state, parent, name);
  const created = !item;
  if (item?.folder) throw new GraphError(409, 'nameAlreadyExists', 'The specified item name already exists.');
  item ??= newItem(state, found.id, parent.id, name, false, userId, at);
  const text = content.toString('utf8');
  const isText = Buffer.from(text, 'utf8').equals(content);
  item.content = isText ? text : content.toString('base64');
  item.contentEncoding = isText ? 'utf8' : 'base64';
  item.mimeType = mimeFor(name, contentType);
  if (!created) {
    item.version += 1;
    item.contentVersion += 1;
  }
  item.lastModifiedDateTime = new Date(at).toISOString();
  item.lastModifiedBy = userId;
  return { item, created };
};

const putContent = (ctx: Ctx, segments: string[]): GraphResponse => {
  const state = ctx.sandbox.store.state;
  const found = accessibleDrive(ctx, 'write');
  const existing = byPath(state, found, segments.join('/'));
  checkPreconditions(ctx, existing);
  const behavior = (ctx.req.query.get('@microsoft.graph.conflictBehavior') ?? 'replace').toLowerCase();
  if (existing && behavior === 'fail')
    throw new GraphError(409, 'nameAlreadyExists', 'The specified item name already exists.');
  const { item, created } = writeFile(
    state,
    found,
    segments,
    ctx.req.body,
    ctx.req.headers['content-type'],
    ctx.me.id,
    ctx.now,
  );
  activateContainer(state, found.id);
  return itemResponse(ctx, item, created ? 201 : 200);
};

const getContent = (ctx: Ctx, item: DriveItemRecord | undefined): GraphResponse => {
  if (!item) throw itemNotFound();
  if (item.folder) throw badRequest('The item is a folder and has no content.', 'invalidRequest');
  checkPreconditions(ctx, undefined);
  const ifNoneMatch = ctx.req.headers['if-none-match'];
  if (ifNoneMatch && matchesTag(item, ifNoneMatch)) return { status: 304, headers: { ETag: eTagOf(item) } };
  // Graph answers content requests with a redirect to a pre-authenticated URL.
  return {
    status: 302,
    headers: { Location: `${ctx.origin}/_sandbox/download/${downloadToken(ctx.sandbox.store.state, item, ctx.now)}` },
  };
};

const listChildren = (ctx: Ctx, item: DriveItemRecord | undefined): GraphResponse => {
  if (!item) throw itemNotFound();
  if (!item.folder) throw badRequest('The item is not a folder.', 'invalidRequest');
  const state = ctx.sandbox.store.state;
  const all = children(state, item)
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((child) => itemJson(ctx, child));
  const page = paginate(all, ctx.req.query, `${ctx.graphBase}${ctx.req.path}`, {
    defaultTop: 200,
    maxTop: 999,
    style: 'skiptoken',
  });
  const select = parseSelect(ctx.req.query);
  return {
    status: 200,
    body: {
      '@odata.context': `${ctx.graphBase}/$metadata#drives('${item.driveId}')/items('${item.id}')/children`,
      ...(page.nextLink ? { '@odata.nextLink': page.nextLink } : {}),
      value: page.items.map((child) => applySelect(child, select)),
    },
  };
};

const deleteItem = (ctx: Ctx, item: DriveItemRecord | undefined): GraphResponse => {
  if (!item) throw itemNotFound();
  if (!item.parentId) throw new GraphError(403, 'accessDenied', 'The root cannot be deleted.');
  checkPreconditions(ctx, item);
  const state = ctx.sandbox.store.state;
  const doomed = new Set<string>([item.id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const candidate of state.driveItems) {
      if (candidate.parentId && doomed.has(candidate.parentId) && !doomed.has(candidate.id)) {
        doomed.add(candidate.id);
        grew = true;
      }
    }
  }
  state.driveItems = state.driveItems.filter((candidate) => !doomed.has(candidate.id));
  activateContainer(state, item.driveId);
  return { status: 204 };
};

/** `/drives/{driveId}/root:/path[:][/content|/children]` */
const BY_PATH = /^\/drives\/(?<driveId>[^/]+)\/root:(?<path>\/[^:]*?)(?::(?<suffix>\/content|\/children)?)?\/?$/i;
/** `/drives/{driveId}/items/{parentId}:/name:/content` */
const BY_PARENT = /^\/drives\/(?<driveId>[^/]+)\/items\/(?<itemId>[^/:]+):(?<path>\/[^:]*?):\/content$/i;

const itemById = (ctx: Ctx, mode: 'read' | 'write' = 'read'): DriveItemRecord | undefined => {
  const found = accessibleDrive(ctx, mode);
  const id = ctx.params.itemId ?? '';
  if (id.toLowerCase() === 'root') return rootOf(ctx.sandbox.store.state, found);
  return ctx.sandbox.store.state.driveItems.find((item) => item.driveId === found.id && item.id === id);
};

export const registerDrive = (router: Router): void => {
  router
    .addPattern('PUT', '/drives/{driveId}/root:/{path}:/content', BY_PATH, (ctx) => {
      if ((ctx.params.suffix ?? '').toLowerCase() !== '/content')
        throw new GraphError(405, 'invalidRequest', 'PUT is only allowed on :/content.');
      return putContent(ctx, pathSegments(ctx.params.path ?? ''));
    })
    .addPattern('GET', '/drives/{driveId}/root:/{path}', BY_PATH, (ctx) => {
      const found = accessibleDrive(ctx);
      const item = byPath(ctx.sandbox.store.state, found, ctx.params.path ?? '');
      const suffix = (ctx.params.suffix ?? '').toLowerCase();
      if (suffix === '/content') return getContent(ctx, item);
      if (suffix === '/children') return listChildren(ctx, item);
      if (!item) throw itemNotFound();
      return itemResponse(ctx, item, 200);
    })
    .addPattern('DELETE', '/drives/{driveId}/root:/{path}', BY_PATH, (ctx) => {
      const found = accessibleDrive(ctx, 'write');
      return deleteItem(ctx, byPath(ctx.sandbox.store.state, found, ctx.params.path ?? ''));
    })
    .addPattern('PUT', '/drives/{driveId}/items/{parentId}:/{name}:/content', BY_PARENT, (ctx) => {
      const state = ctx.sandbox.store.state;
      const found = accessibleDrive(ctx, 'write');
      const parent =
        ctx.params.itemId?.toLowerCase() === 'root'
          ? rootOf(state, found)
          : state.driveItems.find((item) => item.id === ctx.params.itemId);
      if (!parent || !parent.folder) throw itemNotFound();
      const prefix = pathOf(state, parent);
      return putContent(ctx, [...pathSegments(prefix), ...pathSegments(ctx.params.path ?? '')]);
    })
    .add('GET', '/drives/{driveId}', (ctx) => {
      const found = accessibleDrive(ctx);
      return {
        status: 200,
        body: {
          '@odata.context': `${ctx.graphBase}/$metadata#drives/$entity`,
          id: found.id,
          name: found.name,
          driveType: 'documentLibrary',
          webUrl: found.webUrl,
          createdDateTime: rootOf(ctx.sandbox.store.state, found).createdDateTime,
        },
      };
    })
    .add('GET', '/drives/{driveId}/root', (ctx) =>
      itemResponse(ctx, rootOf(ctx.sandbox.store.state, accessibleDrive(ctx)), 200),
    )
    .add('GET', '/drives/{driveId}/root/children', (ctx) =>
      listChildren(ctx, rootOf(ctx.sandbox.store.state, accessibleDrive(ctx))),
    )
    .add('GET', '/drives/{driveId}/items/{itemId}', (ctx) => {
      const item = itemById(ctx);
      if (!item) throw itemNotFound();
      return itemResponse(ctx, item, 200);
    })
    .add('DELETE', '/drives/{driveId}/items/{itemId}', (ctx) => deleteItem(ctx, itemById(ctx, 'write')))
    .add('GET', '/drives/{driveId}/items/{itemId}/content', (ctx) => getContent(ctx, itemById(ctx)))
    .add('PUT', '/drives/{driveId}/items/{itemId}/content', (ctx) => {
      const item = itemById(ctx, 'write');
      if (!item || item.folder) throw itemNotFound();
      return putContent(ctx, pathSegments(pathOf(ctx.sandbox.store.state, item)));
    })
    .add('GET', '/drives/{driveId}/items/{itemId}/children', (ctx) => listChildren(ctx, itemById(ctx)))
    // The user's OneDrive, for "Tjek opsætning": members have one, guests never; its content is not modelled.
    .self('GET', '/drive', (ctx) => {
      if (!ctx.me.oneDrive) throw new GraphError(404, 'itemNotFound', 'The user does not have a OneDrive.');
      return {
        status: 200,
        body: {
          '@odata.context': `${ctx.graphBase}/$metadata#drives/$entity`,
          id: `b!onedrive-${ctx.me.id}`,
          driveType: 'business',
          name: 'OneDrive',
          owner: { user: { id: ctx.me.id, displayName: ctx.me.displayName, email: ctx.me.mail } },
        },
      };
    });
};

/**
 * For the bulk tool: a new file under a known folder, without looking anything up (the caller knows the name is
 * free), so thousands are made in one pass.
 */
export const addNewFile = (
  state: State,
  folder: DriveItemRecord,
  name: string,
  content: string,
  userId: string | null,
  at: number,
): DriveItemRecord => {
  const item = newItem(state, folder.driveId, folder.id, name, false, userId, at);
  item.content = content;
  item.mimeType = mimeFor(name, 'application/json');
  return item;
};

/** The folder at `segments` in the drive (made as needed), for the bulk tool. */
export const folderAt = (state: State, found: DriveRecord, segments: string[], at: number): DriveItemRecord => {
  let parent = rootOf(state, found);
  for (const segment of segments) {
    let next = childNamed(state, parent, segment);
    if (!next) next = newItem(state, found.id, parent.id, segment, true, null, at);
    parent = next;
  }
  return parent;
};

/** For the seed: a document library with its root folder. */
export const createDrive = (
  state: State,
  options: { id: string; name: string; tenantId: string; webUrl: string; at: number },
): DriveRecord => {
  const root = newItem(state, options.id, '', 'root', true, null, options.at);
  root.parentId = null;
  const found: DriveRecord = {
    id: options.id,
    name: options.name,
    tenantId: options.tenantId,
    webUrl: options.webUrl,
    rootId: root.id,
  };
  state.drives.push(found);
  return found;
};

export type { UserRecord };
