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

export interface MailToSend {
  key: string;
  to: { email: string; name: string }[];
  subject: string;
  html: string;
}

/** Transport for the minutes: chats and mail through Graph, batched. Results per key. */
export interface MinutesTransport {
  /** Create or find 1:1 chats with the signed-in user. */
  ensureChats(partners: ChatPartner[]): Promise<Map<string, Outcome<string>>>;
  postMessages(messages: Cleared<ChatMessageToPost>[]): Promise<Map<string, Outcome<string>>>;
  /** Look in a chat for a message carrying this delivery id (to resolve an unknown earlier outcome). */
  findMessageWithMarker(chatId: string, marker: string): Promise<Outcome<string | null>>;
  sendMails(mails: Cleared<MailToSend>[]): Promise<Map<string, Outcome<void>>>;
}
