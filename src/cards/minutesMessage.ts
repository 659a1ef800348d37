/**
 * The chat message that carries the minutes card: an HTML body that @mentions each effort owner and the next
 * tovholder who is a Teams user (a mention in the body is what notifies them; names inside a card notify nobody),
 * names everyone else in plain text, and points at the card attachment. The whole message is fitted to Teams'
 * 28 KB limit by shrinking the card.
 */
import type { Participant } from '../domain/plan/planDocument';
import type { ChatMessageToPost, Mention } from '../domain/ports/minutesTransport';
import { ADAPTIVE_CARD_CONTENT_TYPE, type AdaptiveCard } from './adaptiveCard';
import { cardText } from './cardText';
import { fitToSize, MESSAGE_LIMIT_BYTES, utf8Bytes } from './fitToSize';
import { escapeHtml } from './htmlEscape';
import { buildMinutesCard, type CardLayout, type MinutesCardOptions } from './minutesCard';
import { participantName, type MinutesInput } from './minutesView';
import { formatDate, copenhagenDate } from '../domain/time/danishTime';

/** The message without its destination: the delivery pipeline adds `key` and `chatId`. */
export type MinutesChatMessage = Omit<ChatMessageToPost, 'key' | 'chatId'>;

export interface BuiltMinutesMessage {
  message: MinutesChatMessage;
  /** The card inside the attachment, as an object (for previews and tests). */
  card: AdaptiveCard;
  /** How far the card had to shrink; `layout.shortened` is true when it says so. */
  layout: CardLayout;
  /** Size of the Graph request body for this message, in bytes. */
  bytes: number;
}

export interface MinutesMessageOptions extends Omit<MinutesCardOptions, 'layout'> {
  /**
   * Participants who may be @mentioned in the chat this message goes to; the others are named in plain text.
   * Default: everyone who is a Teams user. For a 1:1 chat pass the chat's members (a mention of someone outside
   * the chat notifies nobody).
   */
  mentionable?: ReadonlySet<string> | null;
  /** Attachment id inside the message (any string unique within it). */
  attachmentId?: string;
  limitBytes?: number;
}

export const DEFAULT_ATTACHMENT_ID = 'tovholder-minutes-card';

/**
 * The JSON body of POST /chats/{id}/messages for a message: what Graph receives, and so what the limit counts. The
 * Graph transport sends exactly this, so the bytes measured are the bytes sent.
 */
export interface GraphChatMessageBody {
  body: { contentType: 'html'; content: string };
  attachments: { id: string; contentType: typeof ADAPTIVE_CARD_CONTENT_TYPE; content: string }[];
  mentions: {
    id: number;
    mentionText: string;
    mentioned: {
      user: {
        id: string;
        displayName: string;
        /**
         * Always `aadUser`: a Teams user of another organisation (Region Midtsjælland) is still an Entra user, in
         * their home tenant, which `tenantId` names (teamworkUserIdentity: "Identifier of tenant, which user is part
         * of"). `federatedUser` is another identity kind, not used for these users; the sandbox refuses it with 400.
         */
        userIdentityType: 'aadUser';
        /** The home tenant of a user from another tenant; absent for our own users. */
        tenantId?: string;
      };
    };
  }[];
}

export const toGraphChatMessage = (message: MinutesChatMessage): GraphChatMessageBody => ({
  body: { contentType: 'html', content: message.html },
  attachments: message.attachments.map((a) => ({ id: a.id, contentType: a.contentType, content: a.content })),
  mentions: message.mentions.map((m) => ({
    id: m.id,
    mentionText: m.text,
    mentioned: {
      user: {
        id: m.userId,
        displayName: m.text,
        userIdentityType: 'aadUser',
        ...(m.tenantId !== null ? { tenantId: m.tenantId } : {}),
      },
    },
  })),
});

/** Bytes Graph receives for this message. */
export const messageBytes = (message: MinutesChatMessage): number =>
  utf8Bytes(JSON.stringify(toGraphChatMessage(message)));

const isTeamsUser = (p: Participant): p is Participant & { userId: string } =>
  p.userId !== null && p.userId !== '' && p.reach !== 'emailOnly';

interface Body {
  html: string;
  mentions: Mention[];
}

/** The HTML body: who must convene next, and who has tasks, each Teams user @mentioned once. */
const messageBody = ({ plan, meeting }: MinutesInput, options: MinutesMessageOptions, attachmentId: string): Body => {
  const text = cardText[options.lang];
  const byId = new Map(plan.participants.map((p) => [p.id, p]));
  const mentions: Mention[] = [];
  const mentioned = new Set<string>();
  // Under summary the citizen and relatives are never named, and so never mentioned (a mention shows the name).
  const mayMention = (p: Participant) =>
    isTeamsUser(p) &&
    (options.detail === 'full' || (p.sector !== 'borger' && p.sector !== 'paaroerende')) &&
    (options.mentionable == null || options.mentionable.has(p.id));

  const person = (id: string): string | null => {
    const p = byId.get(id);
    if (!p) return null;
    const name = participantName(p, options.detail, text);
    if (!mayMention(p) || mentioned.has(p.id) || !isTeamsUser(p)) return escapeHtml(name);
    mentioned.add(p.id);
    const mention: Mention = {
      id: mentions.length,
      text: name,
      userId: p.userId,
      tenantId: p.reach === 'federated' ? p.tenantId : null,
    };
    mentions.push(mention);
    return `<at id="${mention.id}">${escapeHtml(name)}</at>`;
  };

  const minutes = meeting.minutes;
  const paragraphs = [
    escapeHtml(text.chatIntro(plan.caseReference, formatDate(copenhagenDate(new Date(meeting.start)), options.lang))),
  ];
  const tovholder = minutes.nextTovholderId === null ? null : person(minutes.nextTovholderId);
  if (tovholder !== null) {
    const by = minutes.nextMeetingBy ? formatDate(minutes.nextMeetingBy, options.lang) : text.nextMeetingMissing;
    paragraphs.push(`${escapeHtml(text.chatNextTovholder(by))}: ${tovholder}`);
  }
  const ownerIds = [...new Set(minutes.efforts.flatMap((e) => (e.ownerId === null ? [] : [e.ownerId])))];
  const owners = ownerIds.flatMap((id) => {
    const named = person(id);
    return named === null ? [] : [named];
  });
  if (owners.length > 0) paragraphs.push(`${escapeHtml(text.chatOwners)}: ${owners.join(', ')}`);

  return {
    html: `${paragraphs.map((p) => `<p>${p}</p>`).join('')}<attachment id="${escapeHtml(attachmentId)}"></attachment>`,
    mentions,
  };
};

/** The minutes as one chat message, shrunk as far as needed to stay within the limit. Never throws for size. */
export const buildMinutesMessage = (input: MinutesInput, options: MinutesMessageOptions): BuiltMinutesMessage => {
  const attachmentId = options.attachmentId ?? DEFAULT_ATTACHMENT_ID;
  const limit = options.limitBytes ?? MESSAGE_LIMIT_BYTES;
  const body = messageBody(input, options, attachmentId);
  const assemble = (layout: CardLayout) => {
    const card = buildMinutesCard(input, { ...options, layout });
    const message: MinutesChatMessage = {
      html: body.html,
      attachments: [{ id: attachmentId, contentType: ADAPTIVE_CARD_CONTENT_TYPE, content: JSON.stringify(card) }],
      mentions: body.mentions,
    };
    return { card, message };
  };
  const fitted = fitToSize(assemble, ({ message }) => messageBytes(message), limit);
  return { message: fitted.value.message, card: fitted.value.card, layout: fitted.layout, bytes: fitted.bytes };
};
