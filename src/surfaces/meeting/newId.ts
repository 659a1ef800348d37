/** A fresh id for a new item in the plan (effort, goal, challenge); random, so two panels never pick the same. */
export const newId = (prefix: string): string => `${prefix}-${crypto.randomUUID()}`;
