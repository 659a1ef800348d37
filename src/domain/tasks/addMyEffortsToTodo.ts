/**
 * "Tilføj til To Do": my open efforts across plans, each through the privacy guard, into my own task list.
 * Only efforts I own are considered (myOpenEfforts), one task per effort however often this runs (the port
 * adds a key once), and an effort the guard refuses is reported with the reason while the others still go.
 */
import { planDeepLink, type LinkTarget } from '../links/planLink';
import type { Plan } from '../plan/planDocument';
import { myOpenEfforts, type MyEffort } from '../plans/myWork';
import type { TenantPolicy } from '../policy';
import { failure, type Failure, type Outcome } from '../ports/outcome';
import type { TaskList, TaskToAdd } from '../ports/taskList';
import type { Cleared } from '../privacy/cleared';
import { clearTask, type PrivacyContext } from '../privacy/privacyGuard';
import { problem, type Problem } from '../problems';
import { effortTask } from './effortTask';

export type TodoResult =
  | { kind: 'added'; taskId: string }
  /** The guard (or a missing text) stopped it before it left: what to change. */
  | { kind: 'refused'; reasons: Problem[] }
  /** Microsoft To Do did not take it: the port's failure. */
  | { kind: 'failed'; failure: Failure };

export interface EffortTodoResult {
  item: MyEffort;
  task: TaskToAdd;
  result: TodoResult;
}

export interface AddToTodoDeps {
  tasks: TaskList;
  policy: TenantPolicy;
  /** Where the task's link back to the plan points. */
  link: LinkTarget;
  /** YYYY-MM-DD, Copenhagen. */
  today: string;
}

const noTextProblem = (field: string): Problem =>
  problem(
    'todo.noText',
    'error',
    field,
    'Indsatsen har ingen tekst, så opgaven ville være tom. Skriv, hvad indsatsen går ud på, i planen.',
    'The effort has no text, so the task would be empty. Write what the effort is about in the plan.',
  );

const noAnswer = failure('failed', 'todo.noAnswer', 'Microsoft To Do gav intet svar for opgaven.');

/** Adds my open efforts in `plans` to my task list; one result per effort, in the order of my efforts list. */
export const addMyEffortsToTodo = async (
  plans: readonly Plan[],
  myEmail: string,
  deps: AddToTodoDeps,
): Promise<EffortTodoResult[]> => {
  type Prepared = { item: MyEffort; task: TaskToAdd } & ({ refused: Problem[] } | { cleared: Cleared<TaskToAdd> });
  const prepared = myOpenEfforts(plans, myEmail, deps.today).map((item): Prepared => {
    const plan = plans.find((p) => p.id === item.planId) ?? null;
    const ctx: PrivacyContext = { plan, policy: deps.policy, today: deps.today };
    const link = planDeepLink(deps.link, item.planId, ctx);
    const task = effortTask(item, link.ok ? link.value : null);
    if (item.effort.what.trim() === '') {
      return { item, task, refused: [noTextProblem(task.key)] };
    }
    const verdict = clearTask(task, ctx);
    return verdict.verdict === 'blocked'
      ? { item, task, refused: verdict.reasons }
      : { item, task, cleared: verdict.cleared };
  });

  const toAdd: Cleared<TaskToAdd>[] = prepared.flatMap((p) => ('cleared' in p ? [p.cleared] : []));
  const outcomes = toAdd.length > 0 ? await deps.tasks.addTasks(toAdd) : new Map<string, Outcome<string>>();

  return prepared.map((p): EffortTodoResult => {
    const { item, task } = p;
    if ('refused' in p) return { item, task, result: { kind: 'refused', reasons: p.refused } };
    const outcome = outcomes.get(task.key) ?? noAnswer;
    return {
      item,
      task,
      result: outcome.ok ? { kind: 'added', taskId: outcome.value } : { kind: 'failed', failure: outcome },
    };
  });
};
