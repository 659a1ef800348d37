/**
 * "Tilføj til To Do" end to end against the sandbox: the real GraphTodo (on a client that asks for the To Do
 * permission only) behind the real privacy guard, and then, with each user's own token, what is in whose
 * Microsoft To Do.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TODO_SCOPES } from '../../../src/adapters/auth/graphScopes';
import { GraphTodo, TODO_LIST_NAME } from '../../../src/adapters/graph/graphTodo';
import type { Plan } from '../../../src/domain/plan/planDocument';
import { defaultPolicy } from '../../../src/domain/policy';
import { addMyEffortsToTodo } from '../../../src/domain/tasks/addMyEffortsToTodo';
import { demoIds, demoPeople, demoPlan } from '../../support/builders';
import { startSandbox, type RunningSandbox } from '../../support/sandboxProcess';
import { graphAs, upn } from '../graph/graphSandbox';

let sandbox: RunningSandbox;

beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(async () => {
  await sandbox?.stop();
});

interface TodoTask {
  title: string;
  dueDateTime?: { dateTime: string };
  linkedResources?: { externalId?: string; webUrl?: string }[];
}

/** GET with the user's own bearer token, as Microsoft To Do would answer that user. */
const getAs = async <T>(user: string, path: string): Promise<T> => {
  const response = await fetch(`${sandbox.graphUrl}${path}`, {
    headers: { Authorization: `Bearer ${await sandbox.token(user)}` },
  });
  if (!response.ok) throw new Error(`GET ${path} as ${user}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
};

/** Every task in every To Do list the user has, found through GET /v1.0/me/todo/lists. */
const todoOf = async (user: string): Promise<{ list: string; task: TodoTask }[]> => {
  const lists = await getAs<{ value: { id: string; displayName: string }[] }>(user, '/me/todo/lists');
  const all = await Promise.all(
    lists.value.map(async (list) => {
      const tasks = await getAs<{ value: TodoTask[] }>(
        user,
        `/me/todo/lists/${encodeURIComponent(list.id)}/tasks?$expand=linkedResources`,
      );
      return tasks.value.map((task) => ({ list: list.displayName, task }));
    }),
  );
  return all.flat();
};

/** The demo plan with one more effort for Peter, whose text names the citizen. */
const planWithNamedEffort = (): Plan => {
  const plan = demoPlan();
  plan.meetings[0]?.minutes.efforts.push({
    id: 'e-cv',
    what: 'Skrive CV sammen med Jens',
    goalId: demoIds.goals.aktivitet,
    ownerId: demoPeople.peter.id,
    due: '2026-12-10',
    status: 'aaben',
  });
  return plan;
};

const addAs = (user: string, email: string, plans: Plan[]) =>
  addMyEffortsToTodo(plans, email, {
    tasks: new GraphTodo(graphAs(sandbox, user, { scopes: TODO_SCOPES })),
    policy: defaultPolicy,
    link: { appBaseUrl: 'https://tovholder.example', teamsAppId: 'tovholder', host: 'standalone' },
    today: '2026-11-27',
  });

describe('my efforts in my own Microsoft To Do, through the guard, against the sandbox', () => {
  it("puts Peter's own cleared effort in his list only — with the case reference, never the name", async () => {
    const results = await addAs(upn.peter, demoPeople.peter.email ?? '', [planWithNamedEffort()]);
    expect(results.map((r) => [r.task.title, r.result.kind])).toEqual([
      ['KI-2026-014: Finde et praktiksted med få timer om ugen', 'added'],
      ['KI-2026-014: Skrive CV sammen med Jens', 'refused'],
    ]);

    const peters = await todoOf(upn.peter);
    const mine = peters.filter((entry) => entry.list === TODO_LIST_NAME);
    expect(mine.map((entry) => entry.task.title)).toEqual(['KI-2026-014: Finde et praktiksted med få timer om ugen']);
    expect(mine[0]?.task.dueDateTime?.dateTime).toMatch(/^2026-11-15T00:00:00/);
    expect(mine[0]?.task.linkedResources?.[0]?.webUrl).toBe(
      'https://tovholder.example/plans.html?host=standalone&planId=plan-ki-2026-014',
    );
    expect(JSON.stringify(peters)).not.toMatch(/jens|holm/i);

    const others = [upn.mette, upn.jonas, upn.aisha, upn.sofie, upn.lars, upn.hanne, upn.mikkel, upn.karen];
    for (const other of others) {
      const theirs = await todoOf(other);
      expect(theirs.map((entry) => entry.task.title)).not.toContain(
        'KI-2026-014: Finde et praktiksted med få timer om ugen',
      );
    }
  });

  it('adds nothing new when Peter adds again from a fresh session', async () => {
    const before = await todoOf(upn.peter);
    const again = await addAs(upn.peter, demoPeople.peter.email ?? '', [planWithNamedEffort()]);
    expect(again[0]?.result.kind).toBe('added');
    expect(await todoOf(upn.peter)).toEqual(before);
  });

  it("adds Aisha's effort to Aisha's list, beside Peter's in his", async () => {
    await addAs(upn.aisha, demoPeople.aisha.email ?? '', [demoPlan()]);
    const titles = async (user: string) =>
      (await todoOf(user)).filter((e) => e.list === TODO_LIST_NAME).map((e) => e.task.title);
    expect(await titles(upn.aisha)).toEqual(['KI-2026-014: Søge enkeltydelse til huslejerestancen']);
    expect(await titles(upn.peter)).toEqual(['KI-2026-014: Finde et praktiksted med få timer om ugen']);
  });
});
