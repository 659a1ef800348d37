import { describe, expect, it } from 'vitest';
import {
  addMonths,
  copenhagenDate,
  copenhagenInstant,
  formatCompactDate,
  formatDate,
  formatDateTime,
  formatDayMonthYear,
} from '../../../src/domain/time/danishTime';

describe('Danish dates in Europe/Copenhagen', () => {
  it('writes a meeting time the way Danes do', () => {
    expect(formatDateTime(new Date('2027-03-04T12:00:00Z'))).toBe('torsdag 4. marts 2027 kl. 13.00');
    expect(formatDateTime(new Date('2027-03-04T12:00:00Z'), 'en')).toBe('Thursday 4 March 2027 at 13:00');
  });
  it('uses summer time in summer', () => {
    expect(copenhagenInstant('2027-06-10', '13:00').toISOString()).toBe('2027-06-10T11:00:00.000Z');
    expect(copenhagenInstant('2027-01-10', '13:00').toISOString()).toBe('2027-01-10T12:00:00.000Z');
  });
  it('knows the Copenhagen day just after midnight', () => {
    expect(copenhagenDate(new Date('2027-03-04T23:30:00Z'))).toBe('2027-03-05');
  });
  it('adds months and clamps to the end of a shorter month', () => {
    expect(addMonths('2027-01-31', 1)).toBe('2027-02-28');
    expect(addMonths('2026-11-27', 3)).toBe('2027-02-27');
  });
  it('writes the hour as Copenhagen reads it on both sides of the spring change (28 March 2027, 02.00 → 03.00)', () => {
    expect(formatDateTime(new Date('2027-03-28T00:59:00Z'))).toBe('søndag 28. marts 2027 kl. 01.59');
    expect(formatDateTime(new Date('2027-03-28T01:00:00Z'))).toBe('søndag 28. marts 2027 kl. 03.00');
    expect(formatDateTime(new Date('2027-03-28T12:00:00Z'))).toBe('søndag 28. marts 2027 kl. 14.00');
    expect(copenhagenInstant('2027-03-28', '13:00').toISOString()).toBe('2027-03-28T11:00:00.000Z');
    expect(copenhagenInstant('2027-03-28', '01:30').toISOString()).toBe('2027-03-28T00:30:00.000Z');
    // 02.30 does not exist that night: the clock reads 03.30 an hour after 01.30.
    expect(formatDateTime(copenhagenInstant('2027-03-28', '02:30'))).toBe('søndag 28. marts 2027 kl. 03.30');
  });
  it('writes the hour as Copenhagen reads it on both sides of the autumn change (31 October 2027, 03.00 → 02.00)', () => {
    expect(formatDateTime(new Date('2027-10-31T00:59:00Z'))).toBe('søndag 31. oktober 2027 kl. 02.59');
    expect(formatDateTime(new Date('2027-10-31T01:00:00Z'))).toBe('søndag 31. oktober 2027 kl. 02.00');
    expect(formatDateTime(new Date('2027-10-31T12:00:00Z'))).toBe('søndag 31. oktober 2027 kl. 13.00');
    expect(copenhagenInstant('2027-10-31', '13:00').toISOString()).toBe('2027-10-31T12:00:00.000Z');
    expect(copenhagenInstant('2027-10-30', '13:00').toISOString()).toBe('2027-10-30T11:00:00.000Z');
    // 02.30 happens twice: a meeting then is taken to be after the change, and reads back as 02.30.
    expect(formatDateTime(copenhagenInstant('2027-10-31', '02:30'))).toBe('søndag 31. oktober 2027 kl. 02.30');
  });
  it('puts midnight on the right Copenhagen day in summer and in winter time', () => {
    expect(copenhagenDate(new Date('2027-03-27T23:00:00Z'))).toBe('2027-03-28');
    expect(copenhagenDate(new Date('2027-10-30T22:00:00Z'))).toBe('2027-10-31');
    expect(copenhagenDate(new Date('2027-10-30T21:59:00Z'))).toBe('2027-10-30');
    expect(formatDateTime(new Date('2027-10-30T22:00:00Z'))).toBe('søndag 31. oktober 2027 kl. 00.00');
  });
  it('formats a day with weekday', () => {
    expect(formatDate('2027-03-04')).toBe('torsdag 4. marts 2027');
  });
  it('writes a due date without weekday, and compactly when the card is short of room', () => {
    expect(formatDayMonthYear('2026-12-01')).toBe('1. december 2026');
    expect(formatDayMonthYear('2026-12-01', 'en')).toBe('1 December 2026');
    expect(formatCompactDate('2026-12-01')).toBe('1.12.2026');
    expect(formatCompactDate('2026-12-01', 'en')).toBe('1 Dec 2026');
  });
});
