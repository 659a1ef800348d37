import type { Ctx, GraphResponse, Router } from '../router';
import type { State, TodoListRecord, TodoTaskRecord, UserRecord } from '../store';
import { GraphError, badRequest } from './errors';
import { outlookId } from './mail';
import { applyFilter, applySelect, paginate, parseSelect, type Json } from './odata';
import { formatDateTimeTimeZone, readDateTimeTimeZone } from './time';
import { asObject, optionalString, rejectUnknownProperties } from './validation';

/** Microsoft To Do: the signed-in user's own task lists and tasks (/me/todo/lists…). */

const notFound = (): GraphError =>
  new GraphError(404, 'ErrorItemNotFound', 'The specified object was not found in the store.');
const etag = (record: { lastModifiedDateTime?: string; id: string }): string =>
  `W/"${Buffer.from(`${record.id}${record.lastModifiedDateTime ?? ''}`)
    .toString('base64')
    .slice(-24)}"`;

const listJson = (list: TodoListRecord): Json => ({
  '@odata.etag': etag(list),
  displayName: list.displayName,
  isOwner: true,
  isShared: false,
  wellknownListName: list.wellknownListName,
  id: list.id,
});

const taskJson = (task: TodoTaskRecord, expand: string[]): Json => ({
  '@odata.etag': etag(task),
  importance: task.importance,
  isReminderOn: false,
  status: task.status,
  title: task.title,
  createdDateTime: task.createdDateTime,
  lastModifiedDateTime: task.lastModifiedDateTime,
  hasAttachments: false,
  categories: task.categories,
  id: task.id,
  body: { content: task.body, contentType: task.bodyContentType },
  ...(task.dueDateTime ? { dueDateTime: task.dueDateTime } : {}),
  ...(task.completedDateTime ? { completedDateTime: task.completedDateTime } : {}),
  ...(expand.includes('linkedresources') ? { linkedResources: task.linkedResources } : {}),
});

const listsOf = (state: State, user: UserRecord): TodoListRecord[] =>
  state.todoLists.filter((list) => list.ownerId === user.id);

const ownList = (ctx: Ctx): TodoListRecord => {
  const list = listsOf(ctx.sandbox.store.state, ctx.me).find((candidate) => candidate.id === ctx.params.listId);
  if (!list) throw notFound();
  return list;
};

const ownTask = (ctx: Ctx): TodoTaskRecord => {
  const list = ownList(ctx);
  const task = ctx.sandbox.store.state.todoTasks.find(
    (candidate) => candidate.listId === list.id && candidate.id === ctx.params.taskId,
  );
  if (!task) throw notFound();
  return task;
};

const TASK_PROPERTIES = [
  'title',
  'body',
  'importance',
  'status',
  'dueDateTime',
  'startDateTime',
  'completedDateTime',
  'reminderDateTime',
  'isReminderOn',
  'categories',
  'linkedResources',
  'recurrence',
  'checklistItems',
  'bodyLastModifiedDateTime',
];
const STATUSES = ['notStarted', 'inProgress', 'completed', 'waitingOnOthers', 'deferred'] as const;

const enumOf = <T extends string>(raw: unknown, allowed: readonly T[], type: string): T => {
  if (typeof raw !== 'string' || !allowed.includes(raw as T)) {
    throw badRequest(`Requested value '${String(raw)}' was not found in microsoft.graph.${type}.`, 'RequestBodyRead');
  }
  return raw as T;
};

const dateTimeZone = (raw: unknown, field: string): { dateTime: string; timeZone: string } => {
  const ms = readDateTimeTimeZone(raw, field);
  const zone = (asObject(raw)?.timeZone as string | undefined) ?? 'UTC';
  return formatDateTimeTimeZone(ms, zone);
};

const applyTaskFields = (task: TodoTaskRecord, body: Record<string, unknown>, now: number): void => {
  if (body.title !== undefined) task.title = optionalString(body.title, 'title') ?? '';
  if (body.body !== undefined) {
    const content = asObject(body.body);
    task.body = typeof content?.content === 'string' ? content.content : '';
    task.bodyContentType = content?.contentType === 'html' ? 'html' : 'text';
  }
  if (body.importance !== undefined)
    task.importance = enumOf(body.importance, ['low', 'normal', 'high'] as const, 'importance');
  if (body.status !== undefined) {
    task.status = enumOf(body.status, STATUSES, 'taskStatus');
    task.completedDateTime = task.status === 'completed' ? formatDateTimeTimeZone(now, 'UTC') : null;
  }
  if (body.dueDateTime !== undefined)
    task.dueDateTime = body.dueDateTime === null ? null : dateTimeZone(body.dueDateTime, 'dueDateTime');
  if (Array.isArray(body.categories))
    task.categories = body.categories.filter((c): c is string => typeof c === 'string');
  task.lastModifiedDateTime = new Date(now).toISOString();
};

const createTask = (ctx: Ctx): GraphResponse => {
  const list = ownList(ctx);
  const body = ctx.json();
  rejectUnknownProperties(body, TASK_PROPERTIES, 'microsoft.graph.todoTask');
  const when = new Date(ctx.now).toISOString();
  const task: TodoTaskRecord = {
    id: outlookId('AAkALg'),
    listId: list.id,
    title: '',
    bodyContentType: 'text',
    body: '',
    importance: 'normal',
    status: 'notStarted',
    dueDateTime: null,
    completedDateTime: null,
    categories: [],
    linkedResources: [],
    createdDateTime: when,
    lastModifiedDateTime: when,
  };
  applyTaskFields(task, body, ctx.now);
  if (body.linkedResources !== undefined) {
    if (!Array.isArray(body.linkedResources))
      throw badRequest("'linkedResources' must be a collection.", 'RequestBodyRead');
    task.linkedResources = body.linkedResources.map((raw) => {
      const resource = asObject(raw) ?? {};
      rejectUnknownProperties(
        resource,
        ['webUrl', 'applicationName', 'displayName', 'externalId', 'id'],
        'microsoft.graph.linkedResource',
      );
      const str = (value: unknown): string | null => (typeof value === 'string' ? value : null);
      return {
        id: ctx.sandbox.store.newGuid(),
        webUrl: str(resource.webUrl),
        applicationName: str(resource.applicationName),
        displayName: str(resource.displayName),
        externalId: str(resource.externalId),
      };
    });
  }
  ctx.sandbox.store.state.todoTasks.push(task);
  return {
    status: 201,
    body: {
      '@odata.context': `${ctx.graphBase}/$metadata#users('${encodeURIComponent(ctx.me.id)}')/todo/lists('${encodeURIComponent(list.id)}')/tasks/$entity`,
      ...taskJson(task, ['linkedresources']),
    },
  };
};

const expandOf = (query: URLSearchParams): string[] =>
  (query.get('$expand') ?? '')
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .filter(Boolean);

export const registerTodo = (router: Router): void => {
  router
    .self('GET', '/todo/lists', (ctx) => {
      const all = listsOf(ctx.sandbox.store.state, ctx.me).map(listJson);
      const page = paginate(applyFilter(all, ctx.req.query), ctx.req.query, `${ctx.graphBase}${ctx.req.path}`, {
        defaultTop: 100,
        maxTop: 1000,
        style: 'skiptoken',
      });
      return {
        status: 200,
        body: {
          '@odata.context': `${ctx.graphBase}/$metadata#users('${encodeURIComponent(ctx.me.id)}')/todo/lists`,
          ...(page.nextLink ? { '@odata.nextLink': page.nextLink } : {}),
          value: page.items.map((list) => applySelect(list, parseSelect(ctx.req.query), ['id'])),
        },
      };
    })
    .self('POST', '/todo/lists', (ctx) => {
      const body = ctx.json();
      rejectUnknownProperties(body, ['displayName'], 'microsoft.graph.todoTaskList');
      const name = optionalString(body.displayName, 'displayName');
      if (!name?.trim()) throw badRequest("A task list needs a 'displayName'.", 'invalidRequest');
      const list: TodoListRecord = {
        id: outlookId('AAMkAD'),
        ownerId: ctx.me.id,
        displayName: name,
        wellknownListName: 'none',
      };
      ctx.sandbox.store.state.todoLists.push(list);
      return {
        status: 201,
        body: {
          '@odata.context': `${ctx.graphBase}/$metadata#users('${encodeURIComponent(ctx.me.id)}')/todo/lists/$entity`,
          ...listJson(list),
        },
      };
    })
    .self('GET', '/todo/lists/{listId}', (ctx) => ({
      status: 200,
      body: {
        '@odata.context': `${ctx.graphBase}/$metadata#users('${encodeURIComponent(ctx.me.id)}')/todo/lists/$entity`,
        ...listJson(ownList(ctx)),
      },
    }))
    .self('PATCH', '/todo/lists/{listId}', (ctx) => {
      const list = ownList(ctx);
      const body = ctx.json();
      rejectUnknownProperties(body, ['displayName'], 'microsoft.graph.todoTaskList');
      if (list.wellknownListName !== 'none' && body.displayName !== undefined) {
        throw badRequest('The default list cannot be renamed.', 'invalidRequest');
      }
      list.displayName = optionalString(body.displayName, 'displayName') ?? list.displayName;
      return { status: 200, body: listJson(list) };
    })
    .self('DELETE', '/todo/lists/{listId}', (ctx) => {
      const list = ownList(ctx);
      if (list.wellknownListName !== 'none') throw badRequest('The default list cannot be deleted.', 'invalidRequest');
      const state = ctx.sandbox.store.state;
      state.todoLists = state.todoLists.filter((candidate) => candidate !== list);
      state.todoTasks = state.todoTasks.filter((task) => task.listId !== list.id);
      return { status: 204 };
    })
    .self('GET', '/todo/lists/{listId}/tasks', (ctx) => {
      const list = ownList(ctx);
      const expand = expandOf(ctx.req.query);
      const all = ctx.sandbox.store.state.todoTasks
        .filter((task) => task.listId === list.id)
        .sort((a, b) => b.createdDateTime.localeCompare(a.createdDateTime))
        .map((task) => taskJson(task, expand));
      const page = paginate(applyFilter(all, ctx.req.query), ctx.req.query, `${ctx.graphBase}${ctx.req.path}`, {
        defaultTop: 100,
        maxTop: 1000,
        style: 'skiptoken',
      });
      return {
        status: 200,
        body: {
          '@odata.context': `${ctx.graphBase}/$metadata#users('${encodeURIComponent(ctx.me.id)}')/todo/lists('${encodeURIComponent(list.id)}')/tasks`,
          ...(page.nextLink ? { '@odata.nextLink': page.nextLink } : {}),
          value: page.items.map((task) => applySelect(task, parseSelect(ctx.req.query), ['id'])),
        },
      };
    })
    .self('POST', '/todo/lists/{listId}/tasks', createTask)
    .self('GET', '/todo/lists/{listId}/tasks/{taskId}', (ctx) => ({
      status: 200,
      body: taskJson(ownTask(ctx), expandOf(ctx.req.query)),
    }))
    .self('PATCH', '/todo/lists/{listId}/tasks/{taskId}', (ctx) => {
      const task = ownTask(ctx);
      const body = ctx.json();
      rejectUnknownProperties(body, TASK_PROPERTIES, 'microsoft.graph.todoTask');
      applyTaskFields(task, body, ctx.now);
      return { status: 200, body: taskJson(task, []) };
    })
    .self('DELETE', '/todo/lists/{listId}/tasks/{taskId}', (ctx) => {
      const task = ownTask(ctx);
      const state = ctx.sandbox.store.state;
      state.todoTasks = state.todoTasks.filter((candidate) => candidate !== task);
      return { status: 204 };
    });
};

/** For the seed: each Teams user's default lists. */
export const seedTodoLists = (state: State, user: UserRecord): void => {
  state.todoLists.push(
    { id: outlookId('AAMkAD'), ownerId: user.id, displayName: 'Opgaver', wellknownListName: 'defaultList' },
    { id: outlookId('AAMkAD'), ownerId: user.id, displayName: 'Markeret mail', wellknownListName: 'flaggedEmails' },
  );
};
