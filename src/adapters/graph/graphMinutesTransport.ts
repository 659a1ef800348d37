import type { Message } from '@microsoft/microsoft-graph-types';
import { toGraphChatMessage } from '../../cards/minutesMessage';
import * as z from 'zod/mini';
import {
  MAIL_PROTECTION_HEADER,
  mailMark,
  type ChatMessageToPost,
  type ChatPartner,
  type ChatToLook,
  type CopyToRemove,
  type DraftToSend,
  type ItemSettled,
  type MailFate,
  type MailToLook,
  type MailToSend,
  type MinutesTransport,
} from '../../domain/ports/minutesTransport';
import { failure, success, type Outcome } from '../../domain/ports/outcome';
import type { Cleared } from '../../domain/privacy/cleared';
import { batchResult, sendBatch, type BatchItem, type BatchItemResponse } from './graphBatch';
import { odataString, query, type GraphClient } from './graphClient';

/**
 * How the minutes travel, in three $batch rounds (chunks of 20):
 *
 * 1. `prepare`: the 1:1 chats with each Teams participant (POST /chats returns the existing chat, so it is safe
 *    to repeat) and each e-mail created as a DRAFT in the sender's mailbox (POST /me/messages with an immutable
 *    id, a hidden extended property `<deliveryId>:<key>`, and the `X-Tovholder-Protection` Internet header the
 *    tenant's mail-flow rule reads). Neither reaches anybody, so both may be repeated.
 * 2. `send`: POST /chats/{id}/messages and POST /me/messages/{draftId}/send side by side. Sending a draft twice
 *    is harmless (the second finds no draft), so a send of unknown fate is retried here like a read.
 * 3. `look`: each chat's newest messages (GET /chats/{id}/messages, newest first) searched for the delivery id,
 *    and each e-mail's fate (GET /me/messages/{id}?$select=isDraft, or the extended property filter when the id
 *    was lost). Extra copies — a browser resends a POST /$batch by itself when a keep-alive connection drops with
 *    no answer — are taken back with `removeCopies` (softDelete, which the sender may do to their own message).
 *
 * A post is not idempotent: when its fate is unknown it comes back as `failed`/`unknownOutcome` and is never
 * sent again here; the pipeline looks before it tries again, so nobody gets the minutes twice.
 */

export interface GraphMinutesTransportOptions {
  /** The signed-in user's object id, when the composition root already has it; otherwise read once from /me. */
  meUserId?: string;
  /** How many pages (50 each) of a chat's newest messages a thorough look goes through. */
  markerSearchPages?: number;
  /** How many of a chat's newest messages the check after sending reads (the copies of one send are recent). */
  recentMessages?: number;
}

/**
 * The extended property that marks a draft with its delivery and recipient (a named MAPI string property in the
 * app's own property set), so a draft whose id was lost can be found with $filter.
 */
export const DELIVERY_PROPERTY_ID = 'String {0c4f6a52-8d3e-4b7a-9f21-6e5d3c2b1a90} Name TovholderDelivery';

const IdSchema = z.object({ id: z.string().check(z.minLength(1)) });

const ChatMessagesSchema = z.object({
  value: z.array(
    z.object({
      id: z.string().check(z.minLength(1)),
      createdDateTime: z.nullish(z.string()),
      deletedDateTime: z.nullish(z.string()),
      body: z.nullish(z.object({ content: z.nullish(z.string()) })),
      attachments: z.nullish(z.array(z.object({ id: z.nullish(z.string()), content: z.nullish(z.string()) }))),
    }),
  ),
  '@odata.nextLink': z.nullish(z.string()),
});
type ChatMessages = z.infer<typeof ChatMessagesSchema>;

const MailStateSchema = z.object({ id: z.string().check(z.minLength(1)), isDraft: z.nullish(z.boolean()) });
const MailListSchema = z.object({ value: z.array(MailStateSchema) });

const chatPath = (chatId: string): string => `/chats/${encodeURIComponent(chatId)}`;
const messagePath = (id: string): string => `/me/messages/${encodeURIComponent(id)}`;

/** The messages of one page that carry the marker and were not taken back. */
const carrying = (page: ChatMessages, marker: string): { id: string; at: string }[] =>
  page.value
    .filter(
      (message) =>
        !message.deletedDateTime &&
        ((message.body?.content ?? '').includes(marker) ||
          (message.attachments ?? []).some((attachment) => (attachment.content ?? '').includes(marker))),
    )
    .map((message) => ({ id: message.id, at: message.createdDateTime ?? '' }));

const oldestFirst = (found: { id: string; at: string }[]): string[] =>
  [...new Map(found.map((m) => [m.id, m])).values()]
    .sort((a, b) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id))
    .map((m) => m.id);

const fateOf = (message: z.infer<typeof MailStateSchema>): MailFate =>
  message.isDraft === false ? { state: 'sent', id: message.id } : { state: 'draft', id: message.id };

export class GraphMinutesTransport implements MinutesTransport {
  private meUserId: Promise<Outcome<string>> | null;
  private readonly markerSearchPages: number;
  private readonly recentMessages: number;

  constructor(
    private readonly graph: GraphClient,
    options: GraphMinutesTransportOptions = {},
  ) {
    this.meUserId = options.meUserId ? Promise.resolve(success(options.meUserId)) : null;
    this.markerSearchPages = options.markerSearchPages ?? 3;
    this.recentMessages = options.recentMessages ?? 5;
  }

  private me(): Promise<Outcome<string>> {
    if (!this.meUserId) {
      this.meUserId = this.graph
        .request({ method: 'GET', path: `/me${query({ $select: 'id' })}` }, IdSchema)
        .then((outcome) => {
          if (!outcome.ok) this.meUserId = null; // ask again next time
          return outcome.ok ? success(outcome.value.id) : outcome;
        });
    }
    return this.meUserId;
  }

  private member(userId: string, tenantId: string | null) {
    return {
      '@odata.type': '#microsoft.graph.aadUserConversationMember',
      roles: ['owner'],
      'user@odata.bind': this.graph.bindUrl(`/users('${encodeURIComponent(userId)}')`),
      // A federated member (another tenant) must say which tenant it belongs to.
      ...(tenantId ? { tenantId } : {}),
    };
  }

  async prepare(request: { partners: ChatPartner[]; mails: Cleared<MailToSend>[]; deliveryId: string }): Promise<{
    chats: Map<string, Outcome<string>>;
    drafts: Map<string, Outcome<string>>;
  }> {
    const { partners, mails, deliveryId } = request;
    const chats = new Map<string, Outcome<string>>();
    const drafts = new Map<string, Outcome<string>>();
    if (partners.length === 0 && mails.length === 0) return { chats, drafts };
    const me = partners.length > 0 ? await this.me() : success('');
    if (!me.ok) for (const partner of partners) chats.set(partner.key, me);
    const items: BatchItem[] = [
      ...(me.ok
        ? partners.map((partner): BatchItem => ({
            id: `chat:${partner.key}`,
            method: 'POST',
            path: '/chats',
            body: {
              chatType: 'oneOnOne',
              members: [this.member(me.value, null), this.member(partner.userId, partner.tenantId)],
            },
            idempotent: true,
          }))
        : []),
      ...mails.map((mail): BatchItem => {
        const message: Message = {
          subject: mail.subject,
          body: { contentType: 'html', content: mail.html },
          toRecipients: mail.to.map((recipient) => ({
            emailAddress: { address: recipient.email, name: recipient.name },
          })),
          singleValueExtendedProperties: [{ id: DELIVERY_PROPERTY_ID, value: mailMark(deliveryId, mail.key) }],
          // How the tenant protects it on its way (the privacy guard's decision): the mail-flow rule encrypts
          // `purview`. Graph takes custom headers only here, on create, and only named x-…
          internetMessageHeaders: [{ name: MAIL_PROTECTION_HEADER, value: mail.mark }],
        };
        // An immutable id survives the move from Drafts to Sent Items, so the draft can be looked up after sending.
        // A repeated create leaves an extra draft that is never sent: harmless, so it may be retried.
        return {
          id: `draft:${mail.key}`,
          method: 'POST',
          path: '/me/messages',
          headers: { Prefer: 'IdType="ImmutableId"' },
          body: message,
          idempotent: true,
        };
      }),
    ];
    const results = await sendBatch(this.graph, items);
    if (me.ok) {
      for (const partner of partners) {
        const chat = batchResult(results, `chat:${partner.key}`, IdSchema, 'POST /chats');
        chats.set(partner.key, chat.ok ? success(chat.value.id) : chat);
      }
    }
    for (const mail of mails) {
      const draft = batchResult(results, `draft:${mail.key}`, IdSchema, 'POST /me/messages');
      drafts.set(mail.key, draft.ok ? success(draft.value.id) : draft);
    }
    return { chats, drafts };
  }

  async send(
    request: { messages: Cleared<ChatMessageToPost>[]; drafts: DraftToSend[] },
    onItem?: ItemSettled,
  ): Promise<Map<string, Outcome<string>>> {
    const draftIds = new Map(request.drafts.map((draft) => [`send:${draft.key}`, draft.draftId]));
    const items: BatchItem[] = [
      ...request.messages.map((message): BatchItem => {
        // The card renderer's own Graph body: the same bytes it measured against the 28 KB limit.
        const body = toGraphChatMessage(message);
        const path = `${chatPath(message.chatId)}/messages`;
        return { id: `post:${message.key}`, method: 'POST', path, body, idempotent: false };
      }),
      // Sending a draft that was sent already fails and sends nothing, so a send of unknown fate may go again.
      ...request.drafts.map((draft): BatchItem => ({
        id: `send:${draft.key}`,
        method: 'POST',
        path: `${messagePath(draft.draftId)}/send`,
        idempotent: true,
      })),
    ];
    const outcomeOf = (id: string, answer: Outcome<BatchItemResponse> | undefined): Outcome<string> => {
      if (!answer) return failure('failed', 'missingBatchResponse', 'Intet svar på afsendelsen');
      if (!answer.ok) return answer;
      const draftId = draftIds.get(id);
      if (draftId !== undefined) return success(draftId);
      const posted = IdSchema.safeParse(answer.value.body);
      return posted.success
        ? success(posted.data.id)
        : failure('failed', 'invalidResponse', 'POST /chats/{id}/messages: svaret havde intet id');
    };
    const keyOf = (id: string): string => id.slice(id.indexOf(':') + 1);
    const results = await sendBatch(this.graph, items, {
      ...(onItem ? { onSettled: (id, answer) => onItem(keyOf(id), outcomeOf(id, answer)) } : {}),
    });
    const out = new Map<string, Outcome<string>>();
    for (const item of items) out.set(keyOf(item.id), outcomeOf(item.id, results.get(item.id)));
    return out;
  }

  async look(request: { chats: ChatToLook[]; mails: MailToLook[]; deliveryId: string; thorough?: boolean }): Promise<{
    chats: Map<string, Outcome<string[]>>;
    mails: Map<string, Outcome<MailFate>>;
  }> {
    const { deliveryId, thorough = false } = request;
    if (!deliveryId) throw new Error('look needs a delivery id');
    const top = thorough ? 50 : this.recentMessages;
    const items: BatchItem[] = [
      ...request.chats.map((chat): BatchItem => ({
        id: `chat:${chat.key}`,
        method: 'GET',
        path: `${chatPath(chat.chatId)}/messages${query({ $top: top, $orderby: 'createdDateTime desc' })}`,
      })),
      // By its draft id when known (exact, whatever folder it moved to), and always by its mark too: that also
      // finds any extra draft a repeated create left behind.
      ...request.mails.flatMap((mail): BatchItem[] => [
        ...(mail.draftId !== null
          ? [
              {
                id: `mail:${mail.key}`,
                method: 'GET' as const,
                path: `${messagePath(mail.draftId)}${query({ $select: 'id,isDraft' })}`,
                headers: { Prefer: 'IdType="ImmutableId"' },
              },
            ]
          : []),
        {
          id: `mark:${mail.key}`,
          method: 'GET',
          path: `/me/messages${query({
            $filter: `singleValueExtendedProperties/any(ep: ep/id eq ${odataString(DELIVERY_PROPERTY_ID)} and ep/value eq ${odataString(mailMark(deliveryId, mail.key))})`,
            $select: 'id,isDraft',
          })}`,
          headers: { Prefer: 'IdType="ImmutableId"' },
        },
      ]),
    ];
    const results = await sendBatch(this.graph, items);

    const chats = new Map<string, Outcome<string[]>>();
    await Promise.all(
      request.chats.map(async (chat) => {
        const first = batchResult(results, `chat:${chat.key}`, ChatMessagesSchema, 'GET /chats/{id}/messages');
        if (!first.ok) return void chats.set(chat.key, first);
        const found = carrying(first.value, deliveryId);
        // A thorough look goes further back only while it has found nothing.
        let next = thorough && found.length === 0 ? first.value['@odata.nextLink'] : null;
        for (let page = 1; next && page < this.markerSearchPages; page++) {
          const path = this.graph.pathOf(next);
          if (path === null) break;
          const more: Outcome<ChatMessages> = await this.graph.request({ method: 'GET', path }, ChatMessagesSchema);
          if (!more.ok) return void chats.set(chat.key, more);
          found.push(...carrying(more.value, deliveryId));
          next = found.length === 0 ? more.value['@odata.nextLink'] : null;
        }
        chats.set(chat.key, success(oldestFirst(found)));
      }),
    );

    const mails = new Map<string, Outcome<MailFate>>();
    for (const mail of request.mails) {
      const marked = batchResult(results, `mark:${mail.key}`, MailListSchema, 'GET /me/messages?$filter');
      const fates = marked.ok ? marked.value.value.map(fateOf) : [];
      let chosen: Outcome<MailFate>;
      if (mail.draftId !== null) {
        const answer = results.get(`mail:${mail.key}`);
        const one = batchResult(results, `mail:${mail.key}`, MailStateSchema, 'GET /me/messages/{id}');
        chosen =
          answer && !answer.ok && answer.kind === 'notFound'
            ? success({ state: 'none' })
            : one.ok
              ? success(fateOf(one.value))
              : one;
      } else {
        const found = fates.find((fate) => fate.state === 'sent') ?? fates.find((fate) => fate.state === 'draft');
        chosen = marked.ok ? success(found ?? { state: 'none' }) : marked;
      }
      if (!chosen.ok) {
        mails.set(mail.key, chosen);
        continue;
      }
      const keep = chosen.value.state === 'none' ? null : chosen.value.id;
      const spare = fates.flatMap((fate) => (fate.state === 'draft' && fate.id !== keep ? [fate.id] : []));
      mails.set(mail.key, success({ ...chosen.value, spare }));
    }
    return { chats, mails };
  }

  async removeCopies(copies: CopyToRemove[]): Promise<Map<string, Outcome<void>>> {
    const out = new Map<string, Outcome<void>>();
    if (copies.length === 0) return out;
    const me = await this.me();
    if (!me.ok) {
      for (const copy of copies) out.set(copy.messageId, me);
      return out;
    }
    // Graph documents softDelete of a chat message under the user only; deleting twice changes nothing.
    const items: BatchItem[] = copies.map((copy) => ({
      id: copy.messageId,
      method: 'POST',
      path: `/users/${encodeURIComponent(me.value)}${chatPath(copy.chatId)}/messages/${encodeURIComponent(copy.messageId)}/softDelete`,
      idempotent: true,
    }));
    const results = await sendBatch(this.graph, items);
    for (const copy of copies) {
      const removed = results.get(copy.messageId);
      out.set(
        copy.messageId,
        removed?.ok ? success(undefined) : (removed ?? failure('failed', 'missingBatchResponse', 'Intet svar')),
      );
    }
    return out;
  }

  async discardDrafts(draftIds: string[]): Promise<void> {
    if (draftIds.length === 0) return;
    await sendBatch(
      this.graph,
      [...new Set(draftIds)].map((id) => ({ id, method: 'DELETE', path: messagePath(id) })),
      { maxAttempts: 2 },
    );
  }
}
