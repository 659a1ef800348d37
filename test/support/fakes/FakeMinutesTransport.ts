import {
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
} from '../../../src/domain/ports/minutesTransport';
import { failure, success, type Failure, type Outcome } from '../../../src/domain/ports/outcome';
import type { Cleared } from '../../../src/domain/privacy/cleared';

/**
 * How a scripted call goes wrong:
 * - `refused`: Graph said no (a 403) — nothing happened;
 * - `throttled`: a 429 after the adapter's retries — nothing happened;
 * - `lostAnswer`: it happened but the answer was lost (dropped connection) — `unknownOutcome`;
 * - `droppedBeforeArrival`: the connection broke before Graph got it — also `unknownOutcome`, but nothing happened;
 * - `resent`: a browser resent the request behind the app's back after the first answer was lost: it happened
 *   twice, and the app sees only the second answer (a post: a second copy; a draft send: "not a draft").
 */
export type FaultMode = 'refused' | 'throttled' | 'lostAnswer' | 'droppedBeforeArrival' | 'resent';

/** The fakeable operations; the old names still work (`postMessages` and `sendMails` are `send`, …). */
export type FakeOperation =
  'prepare' | 'send' | 'look' | 'ensureChats' | 'postMessages' | 'sendMails' | 'findMessageWithMarker';

type Operation = 'prepare' | 'send' | 'look';
const OPERATION: Record<FakeOperation, Operation> = {
  prepare: 'prepare',
  ensureChats: 'prepare',
  send: 'send',
  postMessages: 'send',
  sendMails: 'send',
  look: 'look',
  findMessageWithMarker: 'look',
};

export interface PostedMessage {
  id: string;
  chatId: string;
  html: string;
  attachments: string[];
  deleted: boolean;
}

export interface DeliveredMail {
  to: string[];
  subject: string;
  html: string;
  /** The protection mark the e-mail carried (its X-Tovholder-Protection header). */
  mark: MailToSend['mark'];
}

interface Draft {
  id: string;
  key: string;
  mark: string;
  mail: MailToSend;
  sent: boolean;
}

const faultFailure = (mode: FaultMode): Failure => {
  switch (mode) {
    case 'refused':
      return failure('forbidden', 'Forbidden', 'Missing permission', 403);
    case 'throttled':
      return failure('throttled', 'TooManyRequests', 'Too many requests', 429, 2000);
    case 'lostAnswer':
    case 'droppedBeforeArrival':
    case 'resent':
      return failure('failed', 'unknownOutcome', 'The connection was lost');
  }
};

const notADraft = (id: string): Failure => failure('invalid', 'ErrorInvalidOperation', `${id} is not a draft`, 400);

/**
 * The minutes transport in memory, behaving where the pipeline can tell: a 1:1 chat per partner that is found
 * again on the next prepare, messages kept per chat (soft deletes kept as `deleted`) and searchable for a marker,
 * drafts in the sender's mailbox that reach the recipient only when sent (once). Faults can be scripted per
 * operation and key, once each. Every call is recorded, to count round trips.
 */
export class FakeMinutesTransport implements MinutesTransport {
  private readonly chats = new Map<string, { partnerKey: string | null; messages: PostedMessage[] }>();
  private readonly chatByPartner = new Map<string, string>();
  private readonly drafts = new Map<string, Draft>();
  readonly mailbox: DeliveredMail[] = [];
  readonly calls: { method: keyof MinutesTransport; keys: string[] }[] = [];
  private readonly faults: { method: Operation; key: string; mode: FaultMode }[] = [];
  private next = 0;

  /** A chat that exists already (the meeting chat), with no partner. */
  withChat(chatId: string): this {
    this.chats.set(chatId, { partnerKey: null, messages: [] });
    return this;
  }

  /** The next call of `method` for `key` (a participant id or the meeting chat's key) fails this way (once). */
  fail(method: FakeOperation, key: string, mode: FaultMode): this {
    this.faults.push({ method: OPERATION[method], key, mode });
    return this;
  }

  /** The messages still showing in the 1:1 chat opened for this key (a participant id), or in a chat by id. */
  messagesFor(keyOrChatId: string): PostedMessage[] {
    const chatId = this.chatByPartner.get(keyOrChatId) ?? keyOrChatId;
    return (this.chats.get(chatId)?.messages ?? []).filter((m) => !m.deleted);
  }

  /** Every message ever posted there, the taken-back ones too. */
  everPostedFor(keyOrChatId: string): PostedMessage[] {
    const chatId = this.chatByPartner.get(keyOrChatId) ?? keyOrChatId;
    return this.chats.get(chatId)?.messages ?? [];
  }

  mailsTo(email: string): DeliveredMail[] {
    return this.mailbox.filter((m) => m.to.includes(email));
  }

  /** Drafts in the sender's mailbox that were never sent. */
  unsentDrafts(): { key: string; mark: string }[] {
    return [...this.drafts.values()].filter((d) => !d.sent).map(({ key, mark }) => ({ key, mark }));
  }

  private takeFault(method: Operation, key: string): FaultMode | null {
    const index = this.faults.findIndex((f) => f.method === method && f.key === key);
    if (index < 0) return null;
    const [fault] = this.faults.splice(index, 1);
    return fault?.mode ?? null;
  }

  private id(prefix: string): string {
    this.next += 1;
    return `${prefix}-${this.next}`;
  }

  async prepare(request: { partners: ChatPartner[]; mails: Cleared<MailToSend>[]; deliveryId: string }): Promise<{
    chats: Map<string, Outcome<string>>;
    drafts: Map<string, Outcome<string>>;
  }> {
    this.calls.push({ method: 'prepare', keys: [...request.partners, ...request.mails].map((p) => p.key) });
    const chats = new Map<string, Outcome<string>>();
    for (const partner of request.partners) {
      const mode = this.takeFault('prepare', partner.key);
      if (mode === 'refused' || mode === 'throttled' || mode === 'droppedBeforeArrival') {
        chats.set(partner.key, faultFailure(mode));
        continue;
      }
      const chatId = `chat-with-${partner.userId}`;
      if (!this.chats.has(chatId)) this.chats.set(chatId, { partnerKey: partner.key, messages: [] });
      this.chatByPartner.set(partner.key, chatId);
      chats.set(partner.key, mode === 'lostAnswer' ? faultFailure(mode) : success(chatId));
    }
    const drafts = new Map<string, Outcome<string>>();
    for (const mail of request.mails) {
      const mode = this.takeFault('prepare', mail.key);
      if (mode === 'refused' || mode === 'throttled' || mode === 'droppedBeforeArrival') {
        drafts.set(mail.key, faultFailure(mode));
        continue;
      }
      let draft: Draft | null = null;
      for (let times = mode === 'resent' ? 2 : 1; times > 0; times--) {
        draft = {
          id: this.id('draft'),
          key: mail.key,
          mark: mailMark(request.deliveryId, mail.key),
          mail,
          sent: false,
        };
        this.drafts.set(draft.id, draft);
      }
      drafts.set(mail.key, mode === 'lostAnswer' || !draft ? faultFailure('lostAnswer') : success(draft.id));
    }
    return { chats, drafts };
  }

  private post(message: ChatMessageToPost): Outcome<string> {
    const chat = this.chats.get(message.chatId);
    if (!chat) return failure('notFound', 'NotFound', `No chat ${message.chatId}`, 404);
    const posted = {
      id: this.id('msg'),
      chatId: message.chatId,
      html: message.html,
      attachments: message.attachments.map((a) => a.content),
      deleted: false,
    };
    chat.messages.push(posted);
    return success(posted.id);
  }

  private sendDraft(draftId: string): Outcome<string> {
    const draft = this.drafts.get(draftId);
    if (!draft) return failure('notFound', 'ErrorItemNotFound', `No message ${draftId}`, 404);
    if (draft.sent) return notADraft(draftId);
    draft.sent = true;
    this.mailbox.push({
      to: draft.mail.to.map((t) => t.email),
      subject: draft.mail.subject,
      html: draft.mail.html,
      mark: draft.mail.mark,
    });
    return success(draft.id);
  }

  async send(
    request: { messages: Cleared<ChatMessageToPost>[]; drafts: DraftToSend[] },
    onItem?: ItemSettled,
  ): Promise<Map<string, Outcome<string>>> {
    this.calls.push({ method: 'send', keys: [...request.messages, ...request.drafts].map((m) => m.key) });
    const out = new Map<string, Outcome<string>>();
    const items: [string, () => Outcome<string>][] = [
      ...request.messages.map((m): [string, () => Outcome<string>] => [m.key, () => this.post(m)]),
      ...request.drafts.map((d): [string, () => Outcome<string>] => [d.key, () => this.sendDraft(d.draftId)]),
    ];
    for (const [key, run] of items) {
      const mode = this.takeFault('send', key);
      let outcome: Outcome<string>;
      if (mode === 'refused' || mode === 'throttled' || mode === 'droppedBeforeArrival') outcome = faultFailure(mode);
      else if (mode === 'lostAnswer') {
        run();
        outcome = faultFailure(mode);
      } else if (mode === 'resent') {
        run();
        outcome = run();
      } else outcome = run();
      out.set(key, outcome);
      onItem?.(key, outcome);
    }
    return out;
  }

  async look(request: { chats: ChatToLook[]; mails: MailToLook[]; deliveryId: string; thorough?: boolean }): Promise<{
    chats: Map<string, Outcome<string[]>>;
    mails: Map<string, Outcome<MailFate>>;
  }> {
    this.calls.push({ method: 'look', keys: [...request.chats, ...request.mails].map((c) => c.key) });
    const chats = new Map<string, Outcome<string[]>>();
    for (const { key, chatId } of request.chats) {
      const mode = this.takeFault('look', key);
      if (mode) {
        chats.set(key, faultFailure(mode));
        continue;
      }
      const found = (this.chats.get(chatId)?.messages ?? []).filter(
        (m) =>
          !m.deleted &&
          (m.html.includes(request.deliveryId) || m.attachments.some((a) => a.includes(request.deliveryId))),
      );
      chats.set(key, success(found.map((m) => m.id)));
    }
    const mails = new Map<string, Outcome<MailFate>>();
    for (const { key, draftId } of request.mails) {
      const mode = this.takeFault('look', key);
      if (mode) {
        mails.set(key, faultFailure(mode));
        continue;
      }
      const mark = mailMark(request.deliveryId, key);
      const candidates =
        draftId !== null
          ? [this.drafts.get(draftId)].filter((d): d is Draft => d !== undefined)
          : [...this.drafts.values()].filter((d) => d.mark === mark);
      const sent = candidates.find((d) => d.sent);
      const draft = candidates.find((d) => !d.sent);
      const fate: MailFate = sent
        ? { state: 'sent', id: sent.id }
        : draft
          ? { state: 'draft', id: draft.id }
          : { state: 'none' };
      const keep = sent ?? draft;
      const spare = [...this.drafts.values()].filter((d) => d.mark === mark && !d.sent && d !== keep).map((d) => d.id);
      mails.set(key, success({ ...fate, spare }));
    }
    return { chats, mails };
  }

  async removeCopies(copies: CopyToRemove[]): Promise<Map<string, Outcome<void>>> {
    this.calls.push({ method: 'removeCopies', keys: copies.map((c) => c.key) });
    const out = new Map<string, Outcome<void>>();
    for (const copy of copies) {
      const message = this.chats.get(copy.chatId)?.messages.find((m) => m.id === copy.messageId);
      if (message) message.deleted = true;
      out.set(copy.messageId, message ? success(undefined) : failure('notFound', 'NotFound', 'No such message', 404));
    }
    return out;
  }

  async discardDrafts(draftIds: string[]): Promise<void> {
    this.calls.push({ method: 'discardDrafts', keys: draftIds });
    for (const id of draftIds) if (!this.drafts.get(id)?.sent) this.drafts.delete(id);
  }
}
