import { calendarOf, eventJson } from './graph/events';
import { memberJson, messageJson } from './graph/chats';
import { eTagOf, readDownloadToken } from './graph/drive';
import { mailJson } from './graph/mail';
import type { GraphResponse } from './router';
import type { GraphService } from './server';
import type { State, UserRecord } from './store';
import { addTool, findUser } from './tools';

/**
 * Read-only inspection for tests and the viewer (no token: these show what each person would see in Teams,
 * Outlook and their calendar), and the pre-authenticated download URL behind drive content redirects.
 */

const json = (status: number, body: unknown): GraphResponse => ({
  status,
  headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' },
  body,
});

const unknownUser = (upn: string | null): GraphResponse =>
  json(404, { error: { code: 'sandboxTool', message: `No demo user '${upn ?? ''}'. See GET /_sandbox/users.` } });

const summary = (state: State, user: UserRecord): Record<string, unknown> => ({
  upn: user.userPrincipalName,
  id: user.id,
  name: user.displayName,
  mail: user.mail,
  kind: user.kind,
  tenant: state.tenants.find((tenant) => tenant.id === user.tenantId)?.displayName ?? null,
});

/** Every chat the user is a member of, members and messages oldest first, apps and tabs. */
export const chatsOf = (state: State, user: UserRecord): Record<string, unknown>[] =>
  state.chats
    .filter((chat) => chat.members.some((member) => member.userId === user.id))
    .sort((a, b) => b.lastUpdatedDateTime.localeCompare(a.lastUpdatedDateTime))
    .map((chat) => ({
      id: chat.id,
      chatType: chat.chatType,
      topic: chat.topic,
      createdDateTime: chat.createdDateTime,
      lastUpdatedDateTime: chat.lastUpdatedDateTime,
      members: chat.members.map((member) => memberJson(state, chat, member)),
      messages: chat.messages.map((message) => messageJson(state, chat, message)),
      installedApps: chat.installedApps.map((app) => ({ id: app.id, teamsAppId: app.teamsAppId })),
      tabs: chat.tabs.map((tab) => ({
        id: tab.id,
        displayName: tab.displayName,
        teamsAppId: tab.teamsAppId,
        configuration: {
          entityId: tab.entityId,
          contentUrl: tab.contentUrl,
          websiteUrl: tab.websiteUrl,
          removeUrl: tab.removeUrl,
        },
      })),
    }));

export const mailboxOfAddress = (state: State, address: string): Record<string, unknown>[] =>
  state.mail
    .filter((mail) => mail.mailbox === address.toLowerCase())
    .sort((a, b) => b.receivedDateTime.localeCompare(a.receivedDateTime))
    // Both ids, so a test can find a message whichever id type the app asked Graph for.
    .map((mail) => ({
      folder: mail.folder,
      immutableId: mail.immutableId,
      ...mailJson(mail),
      // The custom headers the message carries (Graph shows them with $select=internetMessageHeaders).
      ...(mail.internetMessageHeaders?.length ? { internetMessageHeaders: mail.internetMessageHeaders } : {}),
    }));

export const calendarOfUser = (state: State, user: UserRecord): Record<string, unknown>[] =>
  calendarOf(state, user.id)
    .sort((a, b) => a.start - b.start)
    .map((event) => eventJson(state, event, user, 'UTC'));

let registered = false;

export const registerInspection = (): void => {
  if (registered) return;
  registered = true;
  addTool('GET', /^\/_sandbox\/chats$/, (request, graph) => {
    const state = graph.sandbox.store.state;
    const user = findUser(graph, request.url.searchParams.get('user'));
    if (!user) return unknownUser(request.url.searchParams.get('user'));
    return json(200, { user: summary(state, user), chats: chatsOf(state, user) });
  });
  addTool('GET', /^\/_sandbox\/mailbox$/, (request, graph) => {
    const state = graph.sandbox.store.state;
    const address = request.url.searchParams.get('user') ?? '';
    const user = findUser(graph, address);
    if (!user && !/^[^@\s]+@[^@\s]+$/.test(address)) return unknownUser(address);
    return json(200, {
      user: user ? summary(state, user) : { mail: address, kind: 'unknown' },
      messages: mailboxOfAddress(state, user?.mail ?? address),
    });
  });
  addTool('GET', /^\/_sandbox\/calendar$/, (request, graph) => {
    const state = graph.sandbox.store.state;
    const user = findUser(graph, request.url.searchParams.get('user'));
    if (!user) return unknownUser(request.url.searchParams.get('user'));
    if (user.kind === 'emailOnly') return json(200, { user: summary(state, user), events: [] });
    return json(200, { user: summary(state, user), events: calendarOfUser(state, user) });
  });
  // Every plan container, whoever holds a role on it, with Microsoft 365's list of roles (the tests' and the
  // viewer's view; the app never sees this: it asks Graph, which refuses those without a role).
  addTool('GET', /^\/_sandbox\/containers$/, (_request, graph) => {
    const state = graph.sandbox.store.state;
    return json(200, {
      containers: state.containers
        .filter((container) => container.deletedDateTime === null)
        .map((container) => ({
          id: container.id,
          tenantId: container.tenantId,
          displayName: container.displayName,
          status: container.status,
          permissions: container.permissions.map((permission) => {
            const user = state.users.find((u) => u.id === permission.userId);
            return {
              id: permission.id,
              roles: [...permission.roles],
              userPrincipalName: user?.userPrincipalName ?? '',
              displayName: user?.displayName ?? '',
            };
          }),
        })),
    });
  });
  // A file at the root of a container's drive, as stored (not counted as a download: nobody's browser got it).
  addTool('GET', /^\/_sandbox\/containers\/([^/]+)\/files\/([^/]+)$/, (_request, graph, match) => {
    const state = graph.sandbox.store.state;
    const containerId = decodeURIComponent(match[1] ?? '');
    const name = decodeURIComponent(match[2] ?? '').toLowerCase();
    const drive = state.drives.find((d) => d.id === containerId);
    const item = drive
      ? state.driveItems.find(
          (i) => i.driveId === drive.id && i.parentId === drive.rootId && !i.folder && i.name.toLowerCase() === name,
        )
      : undefined;
    if (!item)
      return json(404, { error: { code: 'itemNotFound', message: `No ${name} in container ${containerId}.` } });
    return {
      status: 200,
      headers: { 'Content-Type': item.mimeType ?? 'application/octet-stream', 'Cache-Control': 'no-store' },
      body: Buffer.from(item.content, item.contentEncoding),
    };
  });
  addTool('GET', /^\/_sandbox\/download\/([\w.-]+)$/, (_request, graph: GraphService, match) => {
    graph.stats.downloads += 1;
    const item = readDownloadToken(graph.sandbox.store.state, match[1] ?? '', Date.now());
    if (!item)
      return json(401, { error: { code: 'unauthenticated', message: 'The download URL is invalid or has expired.' } });
    return {
      status: 200,
      headers: {
        'Content-Type': item.mimeType ?? 'application/octet-stream',
        ETag: eTagOf(item),
        'Cache-Control': 'no-store',
      },
      body: Buffer.from(item.content, item.contentEncoding),
    };
  });
};
