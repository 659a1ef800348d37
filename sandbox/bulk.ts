import { containerIdFor, createContainer, grantRole } from './graph/containers';
import { addNewFile, folderAt } from './graph/drive';
import type { GraphResponse } from './router';
import { DRIVE_ID, PLANS_FOLDER } from './seedPlan';
import type { State, UserRecord } from './store';
import { addTool } from './tools';

/**
 * `POST /_sandbox/bulkPlans {count, member, memberOf}` for the benchmark: `count` plan containers in the member's
 * home tenant, each with a small valid plan.json, of which the member holds a role (manager) in the first `memberOf`;
 * and `count` plan documents in the first version's library folder, so listing the new way and the old can be
 * compared. Made in one pass without lookups and written to disk once.
 */

const json = (status: number, body: unknown): GraphResponse => ({
  status,
  headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' },
  body,
});
const problem = (status: number, message: string): GraphResponse =>
  json(status, { error: { code: 'sandboxTool', message } });

const MAX = 20_000;

const smallPlan = (id: string, caseReference: string, member: UserRecord, at: string): string =>
  JSON.stringify({
    schemaVersion: 1,
    id,
    caseReference,
    citizenName: 'Borger',
    participants: [
      {
        id: 'p-1',
        name: member.displayName,
        email: member.mail,
        organisation: member.companyName,
        sector: member.sector,
        reach: 'inTenant',
        userId: member.id,
        tenantId: member.tenantId,
      },
    ],
    consent: null,
    meetings: [],
    createdAt: at,
    updatedAt: at,
  });

export const bulkPlans = (
  state: State,
  options: { count: number; member: UserRecord; memberOf: number; now: number },
): string[] => {
  const { count, member, memberOf, now } = options;
  const tenantId = member.tenantId ?? '';
  // Someone else in the tenant makes the containers, so the member's role is the one given (not principal owner).
  const creator =
    state.users.find((user) => user.tenantId === tenantId && user.kind !== 'guest' && user.id !== member.id) ?? member;
  const at = new Date(now).toISOString();
  const run = now.toString(36);
  const planIds: string[] = [];
  const library = state.drives.find((drive) => drive.id === DRIVE_ID);
  const folder = library ? folderAt(state, library, PLANS_FOLDER, now) : null;
  for (let n = 0; n < count; n++) {
    const caseReference = `BULK-${run}-${String(n + 1).padStart(5, '0')}`;
    const container = createContainer(state, {
      id: containerIdFor(`bulk:${tenantId}:${caseReference}`),
      tenantId,
      displayName: caseReference,
      creator,
      at: now,
    });
    const root = state.driveItems.at(-1);
    const drive = state.drives.at(-1);
    if (!root || !drive || root.id !== drive.rootId) throw new Error('bulkPlans: the container drive has no root');
    const planId = `${tenantId}~${container.id}`;
    addNewFile(state, root, 'plan.json', smallPlan(planId, caseReference, member, at), creator.id, now);
    container.status = 'active';
    if (n < memberOf) {
      grantRole(container, member, 'manager');
      planIds.push(planId);
    }
    if (folder) {
      const legacyId = `plan-bulk-${run}-${n + 1}`;
      addNewFile(state, folder, `${legacyId}.json`, smallPlan(legacyId, caseReference, member, at), creator.id, now);
    }
  }
  return planIds;
};

export const registerBulk = (): void => {
  addTool('POST', /^\/_sandbox\/bulkPlans$/, async (request, graph) => {
    let body: unknown;
    try {
      body = JSON.parse(request.body.toString('utf8') || '{}');
    } catch {
      return problem(400, 'The body must be JSON: {count, member, memberOf}.');
    }
    const { count, member, memberOf, ...rest } = (body ?? {}) as Record<string, unknown>;
    if (Object.keys(rest).length > 0) return problem(400, `Unknown field(s): ${Object.keys(rest).join(', ')}.`);
    if (typeof count !== 'number' || !Number.isInteger(count) || count < 1 || count > MAX)
      return problem(400, `count must be a whole number from 1 to ${MAX}.`);
    const wanted = memberOf ?? count;
    if (typeof wanted !== 'number' || !Number.isInteger(wanted) || wanted < 0 || wanted > count)
      return problem(400, 'memberOf must be a whole number from 0 to count.');
    const state = graph.sandbox.store.state;
    const key = typeof member === 'string' ? member.toLowerCase() : '';
    const user = state.users.find(
      (candidate) =>
        (candidate.kind === 'inTenant' || candidate.kind === 'federated') &&
        candidate.userPrincipalName.toLowerCase() === key,
    );
    if (!user) return problem(400, `member must be the userPrincipalName of a demo member, not '${String(member)}'.`);
    const planIds = bulkPlans(state, { count, member: user, memberOf: wanted, now: Date.now() });
    graph.sandbox.store.touch();
    await graph.sandbox.store.persist();
    return json(201, { planIds });
  });
};
