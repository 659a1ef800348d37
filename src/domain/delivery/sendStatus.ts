/**
 * What the Send referat view shows about each recipient and offers to press, from what it knows: the delivery
 * record in the plan (after a reload too), the last result in this view, the live reports of a send that runs now,
 * and when Teams allows the next try. Pure: the view (src/surfaces/meeting/SendMinutes.tsx) only words it.
 *
 * - A recipient's line: not sent yet, waiting in the queue, being sent, sent (and when), failed, unknown (the answer
 *   was lost), or not to be sent at all. While a send runs, `unknown` means on its way; afterwards, that the answer
 *   was lost and "Prøv igen" looks before it sends.
 * - Everyone who did not (or may not) get the minutes has their own "Prøv igen"; while a send runs, a line that had
 *   its button keeps it (disabled), so the list does not jump.
 * - The one button below: "Send referatet nu" until anyone has the minutes or a send ran here, then "Prøv igen" for
 *   those that failed (or all who are missing); nothing once everyone covered has them.
 */
import type { RecipientDelivery } from '../plan/planDocument';
import type { Problem } from '../problems';
import type { RecipientReport } from './deliverMinutes';

type Status = RecipientDelivery['status'];

/** What a recipient's line says about them, as the referent reads it. */
export type ShownStatus = 'notYet' | 'pending' | 'sending' | 'sent' | 'failed' | 'unknown' | 'skipped';

export type BulkAction = 'sendNow' | 'retryFailed' | 'retryMissing';

/** One press of a send button: whom to send to (null: everyone who does not have the minutes yet). */
export interface SendRequest {
  only: readonly string[] | null;
  /** The bulk button that started it (it keeps its label, disabled, while the send runs); null for a row's. */
  bulk: BulkAction | null;
}

export type SendPhase =
  | { kind: 'idle' }
  /** Pending edits are being saved first, so what is sent is what is shown. */
  | { kind: 'saving'; request: SendRequest }
  | { kind: 'sending'; request: SendRequest }
  | { kind: 'done' };

export interface SendStatusInput {
  /** The recipients a message goes to (those who get nothing are not here). */
  targets: readonly { key: string; channel: 'chat' | 'email' | 'meetingChat' }[];
  /** The delivery record in the plan, by key. */
  record: ReadonlyMap<string, Pick<RecipientDelivery, 'status' | 'at'>>;
  /** The last result of a send in this view, by key. */
  final: ReadonlyMap<string, Pick<RecipientReport, 'status' | 'problem'>>;
  /** The send that runs now, as far as it has told, by key. */
  live: ReadonlyMap<string, Pick<RecipientReport, 'status' | 'problem'>>;
  phase: SendPhase;
  /** When this view saw each recipient become `sent` (ISO); the record's own time wins once it is there. */
  seenSent: Readonly<Record<string, string>>;
  /** Throttled recipients: not before this time (epoch ms). */
  notBefore: Readonly<Record<string, number>>;
  /** Epoch ms. */
  now: number;
  /** A save clash is open: nothing may be sent until it is resolved. */
  blockedBySave: boolean;
}

/** Why a line says more than its status, beside the reason a recipient gets nothing. */
export type RowNote =
  | { kind: 'problem'; problem: Problem }
  /** After a reload the record says what happened, not why: "Prøv igen" will try again. */
  | { kind: 'failedEarlier' }
  /** After a reload: the answer was lost; "Prøv igen" looks first (in the chat, or in the mailbox). */
  | { kind: 'unknownEarlier'; channel: 'chat' | 'email' | 'meetingChat' };

export interface RowStatus {
  shown: ShownStatus;
  sentAt: Date | null;
  note: RowNote | null;
  /** The row's own "Prøv igen", or null when it offers none. */
  retry: { waitSeconds: number; disabled: boolean } | null;
}

export interface SendStatus {
  rows: ReadonlyMap<string, RowStatus>;
  sendingNow: boolean;
  /** The recipients the consent covers and a message goes to. */
  covered: number;
  sentCount: number;
  /** Covered, but without the minutes yet. */
  missing: readonly string[];
  everyoneHasIt: boolean;
  /** When the last of them got the minutes. */
  lastSentAt: Date | null;
  /** The button below the list, or null when it offers nothing. */
  bulk: { action: BulkAction; waitSeconds: number; disabled: boolean; request: SendRequest } | null;
}

const waitSecondsFor = (input: SendStatusInput, keys: readonly string[]): number => {
  const until = Math.max(0, ...keys.map((key) => input.notBefore[key] ?? 0));
  return until > input.now ? Math.ceil((until - input.now) / 1000) : 0;
};

export const sendStatus = (input: SendStatusInput): SendStatus => {
  const { phase } = input;
  const sendingNow = phase.kind === 'sending' || phase.kind === 'saving';
  const request = sendingNow ? phase.request : null;
  /** The status before the send that runs now (if any): the last result here, or the record in the plan. */
  const beforeOf = (key: string): Status | null =>
    input.final.get(key)?.status ?? input.record.get(key)?.status ?? null;
  /** The status as the pipeline last said it; while a send runs, its live report. */
  const rawOf = (key: string): Status | null => {
    const before = beforeOf(key);
    if (phase.kind !== 'sending') return before;
    const reported = input.live.get(key)?.status;
    if (reported) return reported;
    const selected = phase.request.only === null || phase.request.only.includes(key);
    return selected && before !== 'sent' ? 'pending' : before;
  };
  const shownOf = (key: string): ShownStatus => {
    const raw = rawOf(key);
    if (raw === null) return 'notYet';
    if (raw === 'pending') return sendingNow ? 'pending' : 'notYet';
    if (raw === 'unknown') return sendingNow ? 'sending' : 'unknown';
    return raw;
  };
  const sentAtOf = (key: string): Date | null => {
    const record = input.record.get(key);
    const at = record?.status === 'sent' && record.at ? record.at : input.seenSent[key];
    return at ? new Date(at) : null;
  };
  const noteOf = (
    key: string,
    channel: Extract<RowNote, { kind: 'unknownEarlier' }>['channel'],
    shown: ShownStatus,
  ): RowNote | null => {
    if (shown === 'sent' || shown === 'notYet' || shown === 'pending' || shown === 'sending') return null;
    const problem = input.live.get(key)?.problem ?? input.final.get(key)?.problem ?? null;
    if (problem) return { kind: 'problem', problem };
    if (shown === 'failed') return { kind: 'failedEarlier' };
    if (shown === 'unknown') return { kind: 'unknownEarlier', channel };
    return null;
  };
  const retryOf = (key: string, shown: ShownStatus): RowStatus['retry'] => {
    const offered = sendingNow ? beforeOf(key) : shown;
    if (offered !== 'failed' && offered !== 'unknown') return null;
    const waitSeconds = waitSecondsFor(input, [key]);
    return { waitSeconds, disabled: sendingNow || waitSeconds > 0 || input.blockedBySave };
  };

  const rows = new Map<string, RowStatus>();
  for (const { key, channel } of input.targets) {
    const shown = shownOf(key);
    rows.set(key, {
      shown,
      sentAt: shown === 'sent' ? sentAtOf(key) : null,
      note: noteOf(key, channel, shown),
      retry: retryOf(key, shown),
    });
  }
  const covered = input.targets.filter(({ key }) => rows.get(key)?.shown !== 'skipped').map(({ key }) => key);
  const sentCount = covered.filter((key) => rows.get(key)?.shown === 'sent').length;
  const missing = covered.filter((key) => rows.get(key)?.shown !== 'sent');
  const everyoneHasIt = !sendingNow && covered.length > 0 && missing.length === 0;
  const lastSentAt = covered
    .map(sentAtOf)
    .reduce<Date | null>((latest, at) => (at && (!latest || at > latest) ? at : latest), null);

  const tried = phase.kind === 'done' || sentCount > 0;
  const action: BulkAction | null =
    request?.bulk ??
    (!tried
      ? 'sendNow'
      : missing.length === 0
        ? null
        : missing.every((key) => rows.get(key)?.shown === 'failed')
          ? 'retryFailed'
          : 'retryMissing');
  const bulkWait = action === 'sendNow' ? 0 : waitSecondsFor(input, missing);
  return {
    rows,
    sendingNow,
    covered: covered.length,
    sentCount,
    missing,
    everyoneHasIt,
    lastSentAt,
    bulk:
      action === null || everyoneHasIt
        ? null
        : {
            action,
            waitSeconds: bulkWait,
            disabled: sendingNow || input.targets.length === 0 || input.blockedBySave || bulkWait > 0,
            request: action === 'sendNow' ? { only: null, bulk: action } : { only: missing, bulk: action },
          },
  };
};

/** The times this view first saw recipients become `sent`, with those the reports add. */
export const withSeenSent = (
  seen: Readonly<Record<string, string>>,
  reports: readonly Pick<RecipientReport, 'key' | 'status'>[],
  at: Date,
): Readonly<Record<string, string>> => {
  const fresh = reports.filter((r) => r.status === 'sent' && !seen[r.key]);
  return fresh.length === 0 ? seen : { ...seen, ...Object.fromEntries(fresh.map((r) => [r.key, at.toISOString()])) };
};

/** When each throttled recipient may be tried again, with what the reports say (Teams' Retry-After). */
export const withNotBefore = (
  until: Readonly<Record<string, number>>,
  reports: readonly Pick<RecipientReport, 'key' | 'status' | 'retryAfterMs'>[],
  at: Date,
): Readonly<Record<string, number>> => {
  const throttled = reports.filter((r) => r.retryAfterMs !== null && r.status !== 'sent');
  return throttled.length === 0
    ? until
    : { ...until, ...Object.fromEntries(throttled.map((r) => [r.key, at.getTime() + (r.retryAfterMs ?? 0)])) };
};

/** A new send forgets the waits of those it sends to (all of them, when it sends to everyone missing). */
export const notBeforeForSend = (
  until: Readonly<Record<string, number>>,
  request: SendRequest,
): Readonly<Record<string, number>> =>
  request.only === null
    ? {}
    : Object.fromEntries(Object.entries(until).filter(([key]) => !request.only?.includes(key)));
