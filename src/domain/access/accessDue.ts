/**
 * The cheap questions about a plan's access record, asked on every opening before anything heavier is loaded or
 * any request is sent: does it hold what the plan wants, who can open the plan, and who is still to be told that
 * their access ended. The work itself (syncAccess.ts, accessEndedNotices.ts) loads only when one says so.
 */
import type { AccessEntry, AccessRecord, Plan } from '../plan/planDocument';
import { wantedAccess, type WantedAccess } from './planAccess';

/** A failed change is tried again at the next opening, but not more often than this. */
export const RETRY_FAILED_AFTER_MS = 60 * 60 * 1000;

const entryOf = (record: AccessRecord | null, participantId: string): AccessEntry | undefined =>
  record?.entries.find((e) => e.participantId === participantId);

/** Does the record already hold what is wanted (so nothing need be asked of Graph)? */
export const recordHolds = (record: AccessRecord | null, wanted: readonly WantedAccess[], now: Date): boolean =>
  wanted.every((w) => {
    const entry = entryOf(record, w.participantId);
    if (!entry) return w.role === null;
    if (entry.role !== w.role) return entry.status === 'notPossible' && w.role === null;
    if (entry.status === 'applied' || entry.status === 'notPossible') return true;
    return (
      entry.status === 'failed' && entry.at !== null && now.getTime() - Date.parse(entry.at) < RETRY_FAILED_AFTER_MS
    );
  }) &&
  // Someone no longer in the plan who still holds a role must lose it.
  (record?.entries ?? []).every((e) => e.role === null || wanted.some((w) => w.participantId === e.participantId));

/**
 * Those to tell now: their role was taken away (applied) because the consent no longer holds, they have an
 * address, and they were not told yet. The tovholder keeps the plan, so is never among them.
 */
export const noticesDue = (plan: Plan, today: string): AccessEntry[] => {
  const reasons = new Map(wantedAccess(plan, today).map((w) => [w.participantId, w.reason]));
  return (plan.access?.entries ?? []).filter(
    (e) =>
      e.role === null &&
      e.status === 'applied' &&
      e.principal !== null &&
      e.endedNoticeAt === null &&
      reasons.get(e.participantId) === 'consentNotValid' &&
      Boolean(plan.participants.find((p) => p.id === e.participantId)?.email),
  );
};

/**
 * Who can open the plan now and who should but cannot yet, from its access record: a person holds a role when
 * Microsoft 365 gave them a permission (whatever its role); someone wanted a role who holds none cannot open it
 * yet. A change of role that failed (a manager cannot make themselves owner; the creator stays owner) leaves the
 * person able to open it, so they are not named as shut out.
 */
export const accessSummary = (plan: Plan): { opens: string[]; notYet: string[] } => {
  const entries = plan.access?.entries ?? [];
  return {
    opens: entries.filter((e) => e.permissionId !== null).map((e) => e.participantId),
    notYet: entries.filter((e) => e.role !== null && e.permissionId === null).map((e) => e.participantId),
  };
};
