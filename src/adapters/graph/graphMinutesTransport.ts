import type { Message } from '@microsoft/microsoft-graph-types';
import { toGraphChatMessage } from '../../cards/minutesMessage';
import { z } from 'zod';
import type { ChatMessageToPost, ChatPartner, MailToSend, MinutesTransport } from '../../domain/ports/minutesTransport';
import { failure, success, type Outcome } from '../../domain/ports/outcome';
import type { Cleared } from '../../domain/privacy/cleared';
import { batchResult, sendBatch, type BatchItem } from './graphBatch';
import { query, type GraphClient } from './graphClient';

/**
 * How the minutes travel: 1:1 chats with each Teams participant (created or found in one $batch), the posts in one
 * $batch (chunks of 20), and e-mails to people outside Teams, batched the same way. Results are keyed by the
 * caller's keys.
 *
 * A post is not idempotent: when its fate is unknown (a 5xx that may have been processed, a lost answer), it comes
 * back as `failed`/`unknownOutcome` and is not sent again here. The delivery pipeline then looks in the chat for its
 * delivery marker (`findMessageWithMarker`) before trying again, so nobody gets the minutes twice.
 */

export interface GraphMinutesTransportOptions {
  /** The signed-in user's object id, when the composition root already has it; otherwise read once from /me. */
  meUserId?: string;
  /** How many pages of a chat's newest messages to look through for a marker. */
  markerSearchPages?: number;
}

const IdSchema = z.object({ id: z.string().min(1) });

const MessagesSchema = z.object({
  value: z.array(
    z.object({
      id: z.string().min(1),
      body: z.object({ content: z.string().nullish() }).nullish(),
      attachments: z.array(z.object({ id: z.string().nullish(), content: z.string().nullish() })).nullish(),
    }),
  ),
  '@odata.nextLink': z.string().nullish(),
});

const chatPath = (chatId: string): string => `/chats/${encodeURIComponent(chatId)}`;

export class GraphMinutesTransport implements MinutesTransport {
  private meUserId: Promise<Outcome<string>> | null;
  private readonly markerSearchPages: number;

  constructor(
    private readonly graph: GraphClient,
    options: GraphMinutesTransportOptions = {},
  ) {
    this.meUserId = options.meUserId ? Promise.resolve(success(options.meUserId)) : null;
    this.markerSearchPages = options.markerSearchPages ?? 3;
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

  /** One $batch of POST /chats (oneOnOne): Graph returns the existing chat when there is one, so this is safe to repeat. */
  async ensureChats(partners: ChatPartner[]): Promise<Map<string, Outcome<string>>> {
    const out = new Map<string, Outcome<string>>();
    if (partners.length === 0) return out;
    const me = await this.me();
    if (!me.ok) {
      for (const partner of partners) out.set(partner.key, me);
      return out;
    }
    const items: BatchItem[] = partners.map((partner) => ({
      id: partner.key,
      method: 'POST',
      path: '/chats',
      body: {
        chatType: 'oneOnOne',
        members: [this.member(me.value, null), this.member(partner.userId, partner.tenantId)],
      },
      idempotent: true,
    }));
    const results = await sendBatch(this.graph, items);
    for (const partner of partners) {
      const chat = batchResult(results, partner.key, IdSchema, 'POST /chats');
      out.set(partner.key, chat.ok ? success(chat.value.id) : chat);
    }
    return out;
  }

  /** One $batch (chunks of 20) of POST /chats/{id}/messages; the map holds each new message's id. */
  async postMessages(messages: Cleared<ChatMessageToPost>[]): Promise<Map<string, Outcome<string>>> {
    const items: BatchItem[] = messages.map((message) => {
      // The card renderer's own Graph body: the same bytes it measured against the 28 KB limit.
      const body = toGraphChatMessage(message);
      return { id: message.key, method: 'POST', path: `${chatPath(message.chatId)}/messages`, body, idempotent: false };
    });
    const results = await sendBatch(this.graph, items);
    const out = new Map<string, Outcome<string>>();
    for (const message of messages) {
      const posted = batchResult(results, message.key, IdSchema, 'POST /chats/{id}/messages');
      out.set(message.key, posted.ok ? success(posted.value.id) : posted);
    }
    return out;
  }

  /** Looks through the newest messages of a chat for one whose text or card carries the marker (a delivery id). */
  async findMessageWithMarker(chatId: string, marker: string): Promise<Outcome<string | null>> {
    if (!marker) throw new Error('findMessageWithMarker needs a marker');
    let path: string | null = `${chatPath(chatId)}/messages${query({ $top: 50 })}`;
    for (let page = 0; path !== null && page < this.markerSearchPages; page++) {
      const outcome: Outcome<z.infer<typeof MessagesSchema>> = await this.graph.request(
        { method: 'GET', path },
        MessagesSchema,
      );
      if (!outcome.ok) return outcome;
      const found = outcome.value.value.find(
        (message) =>
          (message.body?.content ?? '').includes(marker) ||
          (message.attachments ?? []).some((attachment) => (attachment.content ?? '').includes(marker)),
      );
      if (found) return success(found.id);
      const next: string | null | undefined = outcome.value['@odata.nextLink'];
      path = next ? this.graph.pathOf(next) : null;
    }
    return success(null);
  }

  /** POST /me/sendMail per mail, batched. Graph answers 202 with no body. Not repeated when the outcome is unknown. */
  async sendMails(mails: Cleared<MailToSend>[]): Promise<Map<string, Outcome<void>>> {
    const items: BatchItem[] = mails.map((mail) => {
      const message: Message = {
        subject: mail.subject,
        body: { contentType: 'html', content: mail.html },
        toRecipients: mail.to.map((recipient) => ({
          emailAddress: { address: recipient.email, name: recipient.name },
        })),
      };
      return {
        id: mail.key,
        method: 'POST',
        path: '/me/sendMail',
        body: { message, saveToSentItems: true },
        idempotent: false,
      };
    });
    const results = await sendBatch(this.graph, items);
    const out = new Map<string, Outcome<void>>();
    for (const mail of mails) {
      const sent = results.get(mail.key);
      if (!sent) out.set(mail.key, failure('failed', 'missingBatchResponse', 'Intet svar på afsendelsen'));
      else out.set(mail.key, sent.ok ? success(undefined) : sent);
    }
    return out;
  }
}
