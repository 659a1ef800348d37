import { parsePlanDocument, serializePlan } from '../../../src/domain/plan/migrations';
import type { Plan } from '../../../src/domain/plan/planDocument';
import { cast } from '../../support/cast';
import type { RunningSandbox } from '../../support/sandboxProcess';

/**
 * What the sandbox shows about each demo person — their Teams chats, mailbox and calendar — read through its
 * inspection API (/_sandbox/*), plus fault injection and the plan documents in the drive. This is where the
 * journey checks what people really received, not what the app says it sent.
 */

const DRIVE = 'drive-tovholder';
const FOLDER = 'Tovholder/plans';
/** Who reads and writes plan documents for the tests: a koordinator in the home tenant, who may use the library. */
const LIBRARY_USER = cast.mette.upn;

export interface DemoUser {
  upn: string;
  id: string;
  name: string;
  mail: string;
  organisation: string;
  sector: string;
  tenantId: string | null;
  kind: 'inTenant' | 'federated' | 'emailOnly';
}

interface ChatMessage {
  id: string;
  from: { user: { id: string; displayName: string } | null } | null;
  body: { contentType: string; content: string };
  attachments: { id: string; contentType: string; content: string | null }[];
}

export interface InspectedChat {
  id: string;
  chatType: 'oneOnOne' | 'group' | 'meeting';
  topic: string | null;
  members: { userId: string; displayName: string }[];
  messages: ChatMessage[];
  tabs: { displayName: string; teamsAppId: string; configuration: { contentUrl: string | null } }[];
}

/** An Adaptive Card as one person holds it: in which chat, from whom, and the card itself. */
export interface HeldCard {
  chatType: InspectedChat['chatType'];
  chatId: string;
  from: string | null;
  card: AdaptiveCardJson;
  /** The card's text, top to bottom (every TextBlock and fact), for reading order checks. */
  text: string[];
}

export interface AdaptiveCardJson {
  type: 'AdaptiveCard';
  body: CardNode[];
  [key: string]: unknown;
}

export interface CardNode {
  type: string;
  text?: string;
  items?: CardNode[];
  columns?: CardNode[];
  facts?: { title: string; value: string }[];
  [key: string]: unknown;
}

export interface MailMessage {
  subject: string;
  folder: string;
  body: { contentType: string; content: string };
  from: { emailAddress: { address: string; name: string } };
  toRecipients: { emailAddress: { address: string } }[];
  /** The custom headers the message carries (X-Tovholder-Protection: what the tenant's mail flow does with it). */
  internetMessageHeaders?: { name: string; value: string }[];
  /** Set on invitations and cancellations only. */
  meetingMessageType?: string;
}

/** An e-mail of a minutes delivery about the case (the minutes or the notice of new minutes), not an invitation. */
export const isDeliveryMail = (caseReference: string) => (message: MailMessage) =>
  message.subject.includes(caseReference) && !message.meetingMessageType;

export interface CalendarEvent {
  id: string;
  subject: string;
  start: { dateTime: string; timeZone: string };
  end: { dateTime: string; timeZone: string };
  bodyPreview?: string;
  body?: { content: string };
  isCancelled?: boolean;
  onlineMeeting: { joinUrl: string } | null;
  attendees: { emailAddress: { address: string; name: string } }[];
}

export type FaultKind = '429' | '503' | '500' | '403' | 'slow' | 'drop' | 'dropAfter';

export interface FaultSpec {
  /** A regex matched against "METHOD /v1.0/path?query" (batch items too). */
  route: string;
  kind: FaultKind;
  count?: number;
  fraction?: number;
  retryAfterSeconds?: number;
  delayMs?: number;
}

/** Every text in a card, depth first: TextBlocks, fact titles and values, in reading order. */
export const cardText = (nodes: readonly CardNode[]): string[] =>
  nodes.flatMap((node) => [
    ...(typeof node.text === 'string' ? [node.text] : []),
    ...(node.facts ?? []).flatMap((f) => [f.title, f.value]),
    ...cardText(node.items ?? []),
    ...cardText(node.columns ?? []),
  ]);

export class SandboxInspector {
  private readonly tokens = new Map<string, string>();

  constructor(readonly sandbox: RunningSandbox) {}

  get origin(): string {
    return this.sandbox.origin;
  }

  private async tool<T>(path: string, init?: RequestInit): Promise<T> {
    const response = await fetch(`${this.origin}${path}`, init);
    if (!response.ok)
      throw new Error(`sandbox ${init?.method ?? 'GET'} ${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  }

  async users(): Promise<DemoUser[]> {
    return (await this.tool<{ users: DemoUser[] }>('/_sandbox/users')).users;
  }

  async user(upn: string): Promise<DemoUser> {
    const found = (await this.users()).find((u) => u.upn === upn);
    if (!found) throw new Error(`no demo user ${upn}`);
    return found;
  }

  async chatsOf(upn: string): Promise<InspectedChat[]> {
    return (await this.tool<{ chats: InspectedChat[] }>(`/_sandbox/chats?user=${encodeURIComponent(upn)}`)).chats;
  }

  /** Every Adaptive Card in the person's chats whose text mentions `about` (e.g. a case reference). */
  async cardsOf(upn: string, about: string): Promise<HeldCard[]> {
    const chats = await this.chatsOf(upn);
    return chats.flatMap((chat) =>
      chat.messages.flatMap((message) =>
        message.attachments
          .filter((a) => a.contentType === 'application/vnd.microsoft.card.adaptive' && a.content)
          .map((a) => JSON.parse(a.content ?? '{}') as AdaptiveCardJson)
          .filter((card) => JSON.stringify(card).includes(about))
          .map((card) => ({
            chatType: chat.chatType,
            chatId: chat.id,
            from: message.from?.user?.displayName ?? null,
            card,
            text: cardText(card.body),
          })),
      ),
    );
  }

  async mailboxOf(address: string): Promise<MailMessage[]> {
    return (await this.tool<{ messages: MailMessage[] }>(`/_sandbox/mailbox?user=${encodeURIComponent(address)}`))
      .messages;
  }

  async calendarOf(upn: string): Promise<CalendarEvent[]> {
    return (await this.tool<{ events: CalendarEvent[] }>(`/_sandbox/calendar?user=${encodeURIComponent(upn)}`)).events;
  }

  async injectFault(spec: FaultSpec): Promise<{ id: string }> {
    return this.tool('/_sandbox/faults', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(spec),
    });
  }

  async faults(): Promise<{ id: string; route: string; kind: string; fired: number; count: number | null }[]> {
    return (
      await this.tool<{ faults: { id: string; route: string; kind: string; fired: number; count: number | null }[] }>(
        '/_sandbox/faults',
      )
    ).faults;
  }

  async clearFaults(): Promise<void> {
    await this.tool('/_sandbox/faults', { method: 'DELETE' });
  }

  private async token(upn: string): Promise<string> {
    const known = this.tokens.get(upn);
    if (known) return known;
    const token = await this.sandbox.token(upn);
    this.tokens.set(upn, token);
    return token;
  }

  /** An attendee answers the invitation in their own calendar (Outlook's Accept / Decline). */
  async answerInvitation(
    upn: string,
    subject: string,
    answer: 'accept' | 'tentativelyAccept' | 'decline',
  ): Promise<void> {
    const event = (await this.calendarOf(upn)).find((e) => e.subject === subject && !e.isCancelled);
    if (!event) throw new Error(`${upn} has no invitation "${subject}"`);
    const response = await this.graph(
      `/me/events/${encodeURIComponent(event.id)}/${answer}`,
      { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ sendResponse: true }) },
      upn,
    );
    if (!response.ok)
      throw new Error(`${upn} could not ${answer} "${subject}": ${response.status} ${await response.text()}`);
  }

  private async graph(path: string, init: RequestInit = {}, upn: string = LIBRARY_USER): Promise<Response> {
    const token = await this.token(upn);
    return fetch(`${this.sandbox.graphUrl}${path}`, {
      ...init,
      headers: { Authorization: `Bearer ${token}`, ...(init.headers as Record<string, string> | undefined) },
    });
  }

  /** The stored plan document as text (what SharePoint holds), or null when there is none. */
  async planText(planId: string): Promise<string | null> {
    const response = await this.graph(`/drives/${DRIVE}/root:/${FOLDER}/${encodeURIComponent(planId)}.json:/content`);
    if (response.status === 404) return null;
    if (!response.ok) throw new Error(`plan ${planId}: ${response.status} ${await response.text()}`);
    return response.text();
  }

  /**
   * The stored plan, read the way the app reads it (parsePlanDocument: migrations, then the schema). Throws with
   * the domain's own message when the document is not a valid plan.
   */
  async plan(planId: string): Promise<Plan> {
    const text = await this.planText(planId);
    if (text === null) throw new Error(`no plan document ${planId}.json in the drive`);
    const parsed = parsePlanDocument(JSON.parse(text));
    if (!parsed.ok) throw new Error(`plan ${planId} is not a valid plan document: ${parsed.problem.message.da}`);
    return parsed.plan;
  }

  async planIds(): Promise<string[]> {
    const response = await this.graph(`/drives/${DRIVE}/root:/${FOLDER}:/children`);
    if (!response.ok) throw new Error(`plan list: ${response.status} ${await response.text()}`);
    const body = (await response.json()) as { value: { name: string }[] };
    return body.value.map((item) => item.name.replace(/\.json$/i, ''));
  }

  /** The plan with this case reference (the only thing about a plan that may be seen outside it). */
  async planByCaseReference(caseReference: string): Promise<Plan> {
    for (const id of await this.planIds()) {
      const plan = await this.plan(id);
      if (plan.caseReference === caseReference) return plan;
    }
    throw new Error(`no plan with case reference ${caseReference} in the drive`);
  }

  /** Arrange a test's starting point: write a plan document as the app would (a new file only). */
  async createPlan(plan: Plan): Promise<void> {
    const response = await this.graph(`/drives/${DRIVE}/root:/${FOLDER}/${encodeURIComponent(plan.id)}.json:/content`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json', 'If-None-Match': '*' },
      body: serializePlan(plan),
    });
    if (!response.ok) throw new Error(`could not create plan ${plan.id}: ${response.status} ${await response.text()}`);
  }
}
