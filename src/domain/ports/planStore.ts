import type { Plan } from '../plan/planDocument';
import type { Failure, Outcome } from './outcome';

export interface StoredPlan {
  plan: Plan;
  eTag: string;
}

export interface PlanSummary {
  planId: string;
  caseReference: string;
  eTag: string;
}

/** A save with a stale eTag: someone else saved first. The caller merges; nothing is overwritten silently. */
export interface Conflict {
  ok: false;
  kind: 'conflict';
  current: StoredPlan;
}

export type SaveOutcome = Outcome<StoredPlan> | Conflict;

/** Where plan documents live (a SharePoint document library in production), written with If-Match. */
export interface PlanStore {
  list(): Promise<Outcome<PlanSummary[]>>;
  load(planId: string): Promise<Outcome<StoredPlan>>;
  /** `eTag` null creates a new document and fails with a conflict if it already exists. */
  save(plan: Plan, eTag: string | null): Promise<SaveOutcome>;
}

export type { Failure };
