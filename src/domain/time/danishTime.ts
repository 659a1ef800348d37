/**
 * Dates and times as Danes write them, in Europe/Copenhagen: "torsdag 4. marts 2027 kl. 13.00".
 * Pure functions over Intl (full ICU ships with Node and every browser we target).
 */
import type { Lang } from '../problems';

export const TIME_ZONE = 'Europe/Copenhagen';

/**
 * Making an Intl.DateTimeFormat costs far more than using one (ICU loads the locale's patterns each time), and a
 * plan with forty efforts formats hundreds of dates per card and per keystroke in the editor: keep one per shape.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

const formatterFor = (locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat => {
  const key = `${locale}|${JSON.stringify(options)}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, { timeZone: TIME_ZONE, ...options });
    formatters.set(key, formatter);
  }
  return formatter;
};

const partsOf = (instant: Date, options: Intl.DateTimeFormatOptions, locale: string) =>
  Object.fromEntries(
    formatterFor(locale, options)
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  ) as Record<string, string>;

/** The Copenhagen calendar day of an instant, as YYYY-MM-DD. */
export const copenhagenDate = (instant: Date): string => {
  const p = partsOf(instant, { year: 'numeric', month: '2-digit', day: '2-digit' }, 'en-CA');
  return `${p.year}-${p.month}-${p.day}`;
};

/** Minutes Copenhagen is ahead of UTC at that instant (60 in winter, 120 in summer). */
export const copenhagenOffsetMinutes = (instant: Date): number => {
  const p = partsOf(
    instant,
    { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
    'en-CA',
  );
  const asUtc = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute));
  return Math.round((asUtc - Math.floor(instant.getTime() / 60000) * 60000) / 60000);
};

/** The instant of a Copenhagen wall-clock time (date YYYY-MM-DD, time HH:MM). */
export const copenhagenInstant = (date: string, time: string): Date => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  const guess = new Date(Date.UTC(y, m - 1, d, hh, mm));
  const first = new Date(guess.getTime() - copenhagenOffsetMinutes(guess) * 60000);
  // Re-check across a DST boundary.
  return new Date(guess.getTime() - copenhagenOffsetMinutes(first) * 60000);
};

/** Add whole months to a calendar day, clamping to the month's last day (31 Jan + 1 month = 28/29 Feb). */
export const addMonths = (date: string, months: number): string => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return target.toISOString().slice(0, 10);
};

export const addDays = (date: string, days: number): string => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
};

const locales: Record<Lang, string> = { da: 'da-DK', en: 'en-GB' };

/** "torsdag 4. marts 2027" / "Thursday 4 March 2027" for a calendar day. */
export const formatDate = (date: string, lang: Lang = 'da'): string => {
  const noon = copenhagenInstant(date, '12:00');
  const p = partsOf(noon, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }, locales[lang]);
  return lang === 'da' ? `${p.weekday} ${p.day}. ${p.month} ${p.year}` : `${p.weekday} ${p.day} ${p.month} ${p.year}`;
};

/** "4. marts" / "4 March": short form for banners. */
export const formatShortDate = (date: string, lang: Lang = 'da'): string => {
  const noon = copenhagenInstant(date, '12:00');
  const p = partsOf(noon, { day: 'numeric', month: 'long' }, locales[lang]);
  return lang === 'da' ? `${p.day}. ${p.month}` : `${p.day} ${p.month}`;
};

/**
 * "1. december 2026" / "1 December 2026": a due date in a list of forty, where the weekday only adds noise
 * (the minutes card and e-mail).
 */
export const formatDayMonthYear = (date: string, lang: Lang = 'da'): string => {
  const p = partsOf(
    copenhagenInstant(date, '12:00'),
    { day: 'numeric', month: 'long', year: 'numeric' },
    locales[lang],
  );
  return lang === 'da' ? `${p.day}. ${p.month} ${p.year}` : `${p.day} ${p.month} ${p.year}`;
};

/** "1.12.2026" / "1 Dec 2026": when the card has to be compact. */
export const formatCompactDate = (date: string, lang: Lang = 'da'): string => {
  const noon = copenhagenInstant(date, '12:00');
  if (lang === 'da') {
    const p = partsOf(noon, { day: 'numeric', month: 'numeric', year: 'numeric' }, locales.da);
    return `${p.day}.${p.month}.${p.year}`;
  }
  const p = partsOf(noon, { day: 'numeric', month: 'short', year: 'numeric' }, locales.en);
  return `${p.day} ${p.month} ${p.year}`;
};

/** "13.00" / "13:00". */
export const formatTime = (instant: Date, lang: Lang = 'da'): string => {
  const p = partsOf(instant, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }, 'en-GB');
  return lang === 'da' ? `${p.hour}.${p.minute}` : `${p.hour}:${p.minute}`;
};

/** "torsdag 4. marts 2027 kl. 13.00" / "Thursday 4 March 2027 at 13:00". */
export const formatDateTime = (instant: Date, lang: Lang = 'da'): string =>
  `${formatDate(copenhagenDate(instant), lang)} ${lang === 'da' ? 'kl.' : 'at'} ${formatTime(instant, lang)}`;
