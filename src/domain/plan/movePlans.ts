/**
 * Flyt planerne: from the first version's document library (which every member of the organisation could open)
 * to a container of their own each, where only those the consent covers can open them.
 *
 * Per plan, in steps that can each be repeated:
 * 1. Read it from the library, with its eTag. A pointer there means it was moved already: nothing to do.
 * 2. Find the copy an earlier, interrupted run made (a plan of the mover's with the same case reference and the
 *    same creation time), or make its place and write the plan there with its whole history (its meetings,
 *    minutes as sent and receipts are all in the document), under its new id.
 * 3. Leave a pointer in the library in the plan's place, with If-Match on the eTag read in step 1: if someone
 *    changed the plan there meanwhile, their version is copied over first, so nothing written in the library is
 *    lost. Old links in cards and invitations follow the pointer.
 * 4. Give each person the access the consent says (`syncAccess`); the mover's own role, if the plan does not name
 *    them, goes last. A run cut short before this finishes it the next time: a moved plan the mover still holds
 *    gets its access set again.
 *
 * Who moves a plan matters: its mover creates its container and stays the container's principal owner, whom
 * Microsoft 365 does not let anyone remove. So each koordinator moves their own plans (`only: 'mine'`), and an
 * admin moves the rest (`'all'`) only where a plan's koordinator has left — and is told they keep access until
 * ownership is transferred.
 *
 * A plan whose move fails stays readable where it was, and the report names it by its case reference with the
 * reason. Running the move again changes nothing that is already moved.
 */
import { syncAccess } from '../access/syncAccess';
import type { Clock } from '../ports/clock';
import type { LegacyPlanLibrary } from '../ports/legacyPlanLibrary';
import type { Failure } from '../ports/outcome';
import type { PlanAccess } from '../ports/planAccess';
import type { PlanStore, StoredPlan } from '../ports/planStore';
import type { TenantPolicy } from '../policy';
import { currentKoordinatorId } from '../access/planAccess';
import { participantByEmail, sameEmail } from '../roles/roles';
import type { Plan } from './planDocument';
import { updatePlan } from './updatePlan';

export interface MoveDeps {
  legacy: LegacyPlanLibrary;
  store: PlanStore;
  access: PlanAccess;
  clock: Clock;
  policy: TenantPolicy;
}

export type MoveOutcome =
  | { caseReference: string; legacyId: string; state: 'moved'; planId: string; accessProblems: number }
  | { caseReference: string; legacyId: string; state: 'alreadyMoved'; planId: string }
  /** Left for its koordinator to move (`only: 'mine'`). */
  | { caseReference: string; legacyId: string; state: 'notMine'; koordinator: string | null }
  | {
      caseReference: string;
      legacyId: string;
      state: 'failed';
      step: 'read' | 'copy' | 'pointer';
      failure: Failure | { kind: 'conflict' };
    };

export interface MoveReport {
  /** Could the library be read at all (the mover needs read access to all of it). */
  library: { ok: true } | { ok: false; failure: Failure };
  plans: MoveOutcome[];
  /** Files in the library that are not plans, by name: left where they are. */
  unreadable: string[];
}

/** Attempts at leaving the pointer while others keep changing the plan in the library. */
const POINTER_ATTEMPTS = 3;

const sameOrigin = (a: Plan, b: Plan): boolean => a.caseReference === b.caseReference && a.createdAt === b.createdAt;

/** The plan as it goes into its own place: the same document under its new id (the access is set afresh). */
const asMoved = (plan: Plan, id: string): Plan => ({ ...plan, id, access: null });

export interface MoveOptions {
  myEmail: string;
  /** `mine`: only plans whose koordinator is the signed-in user; `all`: every plan (an admin's move). */
  only: 'mine' | 'all';
}

export const movePlans = async (deps: MoveDeps, options: MoveOptions): Promise<MoveReport> => {
  const listed = await deps.legacy.list();
  if (!listed.ok) return { library: { ok: false, failure: listed }, plans: [], unreadable: [] };
  const mine = await deps.store.list();
  const existing: StoredPlan[] = mine.ok ? mine.value.plans : [];
  const plans: MoveOutcome[] = [];
  for (const entry of listed.value.entries) {
    if (entry.kind === 'moved') {
      const held = existing.find((s) => s.plan.id === entry.pointer.movedTo);
      if (held) await setAccess(deps, held, options.myEmail);
      plans.push({
        caseReference: entry.pointer.caseReference,
        legacyId: entry.planId,
        state: 'alreadyMoved',
        planId: entry.pointer.movedTo,
      });
      continue;
    }
    const plan = entry.stored.plan;
    const koordinator = plan.participants.find((x) => x.id === currentKoordinatorId(plan)) ?? null;
    if (options.only === 'mine' && !sameEmail(koordinator?.email, options.myEmail)) {
      plans.push({
        caseReference: plan.caseReference,
        legacyId: plan.id,
        state: 'notMine',
        koordinator: koordinator?.name ?? null,
      });
      continue;
    }
    plans.push(await moveOne(deps, entry.stored, existing, options.myEmail));
  }
  return { library: { ok: true }, plans, unreadable: listed.value.unreadable.map((u) => u.planId) };
};

/** The moved plan's access as its consent says; the number of people who could not be given theirs yet. */
const setAccess = async (deps: MoveDeps, copy: StoredPlan, myEmail: string): Promise<number> => {
  const access = await syncAccess(
    { store: deps.store, access: deps.access, clock: deps.clock, policy: deps.policy },
    copy,
    { me: participantByEmail(copy.plan, myEmail)?.id ?? null, thorough: true },
  );
  return access.people.filter((p) => p.status === 'failed').length;
};

const moveOne = async (
  deps: MoveDeps,
  original: StoredPlan,
  existing: readonly StoredPlan[],
  myEmail: string,
): Promise<MoveOutcome> => {
  const legacyId = original.plan.id;
  const caseReference = original.plan.caseReference;
  const failed = (step: 'read' | 'copy' | 'pointer', failure: Failure | { kind: 'conflict' }): MoveOutcome => ({
    caseReference,
    legacyId,
    state: 'failed',
    step,
    failure,
  });

  // 2. The copy an interrupted run made, or a new one.
  let copy: StoredPlan | null = existing.find((s) => sameOrigin(s.plan, original.plan)) ?? null;
  if (!copy) {
    const place = await deps.store.reserve(caseReference);
    if (!place.ok) return failed('copy', place);
    const written = await deps.store.save(asMoved(original.plan, place.value), null);
    if (!written.ok) return failed('copy', written.kind === 'conflict' ? { kind: 'conflict' } : written);
    copy = written.value;
  }

  // 3. The pointer, If-Match on what was read; a newer version in the library is copied over first.
  let read = original;
  for (let attempt = 0; attempt < POINTER_ATTEMPTS; attempt++) {
    const left = await deps.legacy.leavePointer(
      legacyId,
      { movedTo: copy.plan.id, caseReference, movedAt: deps.clock.now().toISOString() },
      read.eTag,
    );
    if (left.ok) {
      // 4. Access as the consent says.
      const accessProblems = await setAccess(deps, copy, myEmail);
      return { caseReference, legacyId, state: 'moved', planId: copy.plan.id, accessProblems };
    }
    if (left.kind !== 'conflict') return failed('pointer', left);
    read = left.current;
    const newer = read.plan;
    const updated = await updatePlan(
      deps.store,
      copy,
      (current) => ({ ...asMoved(newer, current.id), access: current.access }),
      { now: () => deps.clock.now() },
    );
    if (!updated.ok) return failed('copy', updated.kind === 'conflict' ? { kind: 'conflict' } : updated);
    copy = updated.stored;
  }
  return failed('pointer', { kind: 'conflict' });
};
