import { type Failure, type Outcome, success } from '../../../src/domain/ports/outcome';
import type { TaskList, TaskToAdd } from '../../../src/domain/ports/taskList';
import type { Cleared } from '../../../src/domain/privacy/cleared';

/**
 * One user's own task list in memory (their Microsoft To Do list "Tovholder"): a key is added once, and adding it
 * again answers with the task already there. Every call is recorded, so a test can see what was sent and when
 * nothing was.
 */
export class FakeTaskList implements TaskList {
  /** The tasks in the list, in the order they were added. */
  readonly tasks: TaskToAdd[] = [];
  /** Every addTasks call, with what it was given. */
  readonly calls: TaskToAdd[][] = [];
  private readonly ids = new Map<string, string>();
  private failure: Failure | null = null;

  /** The next call fails for every task with this failure (e.g. a 403 before the permission is granted). */
  failNext(failure: Failure): void {
    this.failure = failure;
  }

  async addTasks(tasks: Cleared<TaskToAdd>[]): Promise<Map<string, Outcome<string>>> {
    this.calls.push(tasks.map((task) => ({ ...task })));
    const out = new Map<string, Outcome<string>>();
    const failing = this.failure;
    this.failure = null;
    for (const task of tasks) {
      if (failing) {
        out.set(task.key, failing);
        continue;
      }
      let id = this.ids.get(task.key);
      if (!id) {
        id = `task-${this.ids.size + 1}`;
        this.ids.set(task.key, id);
        this.tasks.push({ key: task.key, title: task.title, due: task.due, linkUrl: task.linkUrl });
      }
      out.set(task.key, success(id));
    }
    return out;
  }
}
