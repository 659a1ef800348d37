import { randomBytes } from 'node:crypto';
import type { Ctx, GraphResponse, Router } from '../router';
import type { ChatMessageRecord, ChatRecord, State, UserRecord } from '../store';
import { GraphError, badRequest } from './errors';
import { applyFilter, applySelect, paginate, parseSelect, type Json } from './odata';
import { asObject, rejectUnknownProperties } from './validation';

/**
 * Teams chats: POST /chats (a oneOnOne chat that exists is returned), GET /chats/{id}, GET /me/chats,
 * POST/GET /chats/{id}/messages with Graph's checks on attachments and mentions, installed apps and tabs.
 * Only members may read or post.
 */

/** Teams refuses a message larger than about 28 KB (body plus attachments). */
export const MESSAGE_LIMIT_BYTES = 28 * 1024;
const ADAPTIVE_CARD = 'application/vnd.microsoft.card.adaptive';

const iso = (ms: number): string => new Date(ms).toISOString();

const userById = (state: State, id: string): UserRecord | undefined => state.users.find((user) => user.id === id);

export const findChat = (state: State, chatId: string): ChatRecord | undefined =>
  state.chats.find((chat) => chat.id.toLowerCase() === chatId.toLowerCase());

/** The chat if the caller is a member: 404 when it does not exist, 403 when the caller is not in it. */
export const memberChat = (ctx: Ctx, chatId: string): ChatRecord => {
  const chat = findChat(ctx.sandbox.store.state, chatId);
  if (!chat) throw new GraphError(404, 'NotFound', `Chat '${chatId}' was not found.`);
  if (!chat.members.some((member) => member.userId === ctx.me.id)) {
    throw new GraphError(403, 'Forbidden', 'Forbidden: the signed-in user is not a member of this chat.');
  }
  return chat;
};

const identity = (state: State, userId: string): Json => {
  const user = userById(state, userId);
  return {
    '@odata.type': '#microsoft.graph.teamworkUserIdentity',
    id: userId,
    displayName: user?.displayName ?? null,
    userIdentityType: 'aadUser',
    tenantId: user?.tenantId ?? null,
  };
};

export const memberJson = (state: State, chat: ChatRecord, member: ChatRecord['members'][number]): Json => {
  const user = userById(state, member.userId);
  return {
    '@odata.type': '#microsoft.graph.aadUserConversationMember',
    id: Buffer.from(`${chat.id}##${member.userId}`).toString('base64'),
    roles: member.roles,
    displayName: user?.displayName ?? null,
    visibleHistoryStartDateTime: member.visibleHistoryStartDateTime,
    userId: member.userId,
    email: user?.mail ?? null,
    tenantId: member.tenantId,
  };
};

const onlineMeetingInfo = (state: State, chat: ChatRecord): Json | null => {
  if (!chat.onlineMeetingId) return null;
  const meeting = state.onlineMeetings.find((candidate) => candidate.id === chat.onlineMeetingId);
  if (!meeting) return null;
  const organizerCopy = state.events
    .find((event) => event.iCalUId === meeting.eventICalUId)
    ?.copies.find((copy) => copy.userId === meeting.organizerId);
  return {
    calendarEventId: organizerCopy?.id ?? null,
    joinWebUrl: meeting.joinWebUrl,
    organizer: { ...identity(state, meeting.organizerId) },
  };
};

/** Whether the message was soft deleted (Teams shows "This message has been deleted" and nothing of it). */
export const isSoftDeleted = (message: ChatMessageRecord): boolean => Boolean(message.deletedDateTime);

export const messageJson = (state: State, chat: ChatRecord, message: ChatMessageRecord): Json =>
  isSoftDeleted(message) ? deletedMessageJson(state, chat, message) : liveMessageJson(state, chat, message);

const liveMessageJson = (state: State, chat: ChatRecord, message: ChatMessageRecord): Json => ({
  id: message.id,
  replyToId: null,
  etag:
    message.lastModifiedDateTime === message.createdDateTime
      ? message.id
      : String(Date.parse(message.lastModifiedDateTime)),
  messageType: message.messageType,
  createdDateTime: message.createdDateTime,
  lastModifiedDateTime: message.lastModifiedDateTime,
  lastEditedDateTime: null,
  deletedDateTime: null,
  subject: message.subject,
  summary: null,
  chatId: chat.id,
  importance: message.importance,
  locale: 'en-us',
  webUrl: null,
  channelIdentity: null,
  policyViolation: null,
  eventDetail: null,
  from: message.fromUserId ? { application: null, device: null, user: identity(state, message.fromUserId) } : null,
  body: { contentType: message.bodyContentType, content: message.body },
  attachments: message.attachments.map((attachment) => ({ ...attachment })),
  mentions: message.mentions.map((mention) => ({
    id: mention.id,
    mentionText: mention.mentionText,
    mentioned: {
      application: null,
      device: null,
      conversation: null,
      tag: null,
      user: { '@odata.type': '#microsoft.graph.teamworkUserIdentity', ...mention.mentioned.user },
    },
  })),
  reactions: [],
  messageHistory: [],
});

/**
 * A soft-deleted message stays in the chat's list with `deletedDateTime` set; its body is empty and it carries no
 * attachments or mentions (the card is gone for every member).
 */
const deletedMessageJson = (state: State, chat: ChatRecord, message: ChatMessageRecord): Json => ({
  ...liveMessageJson(state, chat, message),
  deletedDateTime: message.deletedDateTime,
  subject: null,
  body: { contentType: message.bodyContentType, content: '' },
  attachments: [],
  mentions: [],
});

export const lastMessage = (chat: ChatRecord): ChatMessageRecord | undefined =>
  chat.messages.filter((message) => message.messageType === 'message').at(-1);

export const chatJson = (ctx: Ctx, chat: ChatRecord, expand: string[]): Json => {
  const state = ctx.sandbox.store.state;
  const last = lastMessage(chat);
  return {
    id: chat.id,
    topic: chat.topic,
    createdDateTime: chat.createdDateTime,
    lastUpdatedDateTime: chat.lastUpdatedDateTime,
    chatType: chat.chatType,
    webUrl: `https://teams.microsoft.com/l/chat/${encodeURIComponent(chat.id)}/0?tenantId=${chat.tenantId}`,
    tenantId: chat.tenantId,
    onlineMeetingInfo: onlineMeetingInfo(state, chat),
    viewpoint: { isHidden: false, lastMessageReadDateTime: last?.createdDateTime ?? chat.createdDateTime },
    ...(expand.includes('members') ? { members: chat.members.map((member) => memberJson(state, chat, member)) } : {}),
    ...(expand.includes('lastmessagepreview')
      ? {
          lastMessagePreview: last
            ? {
                id: last.id,
                createdDateTime: last.createdDateTime,
                isDeleted: isSoftDeleted(last),
                messageType: last.messageType,
                body: {
                  contentType: last.bodyContentType,
                  content: isSoftDeleted(last) ? '' : last.body.slice(0, 200),
                },
                from: last.fromUserId ? { user: identity(state, last.fromUserId) } : null,
              }
            : null,
        }
      : {}),
  };
};

const expandOf = (query: URLSearchParams): string[] =>
  (query.get('$expand') ?? '')
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .filter(Boolean);

/** A Teams thread id: oneOnOne `19:<a>_<b>@unq.gbl.spaces`, others `19:<hex>@thread.v2`. */
export const threadId = (kind: 'group' | 'meeting'): string =>
  kind === 'meeting'
    ? `19:meeting_${randomBytes(27).toString('base64url').replace(/[-_]/g, 'x')}@thread.v2`
    : `19:${randomBytes(16).toString('hex')}@thread.v2`;

export const createChatRecord = (
  state: State,
  options: {
    id: string;
    chatType: ChatRecord['chatType'];
    topic: string | null;
    tenantId: string;
    memberIds: { userId: string; tenantId: string; roles: string[] }[];
    onlineMeetingId: string | null;
    at: number;
  },
): ChatRecord => {
  const when = iso(options.at);
  const chat: ChatRecord = {
    id: options.id,
    chatType: options.chatType,
    topic: options.topic,
    createdDateTime: when,
    lastUpdatedDateTime: when,
    tenantId: options.tenantId,
    onlineMeetingId: options.onlineMeetingId,
    members: options.memberIds.map((member) => ({ ...member, visibleHistoryStartDateTime: '0001-01-01T00:00:00Z' })),
    messages: [],
    installedApps: [],
    tabs: [],
  };
  state.chats.push(chat);
  return chat;
};

/** Adds members to a meeting chat (new in-tenant invitees join the chat, as Teams does). */
export const addChatMembers = (chat: ChatRecord, members: { userId: string; tenantId: string }[]): void => {
  for (const member of members) {
    if (chat.members.some((existing) => existing.userId === member.userId)) continue;
    chat.members.push({ ...member, roles: ['guest'], visibleHistoryStartDateTime: '0001-01-01T00:00:00Z' });
  }
};

// ---------------------------------------------------------------- POST /chats

const bindTarget = (bind: unknown, what: string): string => {
  const text = typeof bind === 'string' ? bind : '';
  const match = /\/users(?:\('([^']+)'\)|\/([^/?#]+))\s*$/i.exec(text);
  const key = match?.[1] ?? match?.[2];
  if (!key) throw badRequest(`Invalid ${what}: expected 'https://graph.microsoft.com/v1.0/users('{id}')'.`);
  return decodeURIComponent(key);
};

const resolveMember = (
  state: State,
  me: UserRecord,
  raw: unknown,
): { user: UserRecord; tenantId: string; roles: string[] } => {
  const member = asObject(raw);
  if (!member) throw badRequest('Each member must be an object.');
  rejectUnknownProperties(
    member,
    ['roles', 'tenantId', 'displayName', 'visibleHistoryStartDateTime', 'userId', 'email', 'id'],
    'microsoft.graph.aadUserConversationMember',
  );
  if (member['@odata.type'] !== '#microsoft.graph.aadUserConversationMember') {
    throw badRequest("Each member needs '@odata.type': '#microsoft.graph.aadUserConversationMember'.");
  }
  const key = bindTarget(member['user@odata.bind'], 'user@odata.bind');
  const lower = key.toLowerCase();
  const user = state.users.find(
    (candidate) => candidate.id.toLowerCase() === lower || candidate.userPrincipalName.toLowerCase() === lower,
  );
  const tenantId = typeof member.tenantId === 'string' ? member.tenantId : (me.tenantId ?? '');
  if (!user || user.kind === 'emailOnly' || !user.tenantId) {
    throw new GraphError(
      404,
      'NotFound',
      `User '${key}' was not found: only Teams users (in the tenant or federated) can be chat members.`,
    );
  }
  if (user.tenantId !== tenantId) {
    throw new GraphError(
      404,
      'NotFound',
      `User '${key}' was not found in tenant '${tenantId}'. A member from another tenant needs its home 'tenantId' (${user.tenantId === me.tenantId ? 'leave it out for your own tenant' : 'federated user'}).`,
    );
  }
  // Graph: every member needs a role; members from another tenant must be owners.
  const roles = Array.isArray(member.roles)
    ? member.roles.filter((role): role is string => typeof role === 'string')
    : [];
  if (roles.length === 0 || roles.some((role) => role !== 'owner' && role !== 'guest')) {
    throw badRequest(
      `Member '${key}' needs roles ['owner'] or ['guest'], got ${JSON.stringify(member.roles ?? null)}.`,
    );
  }
  if (user.tenantId !== me.tenantId && !roles.includes('owner')) {
    throw badRequest(`Member '${key}' is from another tenant and must have the role 'owner'.`);
  }
  return { user, tenantId, roles };
};

const createChat = (ctx: Ctx): GraphResponse => {
  const body = ctx.json();
  rejectUnknownProperties(body, ['chatType', 'topic', 'members', 'installedApps', 'viewpoint'], 'microsoft.graph.chat');
  const state = ctx.sandbox.store.state;
  const chatType = body.chatType;
  if (chatType !== 'oneOnOne' && chatType !== 'group') {
    throw badRequest(
      `Invalid chatType '${String(chatType)}': create 'oneOnOne' or 'group' chats (meeting chats come with the meeting).`,
    );
  }
  if (!Array.isArray(body.members) || body.members.length === 0) throw badRequest('A chat needs members.');
  const members = body.members.map((raw) => resolveMember(state, ctx.me, raw));
  const ids = new Set(members.map((member) => member.user.id));
  if (ids.size !== members.length) throw badRequest('The same user is listed twice in members.');
  if (!ids.has(ctx.me.id)) throw badRequest('The signed-in user must be one of the members of the chat they create.');
  if (chatType === 'oneOnOne' && members.length !== 2) {
    throw badRequest(`A oneOnOne chat has exactly 2 members, got ${members.length}.`);
  }
  const topic = typeof body.topic === 'string' ? body.topic : null;
  if (chatType === 'oneOnOne' && topic !== null) {
    throw badRequest('The chat title (topic) can be provided only if the chat is of group type.');
  }
  if (chatType === 'oneOnOne') {
    const existing = state.chats.find(
      (chat) =>
        chat.chatType === 'oneOnOne' &&
        chat.members.length === 2 &&
        chat.members.every((member) => ids.has(member.userId)),
    );
    if (existing) {
      return {
        status: 201,
        body: { '@odata.context': `${ctx.graphBase}/$metadata#chats/$entity`, ...chatJson(ctx, existing, []) },
      };
    }
  }
  const sorted = [...ids].sort();
  const id = chatType === 'oneOnOne' ? `19:${sorted[0]}_${sorted[1]}@unq.gbl.spaces` : threadId('group');
  const chat = createChatRecord(state, {
    id,
    chatType,
    topic: chatType === 'group' ? topic : null,
    tenantId: ctx.me.tenantId ?? '',
    memberIds: members.map((member) => ({ userId: member.user.id, tenantId: member.tenantId, roles: member.roles })),
    onlineMeetingId: null,
    at: ctx.now,
  });
  return {
    status: 201,
    headers: { Location: `${ctx.graphBase}/chats('${encodeURIComponent(chat.id)}')` },
    body: { '@odata.context': `${ctx.graphBase}/$metadata#chats/$entity`, ...chatJson(ctx, chat, []) },
  };
};

// ---------------------------------------------------------------- messages

const decodeEntities = (text: string): string =>
  text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&#x([0-9a-f]+);/gi, (_, code: string) => String.fromCodePoint(parseInt(code, 16)))
    .replace(/&nbsp;/g, '\u00a0')
    .replace(/&amp;/g, '&');

const MESSAGE_PROPERTIES = [
  'body',
  'attachments',
  'mentions',
  'subject',
  'importance',
  'hostedContents',
  'messageType',
];

const readAttachments = (raw: unknown, body: string, contentType: string): ChatMessageRecord['attachments'] => {
  if (raw === undefined || raw === null) raw = [];
  if (!Array.isArray(raw)) throw badRequest("'attachments' must be a collection.", 'RequestBodyRead');
  const attachments = raw.map((entry, index) => {
    const attachment = asObject(entry);
    if (!attachment) throw badRequest(`Attachment ${index} must be an object.`);
    rejectUnknownProperties(
      attachment,
      ['id', 'contentType', 'contentUrl', 'content', 'name', 'thumbnailUrl', 'teamsAppId'],
      'microsoft.graph.chatMessageAttachment',
    );
    if (typeof attachment.id !== 'string' || !attachment.id)
      throw badRequest(`Attachment ${index} needs a string 'id'.`);
    if (typeof attachment.contentType !== 'string' || !attachment.contentType) {
      throw badRequest(`Attachment '${attachment.id}' needs a 'contentType'.`);
    }
    if (attachment.content !== undefined && attachment.content !== null && typeof attachment.content !== 'string') {
      throw badRequest(
        `Attachment '${attachment.id}': 'content' must be a string (the card serialised as JSON), not a JSON ${Array.isArray(attachment.content) ? 'array' : typeof attachment.content}.`,
        'BadRequest',
      );
    }
    if (attachment.contentType === ADAPTIVE_CARD) {
      let card: unknown;
      try {
        card = JSON.parse(typeof attachment.content === 'string' ? attachment.content : '');
      } catch {
        throw badRequest(`Attachment '${attachment.id}': the Adaptive Card content is not valid JSON.`);
      }
      if (asObject(card)?.type !== 'AdaptiveCard') {
        throw badRequest(
          `Attachment '${attachment.id}': the content is not an Adaptive Card (type must be "AdaptiveCard").`,
        );
      }
    }
    const str = (value: unknown): string | null => (typeof value === 'string' ? value : null);
    return {
      id: attachment.id,
      contentType: attachment.contentType,
      contentUrl: str(attachment.contentUrl),
      content: str(attachment.content),
      name: str(attachment.name),
      thumbnailUrl: str(attachment.thumbnailUrl),
      teamsAppId: str(attachment.teamsAppId),
    };
  });
  const ids = attachments.map((attachment) => attachment.id);
  if (new Set(ids).size !== ids.length) throw badRequest('Two attachments have the same id.');
  const markers = [...body.matchAll(/<attachment\s+id\s*=\s*["']([^"']*)["']\s*>\s*<\/attachment>/gi)].map(
    (m) => m[1] ?? '',
  );
  if (attachments.length && contentType !== 'html') {
    throw badRequest(
      'A message with attachments needs body.contentType \'html\' with an <attachment id="…"></attachment> marker for each.',
    );
  }
  for (const id of ids) {
    if (!markers.includes(id)) {
      throw badRequest(
        `Attachment with id '${id}' is not referenced in the message body: add <attachment id="${id}"></attachment>.`,
      );
    }
  }
  for (const marker of markers) {
    if (!ids.includes(marker))
      throw badRequest(`The body references attachment '${marker}', which is not in 'attachments'.`);
  }
  return attachments;
};

const readMentions = (state: State, raw: unknown, body: string): ChatMessageRecord['mentions'] => {
  if (raw === undefined || raw === null) raw = [];
  if (!Array.isArray(raw)) throw badRequest("'mentions' must be a collection.", 'RequestBodyRead');
  const mentions = raw.map((entry, index) => {
    const mention = asObject(entry);
    if (!mention) throw badRequest(`Mention ${index} must be an object.`);
    rejectUnknownProperties(mention, ['id', 'mentionText', 'mentioned'], 'microsoft.graph.chatMessageMention');
    if (typeof mention.id !== 'number' || !Number.isInteger(mention.id))
      throw badRequest(`Mention ${index} needs an integer 'id'.`);
    if (typeof mention.mentionText !== 'string' || !mention.mentionText) {
      throw badRequest(`Mention ${mention.id} needs a 'mentionText'.`);
    }
    const user = asObject(asObject(mention.mentioned)?.user);
    if (!user || typeof user.id !== 'string')
      throw badRequest(`Mention ${mention.id} needs 'mentioned.user' with an 'id'.`);
    const known = state.users.find((candidate) => candidate.id === user.id && candidate.kind !== 'emailOnly');
    if (!known) throw new GraphError(404, 'NotFound', `Mentioned user '${user.id}' was not found.`);
    // A Teams user of another tenant is still an Entra user ('aadUser'), named with its home 'tenantId'.
    if (typeof user.userIdentityType !== 'string' || user.userIdentityType !== 'aadUser') {
      throw badRequest(
        `Mention ${mention.id}: 'mentioned.user.userIdentityType' must be 'aadUser' (for a user of another tenant too, with its home 'tenantId').`,
      );
    }
    if (user.tenantId !== undefined && user.tenantId !== null && user.tenantId !== known.tenantId) {
      throw badRequest(
        `Mention ${mention.id}: user '${user.id}' belongs to tenant '${known.tenantId}', not '${String(user.tenantId)}'.`,
      );
    }
    return {
      id: mention.id,
      mentionText: mention.mentionText,
      mentioned: {
        user: {
          id: user.id,
          displayName: typeof user.displayName === 'string' ? user.displayName : known.displayName,
          userIdentityType: 'aadUser',
          ...(typeof user.tenantId === 'string' ? { tenantId: user.tenantId } : {}),
        },
      },
    };
  });
  const tags = [...body.matchAll(/<at\s+id\s*=\s*["']?(\d+)["']?\s*>([\s\S]*?)<\/at>/gi)].map((m) => ({
    id: Number(m[1]),
    text: decodeEntities((m[2] ?? '').replace(/<[^>]+>/g, '')),
  }));
  const ids = mentions.map((mention) => mention.id);
  if (new Set(ids).size !== ids.length) throw badRequest('Two mentions have the same id.');
  for (const tag of tags) {
    const mention = mentions.find((candidate) => candidate.id === tag.id);
    if (!mention) throw badRequest(`The body has <at id="${tag.id}"> but 'mentions' has no entry with id ${tag.id}.`);
    if (mention.mentionText !== tag.text) {
      throw badRequest(
        `Mention ${tag.id}: mentionText '${mention.mentionText}' does not match the body's <at id="${tag.id}">${tag.text}</at>.`,
      );
    }
  }
  for (const mention of mentions) {
    if (!tags.some((tag) => tag.id === mention.id)) {
      throw badRequest(`Mention ${mention.id} has no <at id="${mention.id}">…</at> in the message body.`);
    }
  }
  return mentions;
};

let lastMessageId = 0;
/** Message ids are the creation time in milliseconds, as in Teams (kept unique). */
const nextMessageId = (now: number): string => {
  lastMessageId = Math.max(now, lastMessageId + 1);
  return String(lastMessageId);
};

export const appendMessage = (
  chat: ChatRecord,
  message: Omit<ChatMessageRecord, 'id' | 'createdDateTime' | 'lastModifiedDateTime' | 'deletedDateTime'>,
  at: number,
): ChatMessageRecord => {
  const id = nextMessageId(at);
  const when = iso(Number(id));
  const record: ChatMessageRecord = {
    ...message,
    id,
    createdDateTime: when,
    lastModifiedDateTime: when,
    deletedDateTime: null,
  };
  chat.messages.push(record);
  chat.lastUpdatedDateTime = when;
  return record;
};

const postMessage = (ctx: Ctx): GraphResponse => {
  const chat = memberChat(ctx, ctx.params.chatId ?? '');
  const state = ctx.sandbox.store.state;
  const body = ctx.json();
  rejectUnknownProperties(body, MESSAGE_PROPERTIES, 'microsoft.graph.chatMessage');
  const content = asObject(body.body);
  if (!content || typeof content.content !== 'string') throw badRequest("The message needs 'body' with 'content'.");
  const contentType = typeof content.contentType === 'string' ? content.contentType.toLowerCase() : 'text';
  if (contentType !== 'html' && contentType !== 'text') {
    throw badRequest(
      `Requested value '${String(content.contentType)}' was not found in microsoft.graph.bodyType.`,
      'RequestBodyRead',
    );
  }
  const attachments = readAttachments(body.attachments, content.content, contentType);
  const mentions = readMentions(state, body.mentions, content.content);
  if (!content.content.trim() && attachments.length === 0) throw badRequest('The message body is empty.');
  const size =
    Buffer.byteLength(content.content) +
    attachments.reduce((sum, attachment) => sum + Buffer.byteLength(attachment.content ?? ''), 0);
  if (size > MESSAGE_LIMIT_BYTES) {
    throw new GraphError(
      413,
      'RequestEntityTooLarge',
      `The message is ${size} bytes; Teams accepts at most ${MESSAGE_LIMIT_BYTES} bytes of body and attachments.`,
    );
  }
  const importance = body.importance === 'high' || body.importance === 'urgent' ? body.importance : 'normal';
  const message = appendMessage(
    chat,
    {
      fromUserId: ctx.me.id,
      messageType: 'message',
      bodyContentType: contentType,
      body: content.content,
      subject: typeof body.subject === 'string' ? body.subject : null,
      importance,
      attachments,
      mentions,
    },
    ctx.now,
  );
  return {
    status: 201,
    body: {
      '@odata.context': `${ctx.graphBase}/$metadata#chats('${encodeURIComponent(chat.id)}')/messages/$entity`,
      ...messageJson(state, chat, message),
    },
  };
};

const listMessages = (ctx: Ctx): GraphResponse => {
  const chat = memberChat(ctx, ctx.params.chatId ?? '');
  const state = ctx.sandbox.store.state;
  const orderBy = (ctx.req.query.get('$orderby') ?? 'createdDateTime desc').trim().toLowerCase();
  const key = orderBy.startsWith('lastmodifieddatetime') ? 'lastModifiedDateTime' : 'createdDateTime';
  if (!/^(createddatetime|lastmodifieddatetime)( desc)?$/.test(orderBy)) {
    throw badRequest(`$orderby '${orderBy}' is not supported: use createdDateTime desc or lastModifiedDateTime desc.`);
  }
  const all = chat.messages
    .map((message) => messageJson(state, chat, message))
    .sort((a, b) => String(b[key]).localeCompare(String(a[key])));
  const filtered = applyFilter(all, ctx.req.query);
  const page = paginate(filtered, ctx.req.query, `${ctx.graphBase}/chats/${encodeURIComponent(chat.id)}/messages`, {
    defaultTop: 20,
    maxTop: 50,
    style: 'skiptoken',
  });
  return {
    status: 200,
    body: {
      '@odata.context': `${ctx.graphBase}/$metadata#chats('${encodeURIComponent(chat.id)}')/messages`,
      '@odata.count': page.items.length,
      ...(page.nextLink ? { '@odata.nextLink': page.nextLink } : {}),
      value: page.items,
    },
  };
};

/** The message in a chat the caller is a member of: 404 `NotFound` when there is no such message. */
const memberMessage = (ctx: Ctx): { chat: ChatRecord; message: ChatMessageRecord } => {
  const chat = memberChat(ctx, ctx.params.chatId ?? '');
  const message = chat.messages.find((candidate) => candidate.id === ctx.params.messageId);
  if (!message)
    throw new GraphError(404, 'NotFound', `Message '${ctx.params.messageId ?? ''}' was not found in this chat.`);
  return { chat, message };
};

/**
 * POST /users/{id}/chats/{id}/messages/{id}/softDelete (and /undoSoftDelete): 204, no body. Delegated only, so
 * only the sender may delete their own message (Teams lets nobody else delete it in a chat): 403 otherwise.
 * Deleting a deleted message again (or undoing an undeleted one) changes nothing and is 204 too: the docs say
 * nothing about it, and a resent request must not turn into an error.
 */
const setSoftDeleted = (ctx: Ctx, deleted: boolean): GraphResponse => {
  const { chat, message } = memberMessage(ctx);
  if (message.fromUserId !== ctx.me.id) {
    throw new GraphError(
      403,
      'Forbidden',
      `Forbidden: only the sender of message '${message.id}' can ${deleted ? 'delete' : 'restore'} it.`,
    );
  }
  if (isSoftDeleted(message) !== deleted) {
    const when = iso(Math.max(ctx.now, Date.parse(message.lastModifiedDateTime) + 1));
    message.deletedDateTime = deleted ? when : null;
    message.lastModifiedDateTime = when;
    chat.lastUpdatedDateTime = when;
  }
  return { status: 204 };
};

/**
 * Graph documents softDelete of a chat message only under the user (`/users/{id}/chats/…`); the `/chats/{id}/…`
 * form answers 405 in the live service, so the sandbox refuses it too rather than let the app depend on it.
 */
const chatsFormNotAllowed = (ctx: Ctx): GraphResponse => {
  const action = ctx.req.path.split('/').pop() ?? 'softDelete';
  throw new GraphError(
    405,
    'MethodNotAllowed',
    `The method 'POST' is not allowed on this resource. Use POST /users/{user-id}/chats/{chat-id}/messages/{message-id}/${action} (or /me/chats/…), as documented.`,
  );
};

const listChats = (ctx: Ctx): GraphResponse => {
  const state = ctx.sandbox.store.state;
  const expand = expandOf(ctx.req.query);
  const mine = state.chats
    .filter((chat) => chat.members.some((member) => member.userId === ctx.me.id))
    .sort((a, b) => b.lastUpdatedDateTime.localeCompare(a.lastUpdatedDateTime))
    .map((chat) => chatJson(ctx, chat, [...expand, 'members']));
  // Members are kept while filtering, then dropped unless $expand=members asked for them.
  const filtered = applyFilter(mine, ctx.req.query).map((json): Json => {
    if (expand.includes('members')) return json;
    const { members: _members, ...rest } = json;
    return rest;
  });
  const page = paginate(filtered, ctx.req.query, `${ctx.graphBase}${ctx.req.path}`, {
    defaultTop: 50,
    maxTop: 50,
    style: 'skiptoken',
  });
  const select = parseSelect(ctx.req.query);
  return {
    status: 200,
    body: {
      '@odata.context': `${ctx.graphBase}/$metadata#chats`,
      '@odata.count': page.items.length,
      ...(page.nextLink ? { '@odata.nextLink': page.nextLink } : {}),
      value: page.items.map((chat) => applySelect(chat, select, ['id'])),
    },
  };
};

// ---------------------------------------------------------------- apps and tabs

const teamsAppId = (bind: unknown): string => {
  const text = typeof bind === 'string' ? bind : '';
  const match = /\/appCatalogs\/teamsApps(?:\('([^']+)'\)|\/([^/?#]+))\s*$/i.exec(text);
  const id = match?.[1] ?? match?.[2];
  if (!id) {
    throw badRequest(
      "'teamsApp@odata.bind' must be 'https://graph.microsoft.com/v1.0/appCatalogs/teamsApps/{teamsAppId}'.",
    );
  }
  return decodeURIComponent(id);
};

const teamsAppJson = (id: string): Json => ({
  id,
  externalId: null,
  displayName: 'Tovholder',
  distributionMethod: 'organization',
});

const installedAppJson = (app: ChatRecord['installedApps'][number], expand: string[]): Json => ({
  id: app.id,
  ...(expand.includes('teamsapp') ? { teamsApp: teamsAppJson(app.teamsAppId) } : {}),
  ...(expand.includes('teamsappdefinition')
    ? {
        teamsAppDefinition: {
          id: Buffer.from(`${app.teamsAppId}##1.0.0`).toString('base64'),
          teamsAppId: app.teamsAppId,
          displayName: 'Tovholder',
          version: '1.0.0',
        },
      }
    : {}),
});

const installApp = (ctx: Ctx): GraphResponse => {
  const chat = memberChat(ctx, ctx.params.chatId ?? '');
  const body = ctx.json();
  rejectUnknownProperties(body, ['consentedPermissionSet'], 'microsoft.graph.teamsAppInstallation');
  const appId = teamsAppId(body['teamsApp@odata.bind']);
  if (chat.installedApps.some((app) => app.teamsAppId === appId)) {
    throw new GraphError(409, 'Conflict', `The app '${appId}' is already installed in this chat.`);
  }
  chat.installedApps.push({
    id: Buffer.from(`${chat.id}##${appId}`).toString('base64'),
    teamsAppId: appId,
    installedBy: ctx.me.id,
    createdDateTime: iso(ctx.now),
  });
  return { status: 201 };
};

const tabJson = (ctx: Ctx, chat: ChatRecord, tab: ChatRecord['tabs'][number], expand: string[]): Json => ({
  id: tab.id,
  displayName: tab.displayName,
  webUrl: `https://teams.microsoft.com/l/entity/${encodeURIComponent(tab.teamsAppId)}/${encodeURIComponent(tab.id)}?context=${encodeURIComponent(
    JSON.stringify({ chatId: chat.id }),
  )}`,
  configuration: {
    entityId: tab.entityId,
    contentUrl: tab.contentUrl,
    removeUrl: tab.removeUrl,
    websiteUrl: tab.websiteUrl,
  },
  ...(expand.includes('teamsapp') ? { teamsApp: teamsAppJson(tab.teamsAppId) } : {}),
});

const addTab = (ctx: Ctx): GraphResponse => {
  const chat = memberChat(ctx, ctx.params.chatId ?? '');
  const body = ctx.json();
  rejectUnknownProperties(body, ['displayName', 'configuration', 'sortOrderIndex'], 'microsoft.graph.teamsTab');
  const appId = teamsAppId(body['teamsApp@odata.bind']);
  if (typeof body.displayName !== 'string' || !body.displayName.trim())
    throw badRequest("A tab needs a 'displayName'.");
  const configuration = asObject(body.configuration) ?? {};
  rejectUnknownProperties(
    configuration,
    ['entityId', 'contentUrl', 'removeUrl', 'websiteUrl'],
    'microsoft.graph.teamsTabConfiguration',
  );
  if (!chat.installedApps.some((app) => app.teamsAppId === appId)) {
    throw badRequest(
      `The app '${appId}' is not installed in this chat. Install it first: POST /chats/{chat-id}/installedApps.`,
      'BadRequest',
    );
  }
  const str = (value: unknown): string | null => (typeof value === 'string' ? value : null);
  if (!str(configuration.contentUrl)?.startsWith('https://') && !str(configuration.contentUrl)?.startsWith('http://')) {
    throw badRequest("The tab's configuration needs an absolute 'contentUrl'.");
  }
  const tab = {
    id: ctx.sandbox.store.newGuid(),
    displayName: body.displayName,
    teamsAppId: appId,
    entityId: str(configuration.entityId),
    contentUrl: str(configuration.contentUrl),
    removeUrl: str(configuration.removeUrl),
    websiteUrl: str(configuration.websiteUrl),
    createdBy: ctx.me.id,
  };
  chat.tabs.push(tab);
  return {
    status: 201,
    body: {
      '@odata.context': `${ctx.graphBase}/$metadata#chats('${encodeURIComponent(chat.id)}')/tabs/$entity`,
      ...tabJson(ctx, chat, tab, []),
    },
  };
};

export const registerChats = (router: Router): void => {
  router
    .add('POST', '/chats', createChat)
    .add('GET', '/chats', listChats)
    .self('GET', '/chats', listChats)
    .add('GET', '/chats/{chatId}', (ctx) => {
      const chat = memberChat(ctx, ctx.params.chatId ?? '');
      const select = parseSelect(ctx.req.query);
      return {
        status: 200,
        body: {
          '@odata.context': `${ctx.graphBase}/$metadata#chats/$entity`,
          ...applySelect(chatJson(ctx, chat, expandOf(ctx.req.query)), select, ['id']),
        },
      };
    })
    .add('GET', '/chats/{chatId}/members', (ctx) => {
      const chat = memberChat(ctx, ctx.params.chatId ?? '');
      const state = ctx.sandbox.store.state;
      return {
        status: 200,
        body: {
          '@odata.context': `${ctx.graphBase}/$metadata#chats('${encodeURIComponent(chat.id)}')/members`,
          '@odata.count': chat.members.length,
          value: chat.members.map((member) => memberJson(state, chat, member)),
        },
      };
    })
    .add('POST', '/chats/{chatId}/messages', postMessage)
    .add('GET', '/chats/{chatId}/messages', listMessages)
    .add('GET', '/chats/{chatId}/messages/{messageId}', (ctx) => {
      const { chat, message } = memberMessage(ctx);
      return {
        status: 200,
        body: {
          '@odata.context': `${ctx.graphBase}/$metadata#chats('${encodeURIComponent(chat.id)}')/messages/$entity`,
          ...messageJson(ctx.sandbox.store.state, chat, message),
        },
      };
    })
    .self('POST', '/chats/{chatId}/messages/{messageId}/softDelete', (ctx) => setSoftDeleted(ctx, true))
    .self('POST', '/chats/{chatId}/messages/{messageId}/undoSoftDelete', (ctx) => setSoftDeleted(ctx, false))
    .add('POST', '/chats/{chatId}/messages/{messageId}/softDelete', chatsFormNotAllowed)
    .add('POST', '/chats/{chatId}/messages/{messageId}/undoSoftDelete', chatsFormNotAllowed)
    .add('POST', '/chats/{chatId}/installedApps', installApp)
    .add('GET', '/chats/{chatId}/installedApps', (ctx) => {
      const chat = memberChat(ctx, ctx.params.chatId ?? '');
      const expand = expandOf(ctx.req.query);
      const all = chat.installedApps.map((app) => installedAppJson(app, ['teamsapp', 'teamsappdefinition']));
      const filtered = applyFilter(all, ctx.req.query).map((json) => {
        const app = chat.installedApps.find((candidate) => candidate.id === json.id);
        return app ? installedAppJson(app, expand) : json;
      });
      return {
        status: 200,
        body: {
          '@odata.context': `${ctx.graphBase}/$metadata#chats('${encodeURIComponent(chat.id)}')/installedApps`,
          value: filtered,
        },
      };
    })
    .add('POST', '/chats/{chatId}/tabs', addTab)
    .add('GET', '/chats/{chatId}/tabs', (ctx) => {
      const chat = memberChat(ctx, ctx.params.chatId ?? '');
      const expand = expandOf(ctx.req.query);
      const all = chat.tabs.map((tab) => tabJson(ctx, chat, tab, ['teamsapp']));
      const filtered = applyFilter(all, ctx.req.query).map((json) => {
        if (!expand.includes('teamsapp')) delete json.teamsApp;
        return json;
      });
      return {
        status: 200,
        body: {
          '@odata.context': `${ctx.graphBase}/$metadata#chats('${encodeURIComponent(chat.id)}')/tabs`,
          value: filtered,
        },
      };
    })
    .add('DELETE', '/chats/{chatId}/tabs/{tabId}', (ctx) => {
      const chat = memberChat(ctx, ctx.params.chatId ?? '');
      const before = chat.tabs.length;
      chat.tabs = chat.tabs.filter((tab) => tab.id !== ctx.params.tabId);
      if (chat.tabs.length === before) throw new GraphError(404, 'NotFound', 'Tab not found.');
      return { status: 204 };
    });
};
