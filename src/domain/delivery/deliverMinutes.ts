/**
 * Send the minutes (send referat): the pipeline, after Company Communicator's send function — named steps over one
 * state value (`Run`), each doing one thing and handing the state on:
 *
 * 1. `begin` — cheap checks first, nothing sent if any fails: the plan (the one in hand, `known`, or read) and the
 *    meeting, then `deliveryPreview` (the consent, the minutes texts at the card's detail level, the link: the same
 *    function the Send referat view shows, so what is previewed is what is sent). Recipients already `sent` are
 *    left alone.
 * 2. `settleUnknownOutcomes` — for those whose earlier fate is `unknown`, look before sending: open their chat
 *    again if the record has no chat id (idempotent) and look in it for the delivery id; look for an e-mail by its
 *    mark when its draft id is not in the record. Found means sent (extra copies are taken back).
 * 3. `prepare` — render and clear each e-mail through the privacy guard with its readers, then round 1 and the
 *    write-ahead record SIDE BY SIDE: one $batch opens the 1:1 chats (Graph returns an existing one) and creates
 *    each e-mail as a draft — neither reaches anybody — while the delivery record is written with If-Match, every
 *    recipient about to be sent marked `unknown` ("sender…"): if the tab dies mid-send, the next try looks before it
 *    sends. A conflict on the record restarts from step 1 (the drafts are discarded), since nothing has left yet.
 *    Meanwhile the chat cards are rendered and cleared (the guard does not look at the chat id, which round 1
 *    gives), so their CPU time hides behind the round trips.
 * 4. `send` — round 2: one $batch posts the chat messages and sends the drafts; `onProgress` hears each answer.
 * 5. `check` — round 3 and the final record write SIDE BY SIDE: every chat posted to is read back (newest first)
 *    for the delivery id. A browser resends a POST /$batch by itself when a keep-alive connection drops unanswered,
 *    so a chat may hold two copies: the oldest is kept as the receipt, the others are soft-deleted. An e-mail whose
 *    send did not answer 2xx is settled by its draft id (a draft sent twice is sent once), and every e-mail is found
 *    by its mark, so spare drafts a resent create left behind are discarded. Only if this changes a status is the
 *    record written again.
 *
 * Every write of the record goes through `writeRecord`, which merges only the delivery statuses into what others
 * saved meanwhile. Results are values: a per-recipient report with the reason for every one who did not get the
 * minutes. Retries of single requests live in the Graph adapter; a whole delivery is retried by calling this again
 * ("Prøv igen"), for everyone not sent or for `only` some: it never sends anybody the minutes twice.
 */
import type { LinkTarget } from '../links/planLink';
import type { Delivery, Meeting, Plan, RecipientDelivery } from '../plan/planDocument';
import type { TenantPolicy } from '../policy';
import type { Clock } from '../ports/clock';
import type { ChatMessageToPost, CopyToRemove, MailToSend, MinutesTransport } from '../ports/minutesTransport';
import { success, type Failure, type Outcome } from '../ports/outcome';
import type { PlanStore, SaveOutcome, StoredPlan } from '../ports/planStore';
import { updatePlan } from '../plan/updatePlan';
import type { Lang, Problem } from '../problems';
import type { Cleared } from '../privacy/cleared';
import { clearChatMessage, clearMail, type PrivacyContext } from '../privacy/privacyGuard';
import { copenhagenDate } from '../time/danishTime';
import type { DeliveryTarget } from './deliveryPlan';
import { deliveryPreview, withMarker, type RenderRequest, type SendableTarget } from './deliveryPreview';
import { failureText, mayHaveArrived, mergeRecipients, withDelivery } from './deliveryRecord';
import {
  blockedProblem,
  busyProblem,
  failedProblem,
  meetingNotFound,
  storeProblem,
  unknownChatProblem,
  unknownMailProblem,
} from './deliveryProblems';

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
const UNKNOWN_OUTCOME_CODE = 'unknownOutcome';

const defaultDeliveryId = (): string => `tovholder-${globalThis.crypto.randomUUID()}`;

// ---- The state the steps hand on. ----

/** A recipient this attempt may send to, and what happened to them so far. */
interface Work {
  target: SendableTarget;
  /** The renderer's request, from the preview (without the delivery marker). */
  request: Omit<RenderRequest, 'deliveryMarker'>;
  record: RecipientDelivery;
  problem: Problem | null;
  retryAfterMs: number | null;
}

type Skipped = { target: Extract<DeliveryTarget, { channel: 'none' }>; record: RecipientDelivery };
type ChatWork = Work & { target: Extract<SendableTarget, { channel: 'chat' }> };

/** One attempt: everything a step needs and leaves for the next. */
interface Run {
  deps: DeliveryDeps;
  options: DeliveryOptions;
  /** The plan and eTag the attempt started from. */
  stored: StoredPlan;
  /** The meeting as sent (with the first attempt's minutes on a retry). */
  meeting: Meeting;
  /** The delivery record the meeting had when the attempt began. */
  existing: Delivery | null;
  deliveryId: string;
  now: Date;
  /** The privacy guard's context for this plan and day. */
  ctx: PrivacyContext;
  /** Every recipient's record, by key, as it will be written. */
  records: Map<string, RecipientDelivery>;
  work: Work[];
  skipped: Skipped[];
  /** Those this attempt tries: not sent yet, and within `only`. */
  selected: Work[];
  /** A mail's draft id: kept in the record's message id once made, so a retry sends the same draft. */
  draftIds: Map<string, string>;
  /** Drafts a repeated create left behind: never to be sent, discarded at the end. */
  spareDrafts: string[];
}

/** What `prepare` leaves for sending: the write-ahead record as stored, and the cleared messages and drafts. */
interface Prepared {
  written: StoredPlan;
  messages: { w: Work; message: Cleared<ChatMessageToPost> }[];
  drafts: { w: Work; draft: { key: string; draftId: string } }[];
  /** Everyone cleared to go (sent in round 2, or failed on the way). */
  going: Work[];
}

type Attempt = { kind: 'result'; result: DeliveryResult } | { kind: 'restart' };

/** What survives a restart within one call: the delivery id it started with, and the plan in hand (once). */
interface Carry {
  deliveryId: string | null;
  known: StoredPlan | null;
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

const noAnswer = (code: string): Failure => ({ ok: false, kind: 'failed', status: null, code, message: 'Intet svar' });

const findMeeting = (plan: Plan, meetingId: string | undefined): Meeting | null =>
  (meetingId === undefined ? plan.meetings[plan.meetings.length - 1] : plan.meetings.find((m) => m.id === meetingId)) ??
  null;

const result = (value: DeliveryResult): Attempt => ({ kind: 'result', result: value });

// ---- Changing a recipient's line. ----

const set = (run: Run, w: Work, change: Partial<RecipientDelivery>) => {
  w.record = { ...w.record, ...change };
  run.records.set(w.target.key, w.record);
};

const fail = (run: Run, w: Work, failure: Failure, at: string) => {
  set(run, w, { status: 'failed', error: failureText(failure), at });
  w.problem = failedProblem(w.target.key, nameOf(w.target), failure);
  w.retryAfterMs = failure.retryAfterMs ?? null;
};

const unknown = (run: Run, w: Work, failure: Failure | null, at: string) => {
  set(run, w, { status: 'unknown', error: failure ? failureText(failure) : w.record.error, at });
  w.problem =
    w.target.channel === 'email'
      ? unknownMailProblem(w.target.key, nameOf(w.target))
      : unknownChatProblem(w.target.key, nameOf(w.target));
};

const sent = (run: Run, w: Work, messageId: string | null, at: string) => {
  set(run, w, { status: 'sent', messageId, error: null, at });
  w.problem = null;
};

const block = (run: Run, w: Work, reasons: Problem[]) => {
  w.problem = blockedProblem(w.target.key, reasons);
  set(run, w, { status: 'failed', error: w.problem.message.da, at: run.now.toISOString() });
};

const recordOf = (run: Run): Delivery => ({
  deliveryId: run.deliveryId,
  startedAt: run.existing?.startedAt ?? run.now.toISOString(),
  recipients: [...run.records.values()],
  sentMinutes: run.meeting.minutes,
});

const reportOf = (run: Run, saved: boolean): DeliveryResult & { outcome: 'delivered' | 'partial' } => {
  const recipients: RecipientReport[] = [
    ...run.work.map((w) => ({
      key: w.target.key,
      participantId: w.target.channel === 'meetingChat' ? null : w.target.key,
      name: nameOf(w.target),
      channel: w.record.channel,
      status: w.record.status,
      problem: w.record.status === 'sent' ? null : w.problem,
      retryAfterMs: w.record.status === 'sent' ? null : w.retryAfterMs,
    })),
    ...run.skipped.map(({ target, record }) => ({
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
    outcome: run.work.every((w) => w.record.status === 'sent') ? 'delivered' : 'partial',
    deliveryId: run.deliveryId,
    recipients,
    saved,
    problems: recipients.flatMap((r) => (r.problem ? [r.problem] : [])),
  };
};

const progress = (run: Run) => run.options.onProgress?.(reportOf(run, true).recipients);

/** The guard judges each message at its target's detail level (the meeting chat: always the summary). */
const guardCtx = (run: Run, w: Work): PrivacyContext => ({
  ...run.ctx,
  policy: { ...run.ctx.policy, cardDetail: w.target.detail },
});

const render = (run: Run, w: Work): Rendered => run.deps.render(withMarker(w.request, run.deliveryId));

// ---- The one write of the delivery record. ----

/**
 * Writes the delivery record into the plan through the one `updatePlan`: the change merges only the delivery
 * statuses into whatever others saved meanwhile (for the recipients this attempt touched ours win, but a confirmed
 * `sent` never goes back), and finds nothing to do when the stored record already says it all.
 */
const writeRecord = async (run: Run, base: StoredPlan, attempts: number): Promise<SaveOutcome> => {
  const delivery = recordOf(run);
  const touched = new Set(run.selected.map((w) => w.target.key));
  const now = () => run.deps.clock.now();
  const updated = await updatePlan(
    run.deps.planStore,
    base,
    (plan) => {
      const stored = plan.meetings.find((m) => m.id === run.meeting.id)?.delivery ?? null;
      const merged: Delivery =
        stored && stored.deliveryId === delivery.deliveryId
          ? { ...delivery, recipients: mergeRecipients(stored.recipients, delivery.recipients, touched) }
          : delivery;
      return stored && JSON.stringify(stored) === JSON.stringify(merged)
        ? null
        : withDelivery(plan, run.meeting.id, merged, now());
    },
    { attempts, now },
  );
  return updated.ok ? success(updated.stored) : updated;
};

const saveAttempts = (run: Run) => run.options.maxSaveAttempts ?? DEFAULT_SAVE_ATTEMPTS;

/** The outcomes written back; null when they could not be. */
const writeOutcomes = async (run: Run, base: StoredPlan): Promise<StoredPlan | null> => {
  const written = await writeRecord(run, base, saveAttempts(run));
  return written.ok ? written.value : null;
};

/** Lets the network requests just started go out before a stretch of CPU work. */
const yieldToNetwork = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

// ---- Step 1: the cheap checks, and who this attempt is for. ----

const begin = async (
  deps: DeliveryDeps,
  planId: string,
  options: DeliveryOptions,
  carry: Carry,
): Promise<Attempt | Run> => {
  // The plan in hand saves a read; only the first attempt trusts it (a restart means it was stale).
  const loaded = carry.known ? success(carry.known) : await deps.planStore.load(planId);
  carry.known = null;
  if (!loaded.ok) return result({ outcome: 'failed', failure: loaded, problems: [storeProblem(loaded)] });
  const { plan } = loaded.value;
  if (plan.id !== planId) throw new Error(`known plan ${plan.id} is not plan ${planId}`);
  const found = findMeeting(plan, options.meetingId);
  if (!found) return result({ outcome: 'blocked', problems: [meetingNotFound(options.meetingId)] });

  const now = deps.clock.now();
  const today = copenhagenDate(now);
  const preview = deliveryPreview({
    plan,
    meeting: found,
    today,
    policy: deps.policy,
    senderParticipantId: options.senderParticipantId ?? null,
    lang: options.lang ?? 'da',
    link: deps.link,
  });
  if (!preview.ok) return result({ outcome: 'blocked', problems: preview.problems });
  if (preview.blocking.length > 0) return result({ outcome: 'blocked', problems: preview.blocking });

  const existing = found.delivery;
  const deliveryId = existing?.deliveryId ?? carry.deliveryId ?? (deps.newDeliveryId ?? defaultDeliveryId)();
  carry.deliveryId = deliveryId;
  const records = new Map((existing?.recipients ?? []).map((r) => [r.participantId, r]));
  const skipped: Skipped[] = [];
  const work: Work[] = [];
  for (const { target, request } of preview.targets) {
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
    if (request === null) throw new Error(`No render request for ${target.key} although nothing blocks the send`);
    const chatId =
      target.channel === 'meetingChat' ? target.chatId : target.channel === 'chat' ? (previous?.chatId ?? null) : null;
    const fresh =
      !previous ||
      previous.status === 'skipped' ||
      (previous.channel !== target.channel && previous.status !== 'sent' && previous.status !== 'unknown');
    const record = fresh ? newRecord(target.key, target.channel, chatId) : previous;
    records.set(target.key, record);
    work.push({ target, request, record, problem: null, retryAfterMs: null });
  }
  const only = options.only ? new Set(options.only) : null;
  return {
    deps,
    options,
    stored: loaded.value,
    meeting: preview.meeting,
    existing,
    deliveryId,
    now,
    ctx: { plan, policy: deps.policy, today },
    records,
    work,
    skipped,
    selected: work.filter((w) => w.record.status !== 'sent' && (only === null || only.has(w.target.key))),
    draftIds: new Map(),
    spareDrafts: [],
  };
};

// ---- Step 2: settle what an earlier attempt left unknown, before anything is sent again. ----

/**
 * Finds the chat (it may not be in the record, which is written while the chats are opened) and looks for the
 * delivery id in it; a mail whose draft id is lost is looked for by its mark. A mail whose draft id is known needs
 * no look (sending that draft again cannot send it twice), unless the draft was made under another mail rule.
 */
const settleUnknownOutcomes = async (run: Run): Promise<void> => {
  const { transport } = run.deps;
  const at = run.now.toISOString();
  const unresolved = run.selected.filter((w) => w.record.status === 'unknown');
  if (unresolved.length > 0) {
    const lost = unresolved.filter((w): w is ChatWork => w.target.channel === 'chat' && w.record.chatId === null);
    if (lost.length > 0) {
      const { chats } = await transport.prepare({
        partners: lost.map((w) => w.target.partner),
        mails: [],
        deliveryId: run.deliveryId,
      });
      for (const w of lost) {
        const chat = chats.get(w.target.key);
        if (chat?.ok) set(run, w, { chatId: chat.value });
        else unknown(run, w, chat ?? noAnswer('missingBatchResponse'), at);
      }
    }
    const chatsToLook = unresolved.flatMap((w) =>
      w.target.channel !== 'email' && w.record.chatId !== null && w.problem === null
        ? [{ w, key: w.target.key, chatId: w.record.chatId }]
        : [],
    );
    // By its mark when the draft id is lost; by its id when the draft was made under another mail rule, since
    // that draft must not go out now (only a draft confirmed unsent is replaced).
    const mailsToLook = unresolved.flatMap((w) =>
      w.target.channel === 'email' && (w.record.messageId === null || staleDraft(w))
        ? [{ w, key: w.target.key, draftId: w.record.messageId }]
        : [],
    );
    if (chatsToLook.length > 0 || mailsToLook.length > 0) {
      const look = await transport.look({
        chats: chatsToLook.map(({ key, chatId }) => ({ key, chatId })),
        mails: mailsToLook.map(({ key, draftId }) => ({ key, draftId })),
        deliveryId: run.deliveryId,
        thorough: true,
      });
      const extra: CopyToRemove[] = [];
      for (const { w, key, chatId } of chatsToLook) {
        const copies = look.chats.get(key);
        if (!copies?.ok) unknown(run, w, copies ?? noAnswer('missingBatchResponse'), at);
        else if (copies.value.length > 0) {
          const [kept, ...more] = copies.value;
          set(run, w, { status: 'sent', messageId: kept ?? null, error: null, at });
          extra.push(...more.map((messageId) => ({ key, chatId, messageId })));
        } else set(run, w, { status: 'pending' });
      }
      for (const { w, key } of mailsToLook) {
        const fate = look.mails.get(key);
        if (!fate?.ok) unknown(run, w, fate ?? noAnswer('missingBatchResponse'), at);
        else if (fate.value.state === 'sent')
          set(run, w, { status: 'sent', messageId: fate.value.id, error: null, at });
        else if (fate.value.state === 'draft' && !staleDraft(w)) run.draftIds.set(key, fate.value.id);
        else {
          // Never sent: a stale draft is taken away, and a new one is made under the rule that holds now.
          if (fate.value.state === 'draft') run.spareDrafts.push(fate.value.id);
          set(run, w, { status: 'pending', messageId: null });
        }
        run.spareDrafts.push(...(fate?.ok ? (fate.value.spare ?? []) : []));
      }
      if (extra.length > 0) await transport.removeCopies(extra);
    }
  }
  for (const w of toSend(run)) {
    if (w.target.channel !== 'email' || w.record.messageId === null || run.draftIds.has(w.target.key)) continue;
    // A mail that has a draft (made by an earlier attempt, never confirmed sent) sends that draft — unless it was
    // made under another mail rule (the tenant changed its protection, or the draft predates it): then, as it is
    // known unsent, it is taken away and a new one is made.
    if (staleDraft(w)) {
      run.spareDrafts.push(w.record.messageId);
      set(run, w, { messageId: null });
    } else run.draftIds.set(w.target.key, w.record.messageId);
  }
};

/** An e-mail draft made under another mail rule than the one that holds now (or before the rules had marks). */
const staleDraft = (w: Work): boolean =>
  w.target.channel === 'email' && w.record.messageId !== null && w.record.mark !== w.target.mail.mark;

/** Those still to be sent once earlier outcomes are settled. */
const toSend = (run: Run): Work[] => run.selected.filter((w) => w.record.status !== 'sent' && w.problem === null);

// ---- Step 3: clear every message, open the chats and make the drafts beside the write-ahead record. ----

const prepare = async (run: Run): Promise<Attempt | Prepared> => {
  const { transport } = run.deps;
  const at = run.now.toISOString();
  const pending = toSend(run);
  // The e-mails first: their drafts are made in the first round.
  const newDrafts: { w: Work; mail: Cleared<MailToSend> }[] = [];
  for (const w of pending) {
    const { target } = w;
    if (target.channel !== 'email' || run.draftIds.has(target.key)) continue;
    const rendered = render(run, w);
    if (rendered.kind !== 'mail') throw new Error(`Renderer gave a ${rendered.kind} for an e-mail recipient`);
    const mail = { key: target.key, to: [target.address], ...rendered.mail, mark: target.mail.mark };
    const verdict = clearMail(mail, guardCtx(run, w), target.readers);
    if (verdict.verdict === 'blocked') block(run, w, verdict.reasons);
    else newDrafts.push({ w, mail: verdict.cleared });
  }
  const needChat = pending.filter(
    (w): w is ChatWork => w.target.channel === 'chat' && w.record.chatId === null && w.problem === null,
  );
  const going = pending.filter((w) => w.problem === null);

  // The write-ahead record and the first round side by side: opening chats and making drafts reach nobody, so
  // they need not wait for the record; nothing is sent before both are done. What is about to be sent is
  // `unknown` until confirmed, so a tab that dies mid-send leaves a record that says "look first".
  for (const w of going)
    set(run, w, {
      status: 'unknown',
      error: null,
      at,
      ...(w.target.channel === 'email' ? { mark: w.target.mail.mark } : {}),
    });
  // The round first: the store serialises (and checks) the whole plan before its request leaves.
  const firstRound =
    needChat.length > 0 || newDrafts.length > 0
      ? transport.prepare({
          partners: needChat.map((w) => w.target.partner),
          mails: newDrafts.map((d) => d.mail),
          deliveryId: run.deliveryId,
        })
      : null;
  // One try: a conflict means the plan changed before anything left, so the attempt starts over.
  const aheadPromise = writeRecord(run, run.stored, 1).then((saved) => {
    // The record is down: everyone about to be sent shows "sender…", even while round 1 is still on its way.
    if (saved.ok) progress(run);
    return saved;
  });
  // While the network works: the chat messages (the renderer's CPU time overlaps the round trips). The guard
  // judges a message by its content and its readers (the 1:1 chat's two members, or the meeting's invitees),
  // never by the chat's id, so the cards are cleared now too; the id is filled in once round 1 gave it.
  await yieldToNetwork();
  const clearedChats = new Map<Work, Cleared<ChatMessageToPost>>();
  for (const w of going) {
    if (w.target.channel === 'email') continue;
    const rendered = render(run, w);
    if (rendered.kind !== 'chat') throw new Error(`Renderer gave a ${rendered.kind} for a chat recipient`);
    const message = { key: w.target.key, chatId: w.record.chatId ?? '', ...rendered.message };
    const verdict = clearChatMessage(message, guardCtx(run, w), w.target.readers);
    if (verdict.verdict === 'blocked') block(run, w, verdict.reasons);
    else clearedChats.set(w, verdict.cleared);
  }
  const [ahead, prepared] = await Promise.all([aheadPromise, firstRound]);
  if (!ahead.ok) {
    // Nothing was sent. The drafts will never be: take them away again.
    await transport.discardDrafts([...(prepared?.drafts.values() ?? [])].flatMap((d) => (d.ok ? [d.value] : [])));
    if (ahead.kind === 'conflict') return { kind: 'restart' };
    return result({ outcome: 'failed', failure: ahead, problems: [storeProblem(ahead)] });
  }
  for (const w of needChat) {
    const chat = prepared?.chats.get(w.target.key) ?? noAnswer('missingBatchResponse');
    if (chat.ok) set(run, w, { chatId: chat.value });
    else fail(run, w, chat, at);
  }
  for (const { w } of newDrafts) {
    const draft = prepared?.drafts.get(w.target.key) ?? noAnswer('missingBatchResponse');
    if (draft.ok) {
      run.draftIds.set(w.target.key, draft.value);
      set(run, w, { messageId: draft.value });
    } else fail(run, w, draft, at);
  }

  // Each cleared chat message with its chat (those whose chat could not be opened are already marked failed).
  const messages: Prepared['messages'] = [];
  for (const [w, cleared] of clearedChats) {
    if (w.problem !== null) continue;
    const chatId = w.record.chatId;
    if (chatId === null) throw new Error(`No chat id for ${w.target.key} after the first round`);
    messages.push({ w, message: { ...cleared, chatId } });
  }
  const drafts = going.flatMap((w) => {
    const draftId = run.draftIds.get(w.target.key);
    return w.target.channel === 'email' && w.problem === null && draftId !== undefined
      ? [{ w, draft: { key: w.target.key, draftId } }]
      : [];
  });
  return { written: ahead.value, messages, drafts, going };
};

/** Nothing left to send (all resolved, blocked or failed before sending): the record says so. */
const finishUnsent = async (run: Run, prepared: Prepared): Promise<Attempt> => {
  if (run.spareDrafts.length > 0) await run.deps.transport.discardDrafts(run.spareDrafts);
  if (prepared.going.length === 0) return result(reportOf(run, true));
  return result(reportOf(run, (await writeOutcomes(run, prepared.written)) !== null));
};

// ---- Step 4: send. ----

/** The posts and the drafts in one round; each recipient's line changes as its answer arrives. */
const send = async (run: Run, prepared: Prepared): Promise<Map<string, Failure>> => {
  const { messages, drafts } = prepared;
  const byKey = new Map([...messages.map((m) => m.w), ...drafts.map((d) => d.w)].map((w) => [w.target.key, w]));
  const settled = new Set<string>();
  const settle = (key: string, outcome: Outcome<string>) => {
    const w = byKey.get(key);
    if (!w || settled.has(key)) return;
    settled.add(key);
    const at = run.deps.clock.now().toISOString();
    if (outcome.ok) sent(run, w, outcome.value, at);
    else if (w.target.channel === 'email' || mayHaveArrived(outcome)) unknown(run, w, outcome, at);
    else fail(run, w, outcome, at);
  };
  const answers = await run.deps.transport.send(
    { messages: messages.map((m) => m.message), drafts: drafts.map((d) => d.draft) },
    (key, outcome) => {
      settle(key, outcome);
      progress(run);
    },
  );
  for (const [key, outcome] of answers) settle(key, outcome);
  for (const key of byKey.keys()) if (!settled.has(key)) settle(key, noAnswer(UNKNOWN_OUTCOME_CODE));
  return new Map([...answers].filter(([, outcome]) => !outcome.ok) as [string, Failure][]);
};

// ---- Step 5: check what arrived, beside writing the outcomes. ----

/**
 * Every chat posted to is read back, so copies a browser made by resending the batch behind the app's back are
 * found and taken back (the oldest stays); every e-mail not confirmed sent is looked up. Only if the check changes
 * something is the record written again. True when the outcomes are saved.
 */
const check = async (run: Run, prepared: Prepared, sendFailures: ReadonlyMap<string, Failure>): Promise<boolean> => {
  const { transport } = run.deps;
  const { messages, drafts } = prepared;
  const looking = transport.look({
    chats: messages.flatMap(({ w }) => (w.record.chatId ? [{ key: w.target.key, chatId: w.record.chatId }] : [])),
    // An e-mail not confirmed by its draft id (exact, whatever folder it moved to); a confirmed one by its mark,
    // to find any extra draft a resent create left behind.
    mails: drafts.map(({ w, draft }) => ({
      key: draft.key,
      draftId: w.record.status === 'sent' ? null : draft.draftId,
    })),
    deliveryId: run.deliveryId,
  });
  const [written, looked] = await Promise.all([writeOutcomes(run, prepared.written), looking]);
  const before = JSON.stringify(recordOf(run).recipients);
  const extra: CopyToRemove[] = [];
  const at = run.deps.clock.now().toISOString();
  for (const { w } of messages) {
    const copies = looked.chats.get(w.target.key);
    const chatId = w.record.chatId;
    if (!copies?.ok || chatId === null) continue; // no check: what the answer said stands
    const [kept, ...more] = copies.value;
    extra.push(...more.map((messageId) => ({ key: w.target.key, chatId, messageId })));
    if (kept !== undefined) {
      if (w.record.status !== 'sent' || w.record.messageId !== kept) {
        sent(run, w, kept, at);
        w.retryAfterMs = null;
      }
    } else if (w.record.status === 'unknown') {
      // Not there: it never arrived, so sending again is safe.
      fail(run, w, sendFailures.get(w.target.key) ?? noAnswer(UNKNOWN_OUTCOME_CODE), at);
    }
  }
  for (const { w, draft } of drafts) {
    const fate = looked.mails.get(w.target.key);
    run.spareDrafts.push(...(fate?.ok ? (fate.value.spare ?? []) : []));
    if (w.record.status === 'sent') continue;
    if (!fate?.ok) continue; // stays unknown: the next try looks again
    const failure = sendFailures.get(w.target.key) ?? noAnswer(UNKNOWN_OUTCOME_CODE);
    if (fate.value.state === 'sent') sent(run, w, fate.value.id, at);
    else if (fate.value.state === 'draft') {
      fail(run, w, failure, at);
      set(run, w, { messageId: draft.draftId });
    } else {
      fail(run, w, failure, at);
      set(run, w, { messageId: null });
    }
  }
  const changed = JSON.stringify(recordOf(run).recipients) !== before;
  if (changed) progress(run);
  const [rewritten] = await Promise.all([
    changed && written ? writeOutcomes(run, written) : written,
    extra.length > 0 ? transport.removeCopies(extra) : null,
    run.spareDrafts.length > 0 ? transport.discardDrafts(run.spareDrafts) : null,
  ]);
  return rewritten !== null;
};

// ---- The pipeline. ----

const attemptDelivery = async (
  deps: DeliveryDeps,
  planId: string,
  options: DeliveryOptions,
  carry: Carry,
): Promise<Attempt> => {
  const run = await begin(deps, planId, options, carry);
  if ('kind' in run) return run;
  await settleUnknownOutcomes(run);
  const prepared = await prepare(run);
  if ('kind' in prepared) return prepared;
  progress(run);
  if (prepared.messages.length === 0 && prepared.drafts.length === 0) return finishUnsent(run, prepared);
  const sendFailures = await send(run, prepared);
  return result(reportOf(run, await check(run, prepared, sendFailures)));
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
    const outcome = await attemptDelivery(deps, planId, options, carry);
    if (outcome.kind === 'result') return outcome.result;
  }
  return { outcome: 'blocked', problems: [busyProblem] };
};
