/**
 * Find a time: from free/busy rows (getSchedule), candidate slots of the meeting's length within working hours
 * (08.00–16.00 Copenhagen, Monday to Friday), best first: everyone free, then fewest conflicts. Unknown availability
 * (external people, unknown addresses) is shown as unknown: it is neither free nor a conflict.
 */
import type { Availability, ScheduleRequest, ScheduleRow } from '../ports/calendar';
import { addDays, copenhagenDate, copenhagenInstant } from '../time/danishTime';

export interface Slot {
  start: string;
  end: string;
  busyEmails: string[];
  unknownEmails: string[];
}

export interface SlotOptions {
  /** The instant the rows' first interval starts (the schedule request's start). */
  scheduleStart: string;
  intervalMinutes: number;
  lengthMinutes: number;
  /** No slot starts before this (now). */
  notBefore?: Date;
  /** Working day, Copenhagen wall clock. */
  dayStart?: string;
  dayEnd?: string;
  /** Candidate starts every this many minutes (default: the interval). */
  stepMinutes?: number;
  /** How many slots to return (default all). */
  limit?: number;
}

const CONFLICT: ReadonlySet<Availability> = new Set(['busy', 'oof', 'tentative']);

const weekday = (date: string): number => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
};
export const isWorkingDay = (date: string): boolean => weekday(date) >= 1 && weekday(date) <= 5;

/** A getSchedule request covering working hours of `days` days from `fromDate` (a Copenhagen day). */
export const scheduleRequestFor = (
  emails: string[],
  fromDate: string,
  days: number,
  intervalMinutes = 30,
  dayStart = '08:00',
  dayEnd = '16:00',
): ScheduleRequest => ({
  emails,
  start: copenhagenInstant(fromDate, dayStart).toISOString(),
  end: copenhagenInstant(addDays(fromDate, Math.max(0, days - 1)), dayEnd).toISOString(),
  intervalMinutes,
});

export const rankSlots = (rows: readonly ScheduleRow[], options: SlotOptions): Slot[] => {
  const interval = options.intervalMinutes * 60000;
  const length = options.lengthMinutes * 60000;
  const step = (options.stepMinutes ?? options.intervalMinutes) * 60000;
  const origin = Date.parse(options.scheduleStart);
  const longest = Math.max(0, ...rows.map((r) => r.slots.length));
  const horizon = origin + longest * interval;
  const notBefore = options.notBefore?.getTime() ?? -Infinity;
  const slots: Slot[] = [];
  if (interval <= 0 || length <= 0 || step <= 0) return slots;

  for (let start = origin; start + length <= horizon; start += step) {
    if (start < notBefore) continue;
    const date = copenhagenDate(new Date(start));
    if (!isWorkingDay(date)) continue;
    const open = copenhagenInstant(date, options.dayStart ?? '08:00').getTime();
    const close = copenhagenInstant(date, options.dayEnd ?? '16:00').getTime();
    if (start < open || start + length > close) continue;

    const first = Math.floor((start - origin) / interval);
    const last = Math.ceil((start + length - origin) / interval) - 1;
    const busyEmails: string[] = [];
    const unknownEmails: string[] = [];
    for (const row of rows) {
      const covered = Array.from({ length: last - first + 1 }, (_, i) => row.slots[first + i] ?? 'unknown');
      if (covered.some((a) => CONFLICT.has(a))) busyEmails.push(row.email);
      else if (covered.includes('unknown')) unknownEmails.push(row.email);
    }
    slots.push({
      start: new Date(start).toISOString(),
      end: new Date(start + length).toISOString(),
      busyEmails,
      unknownEmails,
    });
  }
  const ranked = slots.sort(
    (a, b) =>
      a.busyEmails.length - b.busyEmails.length ||
      a.unknownEmails.length - b.unknownEmails.length ||
      Date.parse(a.start) - Date.parse(b.start),
  );
  return options.limit === undefined ? ranked : ranked.slice(0, options.limit);
};
