import { failure, success, type Failure, type Outcome } from '../../../src/domain/ports/outcome';
import type { AccessChange, Grant, PersonToResolve, PlanAccess } from '../../../src/domain/ports/planAccess';
import type { Cleared } from '../../../src/domain/privacy/cleared';

/**
 * Container roles in memory, with SharePoint Embedded's rules that matter to the app: one role per person, the
 * creator is principal owner (never removed or changed), the last owner stays, an unknown account is refused.
 * `accounts` maps an e-mail address to the account (principal name) the plan's tenant knows; an address without
 * one cannot be resolved (no guest account). `failNext` makes the next change of a person fail once.
 */
export class InMemoryPlanAccess implements PlanAccess {
  private readonly grantsByPlan = new Map<string, Grant[]>();
  private counter = 0;
  private readonly failures = new Map<string, Failure>();
  /** Every change applied, in order. */
  readonly applied: { planId: string; change: AccessChange }[] = [];
  grantReads = 0;

  constructor(readonly accounts: Map<string, string> = new Map()) {}

  /** The plan's container, made by `creator` (its principal owner). */
  create(planId: string, creatorPrincipal: string): this {
    this.grantsByPlan.set(planId, [
      {
        permissionId: this.nextId(),
        role: 'owner',
        principalOwner: true,
        principal: creatorPrincipal,
        email: creatorPrincipal,
        displayName: null,
      },
    ]);
    return this;
  }

  /** Someone gives a role outside the app (an admin, by hand). */
  grantByHand(planId: string, principal: string, role: Grant['role']): this {
    this.list(planId).push({
      permissionId: this.nextId(),
      role,
      principalOwner: false,
      principal,
      email: principal,
      displayName: null,
    });
    return this;
  }

  failNext(key: string, f: Failure = failure('throttled', 'TooManyRequests', 'Too many requests', 429)): this {
    this.failures.set(key, f);
    return this;
  }

  /** Who holds which role now (principal name → role). */
  roles(planId: string): Record<string, string> {
    return Object.fromEntries(this.list(planId).map((g) => [g.principal.toLowerCase(), g.role]));
  }

  async grants(planId: string): Promise<Outcome<Grant[]>> {
    this.grantReads += 1;
    if (!this.grantsByPlan.has(planId)) return failure('notFound', 'itemNotFound', 'No container', 404);
    return success(this.list(planId).map((g) => ({ ...g })));
  }

  async principals(_planId: string, people: PersonToResolve[]): Promise<Map<string, Outcome<string>>> {
    return new Map(
      people.map((p) => {
        const account = this.accounts.get(p.email.toLowerCase());
        return [
          p.key,
          account ? success(account) : failure('forbidden', 'noGuestAccount', `${p.name} has no account here`),
        ];
      }),
    );
  }

  async apply(planId: string, changes: Cleared<AccessChange[]>): Promise<Map<string, Outcome<Grant | null>>> {
    const result = new Map<string, Outcome<Grant | null>>();
    const grants = this.list(planId);
    for (const change of changes) {
      const failed = this.failures.get(change.key);
      if (failed) {
        this.failures.delete(change.key);
        result.set(change.key, failed);
        continue;
      }
      this.applied.push({ planId, change });
      if (change.kind === 'add') {
        if (grants.some((g) => g.principal.toLowerCase() === change.principal.toLowerCase())) {
          result.set(change.key, failure('failed', 'nameAlreadyExists', 'Already has a role', 409));
          continue;
        }
        const grant: Grant = {
          permissionId: this.nextId(),
          role: change.role,
          principalOwner: false,
          principal: change.principal,
          email: null,
          displayName: null,
        };
        grants.push(grant);
        result.set(change.key, success(grant));
        continue;
      }
      const grant = grants.find((g) => g.permissionId === change.permissionId);
      if (!grant) {
        result.set(
          change.key,
          change.kind === 'remove' ? success(null) : failure('notFound', 'itemNotFound', 'gone', 404),
        );
        continue;
      }
      const owners = grants.filter((g) => g.role === 'owner').length;
      const losesOwner = grant.role === 'owner' && (change.kind === 'remove' || change.role !== 'owner');
      if (grant.principalOwner || (losesOwner && owners <= 1)) {
        result.set(change.key, failure('invalid', 'invalidRequest', 'A container must keep its owner', 400));
        continue;
      }
      if (change.kind === 'remove') {
        grants.splice(grants.indexOf(grant), 1);
        result.set(change.key, success(null));
      } else {
        grant.role = change.role;
        result.set(change.key, success({ ...grant }));
      }
    }
    return result;
  }

  private list(planId: string): Grant[] {
    let grants = this.grantsByPlan.get(planId);
    if (!grants) {
      grants = [];
      this.grantsByPlan.set(planId, grants);
    }
    return grants;
  }

  private nextId(): string {
    this.counter += 1;
    return `perm-${this.counter}`;
  }
}
