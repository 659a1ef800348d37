import { PlanSchema, type Plan } from '../../../src/domain/plan/planDocument';
import { failure, success, type Failure, type Outcome } from '../../../src/domain/ports/outcome';
import { planIdOf } from '../../../src/domain/plan/planAddress';
import { HOME_TENANT } from '../cast';
import type { MyPlans, PlanStore, SaveOutcome, StoredPlan } from '../../../src/domain/ports/planStore';

/**
 * Plan documents in memory, with the store's If-Match behaviour: every save gets a new eTag, a save with a stale
 * eTag is a conflict carrying the current version, and a create (eTag null) of an existing plan is a conflict too.
 * Documents are kept as validated JSON, so a caller mutating what it loaded changes nothing here.
 * `saveAsSomeoneElse` acts out another panel saving in between; `failNext` a dropped network; `refuse` makes a
 * plan one the signed-in user may not open (Graph's 403: not listed, not loaded, not saved).
 */
export class InMemoryPlanStore implements PlanStore {
  private readonly docs = new Map<string, { json: string; eTag: string }>();
  private version = 0;
  private readonly failures: Failure[] = [];
  /** Every save attempt, in order, with the eTag it was made against. */
  readonly saveCalls: { planId: string; eTag: string | null; outcome: 'saved' | 'conflict' | 'failed' }[] = [];
  loadCalls = 0;
  private readonly refused = new Set<string>();
  private reserved = 0;
  /** The tenant `reserve` makes plans in. */
  tenantId = HOME_TENANT.id;
  /** The container id the next `reserve` gives (default: numbered ones). */
  nextContainerId: string | null = null;
  readonly reserveCalls: string[] = [];

  constructor(plans: readonly Plan[] = []) {
    for (const plan of plans) this.put(plan);
  }

  /** The stored version of a plan right now (for assertions). */
  current(planId: string): StoredPlan {
    const doc = this.docs.get(planId);
    if (!doc) throw new Error(`no plan ${planId} in the store`);
    return { plan: PlanSchema.parse(JSON.parse(doc.json)), eTag: doc.eTag };
  }

  /** Another user saves this version now (no eTag check), so the next save from a panel meets a 412. */
  saveAsSomeoneElse(plan: Plan): StoredPlan {
    return this.put(plan);
  }

  /** The next save fails with this (default: a dropped connection), once per call. */
  failNext(f: Failure = failure('failed', 'NetworkError', 'The connection was lost')): this {
    this.failures.push(f);
    return this;
  }

  /** The signed-in user's role on the plan, as Microsoft 365 reports it when the plan is opened. */
  private readonly roles = new Map<string, NonNullable<StoredPlan['myRole']>>();
  holdsRole(planId: string, role: NonNullable<StoredPlan['myRole']>): this {
    this.roles.set(planId, role);
    return this;
  }

  /** The signed-in user may not open this plan: Microsoft 365 refuses it. */
  refuse(planId: string): this {
    this.refused.add(planId);
    return this;
  }

  async list(): Promise<Outcome<MyPlans>> {
    const plans = [...this.docs.keys()].filter((id) => !this.refused.has(id)).map((id) => this.current(id));
    return success({ plans, unreadable: [], places: [{ tenantId: this.tenantId, state: 'listed' }] });
  }

  async load(planId: string): Promise<Outcome<StoredPlan>> {
    this.loadCalls += 1;
    if (this.refused.has(planId)) return failure('forbidden', 'accessDenied', 'Access denied', 403);
    if (!this.docs.has(planId)) return failure('notFound', 'itemNotFound', `No plan ${planId}`, 404);
    const role = this.roles.get(planId);
    return success({ ...this.current(planId), ...(role ? { myRole: role } : {}) });
  }

  async reserve(caseReference: string): Promise<Outcome<string>> {
    this.reserved += 1;
    this.reserveCalls.push(caseReference);
    const containerId = this.nextContainerId ?? `b!container-${this.reserved}`;
    this.nextContainerId = null;
    return success(planIdOf({ tenantId: this.tenantId, containerId }));
  }

  async save(plan: Plan, eTag: string | null): Promise<SaveOutcome> {
    const failed = this.failures.shift();
    if (this.refused.has(plan.id)) return failure('forbidden', 'accessDenied', 'Access denied', 403);
    if (failed) {
      this.saveCalls.push({ planId: plan.id, eTag, outcome: 'failed' });
      return failed;
    }
    const existing = this.docs.get(plan.id);
    if ((existing && existing.eTag !== eTag) || (!existing && eTag !== null)) {
      this.saveCalls.push({ planId: plan.id, eTag, outcome: 'conflict' });
      if (!existing) return failure('notFound', 'itemNotFound', `No plan ${plan.id}`, 404);
      return { ok: false, kind: 'conflict', current: this.current(plan.id) };
    }
    this.saveCalls.push({ planId: plan.id, eTag, outcome: 'saved' });
    return success(this.put(plan));
  }

  private put(plan: Plan): StoredPlan {
    const checked = PlanSchema.parse(plan);
    this.version += 1;
    const eTag = `"{plan-${this.version}},1"`;
    this.docs.set(checked.id, { json: JSON.stringify(checked), eTag });
    return this.current(checked.id);
  }
}
