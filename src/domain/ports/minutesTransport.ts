import type { Cleared } from '../privacy/cleared';
import type { Outcome } from './outcome';

/** A Teams user to open a 1:1 chat with (federated users carry their home tenant id). */
export interface ChatPartner {
  key: string;
  userId: string;
  tenantId: string | null;
}

export interface Mention {
  id: number;
  text: string;
  userId: string;
  tenantId: string | null;
}

export interface ChatMessageToPost {
  key: string;
  chatId: string;
  /** HTML body with `<attachment id="…"></attachment>` markers and `<at id="n">` mentions. */
  html: string;
  attachments: { id: string; contentType: 'application/vnd.microsoft.card.adaptive'; content: string }[];
  mentions: Mention[];
}

/**
 * How an e-mail is protected on its way, as the privacy guard decided for its reader (privacyGuard.ts ›
 * mailDecision): the minutes for the tenant's Purview rule to encrypt, the minutes over the enforced-TLS connector
 * to a partner domain, or only the notice that there are new minutes (nothing about the citizen).
 */
export type MailMark = 'purview' | 'tls' | 'notice';

/**
 * The Internet message header every e-mail of the app carries, with its `MailMark` as the value. The tenant's
 * mail-flow rule catches `purview` and applies Microsoft Purview Message Encryption (README › "Beskyttet e-mail").
 * Graph takes custom headers only on create and only when named `x-…`.
 */
export const MAIL_PROTECTION_HEADER = 'X-Tovholder-Protection';

export interface MailToSend {
  key: string;
  to: { email: string; name: string }[];
  subject: string;
  html: string;
  mark: MailMark;
}

/** An e-mail already created as a draft in the sender's mailbox: sending it is one request with no body. */
export interface DraftToSend {
  key: string;
  draftId: string;
}

/** A chat to look in for the messages of one delivery. */
export interface ChatToLook {
  key: string;
  chatId: string;
}

/** An e-mail whose fate is to be found: by its draft id when known, otherwise by its mark (see `mailMark`). */
export interface MailToLook {
  key: string;
  draftId: string | null;
}

/**
 * What became of an e-mail of this delivery: sent (with its id), still a draft (not sent), or not there at all.
 * Looked up by its mark, `spare` lists the other unsent drafts with the same mark (a repeated create made them):
 * they will never be sent and may be discarded.
 */
export type MailFate = ({ state: 'sent'; id: string } | { state: 'draft'; id: string } | { state: 'none' }) & {
  spare?: string[];
};

/** A message to take back (soft delete): an extra copy the sender posted. */
export interface CopyToRemove {
  key: string;
  chatId: string;
  messageId: string;
}

/** Told as each item's outcome is known (a batch answer arrives, or a retried item settles). */
export type ItemSettled = (key: string, outcome: Outcome<string>) => void;

/**
 * The mark an e-mail draft carries (a hidden property of the message), so it can be found again whatever became
 * of the tab that made it: the delivery id and the recipient's key.
 */
export const mailMark = (deliveryId: string, key: string): string => `${deliveryId}:${key}`;

/**
 * Transport for the minutes: chats and mail through Graph, batched, in rounds. Results per key.
 *
 * Nothing here may send anybody the minutes twice when a request is repeated behind the app's back (a browser
 * resends a POST on a dropped keep-alive connection): creating chats and drafts reaches nobody, sending a draft
 * twice fails the second time, and extra chat copies are found by `look` and taken back by `removeCopies`.
 */
export interface MinutesTransport {
  /**
   * Round 1 (one $batch): create or find the 1:1 chats with the signed-in user, and create each e-mail as an
   * unsent draft marked with `mailMark(deliveryId, key)`. Chat id and draft id per key.
   */
  prepare(request: { partners: ChatPartner[]; mails: Cleared<MailToSend>[]; deliveryId: string }): Promise<{
    chats: Map<string, Outcome<string>>;
    drafts: Map<string, Outcome<string>>;
  }>;
  /**
   * Round 2 (one $batch): post the chat messages and send the drafts. The posted message's id, or the draft's
   * id once sent, per key; `onItem` hears each one as soon as it is known.
   */
  send(
    request: { messages: Cleared<ChatMessageToPost>[]; drafts: DraftToSend[] },
    onItem?: ItemSettled,
  ): Promise<Map<string, Outcome<string>>>;
  /**
   * Round 3, and before sending again after an unknown outcome (one $batch): per chat, the ids of the messages
   * carrying `deliveryId`, oldest first (taken-back messages left out); per e-mail, its fate. `thorough` looks
   * further back in each chat (after a reload, others may have written since).
   */
  look(request: { chats: ChatToLook[]; mails: MailToLook[]; deliveryId: string; thorough?: boolean }): Promise<{
    chats: Map<string, Outcome<string[]>>;
    mails: Map<string, Outcome<MailFate>>;
  }>;
  /** Soft-deletes extra copies of the sender's own messages (one $batch). */
  removeCopies(copies: CopyToRemove[]): Promise<Map<string, Outcome<void>>>;
  /** Deletes drafts that will never be sent (their delivery attempt started over). Best effort. */
  discardDrafts(draftIds: string[]): Promise<void>;
}
