/**
 * The delivery record kept in the plan document (kvitteringer): a delivery id, and per recipient the channel, the
 * status and where it went. It is written before anything is sent and after, so a retry — in this tab or after a
 * reload — knows who already has the minutes.
 *
 * Statuses: `pending` not tried yet; `unknown` tried, fate not confirmed (written just before sending, and kept when
 * the connection broke and the check after sending could not settle it) — look for the delivery id in the chat, or
 * for the e-mail by its draft id or its mark, before sending again; `sent` confirmed; `failed` refused or confirmed
 * not there, safe to send again; `skipped` not to be sent (outside the consent, no address, the sender).
 *
 * `chatId` is the 1:1 chat (or the meeting chat); `messageId` the kept chat message, or the e-mail's immutable id
 * (the draft's, which it keeps once sent) — a retry sends that same draft, which can never go out twice. Both may
 * be missing after a reload mid-send: the record is written while the chats are opened and the drafts made.
 */
import type { Delivery, Plan, RecipientDelivery } from '../plan/planDocument';
import type { Failure } from '../ports/outcome';

/** Failures after which the message may nevertheless have arrived: no answer, or a server error after sending. */
const NO_ANSWER_CODES = new Set(['unknownOutcome', 'timeout', 'network']);

export const mayHaveArrived = (failure: Failure): boolean =>
  failure.kind === 'failed' &&
  (NO_ANSWER_CODES.has(failure.code) || (failure.status !== null && failure.status >= 500));

/** "code: message", short enough for the record. */
export const failureText = (failure: Failure): string => `${failure.code}: ${failure.message}`.slice(0, 500);

/**
 * Recipient statuses merged onto the version someone else saved meanwhile. For recipients this run touched ours
 * win, except that a confirmed `sent` never goes back; everyone else keeps the stored status.
 */
export const mergeRecipients = (
  stored: readonly RecipientDelivery[],
  ours: readonly RecipientDelivery[],
  touched: ReadonlySet<string>,
): RecipientDelivery[] => {
  const oursById = new Map(ours.map((r) => [r.participantId, r]));
  const merged = stored.map((theirs) => {
    const mine = oursById.get(theirs.participantId);
    if (!mine || !touched.has(theirs.participantId)) return theirs;
    return theirs.status === 'sent' && mine.status !== 'sent' ? theirs : mine;
  });
  const storedIds = new Set(stored.map((r) => r.participantId));
  return [...merged, ...ours.filter((r) => !storedIds.has(r.participantId))];
};

/** The plan with one meeting's delivery replaced. */
export const withDelivery = (plan: Plan, meetingId: string, delivery: Delivery, now: Date): Plan => ({
  ...plan,
  updatedAt: now.toISOString(),
  meetings: plan.meetings.map((m) => (m.id === meetingId ? { ...m, delivery } : m)),
});
