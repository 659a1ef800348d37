import { describe, expect, it } from 'vitest';
import { rankSlots, scheduleRequestFor } from '../../../../src/domain/booking/timeSlots';
import type { Availability, ScheduleRow } from '../../../../src/domain/ports/calendar';
import { copenhagenInstant } from '../../../../src/domain/time/danishTime';

/** One Copenhagen working day (Thursday 4 March 2027, 08.00–16.00) in 30-minute slots: 16 of them. */
const day = '2027-03-04';
const scheduleStart = copenhagenInstant(day, '08:00').toISOString();
const free = (): Availability[] => Array.from({ length: 16 }, () => 'free');
/** Busy from..to (wall clock, half hours). */
const busy = (from: string, to: string): Availability[] => {
  const slots = free();
  const index = (t: string) => {
    const [h, m] = t.split(':').map(Number) as [number, number];
    return (h - 8) * 2 + m / 30;
  };
  for (let i = index(from); i < index(to); i++) slots[i] = 'busy';
  return slots;
};
const at = (time: string) => copenhagenInstant(day, time).toISOString();
const options = { scheduleStart, intervalMinutes: 30, lengthMinutes: 90 };

describe('finding a time', () => {
  it('puts the slots where everyone is free first', () => {
    const rows: ScheduleRow[] = [
      { email: 'mette@x.dk', slots: busy('08:00', '12:00') },
      { email: 'jonas@x.dk', slots: busy('13:00', '14:00') },
    ];
    const slots = rankSlots(rows, options);
    expect(slots[0]).toEqual({ start: at('14:00'), end: at('15:30'), busyEmails: [], unknownEmails: [] });
    expect(slots.filter((s) => s.busyEmails.length === 0).map((s) => s.start)).toEqual([at('14:00'), at('14:30')]);
  });

  it('then the slots with the fewest conflicts, naming who is busy', () => {
    const rows: ScheduleRow[] = [
      { email: 'a@x.dk', slots: busy('08:00', '16:00') },
      { email: 'b@x.dk', slots: busy('08:00', '12:00') },
    ];
    const slots = rankSlots(rows, options);
    expect(slots[0]).toMatchObject({ start: at('12:00'), busyEmails: ['a@x.dk'] });
    expect(slots.at(-1)?.busyEmails).toEqual(['a@x.dk', 'b@x.dk']);
  });

  it('shows unknown availability as unknown, never as free and never as a conflict', () => {
    const rows: ScheduleRow[] = [
      { email: 'mette@x.dk', slots: free() },
      { email: 'karen.skov@regionms.example', slots: Array.from({ length: 16 }, () => 'unknown') },
    ];
    const [first] = rankSlots(rows, options);
    expect(first).toEqual({
      start: at('08:00'),
      end: at('09:30'),
      busyEmails: [],
      unknownEmails: ['karen.skov@regionms.example'],
    });
  });

  it('counts a tentative or out-of-office answer as a conflict', () => {
    const rows: ScheduleRow[] = [{ email: 'a@x.dk', slots: free().map((_, i) => (i < 14 ? 'tentative' : 'free')) }];
    expect(rankSlots(rows, { ...options, lengthMinutes: 60 })[0]).toMatchObject({ start: at('15:00'), busyEmails: [] });
  });

  it('keeps the meeting inside working hours', () => {
    const slots = rankSlots([{ email: 'a@x.dk', slots: free() }], options);
    expect(slots.map((s) => s.start)).toHaveLength(14);
    expect(slots.every((s) => s.end <= at('16:00'))).toBe(true);
  });

  it('offers nothing on a weekend', () => {
    const saturday = copenhagenInstant('2027-03-06', '08:00').toISOString();
    expect(rankSlots([{ email: 'a@x.dk', slots: free() }], { ...options, scheduleStart: saturday })).toEqual([]);
  });

  it('offers nothing that has already begun', () => {
    const slots = rankSlots([{ email: 'a@x.dk', slots: free() }], { ...options, notBefore: new Date(at('13:10')) });
    expect(slots.map((s) => s.start)).toEqual([at('13:30'), at('14:00'), at('14:30')]);
  });

  it('asks for the working hours of the coming days in one request', () => {
    expect(scheduleRequestFor(['a@x.dk'], '2027-03-01', 5)).toEqual({
      emails: ['a@x.dk'],
      start: copenhagenInstant('2027-03-01', '08:00').toISOString(),
      end: copenhagenInstant('2027-03-05', '16:00').toISOString(),
      intervalMinutes: 30,
    });
  });

  it('reads several days from one continuous schedule', () => {
    const start = copenhagenInstant('2027-03-04', '08:00');
    const hours = 48 * 2; // two days of half hours, nights included
    const rows: ScheduleRow[] = [{ email: 'a@x.dk', slots: Array.from({ length: hours }, () => 'free') }];
    const slots = rankSlots(rows, { scheduleStart: start.toISOString(), intervalMinutes: 30, lengthMinutes: 90 });
    // Thursday 08.00 and Friday 08.00 both appear; nothing at night.
    expect(slots.map((s) => s.start)).toContain(copenhagenInstant('2027-03-05', '08:00').toISOString());
    expect(slots).toHaveLength(28);
  });
});
