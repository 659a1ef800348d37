import { useCallback, useRef, useState } from 'react';
import type { z } from 'zod';

const PREFIX = 'tovholder:draft:';

export interface DraftControl {
  /** True when the value came back from session storage (e.g. after a reload), so the UI can say so. */
  restored: boolean;
  /** Forget the draft (after it was saved for good). The in-memory value stays. */
  clear(): void;
}

export type SetDraft<T> = (next: T | ((previous: T) => T)) => void;

const storage = (): Storage | null => {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage;
  } catch {
    return null; // storage disabled (privacy settings): the draft then lives in memory only
  }
};

const read = <T>(key: string, schema: z.ZodType<T> | undefined): { value: T } | null => {
  const raw = storage()?.getItem(PREFIX + key);
  if (raw == null) return null;
  try {
    const parsed: unknown = JSON.parse(raw);
    if (!schema) return { value: parsed as T };
    const checked = schema.safeParse(parsed);
    return checked.success ? { value: checked.data } : null;
  } catch {
    return null;
  }
};

const write = (key: string, value: unknown) => {
  try {
    storage()?.setItem(PREFIX + key, JSON.stringify(value));
  } catch {
    // quota exceeded: the in-memory value is still there and the store save still runs
  }
};

/**
 * A value mirrored to session storage at once, on every change, and restored after a reload of the same tab,
 * so nothing typed is lost. `key` should name the surface and the thing (e.g. `booking:plan-ki-2026-014`);
 * a different key reads its own draft. With a zod `schema`, a stored value that no longer fits is ignored.
 */
export const useSessionDraft = <T>(
  key: string,
  initial: T | (() => T),
  schema?: z.ZodType<T>,
): [T, SetDraft<T>, DraftControl] => {
  const load = (forKey: string) => {
    const stored = read(forKey, schema);
    if (stored) return { key: forKey, value: stored.value, restored: true };
    const value = typeof initial === 'function' ? (initial as () => T)() : initial;
    return { key: forKey, value, restored: false };
  };
  const [state, setState] = useState(() => load(key));
  // Another key (another plan, say) reads its own draft during render, without an effect's extra paint.
  let current = state;
  if (state.key !== key) {
    current = load(key);
    setState(current);
  }
  // The latest value and key, so a change is written to storage synchronously, before any re-render.
  const latest = useRef(current);
  latest.current = current;

  const setDraft = useCallback<SetDraft<T>>((next) => {
    const previous = latest.current;
    const value = typeof next === 'function' ? (next as (p: T) => T)(previous.value) : next;
    write(previous.key, value);
    latest.current = { ...previous, value };
    setState(latest.current);
  }, []);

  const clear = useCallback(() => {
    storage()?.removeItem(PREFIX + latest.current.key);
  }, []);

  return [current.value, setDraft, { restored: current.restored, clear }];
};
