import { PlanSchema, type Plan } from '../../../src/domain/plan/planDocument';
import type { LegacyEntry, LegacyPlanLibrary, MovedPointer } from '../../../src/domain/ports/legacyPlanLibrary';
import { failure, success, type Failure, type Outcome } from '../../../src/domain/ports/outcome';
import type { Conflict, PlanSummary, SaveOutcome } from '../../../src/domain/ports/planStore';

/** The first version's library in memory: plans or pointers by old id, each write with If-Match. */
export class InMemoryLegacyLibrary implements LegacyPlanLibrary {
  private readonly docs = new Map<string, { entry: { plan: Plan } | { pointer: MovedPointer }; eTag: string }>();
  private version = 0;
  /** The next pointer for this old id fails with this, once. */
  readonly failPointer = new Map<string, Failure>();
  /** Before the pointer for this id is left, someone changes the plan there (once). */
  readonly changeBeforePointer = new Map<string, (plan: Plan) => Plan>();
  unreadable: string[] = [];

  constructor(plans: readonly Plan[] = []) {
    for (const plan of plans) this.put(plan.id, { plan: PlanSchema.parse(plan) });
  }

  entry(id: string): LegacyEntry | undefined {
    const doc = this.docs.get(id);
    if (!doc) return undefined;
    return 'plan' in doc.entry
      ? { kind: 'plan', stored: { plan: doc.entry.plan, eTag: doc.eTag } }
      : { kind: 'moved', pointer: doc.entry.pointer, eTag: doc.eTag, planId: id };
  }

  async list(): Promise<Outcome<{ entries: LegacyEntry[]; unreadable: PlanSummary[] }>> {
    const entries = [...this.docs.keys()].map((id) => this.entry(id)).filter((e): e is LegacyEntry => !!e);
    return success({ entries, unreadable: this.unreadable.map((planId) => ({ planId, caseReference: '', eTag: '' })) });
  }

  async load(planId: string): Promise<Outcome<LegacyEntry>> {
    const entry = this.entry(planId);
    return entry ? success(entry) : failure('notFound', 'itemNotFound', 'gone', 404);
  }

  async save(plan: Plan, eTag: string | null): Promise<SaveOutcome> {
    const doc = this.docs.get(plan.id);
    if ((doc && doc.eTag !== eTag) || (!doc && eTag !== null)) {
      const current = this.entry(plan.id);
      return current?.kind === 'plan'
        ? { ok: false, kind: 'conflict', current: current.stored }
        : failure('notFound', 'planMoved', 'moved', 404);
    }
    const eTagNow = this.put(plan.id, { plan: PlanSchema.parse(plan) });
    return success({ plan, eTag: eTagNow });
  }

  async leavePointer(planId: string, pointer: MovedPointer, eTag: string): Promise<Outcome<void> | Conflict> {
    const fail = this.failPointer.get(planId);
    if (fail) {
      this.failPointer.delete(planId);
      return fail;
    }
    const change = this.changeBeforePointer.get(planId);
    const doc = this.docs.get(planId);
    if (change && doc && 'plan' in doc.entry) {
      this.changeBeforePointer.delete(planId);
      this.put(planId, { plan: change(doc.entry.plan) });
    }
    const now = this.docs.get(planId);
    if (!now) return failure('notFound', 'itemNotFound', 'gone', 404);
    if (now.eTag !== eTag) {
      const current = this.entry(planId);
      return current?.kind === 'plan' ? { ok: false, kind: 'conflict', current: current.stored } : success(undefined);
    }
    this.put(planId, { pointer });
    return success(undefined);
  }

  private put(id: string, entry: { plan: Plan } | { pointer: MovedPointer }): string {
    this.version += 1;
    const eTag = `"{legacy-${this.version}},1"`;
    this.docs.set(id, { entry, eTag });
    return eTag;
  }
}
