import type { Cleared } from '../privacy/cleared';
import type { Outcome } from './outcome';

/** One of my own efforts, as a task in my personal task list. */
export interface TaskToAdd {
  /** Stable per effort (e.g. "<planId>/<effortId>"): adding the same effort twice adds it once. */
  key: string;
  /** The effort's text; passes the privacy guard like anything else that leaves the plan. */
  title: string;
  /** YYYY-MM-DD (Copenhagen), or null. */
  due: string | null;
  /** Deep link back to the plan in the app. */
  linkUrl: string | null;
}

/**
 * Opgaveliste: the signed-in user's own task list (Microsoft To Do, list "Tovholder"), opt-in.
 * Only my own efforts go there, and only into my own list.
 */
export interface TaskList {
  /** Adds the tasks not already in the list; per key, the task's id (existing or new). */
  addTasks(tasks: Cleared<TaskToAdd>[]): Promise<Map<string, Outcome<string>>>;
}
