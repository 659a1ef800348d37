/**
 * Make Microsoft 365 give each person the access the plan says (`wantedAccess`), and nobody else any: after a
 * booking, a consent changed or withdrawn, a participant added or removed, a role handed on, the minutes sent —
 * and whenever an owner or manager opens a plan whose consent has run out since.
 *
 * Like the delivery of the minutes, in steps over one value, and idempotent:
 * 1. Cheap check first: when the plan's access record already holds what is wanted, nothing is asked of Graph.
 * 2. Read the container's permissions, and find each person's account in the plan's tenant (a guest account for
 *    people of other organisations), once per person: the record keeps it.
 * 3. Write ahead: the record, with every change about to be made marked `pending`, is saved with If-Match first,
 *    so a change cut short (the tab closed) is finished by the next owner or manager who opens the plan.
 * 4. Apply the changes through the privacy guard (`clearAccessChanges`), one $batch; the user's own permission
 *    changes last, after the record is written, so they can still write it.
 * 5. Record what became of each person. Failures are per person, with the reason; nothing half done is silent.
 *
 * Re-running it changes nothing that is already right: the changes are computed against what Graph holds now.
 */
import { RETRY_FAILED_AFTER_MS, accessSummary, noticesDue, recordHolds } from './accessDue';
import { tellAccessEnded, type NoticeDeps } from './accessEndedNotices';
import type { AccessEntry, AccessRecord, AccessRole, Plan } from '../plan/planDocument';
import { updatePlan, type PlanChange } from '../plan/updatePlan';
import { addressOf } from '../plan/planAddress';
import type { Clock } from '../ports/clock';
import type { Failure, Outcome } from '../ports/outcome';
import type { AccessChange, Grant, PersonToResolve, PlanAccess } from '../ports/planAccess';
import type { PlanStore, StoredPlan } from '../ports/planStore';
import type { TenantPolicy } from '../policy';
import { clearAccessChanges } from '../privacy/privacyGuard';
import { copenhagenDate } from '../time/danishTime';
import { managesAccess, wantedAccess, type AccessReason, type WantedAccess } from './planAccess';

export interface AccessSyncDeps {
  store: Pick<PlanStore, 'save'>;
  access: PlanAccess;
  clock: Clock;
  policy: TenantPolicy;
  /** Letters, digits and `.:-`; default a random UUID. */
  newSyncId?: () => string;
  /**
   * Where the e-mail telling someone their access ended goes out (accessEndedNotices.ts); without it nobody is
   * told, and they are told the next time a sync has it. Asked for only when someone is to be told.
   */
  notices?: () => Promise<NoticeDeps['transport']>;
}

export interface AccessSyncOptions {
  /** The signed-in user's participant id in the plan: their own permission is changed last. */
  me: string | null;
  /** Read Microsoft 365's permissions even when the record says everything is in place (the access view). */
  thorough?: boolean;
  /** Attempts when others save the plan meanwhile. Default 3. */
  attempts?: number;
}

export type PersonStatus = 'applied' | 'pending' | 'failed' | 'notPossible';

export interface PersonAccess {
  participantId: string;
  role: AccessRole | null;
  reason: AccessReason;
  status: PersonStatus;
  /** Why it failed (Graph's or the guard's message), for the person's row. */
  error: string | null;
}

export type AccessSyncResult =
  | { outcome: 'inSync' | 'synced'; stored: StoredPlan; people: PersonAccess[] }
  /** Some changes failed; the others were made. `people` says who and why. */
  | { outcome: 'partly'; stored: StoredPlan; people: PersonAccess[] }
  /** The signed-in user's role cannot change access (a reader); the next owner or manager who opens it will. */
  | { outcome: 'cannotManage'; stored: StoredPlan; people: PersonAccess[] }
  | { outcome: 'failed'; stored: StoredPlan; people: PersonAccess[]; failure: Failure | { kind: 'conflict' } };

const entryOf = (record: AccessRecord | null, participantId: string): AccessEntry | undefined =>
  record?.entries.find((e) => e.participantId === participantId);

const peopleFrom = (record: AccessRecord | null, wanted: readonly WantedAccess[]): PersonAccess[] =>
  wanted.map((w) => {
    const entry = entryOf(record, w.participantId);
    const status: PersonStatus =
      w.reason === 'citizenOrRelative' || w.reason === 'noAccount'
        ? 'notPossible'
        : entry && (entry.role === w.role || entry.status === 'failed' || entry.status === 'notPossible')
          ? entry.status
          : w.role === null && !entry
            ? 'applied'
            : 'pending';
    return { participantId: w.participantId, role: w.role, reason: w.reason, status, error: entry?.error ?? null };
  });

const sameAccount = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();

/** What to change so Graph's permissions match what is wanted: one change per person at most. */
interface AccessWork {
  changes: AccessChange[];
  /** The user's own change, made after the record is written. */
  mine: AccessChange | null;
  entries: AccessEntry[];
}

const planChanges = (
  plan: Plan,
  wanted: readonly WantedAccess[],
  grants: readonly Grant[],
  principals: ReadonlyMap<string, Outcome<string>>,
  me: string | null,
  now: string,
): AccessWork => {
  const record = plan.access;
  const changes: AccessChange[] = [];
  let mine: AccessChange | null = null;
  const entries: AccessEntry[] = [];
  const claimed = new Set<string>();
  const owners = grants.filter((g) => g.role === 'owner').length;
  let ownersLeft = owners;

  for (const w of wanted) {
    const previous = entryOf(record, w.participantId);
    const found = principals.get(w.participantId);
    const email = plan.participants.find((x) => x.id === w.participantId)?.email ?? null;
    const known = found?.ok ? found.value : (previous?.principal ?? null);
    // A person's permission is found by their account, or by their address (the creator's, never looked up).
    const grant =
      grants.find((g) => known !== null && sameAccount(g.principal, known)) ??
      grants.find((g) => email !== null && g.email !== null && sameAccount(g.email, email));
    const principal = known ?? grant?.principal ?? null;
    if (grant) claimed.add(grant.permissionId);
    const base: AccessEntry = {
      participantId: w.participantId,
      role: w.role,
      principal,
      permissionId: grant?.permissionId ?? null,
      status: 'applied',
      error: null,
      at: now,
      endedNoticeAt: previous?.endedNoticeAt ?? null,
    };
    if (w.reason === 'citizenOrRelative' || w.reason === 'noAccount') {
      entries.push({ ...base, status: 'notPossible', error: w.reason });
      continue;
    }
    let change: AccessChange | null = null;
    if (w.role !== null && !grant) {
      if (!principal) {
        const why = found && !found.ok ? `${found.code}: ${found.message}` : 'noAccount';
        entries.push({ ...base, status: 'failed', error: why.slice(0, 500) });
        continue;
      }
      change = { kind: 'add', key: w.participantId, principal, role: w.role };
    } else if (grant?.principalOwner && w.role !== 'owner') {
      // The plan's creator stays its principal owner whatever the role (SharePoint Embedded cannot change that).
      entries.push({ ...base, role: 'owner', status: 'notPossible', error: 'principalOwner' });
      continue;
    } else if (w.role !== null && grant && grant.role !== w.role) {
      if (grant.role === 'owner' && ownersLeft <= 1) {
        entries.push({ ...base, role: 'owner', status: 'failed', error: 'lastOwner' });
        continue;
      }
      if (grant.role === 'owner') ownersLeft--;
      change = { kind: 'update', key: w.participantId, permissionId: grant.permissionId, role: w.role };
    } else if (w.role === null && grant) {
      if (grant.role === 'owner' && ownersLeft <= 1) {
        entries.push({ ...base, role: 'owner', status: 'failed', error: 'lastOwner' });
        continue;
      }
      if (grant.role === 'owner') ownersLeft--;
      change = { kind: 'remove', key: w.participantId, permissionId: grant.permissionId };
    }
    if (change === null) {
      entries.push(base);
      continue;
    }
    entries.push({ ...base, status: 'pending' });
    if (w.participantId === me && change.kind !== 'add') mine = change;
    else changes.push(change);
  }
  // Permissions of anyone the plan does not name (former participants, someone added by hand): removed.
  for (const grant of grants) {
    if (claimed.has(grant.permissionId) || grant.principalOwner) continue;
    if (grant.role === 'owner' && ownersLeft <= 1) continue;
    if (grant.role === 'owner') ownersLeft--;
    const former = record?.entries.find((e) => e.principal !== null && sameAccount(e.principal, grant.principal));
    const gone = former && !wanted.some((w) => w.participantId === former.participantId) ? former : null;
    changes.push({
      kind: 'remove',
      key: gone?.participantId ?? `grant:${grant.permissionId}`,
      permissionId: grant.permissionId,
    });
    if (gone)
      entries.push({ ...gone, role: null, permissionId: grant.permissionId, status: 'pending', error: null, at: now });
  }
  return { changes, mine, entries };
};

const withRecord =
  (record: AccessRecord): PlanChange =>
  (plan) =>
    JSON.stringify(plan.access) === JSON.stringify(record) ? null : { ...plan, access: record };

/** The outcome of each change onto the entries written ahead. */
const settle = (
  entries: readonly AccessEntry[],
  outcomes: ReadonlyMap<string, Outcome<Grant | null>>,
  now: string,
): AccessEntry[] =>
  entries.map((entry) => {
    if (entry.status !== 'pending') return entry;
    const outcome = outcomes.get(entry.participantId);
    if (!outcome) return entry;
    return outcome.ok
      ? { ...entry, status: 'applied', permissionId: outcome.value?.permissionId ?? null, error: null, at: now }
      : { ...entry, status: 'failed', error: `${outcome.code}: ${outcome.message}`.slice(0, 500), at: now };
  });

const resolveList = (plan: Plan, wanted: readonly WantedAccess[]): PersonToResolve[] =>
  wanted.flatMap((w) => {
    if (w.role === null) return [];
    if (entryOf(plan.access, w.participantId)?.principal) return [];
    const person = plan.participants.find((p) => p.id === w.participantId);
    if (!person?.email) return [];
    return [
      { key: person.id, email: person.email, name: person.name, homeTenantId: person.tenantId, userId: person.userId },
    ];
  });

export const syncAccess = async (
  deps: AccessSyncDeps,
  stored: StoredPlan,
  options: AccessSyncOptions,
): Promise<AccessSyncResult> => {
  const attempts = options.attempts ?? 3;
  let current = stored;
  for (let attempt = 0; attempt < attempts; attempt++) {
    const result = await attemptSync(deps, current, options);
    if (result.kind === 'done') return tellThoseShutOut(deps, result.result);
    current = result.current;
  }
  const wanted = wantedAccess(current.plan, copenhagenDate(deps.clock.now()));
  return {
    outcome: 'failed',
    stored: current,
    people: peopleFrom(current.plan.access, wanted),
    failure: { kind: 'conflict' },
  };
};

/** After the roles are in step: those whose access the ended consent took away are told, once, without content. */
const tellThoseShutOut = async (deps: AccessSyncDeps, result: AccessSyncResult): Promise<AccessSyncResult> => {
  if (!deps.notices || result.outcome === 'failed' || result.outcome === 'cannotManage') return result;
  if (noticesDue(result.stored.plan, copenhagenDate(deps.clock.now())).length === 0) return result;
  const transport = await deps.notices();
  const told = await tellAccessEnded(
    { store: deps.store, transport, clock: deps.clock, policy: deps.policy },
    result.stored,
  );
  return { ...result, stored: told.stored };
};

type Attempt = { kind: 'done'; result: AccessSyncResult } | { kind: 'restart'; current: StoredPlan };

const attemptSync = async (deps: AccessSyncDeps, stored: StoredPlan, options: AccessSyncOptions): Promise<Attempt> => {
  const nowDate = deps.clock.now();
  const now = nowDate.toISOString();
  const today = copenhagenDate(nowDate);
  const plan = stored.plan;
  const wanted = wantedAccess(plan, today);
  const done = (result: AccessSyncResult): Attempt => ({ kind: 'done', result });
  const view = (s: StoredPlan) => peopleFrom(s.plan.access, wanted);

  // 1. Cheap check.
  if (!options.thorough && recordHolds(plan.access, wanted, nowDate))
    return done({ outcome: 'inSync', stored, people: view(stored) });
  if (
    stored.myRole !== undefined &&
    stored.myRole !== null &&
    !managesAccess(stored.myRole === 'writer' ? null : stored.myRole)
  )
    return done({ outcome: 'cannotManage', stored, people: view(stored) });
  if (!addressOf(plan.id))
    return done({
      outcome: 'failed',
      stored,
      people: view(stored),
      failure: {
        ok: false,
        kind: 'invalid',
        status: null,
        code: 'access.legacyPlan',
        message: 'Planen er ikke flyttet til sin egen lagerplads endnu.',
      },
    });

  // 2. What Microsoft 365 holds, and whose account is whose.
  const [grants, principals] = await Promise.all([
    deps.access.grants(plan.id),
    deps.access.principals(plan.id, resolveList(plan, wanted)),
  ]);
  if (!grants.ok) {
    if (grants.kind === 'forbidden') return done({ outcome: 'cannotManage', stored, people: view(stored) });
    return done({ outcome: 'failed', stored, people: view(stored), failure: grants });
  }
  const syncId = deps.newSyncId?.() ?? globalThis.crypto.randomUUID();
  const { changes, mine, entries } = planChanges(plan, wanted, grants.value, principals, options.me, now);
  const record: AccessRecord = { syncId, startedAt: now, entries };

  // 3. Written ahead (or, with nothing to change, the record brought up to date).
  const ahead = await updatePlan(deps.store, stored, withRecord(record), { attempts: 1, now: () => deps.clock.now() });
  if (!ahead.ok) {
    if (ahead.kind === 'conflict') return { kind: 'restart', current: ahead.current };
    return done({ outcome: 'failed', stored, people: view(stored), failure: ahead });
  }
  if (changes.length === 0 && mine === null) {
    const failed = entries.some((e) => e.status === 'failed');
    return done({ outcome: failed ? 'partly' : 'synced', stored: ahead.stored, people: view(ahead.stored) });
  }

  // 4. The changes, through the guard.
  const ctx = { plan, policy: deps.policy, today };
  const cleared = clearAccessChanges(changes, ctx);
  if (cleared.verdict === 'blocked') {
    const failure: Failure = {
      ok: false,
      kind: 'blocked',
      status: null,
      code: cleared.reasons[0]?.code ?? 'privacy.blocked',
      message: cleared.reasons.map((r) => r.message.da).join(' '),
    };
    return done({ outcome: 'failed', stored: ahead.stored, people: view(ahead.stored), failure });
  }
  const outcomes = changes.length > 0 ? await deps.access.apply(plan.id, cleared.cleared) : new Map();

  // 5. What became of each, written with the merge rule: only our sync's entries, only if still ours.
  const settledEntries = settle(entries, outcomes, deps.clock.now().toISOString());
  const final: AccessRecord = { ...record, entries: settledEntries };
  const recorded = await updatePlan(
    deps.store,
    ahead.stored,
    (p) => (p.access?.syncId === syncId ? withRecord(final)(p) : null),
    { now: () => deps.clock.now() },
  );
  let result = recorded.ok ? recorded.stored : ahead.stored;

  if (mine) {
    const own = clearAccessChanges([mine], ctx);
    if (own.verdict !== 'blocked') {
      const applied = await deps.access.apply(plan.id, own.cleared);
      const outcome = applied.get(mine.key);
      if (outcome?.ok && mine.kind === 'remove') {
        // Without a role the plan can no longer be written by this user: the record said `pending` for them, and
        // the next owner who opens the plan settles it.
        result = { ...result, myRole: null };
      }
    }
  }
  const failed = settledEntries.some((e) => e.status === 'failed');
  return done({
    outcome: failed ? 'partly' : 'synced',
    stored: result,
    people: peopleFrom(result.plan.access, wanted),
  });
};

export { RETRY_FAILED_AFTER_MS, accessSummary, recordHolds };
