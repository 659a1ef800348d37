import { INDEX_NAME } from '../src/adapters/graph/graphPlanStore';
import { wantedAccess } from '../src/domain/access/planAccess';
import { PlanSchema, type AccessEntry, type AccessRecord } from '../src/domain/plan/planDocument';
import { copenhagenDate } from '../src/domain/time/danishTime';
import { HOME_TENANT, REGION_TENANT } from './demoTenant';
import { containerIdFor, createContainer, grantRole } from './graph/containers';
import { writeFile } from './graph/drive';
import { ensureGuest } from './graph/invitations';
import {
  REGION_CASE_REFERENCE,
  REGION_CONTAINER_ID,
  REGION_PLAN_ID,
  SEEDED_PLAN_ID,
  CASE_REFERENCE,
  LEGACY_UNMOVED_PLAN_ID,
} from './seedPlan';
import type { ContainerRecord, State, TenantRecord, UserRecord } from './store';

/**
 * The seed's SharePoint Embedded side: each plan's container with the roles its consent and meeting roles give
 * (computed by the app's own `wantedAccess`, so the app's access sync finds nothing to do on first open), the guest
 * accounts people of the other organisation hold them through, the plan document with its matching `access` record,
 * and each user's index of plans in other organisations.
 */

const tenant = (state: State, id: string): TenantRecord => {
  const found = state.tenants.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`seed: no tenant ${id}`);
  return found;
};

const byMail = (state: State, mail: string): UserRecord => {
  const found = state.users.find((user) => user.kind !== 'guest' && user.mail === mail);
  if (!found) throw new Error(`seed: no user ${mail}`);
  return found;
};

/**
 * Gives every participant the role `wantedAccess` wants on `container` (through a guest account in the container's
 * tenant for people of another tenant) and returns the plan's access record saying so.
 */
export const seedAccess = (
  state: State,
  document: Record<string, unknown>,
  container: ContainerRecord,
  now: number,
  at: string,
): AccessRecord => {
  const plan = PlanSchema.parse(document);
  const home = tenant(state, container.tenantId);
  const entries: AccessEntry[] = wantedAccess(plan, copenhagenDate(new Date(now))).map((wanted) => {
    const participant = plan.participants.find((p) => p.id === wanted.participantId);
    const base: AccessEntry = {
      participantId: wanted.participantId,
      role: wanted.role,
      principal: null,
      permissionId: null,
      status: 'applied',
      error: null,
      at,
      endedNoticeAt: null,
    };
    if (wanted.reason === 'citizenOrRelative' || wanted.reason === 'noAccount')
      return { ...base, status: 'notPossible', error: wanted.reason };
    if (wanted.role === null || !participant?.email) return base;
    const person = byMail(state, participant.email);
    const account =
      person.tenantId === home.id ? person : ensureGuest(state, home, person.mail, { accepted: true }).guest;
    const existing = container.permissions.find((permission) => permission.userId === account.id);
    const permission =
      existing?.roles[0] === 'principalOwner' && wanted.role === 'owner'
        ? existing
        : grantRole(container, account, wanted.role);
    return { ...base, principal: account.userPrincipalName, permissionId: permission.id };
  });
  return { syncId: `seed-${plan.caseReference}`, startedAt: at, entries };
};

const writeJson = (
  state: State,
  container: ContainerRecord,
  file: string,
  value: unknown,
  userId: string,
  at: number,
): void => {
  const drive = state.drives.find((candidate) => candidate.id === container.driveId);
  if (!drive) throw new Error(`seed: no drive for ${container.displayName}`);
  writeFile(state, drive, [file], Buffer.from(JSON.stringify(value, null, 2)), 'application/json', userId, at);
  container.status = 'active';
};

/** A user's index of plans in other organisations' tenants (graphPlanStore.ts), a container in their own tenant. */
const seedIndex = (
  state: State,
  owner: UserRecord,
  plans: { planId: string; caseReference: string }[],
  at: number,
): void => {
  const container = createContainer(state, {
    id: containerIdFor(`${owner.tenantId ?? ''}:index:${owner.mail}`),
    tenantId: owner.tenantId ?? '',
    displayName: INDEX_NAME,
    creator: owner,
    at,
  });
  writeJson(state, container, 'index.json', { schemaVersion: 1, plans }, owner.id, at);
};

/** KI-2026-022: the region's own plan, booked by Karen for January, with Mette (Sundby) as mødeleder. */
const regionPlan = (state: State): Record<string, unknown> => {
  const person = (mail: string) => byMail(state, mail);
  const karen = person('karen.skov@regionms.example');
  const anders = person('anders.frost@regionms.example');
  const mette = person('mette.larsen@sundby-kommune.example');
  const jens = person('jens.holm@post.example');
  const participant = (id: string, user: UserRecord) => ({
    id,
    name: user.displayName,
    email: user.mail,
    organisation: user.companyName || 'Borger',
    sector: user.sector,
    // As the region's plan sees them: its own tenant's people in the tenant, Sundby's federated.
    reach: user.kind === 'emailOnly' ? 'emailOnly' : user.tenantId === REGION_TENANT.id ? 'inTenant' : 'federated',
    userId: user.kind === 'emailOnly' ? null : user.id,
    tenantId: user.tenantId,
  });
  const start = Date.UTC(2027, 0, 14, 9, 0);
  const emptyMinutes = {
    round: [],
    challenges: [],
    goals: [],
    efforts: [],
    followUp: [],
    acceptance: 'afventer',
    nextTovholderId: null,
    nextMeetingBy: null,
  };
  return {
    schemaVersion: 1,
    id: REGION_PLAN_ID,
    caseReference: REGION_CASE_REFERENCE,
    citizenName: 'Jens Holm',
    participants: [
      participant('p-karen', karen),
      participant('p-anders', anders),
      participant('p-mette', mette),
      participant('p-jens', jens),
    ],
    consent: {
      information: 'Oplysninger om psykisk helbred og rusmiddelbrug, som er nødvendige for indsatsplanen.',
      recipients: [
        { kind: 'organisation', organisation: 'Distriktspsykiatrien Sundby' },
        { kind: 'organisation', organisation: 'Sundby Rusmiddelcenter' },
        { kind: 'participant', participantId: 'p-jens' },
      ],
      purpose: 'At koordinere behandlingen i distriktspsykiatrien og Rusmiddelcentret.',
      form: 'skriftligt',
      givenOn: '2026-11-20',
      validUntil: '2027-11-20',
      withdrawnOn: null,
    },
    meetings: [
      {
        id: 'm-2027-01-14',
        start: new Date(start).toISOString(),
        end: new Date(start + 60 * 60_000).toISOString(),
        eventId: null,
        transactionId: null,
        joinUrl: null,
        chatId: null,
        invitees: ['p-karen', 'p-anders', 'p-mette', 'p-jens'].map((participantId) => ({
          participantId,
          required: true,
          attendance: { kind: 'unknown' },
          response: participantId === 'p-karen' ? 'organizer' : 'none',
        })),
        roles: { koordinator: 'p-karen', moedeleder: 'p-mette', referent: null },
        agenda: [
          { key: 'stamoplysninger', lead: 'koordinator', minutes: 10 },
          { key: 'afdaekning', lead: 'koordinator', minutes: 25 },
          { key: 'opfoelgning', lead: 'koordinator', minutes: 10 },
        ],
        agendaSteps: [],
        minutes: emptyMinutes,
        summaryConfirmedAt: null,
        delivery: null,
      },
    ],
    createdAt: new Date(Date.UTC(2026, 10, 20, 10, 0)).toISOString(),
    updatedAt: new Date(Date.UTC(2026, 10, 20, 10, 0)).toISOString(),
  };
};

/** KI-2025-101, a small older plan still in the first version's library (something for "Tjek opsætning" to move). */
export const unmovedPlan = (state: State): Record<string, unknown> => {
  const hanne = byMail(state, 'hanne.poulsen@sundby-kommune.example');
  const sofie = byMail(state, 'sofie.dahl@sundby-kommune.example');
  const participant = (id: string, user: UserRecord) => ({
    id,
    name: user.displayName,
    email: user.mail,
    organisation: user.companyName,
    sector: user.sector,
    reach: 'inTenant',
    userId: user.id,
    tenantId: user.tenantId,
  });
  const at = new Date(Date.UTC(2025, 10, 3, 9, 0)).toISOString();
  return {
    schemaVersion: 1,
    id: LEGACY_UNMOVED_PLAN_ID,
    caseReference: 'KI-2025-101',
    citizenName: 'Borger B',
    participants: [participant('p-hanne', hanne), participant('p-sofie', sofie)],
    consent: null,
    meetings: [],
    createdAt: at,
    updatedAt: at,
  };
};

/**
 * Seeds the containers: KI-2026-014 in Sundby (the document given, made by Mette), KI-2026-022 in the region (made
 * by Karen), the guest accounts both need, and Karen's and Mette's indexes of the other organisation's plan.
 */
export const seedContainers = (
  state: State,
  options: {
    document: Record<string, unknown>;
    containerId: string;
    createdAt: number;
    writtenAt: number;
    now: number;
  },
): void => {
  const mette = byMail(state, 'mette.larsen@sundby-kommune.example');
  const aisha = byMail(state, 'aisha.khan@sundby-kommune.example');
  const karen = byMail(state, 'karen.skov@regionms.example');

  const sundby = createContainer(state, {
    id: options.containerId,
    tenantId: HOME_TENANT.id,
    displayName: CASE_REFERENCE,
    creator: mette,
    at: options.createdAt,
  });
  const writtenAt = new Date(options.writtenAt).toISOString();
  const document = { ...options.document, access: seedAccess(state, options.document, sundby, options.now, writtenAt) };
  writeJson(state, sundby, 'plan.json', document, mette.id, options.createdAt);
  const item = state.driveItems.find((candidate) => candidate.driveId === sundby.id && candidate.name === 'plan.json');
  if (item) {
    // Written again by the referent after the meeting: version 2, as the container would show it.
    item.version += 1;
    item.contentVersion += 1;
    item.lastModifiedBy = aisha.id;
    item.lastModifiedDateTime = writtenAt;
  }

  const regionCreated = Date.UTC(2026, 10, 20, 10, 0);
  const region = createContainer(state, {
    id: REGION_CONTAINER_ID,
    tenantId: REGION_TENANT.id,
    displayName: REGION_CASE_REFERENCE,
    creator: karen,
    at: regionCreated,
  });
  const regionDocument = regionPlan(state);
  const regionAccess = seedAccess(state, regionDocument, region, options.now, new Date(regionCreated).toISOString());
  writeJson(state, region, 'plan.json', { ...regionDocument, access: regionAccess }, karen.id, regionCreated);

  seedIndex(state, karen, [{ planId: SEEDED_PLAN_ID, caseReference: CASE_REFERENCE }], options.writtenAt);
  seedIndex(state, mette, [{ planId: REGION_PLAN_ID, caseReference: REGION_CASE_REFERENCE }], regionCreated);
};
