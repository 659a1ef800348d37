/**
 * Nothing lost: every change goes to session storage within moments, and at once when the page is hidden or left
 * (useSessionDraft), and to the PlanStore a couple of seconds later with If-Match. A 412 merges field by field;
 * only fields both sides changed differently wait for the user. While nothing is unsaved, the panel polls the store so others' saved changes appear.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import * as z from 'zod/mini';
import type { Plan } from '../../domain/plan/planDocument';
import type { Failure } from '../../domain/ports/outcome';
import type { StoredPlan } from '../../domain/ports/planStore';
import { usePlan } from '../../ui/hooks/usePlan';
import { useSessionDraft } from '../../ui/hooks/useSessionDraft';
import { useServices } from '../../ui/services/ServicesContext';
import {
  adoptStored,
  afterConflict,
  afterSave,
  isDirty,
  resolveConflicts,
  SyncSnapshotSchema,
  type Choice,
  type OpenConflict,
  type SyncSnapshot,
} from './planSync';

export const SAVE_DELAY_MS = 2000;
export const POLL_MS = 5000;
export const RETRY_MS = 10000;

export type SaveState = 'saved' | 'pending' | 'saving' | 'failed' | 'conflict';

export interface MeetingPlanTiming {
  saveDelayMs?: number;
  pollMs?: number;
  retryMs?: number;
}

export type MeetingPlan =
  | { status: 'loading' }
  | { status: 'notFound' }
  | { status: 'error'; failure: Failure }
  | {
      status: 'ready';
      plan: Plan;
      /** Change the draft; it is in session storage within 300 ms, and before the page is hidden or left. */
      edit(change: (plan: Plan) => Plan): void;
      saveState: SaveState;
      /**
       * The version in the store this panel last read or wrote, with its eTag (what `plan` equals once the state is
       * 'saved'): the send starts from it instead of reading the plan again.
       */
      stored: StoredPlan;
      saveFailure: Failure | null;
      /** The draft came back from session storage after a reload. */
      restored: boolean;
      open: OpenConflict | null;
      resolve(choices: readonly Choice[]): void;
      saveNow(): void;
      reload(): Promise<void>;
    };

const SnapshotOrNull = z.nullable(SyncSnapshotSchema);

/**
 * The snapshot (draft and base plan, tens of kilobytes) goes to session storage once the typing has gone on for
 * a moment, not on every key, and at once when the page is hidden or left: a keystroke in the referat then pays
 * for no `JSON.stringify` of the whole plan, and a reload right after typing still brings the text back.
 */
const DRAFT_WRITE = { writeAfterMs: 300 };

/**
 * `scope` separates the drafts of frames that share one session storage (the side panel and the stage are
 * same-origin frames of one Teams window, or of the local launcher): each keeps its own, so one never writes
 * over the other's unsaved words.
 */
export const useMeetingPlan = (
  planId: string | null,
  timing: MeetingPlanTiming = {},
  scope: string = 'meeting',
): MeetingPlan => {
  const { clock } = useServices();
  const saveDelayMs = timing.saveDelayMs ?? SAVE_DELAY_MS;
  const pollMs = timing.pollMs ?? POLL_MS;
  const retryMs = timing.retryMs ?? RETRY_MS;
  const store = usePlan(planId);
  const [snapshot, setSnapshot, draftControl] = useSessionDraft<SyncSnapshot | null>(
    `meeting:${scope}:${planId ?? 'none'}`,
    null,
    SnapshotOrNull,
    DRAFT_WRITE,
  );
  const [open, setOpen] = useState<OpenConflict | null>(null);
  const [saving, setSaving] = useState(false);
  const [saveFailure, setSaveFailure] = useState<Failure | null>(null);
  // Bumped to ask for a save at once (after a merge, a resolved conflict, "Gem nu", coming back online).
  const [saveRequest, setSaveRequest] = useState(0);
  const savingRef = useRef(false);
  const openRef = useRef(open);
  openRef.current = open;
  const snapshotRef = useRef(snapshot);
  snapshotRef.current = snapshot;
  const restored = draftControl.restored;

  // The store's version: the first load, and every poll that finds someone else's save.
  const storedPlan = store.status === 'ready' ? store.plan : null;
  const storedETag = store.status === 'ready' ? store.eTag : null;
  useEffect(() => {
    if (!storedPlan || !storedETag || savingRef.current) return;
    setSnapshot((current) => adoptStored(current, { plan: storedPlan, eTag: storedETag }));
  }, [storedPlan, storedETag, setSnapshot]);

  const { save } = store;
  const doSave = useCallback(async () => {
    const current = snapshotRef.current;
    if (!current || savingRef.current || openRef.current || !isDirty(current)) return;
    savingRef.current = true;
    setSaving(true);
    const sent = current.draft;
    try {
      const outcome = await save({ ...sent, updatedAt: clock.now().toISOString() }, current.baseETag);
      if (outcome.ok) {
        setSaveFailure(null);
        setSnapshot((latest) => (latest ? afterSave(latest, sent, outcome.value) : latest));
      } else if (outcome.kind === 'conflict') {
        setSaveFailure(null);
        let opened: OpenConflict | null = null;
        // useSessionDraft applies the updater at once, so `opened` is set when it returns.
        setSnapshot((latest) => {
          if (!latest) return latest;
          const merged = afterConflict(latest, outcome.current);
          opened = merged.open;
          return merged.snapshot;
        });
        setOpen(opened);
        if (!opened) setSaveRequest((n) => n + 1);
      } else {
        setSaveFailure(outcome);
      }
    } finally {
      savingRef.current = false;
      setSaving(false);
    }
  }, [save, clock, setSnapshot]);

  const dirty = snapshot ? isDirty(snapshot) : false;

  // Debounced save: a couple of seconds after the last change; at once when asked.
  const lastRequest = useRef(saveRequest);
  useEffect(() => {
    if (!dirty || saving || open) return;
    const immediate = lastRequest.current !== saveRequest;
    lastRequest.current = saveRequest;
    const delay = immediate ? 0 : saveFailure ? retryMs : saveDelayMs;
    const timer = setTimeout(() => void doSave(), delay);
    return () => clearTimeout(timer);
  }, [snapshot, dirty, saving, open, saveFailure, saveRequest, doSave, saveDelayMs, retryMs]);

  // Others' saved changes: poll while nothing here waits to be saved.
  const { reload } = store;
  useEffect(() => {
    if (dirty || saving || open || !planId) return;
    const timer = setInterval(() => void reload(), pollMs);
    return () => clearInterval(timer);
  }, [dirty, saving, open, planId, reload, pollMs]);

  // Leaving the page or coming back online: save what is waiting now.
  useEffect(() => {
    const now = () => setSaveRequest((n) => n + 1);
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') now();
    };
    window.addEventListener('online', now);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('online', now);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, []);

  const edit = useCallback(
    (change: (plan: Plan) => Plan) =>
      setSnapshot((current) => (current ? { ...current, draft: change(current.draft) } : current)),
    [setSnapshot],
  );

  const resolve = useCallback(
    (choices: readonly Choice[]) => {
      const conflict = openRef.current;
      if (!conflict) return;
      setSnapshot((current) => (current ? resolveConflicts(current, conflict, choices) : current));
      setOpen(null);
      setSaveRequest((n) => n + 1);
    },
    [setSnapshot],
  );

  const saveNow = useCallback(() => setSaveRequest((n) => n + 1), []);

  if (snapshot) {
    const saveState: SaveState = open
      ? 'conflict'
      : saving
        ? 'saving'
        : saveFailure && dirty
          ? 'failed'
          : dirty
            ? 'pending'
            : 'saved';
    return {
      status: 'ready',
      plan: snapshot.draft,
      edit,
      saveState,
      stored: {
        plan: snapshot.base,
        eTag: snapshot.baseETag,
        ...(store.status === 'ready' && store.myRole !== undefined ? { myRole: store.myRole } : {}),
      },
      saveFailure,
      restored,
      open,
      resolve,
      saveNow,
      reload,
    };
  }
  if (store.status === 'ready' || store.status === 'loading') return { status: 'loading' };
  return store.status === 'notFound' ? { status: 'notFound' } : { status: 'error', failure: store.failure };
};
