import type { TodoTask } from '@microsoft/microsoft-graph-types';
import * as z from 'zod/mini';
import { success, type Failure, type Outcome } from '../../domain/ports/outcome';
import type { TaskList, TaskToAdd } from '../../domain/ports/taskList';
import type { Cleared } from '../../domain/privacy/cleared';
import { batchResult, sendBatch } from './graphBatch';
import { odataString, query, type GraphClient } from './graphClient';
import { GRAPH_TIME_ZONE } from './graphCalendar';

/**
 * My efforts in Microsoft To Do (opt-in): a list of my own named "Tovholder", one task per effort. Each task links
 * back to the plan, and the link carries the effort's key, so adding the same effort again finds it instead of
 * adding it twice.
 */

export const TODO_LIST_NAME = 'Tovholder';
const APPLICATION_NAME = 'Tovholder';
const MAX_PAGES = 20;

const ListsSchema = z.object({
  value: z.array(z.object({ id: z.string().check(z.minLength(1)), displayName: z.nullish(z.string()) })),
});
const IdSchema = z.object({ id: z.string().check(z.minLength(1)) });
const TasksSchema = z.object({
  value: z.array(
    z.object({
      id: z.string().check(z.minLength(1)),
      linkedResources: z.nullish(
        z.array(z.object({ applicationName: z.nullish(z.string()), externalId: z.nullish(z.string()) })),
      ),
    }),
  ),
  '@odata.nextLink': z.nullish(z.string()),
});

export class GraphTodo implements TaskList {
  private listId: string | null = null;

  constructor(private readonly graph: GraphClient) {}

  async addTasks(tasks: Cleared<TaskToAdd>[]): Promise<Map<string, Outcome<string>>> {
    const out = new Map<string, Outcome<string>>();
    if (tasks.length === 0) return out;
    const failAll = (reason: Failure) => {
      for (const task of tasks) out.set(task.key, reason);
      return out;
    };
    const list = await this.ensureList();
    if (!list.ok) return failAll(list);
    const existing = await this.existingTasks(list.value);
    if (!existing.ok) return failAll(existing);
    const toAdd = tasks.filter((task) => {
      const id = existing.value.get(task.key);
      if (id) out.set(task.key, success(id));
      return !id;
    });
    const listPath = `/me/todo/lists/${encodeURIComponent(list.value)}/tasks`;
    const results = await sendBatch(
      this.graph,
      toAdd.map((task) => {
        const body: TodoTask = {
          title: task.title,
          ...(task.due ? { dueDateTime: { dateTime: `${task.due}T00:00:00`, timeZone: GRAPH_TIME_ZONE } } : {}),
          linkedResources: [
            {
              applicationName: APPLICATION_NAME,
              externalId: task.key,
              displayName: 'Åbn planen i Tovholder',
              ...(task.linkUrl ? { webUrl: task.linkUrl } : {}),
            },
          ],
        };
        return { id: task.key, method: 'POST' as const, path: listPath, body };
      }),
    );
    for (const task of toAdd) {
      const created = batchResult(results, task.key, IdSchema, 'POST /me/todo/lists/{id}/tasks');
      out.set(task.key, created.ok ? success(created.value.id) : created);
    }
    return out;
  }

  /** My list named "Tovholder", created the first time. */
  private async ensureList(): Promise<Outcome<string>> {
    if (this.listId) return success(this.listId);
    const found = await this.graph.request(
      { method: 'GET', path: `/me/todo/lists${query({ $filter: `displayName eq ${odataString(TODO_LIST_NAME)}` })}` },
      ListsSchema,
    );
    if (!found.ok) return found;
    const existing = found.value.value.find((list) => list.displayName === TODO_LIST_NAME);
    if (existing) {
      this.listId = existing.id;
      return success(existing.id);
    }
    const created = await this.graph.request(
      { method: 'POST', path: '/me/todo/lists', body: { displayName: TODO_LIST_NAME } },
      IdSchema,
    );
    if (!created.ok) return created;
    this.listId = created.value.id;
    return success(created.value.id);
  }

  /** Effort key → task id, for the tasks this app added before. */
  private async existingTasks(listId: string): Promise<Outcome<Map<string, string>>> {
    const byKey = new Map<string, string>();
    let path: string | null =
      `/me/todo/lists/${encodeURIComponent(listId)}/tasks${query({ $expand: 'linkedResources', $top: 100 })}`;
    for (let page = 0; path !== null && page < MAX_PAGES; page++) {
      const outcome: Outcome<z.infer<typeof TasksSchema>> = await this.graph.request(
        { method: 'GET', path },
        TasksSchema,
      );
      if (!outcome.ok) return outcome;
      for (const task of outcome.value.value) {
        for (const link of task.linkedResources ?? []) {
          if (link.applicationName === APPLICATION_NAME && link.externalId) byKey.set(link.externalId, task.id);
        }
      }
      const next: string | null | undefined = outcome.value['@odata.nextLink'];
      path = next ? this.graph.pathOf(next) : null;
    }
    return success(byKey);
  }
}
