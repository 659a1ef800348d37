import * as z from 'zod/mini';
import { addressOf, type PlanAddress } from '../../domain/plan/planAddress';
import { AccessRoleSchema } from '../../domain/plan/planDocument';
import { failure, success, type Outcome } from '../../domain/ports/outcome';
import type { AccessChange, Grant, PersonToResolve, PlanAccess } from '../../domain/ports/planAccess';
import type { Cleared } from '../../domain/privacy/cleared';
import { batchResult, sendBatch, type BatchItem } from './graphBatch';
import { odataString, query, type GraphClient } from './graphClient';

/**
 * Who can open a plan, as the roles on its SharePoint Embedded container
 * (`/storage/fileStorage/containers/{id}/permissions`): read, add, change and remove them, one $batch per round.
 *
 * People of another organisation hold their role through their guest account in the plan's tenant (Entra B2B).
 * Their account is found with an invitation (`POST /invitations`, no e-mail sent): Graph answers an existing guest
 * with that same account, so asking again is harmless. Where the tenant does not let this user invite guests, an
 * existing guest is looked up by address instead; without one the person's row says what the admin must do.
 */

export interface GraphPlanAccessOptions {
  graphFor: (tenantId: string) => GraphClient;
  /**
   * A client that also asks for User.Invite.All, used only for a round that invites a guest: the permission is asked
   * for the first time someone of another organisation needs an account, not at every change of access.
   */
  inviteGraphFor?: (tenantId: string) => GraphClient;
  /** Where an invited guest lands if they ever follow the invitation themselves: the app. */
  appBaseUrl: string;
}

const UserRefSchema = z.object({
  id: z.nullish(z.string()),
  displayName: z.nullish(z.string()),
  email: z.nullish(z.string()),
  userPrincipalName: z.nullish(z.string()),
});
const PermissionSchema = z.object({
  id: z.string().check(z.minLength(1)),
  roles: z.array(z.string()),
  grantedToV2: z.nullish(z.object({ user: z.nullish(UserRefSchema) })),
});
const PermissionsSchema = z.object({ value: z.array(PermissionSchema) });
const InvitationSchema = z.object({ invitedUser: z.object({ id: z.string().check(z.minLength(1)) }) });
const UpnSchema = z.object({ id: z.string(), userPrincipalName: z.string().check(z.minLength(1)) });
const UsersSchema = z.object({ value: z.array(UpnSchema) });

const ROLE = z.union([AccessRoleSchema, z.literal('writer'), z.literal('principalOwner')]);

const toGrant = (permission: z.infer<typeof PermissionSchema>): Grant | null => {
  const user = permission.grantedToV2?.user;
  const role = ROLE.safeParse(permission.roles[0]);
  if (!user?.userPrincipalName || !role.success) return null;
  return {
    permissionId: permission.id,
    // The container's creator: an owner nobody can remove (principal ownership can only be transferred).
    role: role.data === 'principalOwner' ? 'owner' : role.data,
    principalOwner: role.data === 'principalOwner',
    principal: user.userPrincipalName,
    email: user.email ?? null,
    displayName: user.displayName ?? null,
  };
};

const permissionsPath = (address: PlanAddress): string =>
  `/storage/fileStorage/containers/${encodeURIComponent(address.containerId)}/permissions`;

const notAPlan = () => failure('invalid', 'access.legacyPlan', 'Planen er ikke flyttet til sin egen lagerplads endnu.');

export class GraphPlanAccess implements PlanAccess {
  constructor(private readonly options: GraphPlanAccessOptions) {}

  async grants(planId: string): Promise<Outcome<Grant[]>> {
    const address = addressOf(planId);
    if (!address) return notAPlan();
    const listed = await this.options
      .graphFor(address.tenantId)
      .request({ method: 'GET', path: permissionsPath(address) }, PermissionsSchema);
    if (!listed.ok) return listed;
    return success(listed.value.value.map(toGrant).filter((g): g is Grant => g !== null));
  }

  async principals(planId: string, people: PersonToResolve[]): Promise<Map<string, Outcome<string>>> {
    const result = new Map<string, Outcome<string>>();
    const address = addressOf(planId);
    if (!address) {
      for (const person of people) result.set(person.key, notAPlan());
      return result;
    }
    if (people.length === 0) return result;
    const graph = this.options.graphFor(address.tenantId);
    const members = people.filter((p) => p.homeTenantId === null || p.homeTenantId.toLowerCase() === address.tenantId);
    const guests = people.filter((p) => !members.includes(p));

    // Members: their principal name from the directory (mail and UPN often differ in real tenants).
    // Guests: an invitation without an e-mail gives their guest account's id, whether it is new or not.
    const first: BatchItem[] = [
      ...members.map((p, n): BatchItem => ({
        id: `m${n}`,
        method: 'GET',
        path: `/users/${encodeURIComponent(p.userId ?? p.email)}${query({ $select: 'id,userPrincipalName' })}`,
      })),
      ...guests.map((p, n): BatchItem => ({
        id: `g${n}`,
        method: 'POST',
        path: '/invitations',
        headers: { 'Content-Type': 'application/json' },
        body: {
          invitedUserEmailAddress: p.email,
          invitedUserDisplayName: p.name,
          inviteRedirectUrl: this.options.appBaseUrl,
          sendInvitationMessage: false,
        },
        // Graph answers a repeated invitation with the same guest account and sends nothing.
        idempotent: true,
      })),
    ];
    const inviting = guests.length > 0 ? (this.options.inviteGraphFor?.(address.tenantId) ?? graph) : graph;
    const firstRound = await sendBatch(inviting, first);
    members.forEach((p, n) => {
      const user = batchResult(firstRound, `m${n}`, UpnSchema, 'GET user');
      result.set(p.key, user.ok ? success(user.value.userPrincipalName) : user);
    });

    // Guests: the account's principal name, by id — or, where inviting is not allowed, an existing guest by address.
    const second: BatchItem[] = guests.map((p, n) => {
      const invited = batchResult(firstRound, `g${n}`, InvitationSchema, 'POST /invitations');
      return invited.ok
        ? {
            id: `g${n}`,
            method: 'GET',
            path: `/users/${encodeURIComponent(invited.value.invitedUser.id)}${query({ $select: 'id,userPrincipalName' })}`,
          }
        : {
            id: `f${n}`,
            method: 'GET',
            path: `/users${query({ $filter: `mail eq ${odataString(p.email)}`, $select: 'id,userPrincipalName' })}`,
          };
    });
    const secondRound = second.length > 0 ? await sendBatch(graph, second) : new Map();
    guests.forEach((p, n) => {
      if (secondRound.has(`g${n}`)) {
        const user = batchResult(secondRound, `g${n}`, UpnSchema, 'GET user');
        result.set(p.key, user.ok ? success(user.value.userPrincipalName) : user);
        return;
      }
      const found = batchResult(secondRound, `f${n}`, UsersSchema, 'GET users');
      const invited = firstRound.get(`g${n}`);
      const guest = found.ok ? found.value.value[0] : undefined;
      if (guest) result.set(p.key, success(guest.userPrincipalName));
      else
        result.set(
          p.key,
          failure(
            'forbidden',
            'noGuestAccount',
            `${p.name} har ingen gæstekonto i planens organisation, og du må ikke invitere gæster der${
              invited && !invited.ok ? ` (${invited.code})` : ''
            }.`,
          ),
        );
    });
    return result;
  }

  async apply(planId: string, changes: Cleared<AccessChange[]>): Promise<Map<string, Outcome<Grant | null>>> {
    const result = new Map<string, Outcome<Grant | null>>();
    const address = addressOf(planId);
    if (!address) {
      for (const change of changes) result.set(change.key, notAPlan());
      return result;
    }
    const base = permissionsPath(address);
    const items: BatchItem[] = changes.map((change, n): BatchItem => {
      const id = `c${n}`;
      switch (change.kind) {
        case 'add':
          return {
            id,
            method: 'POST',
            path: base,
            headers: { 'Content-Type': 'application/json' },
            body: { roles: [change.role], grantedToV2: { user: { userPrincipalName: change.principal } } },
            // Adding the same person twice is refused (they have a role already), never doubled.
            idempotent: true,
          };
        case 'update':
          return {
            id,
            method: 'PATCH',
            path: `${base}/${encodeURIComponent(change.permissionId)}`,
            headers: { 'Content-Type': 'application/json' },
            body: { roles: [change.role] },
          };
        case 'remove':
          return { id, method: 'DELETE', path: `${base}/${encodeURIComponent(change.permissionId)}` };
      }
    });
    const answers = await sendBatch(this.options.graphFor(address.tenantId), items);
    changes.forEach((change, n) => {
      const id = `c${n}`;
      if (change.kind === 'remove') {
        const answer = answers.get(id);
        // Already gone is what we wanted.
        result.set(change.key, !answer || answer.ok || answer.kind === 'notFound' ? success(null) : answer);
        return;
      }
      if (change.kind === 'update') {
        // Graph answers an update with 200 and no body: the permission now holds the role asked for.
        const answer = answers.get(id);
        result.set(
          change.key,
          answer?.ok
            ? success({
                permissionId: change.permissionId,
                role: change.role,
                principalOwner: false,
                principal: '',
                email: null,
                displayName: null,
              })
            : (answer ?? failure('failed', 'noAnswer', 'Intet svar')),
        );
        return;
      }
      const saved = batchResult(answers, id, PermissionSchema, `${change.kind} permission`);
      if (!saved.ok) {
        result.set(change.key, saved);
        return;
      }
      const grant = toGrant(saved.value);
      result.set(
        change.key,
        grant ? success(grant) : failure('failed', 'malformedResponse', 'Tilladelsen kom tilbage uden bruger.'),
      );
    });
    return result;
  }
}
