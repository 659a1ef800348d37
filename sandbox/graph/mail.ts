import { createHash, randomBytes } from 'node:crypto';
import type { Ctx, Router } from '../router';
import type { MailRecord, State, UserRecord } from '../store';
import { GraphError, badRequest } from './errors';
import { applyFilter, applySelect, paginate, parseSelect, type Json } from './odata';
import { requireSelf } from './users';
import { rejectUnknownProperties } from './validation';

/** Mail: POST /me/sendMail (202; a copy lands in every recipient's sandbox mailbox), reading one's own mailbox. */

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
}

export const outlookId = (prefix: string): string => `${prefix}${randomBytes(45).toString('base64url')}AAA=`;

const folderId = (mailbox: string, folder: string): string =>
  `AQMkA${createHash('sha1').update(`${mailbox}/${folder}`).digest('base64url')}AAAA`;

/** Puts one copy in each recipient's inbox and (optionally) one in the sender's Sent Items. */
export const deliverMail = (state: State, mail: OutgoingMail): MailRecord[] => {
  const conversationId = outlookId('AAQkA');
  const internetMessageId = `<${randomBytes(12).toString('hex')}@sandbox.tovholder.example>`;
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
    meetingMessageType: mail.meetingMessageType ?? null,
  };
  const copies: MailRecord[] = [];
  if (mail.saveToSentItems) {
    copies.push({
      ...base,
      id: outlookId('AAMkA'),
      mailbox: mail.from.address.toLowerCase(),
      folder: 'sentitems',
      isRead: true,
    });
  }
  const recipients = new Set([...mail.to, ...(mail.cc ?? []), ...(mail.bcc ?? [])].map((r) => r.address.toLowerCase()));
  for (const mailbox of recipients) {
    copies.push({ ...base, bcc: [], id: outlookId('AAMkA'), mailbox, folder: 'inbox', isRead: false });
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

export const mailJson = (mail: MailRecord): Json => ({
  '@odata.etag': `W/"CQAAABYAAAA${createHash('sha1').update(mail.id).digest('base64').slice(0, 20)}"`,
  id: mail.id,
  createdDateTime: mail.receivedDateTime,
  lastModifiedDateTime: mail.receivedDateTime,
  changeKey: `CQAAABYAAAA${createHash('sha1').update(mail.id).digest('base64').slice(0, 20)}`,
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
  isDraft: false,
  webLink: `https://outlook.office365.com/owa/?ItemID=${encodeURIComponent(mail.id)}&exvsurl=1&viewmodel=ReadMessageItem`,
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
  const content = (msg.body as { content?: unknown; contentType?: unknown } | undefined) ?? {};
  const contentType = typeof content.contentType === 'string' ? content.contentType.toLowerCase() : 'text';
  if (contentType !== 'html' && contentType !== 'text') {
    throw badRequest(
      `Requested value '${String(content.contentType)}' was not found in microsoft.graph.bodyType.`,
      'RequestBodyRead',
    );
  }
  const save = body.saveToSentItems;
  deliverMail(ctx.sandbox.store.state, {
    from: { name: ctx.me.displayName, address: ctx.me.mail },
    to,
    cc,
    bcc,
    subject: typeof msg.subject === 'string' ? msg.subject : '',
    body: typeof content.content === 'string' ? content.content : '',
    contentType,
    importance: msg.importance === 'high' || msg.importance === 'low' ? msg.importance : 'normal',
    saveToSentItems: !(save === false || save === 'false'),
    at: ctx.now,
  });
  ctx.sandbox.store.touch();
  return { status: 202 };
};

export const mailboxOf = (state: State, user: UserRecord, folder?: MailRecord['folder']): MailRecord[] =>
  state.mail
    .filter((mail) => mail.mailbox === user.mail.toLowerCase() && (!folder || mail.folder === folder))
    .sort((a, b) => b.receivedDateTime.localeCompare(a.receivedDateTime));

const listMessages = (ctx: Ctx, folder?: MailRecord['folder']) => {
  const all = mailboxOf(ctx.sandbox.store.state, ctx.me, folder).map(mailJson);
  const filtered = applyFilter(all, ctx.req.query);
  const self = `${ctx.graphBase}${ctx.req.path}`;
  const page = paginate(filtered, ctx.req.query, self, { defaultTop: 10, maxTop: 1000, style: 'skip' });
  const select = parseSelect(ctx.req.query);
  return {
    status: 200,
    body: {
      '@odata.context': `${ctx.graphBase}/$metadata#users('${encodeURIComponent(ctx.me.id)}')/messages`,
      ...(page.nextLink ? { '@odata.nextLink': page.nextLink } : {}),
      value: page.items.map((mail) => applySelect(mail, select, ['id'])),
    },
  };
};

const folderParam = (name: string): MailRecord['folder'] => {
  const key = name.toLowerCase();
  if (key === 'inbox' || key === 'sentitems') return key;
  throw new GraphError(404, 'ErrorItemNotFound', 'The specified object was not found in the store.');
};

export const registerMail = (router: Router): void => {
  router
    .add('POST', '/me/sendMail', sendMail)
    .add('POST', '/users/{userId}/sendMail', (ctx) => {
      requireSelf(ctx, ctx.params.userId ?? '');
      return sendMail(ctx);
    })
    .add('GET', '/me/messages', (ctx) => listMessages(ctx))
    .add('GET', '/me/mailFolders/{folder}/messages', (ctx) => listMessages(ctx, folderParam(ctx.params.folder ?? '')))
    .add('GET', '/me/messages/{messageId}', (ctx) => {
      const mail = mailboxOf(ctx.sandbox.store.state, ctx.me).find(
        (candidate) => candidate.id === ctx.params.messageId,
      );
      if (!mail) throw new GraphError(404, 'ErrorItemNotFound', 'The specified object was not found in the store.');
      return {
        status: 200,
        body: {
          '@odata.context': `${ctx.graphBase}/$metadata#users('${encodeURIComponent(ctx.me.id)}')/messages/$entity`,
          ...applySelect(mailJson(mail), parseSelect(ctx.req.query), ['id']),
        },
      };
    });
};
