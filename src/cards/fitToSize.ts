/**
 * Teams refuses a chat message above about 28 KB (HTML body, card and mentions together). A refused send would
 * leave a participant without minutes, so the card shrinks instead, one step at a time, and says so: first the
 * round collapses, then efforts become one line each, then lists are cut and texts shortened, with the rest left
 * to the plan behind the card's link.
 */
import { COMPLETE_LAYOUT, type CardLayout } from './minutesCard';

/** Teams' limit for one chat message, body, attachments and mentions included. */
export const MESSAGE_LIMIT_BYTES = 28 * 1024;

const shortened = (step: Partial<CardLayout>): CardLayout => ({
  ...COMPLETE_LAYOUT,
  roundCollapsed: true,
  effortsCompact: true,
  shortened: true,
  ...step,
});

/** The steps, largest first. The last one shows no list items at all, only counts, so it always fits. */
export const SHRINK_STEPS: readonly CardLayout[] = [
  COMPLETE_LAYOUT,
  shortened({ effortsCompact: false }),
  shortened({}),
  shortened({ maxTextChars: 400, maxListItems: 30 }),
  shortened({ maxTextChars: 250, maxListItems: 20 }),
  shortened({ maxTextChars: 160, maxListItems: 12 }),
  shortened({ maxTextChars: 100, maxListItems: 8 }),
  shortened({ maxTextChars: 60, maxListItems: 5 }),
  shortened({ maxTextChars: 40, maxListItems: 3 }),
  shortened({ maxTextChars: 40, maxListItems: 1 }),
  shortened({ maxTextChars: 40, maxListItems: 0 }),
];

export interface Fitted<T> {
  value: T;
  layout: CardLayout;
  bytes: number;
  /** False only when even the last step is too big; the caller then sends the smallest anyway or trims more. */
  fits: boolean;
}

const encoder = new TextEncoder();

/** Bytes of a string as UTF-8 (æ, ø, å and emoji count for more than one). */
export const utf8Bytes = (text: string): number => encoder.encode(text).length;

/** The first step whose rendering fits within the limit. */
export const fitToSize = <T>(
  render: (layout: CardLayout) => T,
  sizeOf: (value: T) => number,
  limit: number = MESSAGE_LIMIT_BYTES,
  steps: readonly CardLayout[] = SHRINK_STEPS,
): Fitted<T> => {
  let smallest: Fitted<T> | null = null;
  for (const layout of steps) {
    const value = render(layout);
    const bytes = sizeOf(value);
    if (bytes <= limit) return { value, layout, bytes, fits: true };
    if (smallest === null || bytes < smallest.bytes) smallest = { value, layout, bytes, fits: false };
  }
  if (smallest === null) throw new Error('fitToSize needs at least one step');
  return smallest;
};
