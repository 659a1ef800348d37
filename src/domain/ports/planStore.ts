import type { AccessRole, Plan } from '../plan/planDocument';
import type { Failure, Outcome } from './outcome';

export interface StoredPlan {
  plan: Plan;
  eTag: string;
  /**
   * The signed-in user's role on the plan's container as Microsoft 365 reports it (SharePoint Embedded's
   * `viewpoint.effectiveRole`), when the store read it; `writer` only when someone set it outside the app.
   */
  myRole?: AccessRole | 'writer' | null;
}

export interface PlanSummary {
  planId: string;
  caseReference: string;
  eTag: string;
}

/** A tenant the store asked for my plans, and what became of it. */
export interface PlanPlace {
  tenantId: string;
  /** `notMember`: I have no account there (not a guest); nothing to list, not an error. */
  state: 'listed' | 'notMember' | 'failed';
  failure?: Failure;
}

export interface MyPlans {
  /** The plans I may open, each read in full. */
  plans: StoredPlan[];
  /** Plans I may open whose document could not be read: shown, never hidden silently. */
  unreadable: PlanSummary[];
  /** Where the store looked: my own tenant and the partner tenants where I may be a guest. */
  places: PlanPlace[];
}

/** A save with a stale eTag: someone else saved first. The caller merges; nothing is overwritten silently. */
export interface Conflict {
  ok: false;
  kind: 'conflict';
  current: StoredPlan;
}

export type SaveOutcome = Outcome<StoredPlan> | Conflict;

/**
 * Where plan documents live: one SharePoint Embedded container per plan, in the tenant of the organisation that
 * started it (docs/decisions/0008-plan-access.md). Microsoft 365 decides who may open each: a plan the user may not
 * read is `forbidden` or `notFound` from Graph itself, and no byte of it reaches the browser.
 */
export interface PlanStore {
  /** The plans I belong to, across my tenant and the partner tenants: costs grow with my plans, not the tenant's. */
  list(): Promise<Outcome<MyPlans>>;
  load(planId: string): Promise<Outcome<StoredPlan>>;
  /**
   * A new, empty place for a plan in the signed-in user's own tenant (a container only its creator can open, which
   * Microsoft 365 removes by itself if no plan is ever saved in it): its address is the new plan's id.
   */
  reserve(caseReference: string): Promise<Outcome<string>>;
  /**
   * Writes the whole document with `If-Match` on `eTag`; null creates it (`If-None-Match: *`) in the place
   * `reserve` made, and refuses to replace an existing one. A plan is never written blind.
   */
  save(plan: Plan, eTag: string | null): Promise<SaveOutcome>;
}

export type { Failure };
