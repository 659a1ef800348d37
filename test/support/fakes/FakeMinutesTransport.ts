import type {
  ChatMessageToPost,
  ChatPartner,
  MailToSend,
  MinutesTransport,
} from '../../../src/domain/ports/minutesTransport';
import { failure, success, type Failure, type Outcome } from '../../../src/domain/ports/outcome';
import type { Cleared } from '../../../src/domain/privacy/cleared';

/**
 * How a scripted call goes wrong:
 * - `refused`: Graph said no (a 403 or 400) — nothing arrived;
 * - `throttled`: a 429 after the adapter's retries — nothing arrived;
 * - `lostAnswer`: the message arrived but the answer was lost (dropped connection) — `unknownOutcome`;
 * - `droppedBeforeArrival`: the connection broke before Graph got it — also `unknownOutcome`, but nothing arrived.
 */
export type FaultMode = 'refused' | 'throttled' | 'lostAnswer' | 'droppedBeforeArrival';

export interface PostedMessage {
  id: string;
  chatId: string;
  html: string;
  attachments: string[];
}

export interface DeliveredMail {
  to: string[];
  subject: string;
  html: string;
}

const faultFailure = (mode: FaultMode): Failure => {
  switch (mode) {
    case 'refused':
      return failure('forbidden', 'Forbidden', 'Missing permission', 403);
    case 'throttled':
      return failure('throttled', 'TooManyRequests', 'Too many requests', 429, 2000);
    case 'lostAnswer':
    case 'droppedBeforeArrival':
      return failure('failed', 'unknownOutcome', 'The connection was lost');
  }
};

/**
 * The minutes transport in memory, behaving where the pipeline can tell: a 1:1 chat per partner that is found
 * again on the next ensureChats, messages kept per chat and searchable for a marker, mail kept per address.
 * Faults can be scripted per operation and key, once each. Every call is recorded, to count round trips.
 */
export class FakeMinutesTransport implements MinutesTransport {
  private readonly chats = new Map<string, { partnerKey: string | null; messages: PostedMessage[] }>();
  private readonly chatByPartner = new Map<string, string>();
  readonly mailbox: DeliveredMail[] = [];
  readonly calls: { method: keyof MinutesTransport; keys: string[] }[] = [];
  private readonly faults: { method: keyof MinutesTransport; key: string; mode: FaultMode }[] = [];
  private nextMessage = 0;

  /** A chat that exists already (the meeting chat), with no partner. */
  withChat(chatId: string): this {
    this.chats.set(chatId, { partnerKey: null, messages: [] });
    return this;
  }

  /** The next call of `method` for `key` fails this way (once). */
  fail(
    method: 'ensureChats' | 'postMessages' | 'sendMails' | 'findMessageWithMarker',
    key: string,
    mode: FaultMode,
  ): this {
    this.faults.push({ method, key, mode });
    return this;
  }

  /** Messages in the 1:1 chat opened for this key (a participant id), or in a chat by id. */
  messagesFor(keyOrChatId: string): PostedMessage[] {
    const chatId = this.chatByPartner.get(keyOrChatId) ?? keyOrChatId;
    return this.chats.get(chatId)?.messages ?? [];
  }

  mailsTo(email: string): DeliveredMail[] {
    return this.mailbox.filter((m) => m.to.includes(email));
  }

  private takeFault(method: keyof MinutesTransport, key: string): FaultMode | null {
    const index = this.faults.findIndex((f) => f.method === method && f.key === key);
    if (index < 0) return null;
    const [fault] = this.faults.splice(index, 1);
    return fault?.mode ?? null;
  }

  async ensureChats(partners: ChatPartner[]): Promise<Map<string, Outcome<string>>> {
    this.calls.push({ method: 'ensureChats', keys: partners.map((p) => p.key) });
    const out = new Map<string, Outcome<string>>();
    for (const partner of partners) {
      const mode = this.takeFault('ensureChats', partner.key);
      if (mode && mode !== 'lostAnswer') {
        out.set(partner.key, faultFailure(mode));
        continue;
      }
      const chatId = `chat-with-${partner.userId}`;
      if (!this.chats.has(chatId)) this.chats.set(chatId, { partnerKey: partner.key, messages: [] });
      this.chatByPartner.set(partner.key, chatId);
      out.set(partner.key, mode ? faultFailure(mode) : success(chatId));
    }
    return out;
  }

  async postMessages(messages: Cleared<ChatMessageToPost>[]): Promise<Map<string, Outcome<string>>> {
    this.calls.push({ method: 'postMessages', keys: messages.map((m) => m.key) });
    const out = new Map<string, Outcome<string>>();
    for (const message of messages) {
      const mode = this.takeFault('postMessages', message.key);
      if (mode && mode !== 'lostAnswer') {
        out.set(message.key, faultFailure(mode));
        continue;
      }
      const chat = this.chats.get(message.chatId);
      if (!chat) {
        out.set(message.key, failure('notFound', 'NotFound', `No chat ${message.chatId}`, 404));
        continue;
      }
      this.nextMessage += 1;
      const posted = {
        id: `msg-${this.nextMessage}`,
        chatId: message.chatId,
        html: message.html,
        attachments: message.attachments.map((a) => a.content),
      };
      chat.messages.push(posted);
      out.set(message.key, mode ? faultFailure(mode) : success(posted.id));
    }
    return out;
  }

  async findMessageWithMarker(chatId: string, marker: string): Promise<Outcome<string | null>> {
    this.calls.push({ method: 'findMessageWithMarker', keys: [chatId] });
    const mode = this.takeFault('findMessageWithMarker', chatId);
    if (mode) return faultFailure(mode);
    const found = (this.chats.get(chatId)?.messages ?? []).find(
      (m) => m.html.includes(marker) || m.attachments.some((a) => a.includes(marker)),
    );
    return success(found?.id ?? null);
  }

  async sendMails(mails: Cleared<MailToSend>[]): Promise<Map<string, Outcome<void>>> {
    this.calls.push({ method: 'sendMails', keys: mails.map((m) => m.key) });
    const out = new Map<string, Outcome<void>>();
    for (const mail of mails) {
      const mode = this.takeFault('sendMails', mail.key);
      if (mode && mode !== 'lostAnswer') {
        out.set(mail.key, faultFailure(mode));
        continue;
      }
      this.mailbox.push({ to: mail.to.map((t) => t.email), subject: mail.subject, html: mail.html });
      out.set(mail.key, mode ? faultFailure(mode) : success(undefined));
    }
    return out;
  }
}
