import { useCallback, useEffect, useState } from 'react';
import type { ScheduleRow } from '../../../domain/ports/calendar';
import type { Failure } from '../../../domain/ports/outcome';
import { scheduleRequestFor } from '../../../domain/booking/timeSlots';
import { useServices } from '../../../ui/services/ServicesContext';
import { useDebouncedValue } from './useDebouncedValue';

export const SCHEDULE_INTERVAL_MINUTES = 30;
export const WORKING_DAYS = 5;

export type ScheduleView =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'ready'; scheduleStart: string; rows: ScheduleRow[] }
  | { status: 'failed'; failure: Failure };

/**
 * Free/busy for the in-tenant participants over one working week, in one getSchedule call (the adapter splits
 * it above 20 people). Asked again only when the week or the people have settled for a moment, or when the user
 * asks again after a failure (the returned `retry`).
 */
export const useSchedule = (emails: readonly string[], weekStart: string): [ScheduleView, retry: () => void] => {
  const { calendar } = useServices();
  const wanted = JSON.stringify([weekStart, [...emails].sort()]);
  const key = useDebouncedValue(wanted, 400);
  const [view, setView] = useState<ScheduleView>({ status: 'idle' });
  const [attempt, setAttempt] = useState(0);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);

  useEffect(() => {
    const [week, people] = JSON.parse(key) as [string, string[]];
    if (people.length === 0 || !/^\d{4}-\d{2}-\d{2}$/.test(week)) {
      setView({ status: 'idle' });
      return;
    }
    let current = true;
    const request = scheduleRequestFor(people, week, WORKING_DAYS, SCHEDULE_INTERVAL_MINUTES);
    setView({ status: 'loading' });
    void calendar.getSchedule(request).then((outcome) => {
      if (!current) return;
      setView(
        outcome.ok
          ? { status: 'ready', scheduleStart: request.start, rows: outcome.value }
          : { status: 'failed', failure: outcome },
      );
    });
    return () => {
      current = false;
    };
  }, [key, calendar, attempt]);

  // While the people or the week settle, the last answer is about other people: show it as being fetched, so a
  // person just added is never counted as free before their calendar has been asked.
  const settling = wanted !== key && view.status !== 'idle';
  return [settling ? { status: 'loading' } : view, retry];
};
