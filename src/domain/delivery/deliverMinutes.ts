/**
 * Send the minutes (send referat): the pipeline, after Company Communicator's send function.
 *
 * 1. Cheap checks first, nothing sent if any fails: the plan loads, the meeting exists, the consent holds
 *    (planDelivery), no minutes text breaks the privacy rules at the card's detail level, the deep link clears.
 * 2. Recipients already `sent` are left alone. For those whose earlier fate is `unknown`, look in their chat for
 *    the delivery id first: found means sent, not found means send.
 * 3. Find or create the 1:1 chats in one batch (idempotent: Graph returns the existing chat).
 * 4. Render each message (the renderer is injected: src/cards builds it; the domain does not import it), with the
 *    delivery id as a marker inside, and pass it through the privacy guard with its readers.
 * 5. Write the delivery record with If-Match BEFORE sending, every recipient about to be sent marked `unknown`: if
 *    the tab dies mid-send, the next try looks before it sends. A conflict here restarts from step 1, since nothing
 *    has left yet.
 * 6. Post the chat messages and send the e-mails (both batched by the transport, side by side).
 * 7. Write each outcome back; on a conflict reload and merge only the delivery statuses, a bounded number of times.
 *
 * Results are values: a per-recipient report with the reason for every one who did not get the minutes. Retries of
 * single requests live in the Graph adapter; a whole delivery is retried by calling this again ("Prøv igen").
 */
import type { LinkTarget } from '../links/planLink';
import { planDeepLink } from '../links/planLink';
import type { Delivery, Meeting, Participant, Plan, RecipientDelivery } from '../plan/planDocument';
import type { TenantPolicy } from '../policy';
import type { Clock } from '../ports/clock';
import type { ChatMessageToPost, MailToSend, MinutesTransport } from '../ports/minutesTransport';
import type { Failure, Outcome } from '../ports/outcome';
import type { PlanStore, StoredPlan } from '../ports/planStore';
import type { Lang, Problem } from '../problems';
import type { Cleared } from '../privacy/cleared';
import { clearChatMessage, clearMail, type PrivacyContext } from '../privacy/privacyGuard';
import { copenhagenDate } from '../time/danishTime';
import { planDelivery, type CardDetail, type DeliveryTarget } from './deliveryPlan';
import { failureText, mayHaveArrived, mergeRecipients, withDelivery } from './deliveryRecord';
import {
  blockedProblem,
  busyProblem,
  failedProblem,
  linkProblem,
  meetingChatSummaryOnly,
  meetingNotFound,
  storeProblem,
  unknownChatProblem,
  unknownMailProblem,
} from './deliveryProblems';
import { minutesPrivacyProblems } from './minutesPrivacyCheck';

/** What the renderer is asked for: one message for one target. */
export interface RenderRequest {
  plan: Plan;
  /** The meeting with the minutes being delivered (the snapshot of the first attempt, on a retry). */
  meeting: Meeting;
  channel: 'chat' | 'email' | 'meetingChat';
  /** The reader of a 1:1 chat or e-mail (their own tasks first); null for the meeting chat. */
  recipient: Participant | null;
  detail: CardDetail;
  lang: Lang;
  /** The deep link into the plan, already cleared by the privacy guard. */
  planUrl: string;
  /** Must appear verbatim in the message (card or e-mail), so a later retry can find it. */
  deliveryMarker: string;
  /** Participant ids who are members of the chat and may be @mentioned; null for e-mail. */
  chatMembers: string[] | null;
}

export type RenderedChat = Omit<ChatMessageToPost, 'key' | 'chatId'>;
export type RenderedMail = Pick<MailToSend, 'subject' | 'html'>;
export type Rendered = { kind: 'chat'; message: RenderedChat } | { kind: 'mail'; mail: RenderedMail };

/** Builds a message; the composition root wires src/cards in (buildMinutesMessage / buildMinutesEmail). */
export type RenderMinutes = (request: RenderRequest) => Rendered;

export interface DeliveryDeps {
  planStore: PlanStore;
  transport: MinutesTransport;
  clock: Clock;
  render: RenderMinutes;
  policy: TenantPolicy;
  /** Where the card's "open the plan" link points. */
  link: LinkTarget;
  /** A fresh delivery id (letters, digits and `.:-` only). Default: a random UUID. */
  newDeliveryId?: () => string;
}

export interface DeliveryOptions {
  /** Default: the plan's last meeting. */
  meetingId?: string;
  /** The signed-in user, when they are a participant: they get no copy of their own send. */
  senderParticipantId?: string | null;
  lang?: Lang;
  /** Only these keys (participant ids, or MEETING_CHAT_KEY); default every one not yet sent. */
  only?: readonly string[];
  /**
   * Send again to e-mail recipients whose earlier fate is unknown. Off by default: a sent mail cannot be looked
   * for like a chat message, so re-sending is the user's choice, never silent.
   */
  resendUnknownMail?: boolean;
  /** Attempts at writing the record when others save the plan at the same time. Default 4. */
  maxSaveAttempts?: number;
  /**
   * The plan and its eTag as the caller already holds them (the meeting surface has both): the pipeline starts
   * from it instead of reading the plan again. A stale one costs nothing but a reload: the write-ahead record is
   * written with its eTag, a conflict reloads the plan and starts over, and nothing is sent before that write.
   */
  known?: StoredPlan;
  /**
   * Live progress: called with every recipient's current report each time a status changes — first after the
   * write-ahead record (those about to be sent show `unknown`, i.e. "sender…"), then as each answer arrives.
   * The same shape as the final result's `recipients`.
   */
  onProgress?: (recipients: readonly RecipientReport[]) => void;
}

export interface RecipientReport {
  key: string;
  participantId: string | null;
  /** The participant's name, or "Mødechatten". */
  name: string;
  channel: RecipientDelivery['channel'];
  status: RecipientDelivery['status'];
  /** Why this recipient did not get the minutes (or may not have); null when sent. */
  problem: Problem | null;
  /** Throttled: when trying again makes sense. */
  retryAfterMs: number | null;
}

export type DeliveryResult =
  /** Nothing was sent: the consent, the privacy rules or the plan stopped it. */
  | { outcome: 'blocked'; problems: Problem[] }
  /** Nothing was sent: the plan could not be read or the record could not be written. */
  | { outcome: 'failed'; failure: Failure; problems: Problem[] }
  | {
      outcome: 'delivered' | 'partial';
      deliveryId: string;
      recipients: RecipientReport[];
      /** False when the outcomes could not be written back; a retry still sends nobody anything twice. */
      saved: boolean;
      problems: Problem[];
    };

const DEFAULT_SAVE_ATTEMPTS = 4;

const defaultDeliveryId = (): string => `tovholder-${globalThis.crypto.randomUUID()}`;

// ---- The pipeline. ----

interface Work {
  target: Exclude<DeliveryTarget, { channel: 'none' }>;
  record: RecipientDelivery;
  problem: Problem | null;
  retryAfterMs: number | null;
}

const nameOf = (target: DeliveryTarget): string => {
  if (target.channel === 'meetingChat') return 'Mødechatten';
  if (target.channel === 'none') return target.participant?.name ?? 'Mødechatten';
  return target.participant.name;
};

const newRecord = (key: string, channel: RecipientDelivery['channel'], chatId: string | null): RecipientDelivery => ({
  participantId: key,
  channel,
  status: 'pending',
  chatId,
  messageId: null,
  error: null,
  at: null,
});

type Attempt = { kind: 'result'; result: DeliveryResult } | { kind: 'restart' };

const findMeeting = (plan: Plan, meetingId: string | undefined): Meeting | null =>
  (meetingId === undefined ? plan.meetings[plan.meetings.length - 1] : plan.meetings.find((m) => m.id === meetingId)) ??
  null;

/** Saves the outcomes, merging only delivery statuses into whatever others saved meanwhile. */
const saveOutcomes = async (
  deps: DeliveryDeps,
  stored: StoredPlan,
  meetingId: string,
  delivery: Delivery,
  touched: ReadonlySet<string>,
  attempts: number,
): Promise<boolean> => {
  let base = stored;
  for (let attempt = 0; attempt < attempts; attempt += 1) {
    const current = base.plan.meetings.find((m) => m.id === meetingId)?.delivery ?? null;
    const merged: Delivery =
      current && current.deliveryId === delivery.deliveryId
        ? { ...current, recipients: mergeRecipients(current.recipients, delivery.recipients, touched) }
        : delivery;
    const saved = await deps.planStore.save(withDelivery(base.plan, meetingId, merged, deps.clock.now()), base.eTag);
    if (saved.ok) return true;
    if (saved.kind !== 'conflict') return false;
    base = saved.current;
  }
  return false;
};

const attemptDelivery = async (deps: DeliveryDeps, planId: string, options: DeliveryOptions): Promise<Attempt> => {
  const { planStore, transport, clock, render, policy } = deps;
  const lang = options.lang ?? 'da';
  const loaded = await planStore.load(planId);
  if (!loaded.ok)
    return { kind: 'result', result: { outcome: 'failed', failure: loaded, problems: [storeProblem(loaded)] } };
  const { plan, eTag } = loaded.value;
  const found = findMeeting(plan, options.meetingId);
  if (!found) return { kind: 'result', result: { outcome: 'blocked', problems: [meetingNotFound(options.meetingId)] } };

  // 1. Cheap checks.
  const now = clock.now();
  const today = copenhagenDate(now);
  const ctx: PrivacyContext = { plan, policy, today };
  const sender = options.senderParticipantId ?? null;
  const deliveryPlan = planDelivery(plan, found, today, policy, sender);
  if (!deliveryPlan.ok) return { kind: 'result', result: { outcome: 'blocked', problems: deliveryPlan.problems } };
  const existing = found.delivery;
  // A retry sends the minutes exactly as the first attempt did, so everyone reads the same version.
  const meeting: Meeting = existing?.sentMinutes ? { ...found, minutes: existing.sentMinutes } : found;
  const textProblems = minutesPrivacyProblems(plan, meeting, policy.cardDetail);
  if (textProblems.length > 0) return { kind: 'result', result: { outcome: 'blocked', problems: textProblems } };
  const link = planDeepLink(deps.link, plan.id, ctx);
  if (!link.ok) return { kind: 'result', result: { outcome: 'blocked', problems: [linkProblem(link)] } };

  // The meeting chat shows the summary whatever the policy; under `full` its texts need their own check.
  const summaryProblems = policy.cardDetail === 'summary' ? [] : minutesPrivacyProblems(plan, meeting, 'summary');
  const targets = deliveryPlan.targets.map((t): DeliveryTarget => {
    const first = summaryProblems[0];
    return t.channel === 'meetingChat' && first
      ? {
          key: t.key,
          readers: t.readers,
          detail: t.detail,
          channel: 'none',
          participant: null,
          wouldUse: 'meetingChat',
          reason: meetingChatSummaryOnly(first),
        }
      : t;
  });

  const deliveryId = existing?.deliveryId ?? (deps.newDeliveryId ?? defaultDeliveryId)();
  const records = new Map((existing?.recipients ?? []).map((r) => [r.participantId, r]));
  const only = options.only ? new Set(options.only) : null;
  const skipped: { target: Extract<DeliveryTarget, { channel: 'none' }>; record: RecipientDelivery }[] = [];
  const work: Work[] = [];
  for (const target of targets) {
    const previous = records.get(target.key);
    if (target.channel === 'none') {
      // A recipient who has (or may have) the minutes keeps that status; the reason still shows.
      const keep = previous && (previous.status === 'sent' || previous.status === 'unknown');
      const record: RecipientDelivery = keep
        ? previous
        : {
            ...newRecord(target.key, target.wouldUse, previous?.chatId ?? null),
            status: 'skipped',
            error: target.reason.message.da,
          };
      records.set(target.key, record);
      skipped.push({ target, record });
      continue;
    }
    const chatId =
      target.channel === 'meetingChat' ? target.chatId : target.channel === 'chat' ? (previous?.chatId ?? null) : null;
    const fresh =
      !previous ||
      previous.status === 'skipped' ||
      (previous.channel !== target.channel && previous.status !== 'sent' && previous.status !== 'unknown');
    const record = fresh ? newRecord(target.key, target.channel, chatId) : previous;
    records.set(target.key, record);
    work.push({ target, record, problem: null, retryAfterMs: null });
  }

  const selected = work.filter((w) => w.record.status !== 'sent' && (only === null || only.has(w.target.key)));
  const set = (w: Work, change: Partial<RecipientDelivery>) => {
    w.record = { ...w.record, ...change };
    records.set(w.target.key, w.record);
  };

  // 2. Resolve earlier unknown outcomes before sending anything again.
  const toSend: Work[] = [];
  await Promise.all(
    selected.map(async (w) => {
      if (w.record.status !== 'unknown') return void toSend.push(w);
      if (w.target.channel === 'email') {
        if (options.resendUnknownMail) toSend.push(w);
        else w.problem = unknownMailProblem(w.target.key, nameOf(w.target));
        return;
      }
      if (w.record.chatId === null) return void toSend.push(w);
      const look = await transport.findMessageWithMarker(w.record.chatId, deliveryId);
      if (!look.ok) {
        w.problem = unknownChatProblem(w.target.key, nameOf(w.target));
        return;
      }
      if (look.value !== null) set(w, { status: 'sent', messageId: look.value, error: null, at: now.toISOString() });
      else toSend.push(w);
    }),
  );

  // 3. The 1:1 chats, in one batch.
  const needChat = toSend.filter(
    (w): w is Work & { target: Extract<DeliveryTarget, { channel: 'chat' }> } =>
      w.target.channel === 'chat' && w.record.chatId === null,
  );
  if (needChat.length > 0) {
    const chats = await transport.ensureChats(needChat.map((w) => w.target.partner));
    for (const w of needChat) {
      const chat: Outcome<string> | undefined = chats.get(w.target.key);
      if (chat?.ok) set(w, { chatId: chat.value });
      else {
        const failure: Failure = chat ?? {
          ok: false,
          kind: 'failed',
          status: null,
          code: 'noAnswer',
          message: 'Intet svar',
        };
        set(w, { status: 'failed', error: failureText(failure), at: now.toISOString() });
        w.problem = failedProblem(w.target.key, nameOf(w.target), failure);
        w.retryAfterMs = failure.retryAfterMs ?? null;
      }
    }
  }

  // 4. Render and clear each message (those whose chat could not be opened are already marked failed).
  const chatMembersOf = (target: Work['target']): string[] | null => {
    if (target.channel === 'email') return null;
    if (target.channel === 'meetingChat') return target.readers;
    return sender ? [sender, target.key] : [target.key];
  };
  const messages: { w: Work; message: Cleared<ChatMessageToPost> }[] = [];
  const mails: { w: Work; mail: Cleared<MailToSend> }[] = [];
  for (const w of toSend.filter((x) => x.problem === null)) {
    const { target } = w;
    const rendered = render({
      plan,
      meeting,
      channel: target.channel,
      recipient: target.channel === 'meetingChat' ? null : target.participant,
      detail: target.detail,
      lang,
      planUrl: link.value,
      deliveryMarker: deliveryId,
      chatMembers: chatMembersOf(target),
    });
    const guardCtx: PrivacyContext = { ...ctx, policy: { ...policy, cardDetail: target.detail } };
    if (target.channel === 'email') {
      if (rendered.kind !== 'mail') throw new Error(`Renderer gave a ${rendered.kind} for an e-mail recipient`);
      const verdict = clearMail({ key: target.key, to: [target.address], ...rendered.mail }, guardCtx, target.readers);
      if (verdict.verdict === 'blocked') {
        w.problem = blockedProblem(target.key, verdict.reasons);
        set(w, { status: 'failed', error: w.problem.message.da, at: now.toISOString() });
      } else mails.push({ w, mail: verdict.cleared });
    } else {
      if (rendered.kind !== 'chat') throw new Error(`Renderer gave a ${rendered.kind} for a chat recipient`);
      const chatId = w.record.chatId;
      if (chatId === null) throw new Error(`No chat id for ${target.key} after ensureChats`);
      const verdict = clearChatMessage({ key: target.key, chatId, ...rendered.message }, guardCtx, target.readers);
      if (verdict.verdict === 'blocked') {
        w.problem = blockedProblem(target.key, verdict.reasons);
        set(w, { status: 'failed', error: w.problem.message.da, at: now.toISOString() });
      } else messages.push({ w, message: verdict.cleared });
    }
  }

  // 5. Write the record before anything leaves: what is about to be sent is `unknown` until confirmed.
  for (const { w } of [...messages, ...mails]) set(w, { status: 'unknown', error: null, at: now.toISOString() });
  const recordOf = (): Delivery => ({
    deliveryId,
    startedAt: existing?.startedAt ?? now.toISOString(),
    recipients: [...records.values()],
    sentMinutes: meeting.minutes,
  });
  const ahead = await planStore.save(withDelivery(plan, meeting.id, recordOf(), clock.now()), eTag);
  if (!ahead.ok) {
    if (ahead.kind === 'conflict') return { kind: 'restart' };
    return { kind: 'result', result: { outcome: 'failed', failure: ahead, problems: [storeProblem(ahead)] } };
  }

  const touched = new Set(selected.map((w) => w.target.key));
  const report = (saved: boolean): Attempt => ({ kind: 'result', result: reportOf(deliveryId, work, skipped, saved) });
  if (messages.length === 0 && mails.length === 0) return report(true);

  // 6. Send: chats and mails side by side.
  const [posted, mailed] = await Promise.all([
    messages.length > 0 ? transport.postMessages(messages.map((m) => m.message)) : new Map<string, Outcome<string>>(),
    mails.length > 0 ? transport.sendMails(mails.map((m) => m.mail)) : new Map<string, Outcome<void>>(),
  ]);
  const sentAt = clock.now().toISOString();
  const settle = (w: Work, outcome: Outcome<string> | Outcome<void> | undefined) => {
    if (outcome?.ok) {
      set(w, {
        status: 'sent',
        messageId: typeof outcome.value === 'string' ? outcome.value : null,
        error: null,
        at: sentAt,
      });
      return;
    }
    const failure: Failure = outcome ?? {
      ok: false,
      kind: 'failed',
      status: null,
      code: 'unknownOutcome',
      message: 'Intet svar',
    };
    if (mayHaveArrived(failure)) {
      set(w, { status: 'unknown', error: failureText(failure), at: sentAt });
      w.problem =
        w.target.channel === 'email'
          ? unknownMailProblem(w.target.key, nameOf(w.target))
          : unknownChatProblem(w.target.key, nameOf(w.target));
    } else {
      set(w, { status: 'failed', error: failureText(failure), at: sentAt });
      w.problem = failedProblem(w.target.key, nameOf(w.target), failure);
      w.retryAfterMs = failure.retryAfterMs ?? null;
    }
  };
  for (const { w } of messages) settle(w, posted.get(w.target.key));
  for (const { w } of mails) settle(w, mailed.get(w.target.key));

  // 7. Write the outcomes back.
  const attempts = options.maxSaveAttempts ?? DEFAULT_SAVE_ATTEMPTS;
  return report(await saveOutcomes(deps, ahead.value, meeting.id, recordOf(), touched, attempts));
};

const reportOf = (
  deliveryId: string,
  work: readonly Work[],
  skipped: readonly { target: Extract<DeliveryTarget, { channel: 'none' }>; record: RecipientDelivery }[],
  saved: boolean,
): DeliveryResult => {
  const recipients: RecipientReport[] = [
    ...work.map((w) => ({
      key: w.target.key,
      participantId: w.target.channel === 'meetingChat' ? null : w.target.key,
      name: nameOf(w.target),
      channel: w.record.channel,
      status: w.record.status,
      problem: w.record.status === 'sent' ? null : w.problem,
      retryAfterMs: w.retryAfterMs,
    })),
    ...skipped.map(({ target, record }) => ({
      key: target.key,
      participantId: target.participant?.id ?? null,
      name: nameOf(target),
      channel: record.channel,
      status: record.status,
      problem: record.status === 'sent' ? null : target.reason,
      retryAfterMs: null,
    })),
  ];
  return {
    outcome: work.every((w) => w.record.status === 'sent') ? 'delivered' : 'partial',
    deliveryId,
    recipients,
    saved,
    problems: recipients.flatMap((r) => (r.problem ? [r.problem] : [])),
  };
};

/** Sends the minutes of a meeting (default the plan's last) to everyone the delivery plan names. */
export const deliverMinutes = async (
  deps: DeliveryDeps,
  planId: string,
  options: DeliveryOptions = {},
): Promise<DeliveryResult> => {
  const attempts = options.maxSaveAttempts ?? DEFAULT_SAVE_ATTEMPTS;
  for (let attempt = 0; attempt < attempts; attempt += 1) {
    const result = await attemptDelivery(deps, planId, options);
    if (result.kind === 'result') return result.result;
  }
  return { outcome: 'blocked', problems: [busyProblem] };
};
