/**
 * Opgave i To Do: one of my efforts as a task in my own Microsoft To Do. The title names the case by its
 * reference ("KI-2026-014: Søg boligstøtte"), so the task is recognisable on a phone without naming the citizen.
 */
import type { MyEffort } from '../plans/myWork';
import type { TaskToAdd } from '../ports/taskList';

/** Stable per effort across meetings and sessions, so adding the same effort again finds the task it made. */
export const effortTaskKey = (planId: string, effortId: string): string => `${planId}/${effortId}`;

export const effortTaskTitle = (caseReference: string, what: string): string =>
  `${caseReference}: ${what.replace(/\s+/g, ' ').trim()}`;

export const effortTask = (item: MyEffort, linkUrl: string | null): TaskToAdd => ({
  key: effortTaskKey(item.planId, item.effort.id),
  title: effortTaskTitle(item.caseReference, item.effort.what),
  due: item.effort.due,
  linkUrl,
});
