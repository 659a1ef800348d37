import { useCallback, useEffect, useRef, useState } from 'react';
import type * as z from 'zod/mini';

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

const read = <T>(key: string, schema: z.ZodMiniType<T> | undefined): { value: T } | null => {
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

export interface DraftOptions {
  /**
   * Write to storage this long after the first unsaved change (when the browser is idle, if it can say), instead
   * of on every change, for drafts too big to serialise per keystroke (the meeting plan: `JSON.stringify` of
   * the draft and its base on every key cost a millisecond and garbage). What is waiting is written at once
   * when the page is hidden or left (`visibilitychange`, `pagehide`: a reload, closing the tab), when the key
   * changes and when the component goes, so a reload right after typing still brings the text back.
   */
  writeAfterMs?: number;
}

type Pending = { key: string; value: unknown } | null;

/**
 * A value mirrored to session storage at once, on every change (or shortly after, see `writeAfterMs`), and
 * restored after a reload of the same tab, so nothing typed is lost. `key` should name the surface and the thing
 * (e.g. `booking:plan-ki-2026-014`); a different key reads its own draft. With a zod `schema`, a stored value that
 * no longer fits is ignored.
 */
export const useSessionDraft = <T>(
  key: string,
  initial: T | (() => T),
  schema?: z.ZodMiniType<T>,
  options: DraftOptions = {},
): [T, SetDraft<T>, DraftControl] => {
  const { writeAfterMs } = options;
  // The change not yet in storage (only with writeAfterMs), and its timer.
  const pending = useRef<Pending>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const flush = useCallback(() => {
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = null;
    const waiting = pending.current;
    pending.current = null;
    if (waiting) write(waiting.key, waiting.value);
  }, []);
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
    flush(); // the old key's last change first
    current = load(key);
    setState(current);
  }
  // The latest value and key, so a change is written to storage synchronously, before any re-render.
  const latest = useRef(current);
  latest.current = current;

  const setDraft = useCallback<SetDraft<T>>(
    (next) => {
      const previous = latest.current;
      const value = typeof next === 'function' ? (next as (p: T) => T)(previous.value) : next;
      if (writeAfterMs === undefined) write(previous.key, value);
      else {
        pending.current = { key: previous.key, value };
        timer.current ??= setTimeout(() => {
          timer.current = null;
          if (typeof requestIdleCallback === 'function') requestIdleCallback(flush, { timeout: writeAfterMs });
          else flush();
        }, writeAfterMs);
      }
      latest.current = { ...previous, value };
      setState(latest.current);
    },
    [writeAfterMs, flush],
  );

  // Leaving the page (reload, closing the tab, another app in front) or unmounting: write what is waiting now.
  useEffect(() => {
    const onHidden = () => {
      if (document.visibilityState === 'hidden') flush();
    };
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', onHidden);
    return () => {
      window.removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', onHidden);
      flush();
    };
  }, [flush]);

  const clear = useCallback(() => {
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = null;
    pending.current = null;
    storage()?.removeItem(PREFIX + latest.current.key);
  }, []);

  return [current.value, setDraft, { restored: current.restored, clear }];
};
