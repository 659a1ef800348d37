/**
 * Send the minutes (send referat): the pipeline, after Company Communicator's send function.
 *
 * 1. Cheap checks first, nothing sent if any fails: the plan (the one in hand, `known`, or read) and the meeting,
 *    the consent (planDelivery), no minutes text breaking the privacy rules at the card's detail level, the link.
 * 2. Recipients already `sent` are left alone. For those whose earlier fate is `unknown`, look before sending:
 *    open their chat again if the record has no chat id (idempotent) and look in it for the delivery id; look for an
 *    e-mail by its mark when its draft id is not in the record. Found means sent (extra copies are taken back).
 * 3. Render and clear each e-mail through the privacy guard with its readers (the renderer is injected: src/cards
 *    builds it; the domain does not import it), with the delivery id as a marker inside.
 * 4. Round 1 and the write-ahead record SIDE BY SIDE: one $batch opens the 1:1 chats (Graph returns an existing
 *    one) and creates each e-mail as a draft — neither reaches anybody — while the delivery record is written with
 *    If-Match, every recipient about to be sent marked `unknown` ("sender…"): if the tab dies mid-send, the next
 *    try looks before it sends. A conflict on the record restarts from step 1 (the drafts are discarded), since
 *    nothing has left yet.
 * 5. Meanwhile, render the chat cards and clear each through the guard with its readers (the guard does not look at
 *    the chat id, which round 1 gives), so their CPU time hides behind the round trips.
 * 6. Round 2: one $batch posts the chat messages and sends the drafts; `onProgress` hears each answer.
 * 7. Round 3 and the final record write SIDE BY SIDE: every chat posted to is read back (newest first) for the
 *    delivery id. A browser resends a POST /$batch by itself when a keep-alive connection drops unanswered, so a
 *    chat may hold two copies: the oldest is kept as the receipt, the others are soft-deleted. An e-mail whose send
 *    did not answer 2xx is settled by its draft id (a draft sent twice is sent once), and every e-mail is found by
 *    its mark, so spare drafts a resent create left behind are discarded. Only if this changes a status is the
 *    record written again. Writes merge only the delivery statuses into what others saved meanwhile.
 *
 * Results are values: a per-recipient report with the reason for every one who did not get the minutes. Retries of
 * single requests live in the Graph adapter; a whole delivery is retried by calling this again ("Prøv igen"), for
 * everyone not sent or for `only` some: it never sends anybody the minutes twice.
 */
import type { LinkTarget } from '../links/planLink';
import { planDeepLink } from '../links/planLink';
import type { Delivery, Meeting, Participant, Plan, RecipientDelivery } from '../plan/planDocument';
import type { TenantPolicy } from '../policy';
import type { Clock } from '../ports/clock';
import type { ChatMessageToPost, CopyToRemove, MailToSend, MinutesTransport } from '../ports/minutesTransport';
import { success, type Failure, type Outcome } from '../ports/outcome';
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

type Skipped = { target: Extract<DeliveryTarget, { channel: 'none' }>; record: RecipientDelivery };
type ChatWork = Work & { target: Extract<DeliveryTarget, { channel: 'chat' }> };

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

const noAnswer = (code: string): Failure => ({ ok: false, kind: 'failed', status: null, code, message: 'Intet svar' });

type Attempt = { kind: 'result'; result: DeliveryResult } | { kind: 'restart' };

/** What survives a restart within one call: the delivery id it started with. */
interface Carry {
  deliveryId: string | null;
  known: StoredPlan | null;
}

const findMeeting = (plan: Plan, meetingId: string | undefined): Meeting | null =>
  (meetingId === undefined ? plan.meetings[plan.meetings.length - 1] : plan.meetings.find((m) => m.id === meetingId)) ??
  null;

/** Saves the outcomes, merging only delivery statuses into whatever others saved meanwhile. Null: not saved. */
const saveOutcomes = async (
  deps: DeliveryDeps,
  stored: StoredPlan,
  meetingId: string,
  delivery: Delivery,
  touched: ReadonlySet<string>,
  attempts: number,
): Promise<StoredPlan | null> => {
  let base = stored;
  for (let attempt = 0; attempt < attempts; attempt += 1) {
    const current = base.plan.meetings.find((m) => m.id === meetingId)?.delivery ?? null;
    const merged: Delivery =
      current && current.deliveryId === delivery.deliveryId
        ? { ...current, recipients: mergeRecipients(current.recipients, delivery.recipients, touched) }
        : delivery;
    const saved = await deps.planStore.save(withDelivery(base.plan, meetingId, merged, deps.clock.now()), base.eTag);
    if (saved.ok) return saved.value;
    if (saved.kind !== 'conflict') return null;
    base = saved.current;
  }
  return null;
};

/** Lets the network requests just started go out before a stretch of CPU work. */
const yieldToNetwork = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

const attemptDelivery = async (
  deps: DeliveryDeps,
  planId: string,
  options: DeliveryOptions,
  carry: Carry,
): Promise<Attempt> => {
  const { planStore, transport, clock, render, policy } = deps;
  const lang = options.lang ?? 'da';
  // The plan in hand saves a read; only the first attempt trusts it (a restart means it was stale).
  const loaded = carry.known ? success(carry.known) : await planStore.load(planId);
  carry.known = null;
  if (!loaded.ok)
    return { kind: 'result', result: { outcome: 'failed', failure: loaded, problems: [storeProblem(loaded)] } };
  const { plan, eTag } = loaded.value;
  if (plan.id !== planId) throw new Error(`known plan ${plan.id} is not plan ${planId}`);
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

  const deliveryId = existing?.deliveryId ?? carry.deliveryId ?? (deps.newDeliveryId ?? defaultDeliveryId)();
  carry.deliveryId = deliveryId;
  const records = new Map((existing?.recipients ?? []).map((r) => [r.participantId, r]));
  const only = options.only ? new Set(options.only) : null;
  const skipped: Skipped[] = [];
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
  const fail = (w: Work, failure: Failure, at: string) => {
    set(w, { status: 'failed', error: failureText(failure), at });
    w.problem = failedProblem(w.target.key, nameOf(w.target), failure);
    w.retryAfterMs = failure.retryAfterMs ?? null;
  };
  const unknown = (w: Work, failure: Failure | null, at: string) => {
    set(w, { status: 'unknown', error: failure ? failureText(failure) : w.record.error, at });
    w.problem =
      w.target.channel === 'email'
        ? unknownMailProblem(w.target.key, nameOf(w.target))
        : unknownChatProblem(w.target.key, nameOf(w.target));
  };
  const progress = () => options.onProgress?.(reportOf(deliveryId, work, skipped, true).recipients);
  /** A mail's draft id: kept in the record's message id once made, so a retry sends the same draft. */
  const draftIds = new Map<string, string>();
  /** Drafts a repeated create left behind: never to be sent, discarded at the end. */
  const spareDrafts: string[] = [];

  // 2. Before anything is sent again, resolve earlier outcomes nobody confirmed: find the chat (it may not be in
  //    the record, which is written while the chats are opened) and look for the delivery id in it; a mail whose
  //    draft id is lost is looked for by its mark. A mail whose draft id is known needs no look: sending that
  //    draft again cannot send it twice.
  const unresolved = selected.filter((w) => w.record.status === 'unknown');
  if (unresolved.length > 0) {
    const lost = unresolved.filter((w): w is ChatWork => w.target.channel === 'chat' && w.record.chatId === null);
    if (lost.length > 0) {
      const { chats } = await transport.prepare({ partners: lost.map((w) => w.target.partner), mails: [], deliveryId });
      for (const w of lost) {
        const chat = chats.get(w.target.key);
        if (chat?.ok) set(w, { chatId: chat.value });
        else unknown(w, chat ?? noAnswer('missingBatchResponse'), now.toISOString());
      }
    }
    const chatsToLook = unresolved.flatMap((w) =>
      w.target.channel !== 'email' && w.record.chatId !== null && w.problem === null
        ? [{ key: w.target.key, chatId: w.record.chatId }]
        : [],
    );
    const mailsToLook = unresolved.flatMap((w) =>
      w.target.channel === 'email' && w.record.messageId === null ? [{ key: w.target.key, draftId: null }] : [],
    );
    if (chatsToLook.length > 0 || mailsToLook.length > 0) {
      const look = await transport.look({ chats: chatsToLook, mails: mailsToLook, deliveryId, thorough: true });
      const extra: CopyToRemove[] = [];
      for (const { key, chatId } of chatsToLook) {
        const w = unresolved.find((x) => x.target.key === key) as Work;
        const copies = look.chats.get(key);
        if (!copies?.ok) unknown(w, copies ?? noAnswer('missingBatchResponse'), now.toISOString());
        else if (copies.value.length > 0) {
          const [kept, ...more] = copies.value;
          set(w, { status: 'sent', messageId: kept ?? null, error: null, at: now.toISOString() });
          extra.push(...more.map((messageId) => ({ key, chatId, messageId })));
        } else set(w, { status: 'pending' });
      }
      for (const { key } of mailsToLook) {
        const w = unresolved.find((x) => x.target.key === key) as Work;
        const fate = look.mails.get(key);
        if (!fate?.ok) unknown(w, fate ?? noAnswer('missingBatchResponse'), now.toISOString());
        else if (fate.value.state === 'sent')
          set(w, { status: 'sent', messageId: fate.value.id, error: null, at: now.toISOString() });
        else if (fate.value.state === 'draft') draftIds.set(key, fate.value.id);
        spareDrafts.push(...(fate?.ok ? (fate.value.spare ?? []) : []));
      }
      if (extra.length > 0) await transport.removeCopies(extra);
    }
  }
  const toSend = selected.filter((w) => w.record.status !== 'sent' && w.problem === null);
  for (const w of toSend) {
    // A mail that has a draft (made by an earlier attempt, never confirmed sent) sends that draft.
    if (w.target.channel === 'email' && w.record.messageId !== null && !draftIds.has(w.target.key))
      draftIds.set(w.target.key, w.record.messageId);
  }

  // 3. Render and clear the e-mails (their drafts are made in the first round), and pick the chats to open.
  const renderFor = (w: Work, chatMembers: string[] | null): Rendered => {
    const { target } = w;
    return render({
      plan,
      meeting,
      channel: target.channel,
      recipient: target.channel === 'meetingChat' ? null : target.participant,
      detail: target.detail,
      lang,
      planUrl: link.value,
      deliveryMarker: deliveryId,
      chatMembers,
    });
  };
  const guardCtx = (w: Work): PrivacyContext => ({ ...ctx, policy: { ...policy, cardDetail: w.target.detail } });
  const block = (w: Work, reasons: Problem[]) => {
    w.problem = blockedProblem(w.target.key, reasons);
    set(w, { status: 'failed', error: w.problem.message.da, at: now.toISOString() });
  };
  const newDrafts: { w: Work; mail: Cleared<MailToSend> }[] = [];
  for (const w of toSend) {
    const { target } = w;
    if (target.channel !== 'email' || draftIds.has(target.key)) continue;
    const rendered = renderFor(w, null);
    if (rendered.kind !== 'mail') throw new Error(`Renderer gave a ${rendered.kind} for an e-mail recipient`);
    const verdict = clearMail({ key: target.key, to: [target.address], ...rendered.mail }, guardCtx(w), target.readers);
    if (verdict.verdict === 'blocked') block(w, verdict.reasons);
    else newDrafts.push({ w, mail: verdict.cleared });
  }
  const needChat = toSend.filter(
    (w): w is ChatWork => w.target.channel === 'chat' && w.record.chatId === null && w.problem === null,
  );
  const going = toSend.filter((w) => w.problem === null);

  // 4. The write-ahead record and the first round side by side: opening chats and making drafts reach nobody, so
  //    they need not wait for the record; nothing is sent before both are done. What is about to be sent is
  //    `unknown` until confirmed, so a tab that dies mid-send leaves a record that says "look first".
  for (const w of going) set(w, { status: 'unknown', error: null, at: now.toISOString() });
  const recordOf = (): Delivery => ({
    deliveryId,
    startedAt: existing?.startedAt ?? now.toISOString(),
    recipients: [...records.values()],
    sentMinutes: meeting.minutes,
  });
  // The round first: the store serialises (and checks) the whole plan before its request leaves.
  const firstRound =
    needChat.length > 0 || newDrafts.length > 0
      ? transport.prepare({
          partners: needChat.map((w) => w.target.partner),
          mails: newDrafts.map((d) => d.mail),
          deliveryId,
        })
      : null;
  const aheadPromise = planStore.save(withDelivery(plan, meeting.id, recordOf(), clock.now()), eTag).then((saved) => {
    // The record is down: everyone about to be sent shows "sender…", even while round 1 is still on its way.
    if (saved.ok) progress();
    return saved;
  });
  // While the network works: the chat messages (the renderer's CPU time overlaps the round trips).
  await yieldToNetwork();
  const chatMembersOf = (target: Work['target']): string[] | null => {
    if (target.channel === 'email') return null;
    if (target.channel === 'meetingChat') return target.readers;
    return sender ? [sender, target.key] : [target.key];
  };
  // The guard judges a message by its content and its readers (the 1:1 chat's two members, or the meeting's
  // invitees), never by the chat's id, so the cards are cleared now too; the id is filled in once round 1 gave it.
  const clearedChats = new Map<Work, Cleared<ChatMessageToPost>>();
  for (const w of going) {
    if (w.target.channel === 'email') continue;
    const rendered = renderFor(w, chatMembersOf(w.target));
    if (rendered.kind !== 'chat') throw new Error(`Renderer gave a ${rendered.kind} for a chat recipient`);
    const message = { key: w.target.key, chatId: w.record.chatId ?? '', ...rendered.message };
    const verdict = clearChatMessage(message, guardCtx(w), w.target.readers);
    if (verdict.verdict === 'blocked') block(w, verdict.reasons);
    else clearedChats.set(w, verdict.cleared);
  }
  const [ahead, prepared] = await Promise.all([aheadPromise, firstRound]);
  const made = [...(prepared?.drafts.values() ?? [])].flatMap((d) => (d.ok ? [d.value] : []));
  if (!ahead.ok) {
    // Nothing was sent. The drafts will never be: take them away again.
    await transport.discardDrafts(made);
    if (ahead.kind === 'conflict') return { kind: 'restart' };
    return { kind: 'result', result: { outcome: 'failed', failure: ahead, problems: [storeProblem(ahead)] } };
  }
  for (const w of needChat) {
    const chat = prepared?.chats.get(w.target.key) ?? noAnswer('missingBatchResponse');
    if (chat.ok) set(w, { chatId: chat.value });
    else fail(w, chat, now.toISOString());
  }
  for (const { w } of newDrafts) {
    const draft = prepared?.drafts.get(w.target.key) ?? noAnswer('missingBatchResponse');
    if (draft.ok) {
      draftIds.set(w.target.key, draft.value);
      set(w, { messageId: draft.value });
    } else fail(w, draft, now.toISOString());
  }

  // 5. Each cleared chat message with its chat (those whose chat could not be opened are already marked failed).
  const messages: { w: Work; message: Cleared<ChatMessageToPost> }[] = [];
  for (const [w, cleared] of clearedChats) {
    if (w.problem !== null) continue;
    const chatId = w.record.chatId;
    if (chatId === null) throw new Error(`No chat id for ${w.target.key} after the first round`);
    messages.push({ w, message: { ...cleared, chatId } });
  }
  const drafts = going.flatMap((w) => {
    const draftId = draftIds.get(w.target.key);
    return w.target.channel === 'email' && w.problem === null && draftId !== undefined
      ? [{ w, draft: { key: w.target.key, draftId } }]
      : [];
  });

  const touched = new Set(selected.map((w) => w.target.key));
  const attempts = options.maxSaveAttempts ?? DEFAULT_SAVE_ATTEMPTS;
  const report = (saved: boolean): Attempt => ({ kind: 'result', result: reportOf(deliveryId, work, skipped, saved) });
  progress();
  if (messages.length === 0 && drafts.length === 0) {
    // Nothing left to send (all resolved, blocked or failed before sending): the record says so.
    if (spareDrafts.length > 0) await transport.discardDrafts(spareDrafts);
    if (going.length === 0) return report(true);
    return report((await saveOutcomes(deps, ahead.value, meeting.id, recordOf(), touched, attempts)) !== null);
  }

  // 6. Send: the posts and the drafts in one round; each recipient's line changes as its answer arrives.
  const byKey = new Map([...messages.map((m) => m.w), ...drafts.map((d) => d.w)].map((w) => [w.target.key, w]));
  const settled = new Set<string>();
  const settle = (key: string, outcome: Outcome<string>) => {
    const w = byKey.get(key);
    if (!w || settled.has(key)) return;
    settled.add(key);
    const at = clock.now().toISOString();
    if (outcome.ok) {
      set(w, { status: 'sent', messageId: outcome.value, error: null, at });
      w.problem = null;
    } else if (w.target.channel === 'email' || mayHaveArrived(outcome)) unknown(w, outcome, at);
    else fail(w, outcome, at);
  };
  const sent = await transport.send(
    { messages: messages.map((m) => m.message), drafts: drafts.map((d) => d.draft) },
    (key, outcome) => {
      settle(key, outcome);
      progress();
    },
  );
  for (const [key, outcome] of sent) settle(key, outcome);
  for (const key of byKey.keys()) if (!settled.has(key)) settle(key, noAnswer(UNKNOWN_OUTCOME_CODE));
  const sendFailures = new Map([...sent].filter(([, outcome]) => !outcome.ok) as [string, Failure][]);

  // 7. The outcomes written back, and side by side the check: every chat posted to is read back, so copies a
  //    browser made by resending the batch behind the app's back are found and taken back (the oldest stays);
  //    every e-mail not confirmed sent is looked up. Only if the check changes something is the record written again.
  const check = transport.look({
    chats: messages.flatMap(({ w }) => (w.record.chatId ? [{ key: w.target.key, chatId: w.record.chatId }] : [])),
    // An e-mail not confirmed by its draft id (exact, whatever folder it moved to); a confirmed one by its mark,
    // to find any extra draft a resent create left behind.
    mails: drafts.map(({ w, draft }) => ({
      key: draft.key,
      draftId: w.record.status === 'sent' ? null : draft.draftId,
    })),
    deliveryId,
  });
  const [written, looked] = await Promise.all([
    saveOutcomes(deps, ahead.value, meeting.id, recordOf(), touched, attempts),
    check,
  ]);
  const before = JSON.stringify(recordOf().recipients);
  const extra: CopyToRemove[] = [];
  const at = clock.now().toISOString();
  for (const { w } of messages) {
    const copies = looked.chats.get(w.target.key);
    const chatId = w.record.chatId;
    if (!copies?.ok || chatId === null) continue; // no check: what the answer said stands
    const [kept, ...more] = copies.value;
    extra.push(...more.map((messageId) => ({ key: w.target.key, chatId, messageId })));
    if (kept !== undefined) {
      if (w.record.status !== 'sent' || w.record.messageId !== kept) {
        set(w, { status: 'sent', messageId: kept, error: null, at });
        w.problem = null;
        w.retryAfterMs = null;
      }
    } else if (w.record.status === 'unknown') {
      // Not there: it never arrived, so sending again is safe.
      fail(w, sendFailures.get(w.target.key) ?? noAnswer(UNKNOWN_OUTCOME_CODE), at);
    }
  }
  for (const { w, draft } of drafts) {
    const fate = looked.mails.get(w.target.key);
    spareDrafts.push(...(fate?.ok ? (fate.value.spare ?? []) : []));
    if (w.record.status === 'sent') continue;
    if (!fate?.ok) continue; // stays unknown: the next try looks again
    const failure = sendFailures.get(w.target.key) ?? noAnswer(UNKNOWN_OUTCOME_CODE);
    if (fate.value.state === 'sent') {
      set(w, { status: 'sent', messageId: fate.value.id, error: null, at });
      w.problem = null;
    } else if (fate.value.state === 'draft') {
      fail(w, failure, at);
      set(w, { messageId: draft.draftId });
    } else {
      fail(w, failure, at);
      set(w, { messageId: null });
    }
  }
  const changed = JSON.stringify(recordOf().recipients) !== before;
  if (changed) progress();
  const [rewritten] = await Promise.all([
    changed && written ? saveOutcomes(deps, written, meeting.id, recordOf(), touched, attempts) : written,
    extra.length > 0 ? transport.removeCopies(extra) : null,
    spareDrafts.length > 0 ? transport.discardDrafts(spareDrafts) : null,
  ]);
  return report(rewritten !== null);
};

const UNKNOWN_OUTCOME_CODE = 'unknownOutcome';

const reportOf = (
  deliveryId: string,
  work: readonly Work[],
  skipped: readonly Skipped[],
  saved: boolean,
): DeliveryResult & { outcome: 'delivered' | 'partial' } => {
  const recipients: RecipientReport[] = [
    ...work.map((w) => ({
      key: w.target.key,
      participantId: w.target.channel === 'meetingChat' ? null : w.target.key,
      name: nameOf(w.target),
      channel: w.record.channel,
      status: w.record.status,
      problem: w.record.status === 'sent' ? null : w.problem,
      retryAfterMs: w.record.status === 'sent' ? null : w.retryAfterMs,
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
  const carry: Carry = { deliveryId: null, known: options.known ?? null };
  for (let attempt = 0; attempt < attempts; attempt += 1) {
    const result = await attemptDelivery(deps, planId, options, carry);
    if (result.kind === 'result') return result.result;
  }
  return { outcome: 'blocked', problems: [busyProblem] };
};
