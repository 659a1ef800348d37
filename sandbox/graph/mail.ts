import { createHash, randomBytes } from 'node:crypto';
import type { Ctx, GraphResponse, Router } from '../router';
import type { MailRecord, State, UserRecord } from '../store';
import { GraphError, badRequest } from './errors';
import {
  applyFilter,
  applySelect,
  evaluateFilter,
  paginate,
  parseFilter,
  parseSelect,
  type Canonical,
  type Json,
} from './odata';
import { asObject, rejectUnknownProperties } from './validation';

/**
 * Mail: POST /me/sendMail (202; a copy lands in every recipient's sandbox mailbox), drafts (POST /me/messages, then
 * POST /me/messages/{id}/send), single-value extended properties, custom Internet message headers, immutable ids,
 * reading one's own mailbox.
 */

export interface Address {
  name: string;
  address: string;
}

export interface OutgoingMail {
  from: Address;
  to: Address[];
  cc?: Address[];
  bcc?: Address[];
  subject: string;
  body: string;
  contentType: 'html' | 'text';
  importance?: 'low' | 'normal' | 'high';
  saveToSentItems: boolean;
  meetingMessageType?: MailRecord['meetingMessageType'];
  at: number;
  /** When a draft is sent: the recipients' copies share its conversation and Internet message id. */
  conversationId?: string;
  internetMessageId?: string;
  /** Kept on the Sent Items copy only: extended properties stay in the sender's mailbox. */
  singleValueExtendedProperties?: { id: string; value: string }[];
  /** Internet headers are part of the message on the wire: every copy carries them. */
  internetMessageHeaders?: InternetHeader[];
}

export type InternetHeader = NonNullable<MailRecord['internetMessageHeaders']>[number];

export const outlookId = (prefix: string): string => `${prefix}${randomBytes(45).toString('base64url')}AAA=`;

const folderId = (mailbox: string, folder: string): string =>
  `AQMkA${createHash('sha1').update(`${mailbox}/${folder}`).digest('base64url')}AAAA`;

/** Puts one copy in each recipient's inbox and (optionally) one in the sender's Sent Items. */
/** An immutable id looks unlike a REST id (as in Exchange), so mixing them up shows. */
export const immutableOutlookId = (): string =>
  `AAkALgAAAAAAHYQDEapmEc2byACqAC${randomBytes(40).toString('base64url')}AAA=`;

export const deliverMail = (state: State, mail: OutgoingMail): MailRecord[] => {
  const conversationId = mail.conversationId ?? outlookId('AAQkA');
  const internetMessageId = mail.internetMessageId ?? `<${randomBytes(12).toString('hex')}@sandbox.tovholder.example>`;
  const when = new Date(mail.at).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const base = {
    conversationId,
    internetMessageId,
    subject: mail.subject,
    bodyContentType: mail.contentType,
    body: mail.body,
    from: mail.from,
    to: mail.to,
    cc: mail.cc ?? [],
    bcc: mail.bcc ?? [],
    importance: mail.importance ?? 'normal',
    sentDateTime: when,
    receivedDateTime: when,
    createdDateTime: when,
    lastModifiedDateTime: when,
    isDraft: false,
    meetingMessageType: mail.meetingMessageType ?? null,
    ...(mail.internetMessageHeaders?.length
      ? { internetMessageHeaders: mail.internetMessageHeaders.map((header) => ({ ...header })) }
      : {}),
  };
  const copies: MailRecord[] = [];
  if (mail.saveToSentItems) {
    copies.push({
      ...base,
      id: outlookId('AAMkA'),
      immutableId: immutableOutlookId(),
      mailbox: mail.from.address.toLowerCase(),
      folder: 'sentitems',
      isRead: true,
      singleValueExtendedProperties: mail.singleValueExtendedProperties ?? [],
    });
  }
  const recipients = new Set([...mail.to, ...(mail.cc ?? []), ...(mail.bcc ?? [])].map((r) => r.address.toLowerCase()));
  for (const mailbox of recipients) {
    copies.push({
      ...base,
      bcc: [],
      id: outlookId('AAMkA'),
      immutableId: immutableOutlookId(),
      mailbox,
      folder: 'inbox',
      isRead: false,
      singleValueExtendedProperties: [],
    });
  }
  state.mail.push(...copies);
  return copies;
};

const recipientJson = (address: Address): Json => ({ emailAddress: { name: address.name, address: address.address } });

const textOf = (html: string): string =>
  html
    .replace(/<style[\s\S]*?<\/style>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/\s+/g, ' ')
    .trim();

export type IdType = 'rest' | 'immutable';

/** `Prefer: IdType="ImmutableId"` applies to the one request that carries it. */
export const idTypeOf = (ctx: Ctx): IdType =>
  /\bIdType\s*=\s*"?ImmutableId"?/i.test(ctx.req.headers['prefer'] ?? '') ? 'immutable' : 'rest';

/** The id a client sees, by the id type its request asked for. */
export const idOf = (mail: MailRecord, idType: IdType): string => (idType === 'immutable' ? mail.immutableId : mail.id);

const changeKeyOf = (mail: MailRecord): string =>
  `CQAAABYAAAA${createHash('sha1')
    .update(`${mail.immutableId}/${mail.lastModifiedDateTime}/${mail.folder}`)
    .digest('base64')
    .slice(0, 20)}`;

export const mailJson = (mail: MailRecord, idType: IdType = 'rest'): Json => ({
  '@odata.etag': `W/"${changeKeyOf(mail)}"`,
  id: idOf(mail, idType),
  createdDateTime: mail.createdDateTime,
  lastModifiedDateTime: mail.lastModifiedDateTime,
  changeKey: changeKeyOf(mail),
  categories: [],
  receivedDateTime: mail.receivedDateTime,
  sentDateTime: mail.sentDateTime,
  hasAttachments: false,
  internetMessageId: mail.internetMessageId,
  subject: mail.subject,
  bodyPreview: (mail.bodyContentType === 'html' ? textOf(mail.body) : mail.body).slice(0, 255),
  importance: mail.importance,
  parentFolderId: folderId(mail.mailbox, mail.folder),
  conversationId: mail.conversationId,
  isDeliveryReceiptRequested: false,
  isReadReceiptRequested: false,
  isRead: mail.isRead,
  isDraft: mail.isDraft,
  webLink: `https://outlook.office365.com/owa/?ItemID=${encodeURIComponent(idOf(mail, idType))}&exvsurl=1&viewmodel=ReadMessageItem`,
  inferenceClassification: 'focused',
  ...(mail.meetingMessageType ? { meetingMessageType: mail.meetingMessageType } : {}),
  body: { contentType: mail.bodyContentType, content: mail.body },
  sender: recipientJson(mail.from),
  from: recipientJson(mail.from),
  toRecipients: mail.to.map(recipientJson),
  ccRecipients: mail.cc.map(recipientJson),
  bccRecipients: mail.bcc.map(recipientJson),
  replyTo: [],
  flag: { flagStatus: 'notFlagged' },
});

const EMAIL = /^[^\s@<>()",;]+@[^\s@<>()",;]+\.[^\s@<>()",;]+$/;

const MESSAGE_PROPERTIES = [
  'subject',
  'body',
  'toRecipients',
  'ccRecipients',
  'bccRecipients',
  'replyTo',
  'from',
  'sender',
  'importance',
  'internetMessageHeaders',
  'attachments',
  'isDeliveryReceiptRequested',
  'isReadReceiptRequested',
  'categories',
  'flag',
  'inferenceClassification',
  'mentions',
  'singleValueExtendedProperties',
  'multiValueExtendedProperties',
];

const readRecipients = (value: unknown, field: string): Address[] => {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value))
    throw badRequest(`The property '${field}' must be a collection of recipients.`, 'RequestBodyRead');
  return value.map((entry: unknown) => {
    const email = (entry as { emailAddress?: { address?: unknown; name?: unknown } } | null)?.emailAddress;
    const address = typeof email?.address === 'string' ? email.address.trim() : '';
    if (!EMAIL.test(address)) {
      throw badRequest(
        `At least one recipient isn't valid: '${address}' is not an e-mail address.`,
        'ErrorInvalidRecipients',
      );
    }
    return { address, name: typeof email?.name === 'string' && email.name ? email.name : address };
  });
};

const readBody = (raw: unknown): { content: string; contentType: 'html' | 'text' } => {
  const content = (raw as { content?: unknown; contentType?: unknown } | undefined) ?? {};
  const contentType = typeof content.contentType === 'string' ? content.contentType.toLowerCase() : 'text';
  if (contentType !== 'html' && contentType !== 'text') {
    throw badRequest(
      `Requested value '${String(content.contentType)}' was not found in microsoft.graph.bodyType.`,
      'RequestBodyRead',
    );
  }
  return { content: typeof content.content === 'string' ? content.content : '', contentType };
};

const readImportance = (raw: unknown): MailRecord['importance'] => {
  const value = typeof raw === 'string' ? raw.toLowerCase() : 'normal';
  return value === 'high' || value === 'low' ? value : 'normal';
};

const sendMail = (ctx: Ctx) => {
  const body = ctx.json();
  rejectUnknownProperties(body, ['message', 'saveToSentItems'], 'microsoft.graph.sendMail');
  const message = body.message;
  if (typeof message !== 'object' || message === null || Array.isArray(message)) {
    throw badRequest("The 'message' parameter is required.", 'ErrorInvalidParameter');
  }
  const msg = message as Json;
  rejectUnknownProperties(msg, MESSAGE_PROPERTIES, 'microsoft.graph.message');
  const to = readRecipients(msg.toRecipients, 'toRecipients');
  const cc = readRecipients(msg.ccRecipients, 'ccRecipients');
  const bcc = readRecipients(msg.bccRecipients, 'bccRecipients');
  if (to.length + cc.length + bcc.length === 0) {
    throw badRequest('At least one recipient is required, but none were found.', 'ErrorInvalidRecipients');
  }
  if (to.length + cc.length + bcc.length > 500) {
    throw badRequest('The message exceeds the maximum of 500 recipients.', 'ErrorTooManyRecipients');
  }
  const content = readBody(msg.body);
  const properties = readExtendedProperties(msg.singleValueExtendedProperties);
  const headers = readInternetHeaders(msg.internetMessageHeaders);
  const save = body.saveToSentItems;
  deliverMail(ctx.sandbox.store.state, {
    from: { name: ctx.me.displayName, address: ctx.me.mail },
    to,
    cc,
    bcc,
    subject: typeof msg.subject === 'string' ? msg.subject : '',
    body: content.content,
    contentType: content.contentType,
    importance: readImportance(msg.importance),
    saveToSentItems: !(save === false || save === 'false'),
    at: ctx.now,
    singleValueExtendedProperties: properties,
    internetMessageHeaders: headers,
  });
  return { status: 202 };
};

export const mailboxOf = (state: State, user: UserRecord, folder?: MailRecord['folder']): MailRecord[] =>
  state.mail
    .filter((mail) => mail.mailbox === user.mail.toLowerCase() && (!folder || mail.folder === folder))
    .sort((a, b) => b.receivedDateTime.localeCompare(a.receivedDateTime));

const notFound = (): GraphError =>
  new GraphError(404, 'ErrorItemNotFound', 'The specified object was not found in the store.');

/**
 * One of the caller's own messages by either id type (Graph accepts both). A REST id stops working when the item
 * moves folder (the draft sent to Sent Items gets a new one); the immutable id does not.
 */
const ownMessage = (ctx: Ctx): MailRecord => {
  const id = ctx.params.messageId ?? '';
  const mail = mailboxOf(ctx.sandbox.store.state, ctx.me).find(
    (candidate) => candidate.id === id || candidate.immutableId === id,
  );
  if (!mail) throw notFound();
  return mail;
};

const messagesContext = (ctx: Ctx): string =>
  `${ctx.graphBase}/$metadata#users('${encodeURIComponent(ctx.me.id)}')/messages`;

// ---------------------------------------------------------------- extended properties

const PROPERTY_TYPES = new Set([
  'binary',
  'boolean',
  'clsid',
  'currency',
  'double',
  'float',
  'integer',
  'long',
  'object',
  'short',
  'string',
  'systemtime',
]);
const NAMED_PROPERTY =
  /^(\w+)\s+\{([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\}\s+(Name|Id)\s+(\S(?:.*\S)?)$/i;
const TAGGED_PROPERTY = /^(\w+)\s+0x([0-9a-f]{1,4})$/i;

/**
 * An extended property id in canonical form, or null when it is not one of Graph's formats
 * (`{type} {guid} Name {name}`, `{type} {guid} Id {0x…}`, `{type} {0x…}`). Type and GUID match in any case; the
 * name matches exactly, as Graph documents.
 */
export const canonicalPropertyId = (id: string): string | null => {
  const text = id.trim();
  const named = NAMED_PROPERTY.exec(text);
  if (named) {
    const type = (named[1] ?? '').toLowerCase();
    const kind = (named[3] ?? '').toLowerCase();
    if (!PROPERTY_TYPES.has(type)) return null;
    const key = named[4] ?? '';
    return `${type} {${(named[2] ?? '').toLowerCase()}} ${kind} ${kind === 'id' ? key.toLowerCase() : key}`;
  }
  const tagged = TAGGED_PROPERTY.exec(text);
  if (tagged && PROPERTY_TYPES.has((tagged[1] ?? '').toLowerCase())) {
    return `${(tagged[1] ?? '').toLowerCase()} 0x${Number.parseInt(tagged[2] ?? '0', 16).toString(16)}`;
  }
  return null;
};

const invalidExtendedProperty = (): GraphError =>
  badRequest('The extended property attribute combination is invalid.', 'ErrorInvalidExtendedProperty');

/** In a $filter, any `…id` compared with an extended property id compares canonically. */
const propertyIdCanonical: Canonical = (property, value) =>
  /(^|\/)id$/i.test(property) ? canonicalPropertyId(value) : null;

type ExtendedProperty = MailRecord['singleValueExtendedProperties'][number];

const readExtendedProperties = (raw: unknown): ExtendedProperty[] => {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) {
    throw badRequest("The property 'singleValueExtendedProperties' must be a collection.", 'RequestBodyRead');
  }
  const properties = new Map<string, ExtendedProperty>();
  for (const entry of raw) {
    const property = asObject(entry);
    if (!property) throw badRequest('Each extended property must be an object.', 'RequestBodyRead');
    rejectUnknownProperties(property, ['id', 'value'], 'microsoft.graph.singleValueLegacyExtendedProperty');
    const canonical = typeof property.id === 'string' ? canonicalPropertyId(property.id) : null;
    if (canonical === null || typeof property.id !== 'string') throw invalidExtendedProperty();
    if (typeof property.value !== 'string') {
      throw badRequest(
        `Cannot convert the literal '${String(property.value)}' to the expected type 'Edm.String' for 'value'.`,
        'RequestBodyRead',
      );
    }
    properties.set(canonical, { id: property.id.trim(), value: property.value });
  }
  return [...properties.values()];
};

/** Refuses a $filter that compares an extended property's id with something that is not a property id. */
const checkPropertyFilter = (raw: string): void => {
  const ids = [...raw.matchAll(/\b\w+\/id\s+eq\s+'((?:[^']|'')*)'/gi)].map((match) =>
    (match[1] ?? '').replace(/''/g, "'"),
  );
  if (/singleValueExtendedProperties\s*\/\s*any/i.test(raw) && ids.some((id) => canonicalPropertyId(id) === null)) {
    throw invalidExtendedProperty();
  }
};

/** `$expand=singleValueExtendedProperties($filter=id eq '…')`: the matching properties, or null when not asked. */
const expandedProperties = (ctx: Ctx, mail: MailRecord): ExtendedProperty[] | null => {
  const raw = ctx.req.query.get('$expand');
  if (!raw || !/singleValueExtendedProperties/i.test(raw)) return null;
  const match = /^\s*singleValueExtendedProperties\s*\(\s*\$filter\s*=\s*([\s\S]+)\)\s*$/i.exec(raw);
  if (!match) {
    throw badRequest(
      "Expand singleValueExtendedProperties with a filter on the id: $expand=singleValueExtendedProperties($filter=id eq '{id}').",
    );
  }
  const filter = match[1] ?? '';
  const node = parseFilter(filter);
  const ids = [...filter.matchAll(/\bid\s+eq\s+'((?:[^']|'')*)'/gi)].map((m) => (m[1] ?? '').replace(/''/g, "'"));
  if (ids.length === 0 || ids.some((id) => canonicalPropertyId(id) === null)) throw invalidExtendedProperty();
  return mail.singleValueExtendedProperties.filter((property) =>
    evaluateFilter(node, { id: property.id, value: property.value }, true, propertyIdCanonical),
  );
};

// ---------------------------------------------------------------- Internet message headers

/** Graph takes at most five custom headers on a message. */
const MAX_INTERNET_HEADERS = 5;
/** Exchange Online's limit on a message's headers; the sandbox refuses more at once (Graph's answer is undocumented). */
const MAX_HEADER_BYTES = 256 * 1024;
/** An RFC 5322 field name: printable US-ASCII but the colon. */
const FIELD_NAME = /^[\x21-\x39\x3b-\x7e]+$/;

const headerCollectionError = (): GraphError =>
  badRequest(
    'Maximum number of headers in one message should be less than or equal to 5.',
    'InvalidInternetMessageHeaderCollection',
  );

/**
 * `internetMessageHeaders` on create (POST /me/messages, POST /me/sendMail), checked as Graph does: a collection of
 * `{name, value}` strings, at most five (an empty collection is refused with the same error, as Graph answers), every
 * name starting `x-` or `X-` (Graph's InvalidInternetMessageHeader). Unknown properties are RequestBodyRead.
 */
const readInternetHeaders = (raw: unknown): InternetHeader[] => {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) {
    throw badRequest("The property 'internetMessageHeaders' must be a collection.", 'RequestBodyRead');
  }
  if (raw.length === 0 || raw.length > MAX_INTERNET_HEADERS) throw headerCollectionError();
  const headers = raw.map((entry): InternetHeader => {
    const header = asObject(entry);
    if (!header) throw badRequest('Each internet message header must be an object.', 'RequestBodyRead');
    rejectUnknownProperties(header, ['name', 'value'], 'microsoft.graph.internetMessageHeader');
    for (const field of ['name', 'value'] as const) {
      if (typeof header[field] !== 'string') {
        throw badRequest(
          `Cannot convert the literal '${String(header[field])}' to the expected type 'Edm.String' for '${field}'.`,
          'RequestBodyRead',
        );
      }
    }
    const name = header.name as string;
    if (!/^x-/i.test(name)) {
      throw badRequest(
        `The internet message header name '${name}' should start with 'x-' or 'X-'.`,
        'InvalidInternetMessageHeader',
      );
    }
    if (!FIELD_NAME.test(name) || /[\r\n]/.test(header.value as string)) {
      throw badRequest(`The internet message header '${name}' is not a valid header.`, 'InvalidInternetMessageHeader');
    }
    return { name, value: header.value as string };
  });
  const bytes = headers.reduce((sum, h) => sum + Buffer.byteLength(`${h.name}: ${h.value}\r\n`), 0);
  if (bytes > MAX_HEADER_BYTES) {
    throw badRequest(
      'The internet message headers exceed the maximum header size.',
      'InvalidInternetMessageHeaderCollection',
    );
  }
  return headers;
};

/** `internetMessageHeaders` is returned only when `$select` names it (as in Graph). */
const withHeadersWhenSelected = (json: Json, mail: MailRecord, select: string[] | null): Json =>
  select?.some((name) => name.toLowerCase() === 'internetmessageheaders')
    ? { ...json, internetMessageHeaders: (mail.internetMessageHeaders ?? []).map((h) => ({ ...h })) }
    : json;

// ---------------------------------------------------------------- reading

const listMessages = (ctx: Ctx, folder?: MailRecord['folder']): GraphResponse => {
  const idType = idTypeOf(ctx);
  const raw = ctx.req.query.get('$filter');
  if (raw) checkPropertyFilter(raw);
  // The extended properties are there to filter on, and never part of the listed message (as in Graph).
  const select = parseSelect(ctx.req.query);
  const all = mailboxOf(ctx.sandbox.store.state, ctx.me, folder).map((mail) => ({
    ...withHeadersWhenSelected(mailJson(mail, idType), mail, select),
    singleValueExtendedProperties: mail.singleValueExtendedProperties.map((property) => ({ ...property })),
  }));
  const filtered = applyFilter(all, ctx.req.query, true, propertyIdCanonical).map((json): Json => {
    const { singleValueExtendedProperties: _properties, ...message } = json;
    return message;
  });
  const self = `${ctx.graphBase}${ctx.req.path}`;
  const page = paginate(filtered, ctx.req.query, self, { defaultTop: 10, maxTop: 1000, style: 'skip' });
  return {
    status: 200,
    body: {
      '@odata.context': messagesContext(ctx),
      ...(page.nextLink ? { '@odata.nextLink': page.nextLink } : {}),
      value: page.items.map((mail) => applySelect(mail, select, ['id'])),
    },
  };
};

const getMessage = (ctx: Ctx): GraphResponse => {
  const mail = ownMessage(ctx);
  const properties = expandedProperties(ctx, mail);
  const select = parseSelect(ctx.req.query);
  return {
    status: 200,
    body: {
      '@odata.context': `${messagesContext(ctx)}/$entity`,
      ...applySelect(withHeadersWhenSelected(mailJson(mail, idTypeOf(ctx)), mail, select), select, ['id']),
      // Graph leaves the collection out when no property matched.
      ...(properties && properties.length > 0
        ? { singleValueExtendedProperties: properties.map((property) => ({ ...property })) }
        : {}),
    },
  };
};

const folderParam = (name: string): MailRecord['folder'] => {
  const key = name.toLowerCase();
  if (key === 'inbox' || key === 'sentitems' || key === 'drafts' || key === 'deleteditems') return key;
  throw notFound();
};

// ---------------------------------------------------------------- drafts

const seconds = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

/**
 * POST /me/messages: a draft in Drafts (201), with its extended properties and custom Internet headers (settable
 * only here, on create); nothing is sent.
 */
const createDraft = (ctx: Ctx): GraphResponse => {
  const body = ctx.json();
  rejectUnknownProperties(body, MESSAGE_PROPERTIES, 'microsoft.graph.message');
  const properties = readExtendedProperties(body.singleValueExtendedProperties);
  const headers = readInternetHeaders(body.internetMessageHeaders);
  const content = readBody(body.body);
  const when = seconds(ctx.now);
  const draft: MailRecord = {
    id: outlookId('AAMkA'),
    immutableId: immutableOutlookId(),
    mailbox: ctx.me.mail.toLowerCase(),
    folder: 'drafts',
    isDraft: true,
    conversationId: outlookId('AAQkA'),
    internetMessageId: `<${randomBytes(12).toString('hex')}@sandbox.tovholder.example>`,
    subject: typeof body.subject === 'string' ? body.subject : '',
    bodyContentType: content.contentType,
    body: content.content,
    from: { name: ctx.me.displayName, address: ctx.me.mail },
    to: readRecipients(body.toRecipients, 'toRecipients'),
    cc: readRecipients(body.ccRecipients, 'ccRecipients'),
    bcc: readRecipients(body.bccRecipients, 'bccRecipients'),
    importance: readImportance(body.importance),
    isRead: true,
    sentDateTime: when,
    receivedDateTime: when,
    createdDateTime: when,
    lastModifiedDateTime: when,
    meetingMessageType: null,
    singleValueExtendedProperties: properties,
    ...(headers.length > 0 ? { internetMessageHeaders: headers } : {}),
  };
  ctx.sandbox.store.state.mail.push(draft);
  const id = idOf(draft, idTypeOf(ctx));
  return {
    status: 201,
    headers: { Location: `${ctx.graphBase}/users('${ctx.me.id}')/messages('${encodeURIComponent(id)}')` },
    body: { '@odata.context': `${messagesContext(ctx)}/$entity`, ...mailJson(draft, idTypeOf(ctx)) },
  };
};

/**
 * POST /me/messages/{id}/send: 202, no body. A copy lands in every recipient's mailbox (as with sendMail) and the
 * draft itself moves to Sent Items: no longer a draft, a new REST id, the same immutable id. A message that is no
 * longer a draft is refused (400 ErrorInvalidOperation; see the README) and sends nothing, so a resent request
 * never delivers twice.
 */
const sendDraft = (ctx: Ctx): GraphResponse => {
  const mail = ownMessage(ctx);
  if (!mail.isDraft) {
    throw badRequest(
      'The item cannot be sent because it is not a draft: it has been sent already or was received.',
      'ErrorInvalidOperation',
    );
  }
  if (mail.to.length + mail.cc.length + mail.bcc.length === 0) {
    throw badRequest('At least one recipient is required, but none were found.', 'ErrorInvalidRecipients');
  }
  if (mail.to.length + mail.cc.length + mail.bcc.length > 500) {
    throw badRequest('The message exceeds the maximum of 500 recipients.', 'ErrorTooManyRecipients');
  }
  deliverMail(ctx.sandbox.store.state, {
    from: mail.from,
    to: mail.to,
    cc: mail.cc,
    bcc: mail.bcc,
    subject: mail.subject,
    body: mail.body,
    contentType: mail.bodyContentType,
    importance: mail.importance,
    saveToSentItems: false,
    at: ctx.now,
    conversationId: mail.conversationId,
    internetMessageId: mail.internetMessageId,
    internetMessageHeaders: mail.internetMessageHeaders ?? [],
  });
  const when = seconds(ctx.now);
  mail.folder = 'sentitems';
  mail.isDraft = false;
  mail.id = outlookId('AAMkA');
  mail.sentDateTime = when;
  mail.receivedDateTime = when;
  mail.lastModifiedDateTime = when;
  return { status: 202 };
};

/**
 * DELETE /me/messages/{id}: 204. As in Exchange the message moves to Deleted Items (a new REST id, the same
 * immutable id); deleting it there removes it for good.
 */
const deleteMessage = (ctx: Ctx): GraphResponse => {
  const mail = ownMessage(ctx);
  const state = ctx.sandbox.store.state;
  if (mail.folder === 'deleteditems') {
    state.mail = state.mail.filter((candidate) => candidate !== mail);
  } else {
    mail.folder = 'deleteditems';
    mail.id = outlookId('AAMkA');
    mail.lastModifiedDateTime = seconds(ctx.now);
  }
  return { status: 204 };
};

export const registerMail = (router: Router): void => {
  router
    .self('POST', '/sendMail', sendMail)
    .self('POST', '/messages', createDraft)
    .self('GET', '/messages', (ctx) => listMessages(ctx))
    .self('GET', '/mailFolders/{folder}/messages', (ctx) => listMessages(ctx, folderParam(ctx.params.folder ?? '')))
    .self('GET', '/messages/{messageId}', getMessage)
    .self('DELETE', '/messages/{messageId}', deleteMessage)
    .self('POST', '/messages/{messageId}/send', sendDraft);
};
