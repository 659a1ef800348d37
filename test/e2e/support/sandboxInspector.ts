import { INDEX_NAME } from '../../../src/adapters/graph/graphPlanStore';
import { syncAccess } from '../../../src/domain/access/syncAccess';
import { parsePlanDocument } from '../../../src/domain/plan/migrations';
import { defaultPolicy } from '../../../src/domain/policy';
import { systemClock } from '../../../src/domain/ports/clock';
import { plansAs } from '../../support/planPorts';
import type { Plan } from '../../../src/domain/plan/planDocument';
import { cast } from '../../support/cast';
import type { RunningSandbox } from '../../support/sandboxProcess';

/**
 * What the sandbox shows about each demo person — their Teams chats, mailbox and calendar — read through its
 * inspection API (/_sandbox/*), plus fault injection and the plan documents in the drive. This is where the
 * journey checks what people really received, not what the app says it sent.
 */

/** Whose token the inspector's own Graph calls use when none is named: a koordinator in the home tenant. */
const LIBRARY_USER = cast.mette.upn;

export interface InspectedContainer {
  id: string;
  tenantId: string;
  displayName: string;
  permissions: { id: string; roles: string[]; userPrincipalName: string; displayName: string }[];
}

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

  /** The demo people (not their guest accounts in the other tenant). */
  async users(): Promise<DemoUser[]> {
    return (await this.tool<{ users: (Omit<DemoUser, 'kind'> & { kind: string })[] }>('/_sandbox/users')).users.filter(
      (u): u is DemoUser => u.kind === 'inTenant' || u.kind === 'federated' || u.kind === 'emailOnly',
    );
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

  /**
   * The stored plan document as text (what its container holds), or null when there is none: read through the
   * sandbox's inspection API, which sees every container whoever holds a role on it (as the viewer does).
   */
  async planText(planId: string): Promise<string | null> {
    const containerId = planId.split('~')[1];
    if (!containerId) return null;
    const response = await fetch(
      `${this.sandbox.origin}/_sandbox/containers/${encodeURIComponent(containerId)}/files/plan.json`,
    );
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
    if (text === null) throw new Error(`no plan document in the container of ${planId}`);
    const parsed = parsePlanDocument(JSON.parse(text));
    if (!parsed.ok) throw new Error(`plan ${planId} is not a valid plan document: ${parsed.problem.message.da}`);
    return parsed.plan;
  }

  /** Every plan container in the sandbox, with who holds which role on it (Microsoft 365's own list). */
  async containers(): Promise<InspectedContainer[]> {
    const response = await fetch(`${this.sandbox.origin}/_sandbox/containers`);
    if (!response.ok) throw new Error(`containers: ${response.status} ${await response.text()}`);
    return ((await response.json()) as { containers: InspectedContainer[] }).containers;
  }

  /** The plan ids in a user's index of other organisations' plans (empty when they have none yet). */
  async indexedPlans(upn: string): Promise<string[]> {
    const index = (await this.containers()).find(
      (c) =>
        c.displayName === INDEX_NAME &&
        c.permissions.some((p) => p.userPrincipalName.toLowerCase() === upn.toLowerCase()),
    );
    if (!index) return [];
    const response = await fetch(
      `${this.sandbox.origin}/_sandbox/containers/${encodeURIComponent(index.id)}/files/index.json`,
    );
    if (!response.ok) return [];
    return ((await response.json()) as { plans: { planId: string }[] }).plans.map((p) => p.planId);
  }

  /** The plan with this case reference (the only thing about a plan that may be seen outside it). */
  async planByCaseReference(caseReference: string): Promise<Plan> {
    for (const container of await this.containers()) {
      if (container.displayName !== caseReference) continue;
      const planId = `${container.tenantId}~${container.id}`;
      if ((await this.planText(planId)) !== null) return this.plan(planId);
    }
    throw new Error(`no plan with case reference ${caseReference} in the sandbox`);
  }

  /**
   * Arrange a test's starting point as the app would: the koordinator makes the plan's place, stores the plan
   * (a new file only) and gives each person the access the consent says. Returns the plan under its real id.
   */
  async createPlan(plan: Plan, koordinatorUpn: string): Promise<Plan> {
    const ports = plansAs(this.sandbox, koordinatorUpn, { legacy: false });
    const reserved = await ports.planStore.reserve(plan.caseReference);
    if (!reserved.ok) throw new Error(`no place for plan ${plan.caseReference}: ${reserved.message}`);
    const saved = await ports.planStore.save({ ...plan, id: reserved.value, access: null }, null);
    if (!saved.ok) throw new Error(`could not create plan ${plan.caseReference}: ${JSON.stringify(saved)}`);
    const me = plan.participants.find((p) => p.email === koordinatorUpn)?.id ?? null;
    const synced = await syncAccess(
      { store: ports.planStore, access: ports.planAccess, clock: systemClock, policy: defaultPolicy },
      saved.value,
      { me },
    );
    if (synced.outcome !== 'synced' && synced.outcome !== 'inSync')
      throw new Error(`access for plan ${plan.caseReference}: ${synced.outcome} ${JSON.stringify(synced.people)}`);
    return synced.stored.plan;
  }
}
