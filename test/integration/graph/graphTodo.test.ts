import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GraphTodo, TODO_LIST_NAME } from '../../../src/adapters/graph/graphTodo';
import { defaultPolicy } from '../../../src/domain/policy';
import type { Outcome } from '../../../src/domain/ports/outcome';
import type { TaskToAdd } from '../../../src/domain/ports/taskList';
import { guardOutbound, verdictOutcome } from '../../../src/domain/privacy/privacyGuard';
import { demoPlan } from '../../support/builders';
import { startSandbox, type RunningSandbox } from '../../support/sandboxProcess';
import { graphAs, upn } from './graphSandbox';

let sandbox: RunningSandbox;

const unwrap = <T>(outcome: Outcome<T> | undefined): T => {
  if (!outcome?.ok) throw new Error(`expected success, got ${JSON.stringify(outcome)}`);
  return outcome.value;
};

/** Through the real privacy guard; a task in my own list follows the calendar's rules (no name, no CPR). */
const cleared = (task: TaskToAdd) =>
  unwrap(
    verdictOutcome(
      guardOutbound(
        { channel: 'calendar', payload: task, texts: [{ field: 'effort', text: task.title }] },
        { plan: demoPlan(), policy: defaultPolicy, today: '2026-10-01' },
      ),
    ),
  );

const tasksIn = async (user: string): Promise<{ title: string }[]> => {
  const graph = graphAs(sandbox, user);
  const lists = unwrap(await graph.send({ method: 'GET', path: '/me/todo/lists' })) as {
    value: { id: string; displayName: string }[];
  };
  const list = lists.value.filter((candidate) => candidate.displayName === TODO_LIST_NAME);
  expect(list).toHaveLength(1);
  const tasks = unwrap(
    await graph.send({ method: 'GET', path: `/me/todo/lists/${encodeURIComponent(list[0]?.id ?? '')}/tasks` }),
  ) as { value: { title: string }[] };
  return tasks.value;
};

beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(async () => {
  await sandbox?.stop();
});

describe('GraphTodo against the sandbox', () => {
  const effort = (key: string, title: string): TaskToAdd => ({
    key,
    title,
    due: '2026-10-15',
    linkUrl: 'https://tovholder.example/plans.html?planId=plan-ki-2026-014',
  });

  it('puts my efforts in a "Tovholder" list of my own, each effort once however often I add it', async () => {
    const todo = new GraphTodo(graphAs(sandbox, upn.mette));
    const first = await todo.addTasks([
      cleared(effort('plan-ki-2026-014/e-behandlingsplan', 'Lave behandlingsplan for alkohol og hash')),
    ]);
    const again = await new GraphTodo(graphAs(sandbox, upn.mette)).addTasks([
      cleared(effort('plan-ki-2026-014/e-behandlingsplan', 'Lave behandlingsplan for alkohol og hash')),
      cleared(effort('plan-ki-2026-014/e-opfoelgning', 'Følge op på fremmøde')),
    ]);

    expect(unwrap(again.get('plan-ki-2026-014/e-behandlingsplan'))).toBe(
      unwrap(first.get('plan-ki-2026-014/e-behandlingsplan')),
    );
    expect((await tasksIn(upn.mette)).map((task) => task.title).sort()).toEqual([
      'Følge op på fremmøde',
      'Lave behandlingsplan for alkohol og hash',
    ]);
  });

  it("writes into the signed-in user's own list only", async () => {
    await new GraphTodo(graphAs(sandbox, upn.mette)).addTasks([cleared(effort('plan-x/e-1', 'Ringe til Jobcenter'))]);
    await new GraphTodo(graphAs(sandbox, upn.aisha)).addTasks([
      cleared(effort('plan-ki-2026-014/e-huslejerestance', 'Søge enkeltydelse til huslejerestancen')),
    ]);
    expect((await tasksIn(upn.aisha)).map((task) => task.title)).toEqual(['Søge enkeltydelse til huslejerestancen']);
    expect((await tasksIn(upn.mette)).map((task) => task.title)).not.toContain(
      'Søge enkeltydelse til huslejerestancen',
    );
  });
});
