import type { Outcome } from './outcome';
import type { Conflict, PlanSummary, SaveOutcome, StoredPlan } from './planStore';
import type { Plan } from '../plan/planDocument';

/**
 * What the move leaves in the old library in place of a plan: where it went, and nothing about the case but its
 * reference (a link from an old card or invitation still finds the plan, and only those it is shared with open it).
 */
export interface MovedPointer {
  movedTo: string;
  caseReference: string;
  movedAt: string;
}

export type LegacyEntry =
  { kind: 'plan'; stored: StoredPlan } | { kind: 'moved'; pointer: MovedPointer; eTag: string; planId: string };

/**
 * The first version's store: one SharePoint document library of the home tenant that every member of the
 * organisation could read. Kept for plans not moved yet (they stay readable where they were) and for the move.
 */
export interface LegacyPlanLibrary {
  /** Every document in the library: plans still there, and pointers to plans already moved. */
  list(): Promise<Outcome<{ entries: LegacyEntry[]; unreadable: PlanSummary[] }>>;
  load(planId: string): Promise<Outcome<LegacyEntry>>;
  /** Plans not moved yet are written where they are, with If-Match as always. */
  save(plan: Plan, eTag: string | null): Promise<SaveOutcome>;
  /** Replaces the plan's document with a pointer, If-Match on the eTag the move read it with. */
  leavePointer(planId: string, pointer: MovedPointer, eTag: string): Promise<Outcome<void> | Conflict>;
}
