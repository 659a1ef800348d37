/**
 * Minutes as people say them in a meeting: whole minutes, rounded up while time is left ("1 min tilbage" in the
 * last minute) and up when over, so a running-over item says "1 min over" from its first second over.
 */
export const minutesLeft = (ms: number): number => Math.max(0, Math.ceil(ms / 60000));
export const minutesOver = (ms: number): number => Math.max(0, Math.ceil(ms / 60000));
