/**
 * Short date forms for the minutes, beside danishTime's long ones: an effort's due date reads "1. december 2026"
 * (no weekday, which only adds noise in a list of forty), and "1.12.2026" when the card has to be compact.
 */
import type { Lang } from '../domain/problems';

const atNoonUtc = (date: string): Date => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d, 12));
};

const parts = (date: string, lang: Lang, month: 'long' | 'short' | 'numeric') =>
  Object.fromEntries(
    new Intl.DateTimeFormat(lang === 'da' ? 'da-DK' : 'en-GB', {
      timeZone: 'UTC',
      day: 'numeric',
      month,
      year: 'numeric',
    })
      .formatToParts(atNoonUtc(date))
      .map((p) => [p.type, p.value]),
  ) as Record<string, string>;

/** "1. december 2026" / "1 December 2026". */
export const dayMonthYear = (date: string, lang: Lang): string => {
  const p = parts(date, lang, 'long');
  return lang === 'da' ? `${p.day}. ${p.month} ${p.year}` : `${p.day} ${p.month} ${p.year}`;
};

/** "1.12.2026" / "1 Dec 2026". */
export const compactDate = (date: string, lang: Lang): string => {
  if (lang === 'da') {
    const p = parts(date, lang, 'numeric');
    return `${p.day}.${p.month}.${p.year}`;
  }
  const p = parts(date, lang, 'short');
  return `${p.day} ${p.month} ${p.year}`;
};
