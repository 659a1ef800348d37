import type { AccessRole } from '../plan/planDocument';
import type { Cleared } from '../privacy/cleared';
import type { Outcome } from './outcome';

/** A container permission as Microsoft 365 holds it. */
export interface Grant {
  permissionId: string;
  /** `writer` only when set outside the app. */
  role: AccessRole | 'writer';
  /** The container's creator, its principal owner: Microsoft 365 does not let anyone remove or change it. */
  principalOwner: boolean;
  /** The account's user principal name in the plan's tenant (a guest's for people of other organisations). */
  principal: string;
  /** The account's e-mail address as Graph gives it (a guest's is their own). */
  email: string | null;
  displayName: string | null;
}

/** A person to find the account of, in the plan's tenant. */
export interface PersonToResolve {
  key: string;
  email: string;
  name: string;
  /** The person's own tenant: the plan's tenant for its members, another organisation's for guests. */
  homeTenantId: string | null;
  /** Their object id in their own tenant, when known. */
  userId: string | null;
}

export type AccessChange =
  | { kind: 'add'; key: string; principal: string; role: AccessRole }
  | { kind: 'update'; key: string; permissionId: string; role: AccessRole }
  | { kind: 'remove'; key: string; permissionId: string };

/**
 * Who can open a plan, in Microsoft 365: the roles on its container. Changing them gives or takes plan bytes, so a
 * change passes the privacy guard first (`clearAccessChanges`: only someone the consent covers, or the koordinator,
 * is given a role).
 */
export interface PlanAccess {
  grants(planId: string): Promise<Outcome<Grant[]>>;
  /**
   * Per key, the account in the plan's tenant: a member's principal name, or for someone of another organisation
   * their guest account there — found, or invited without an e-mail where the tenant lets this user invite guests.
   */
  principals(planId: string, people: PersonToResolve[]): Promise<Map<string, Outcome<string>>>;
  /** One $batch per 20 changes; per key, the permission as it now stands (null once removed). */
  apply(planId: string, changes: Cleared<AccessChange[]>): Promise<Map<string, Outcome<Grant | null>>>;
}
