import { addDays } from '../../../domain/time/danishTime';

/** ISO 8601 week number of a day (Danish calendars number weeks this way). */
export const isoWeek = (date: string): number => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const day = new Date(Date.UTC(y, m - 1, d));
  const weekday = (day.getUTCDay() + 6) % 7;
  day.setUTCDate(day.getUTCDate() - weekday + 3); // the Thursday of this week decides the year
  const firstThursday = new Date(Date.UTC(day.getUTCFullYear(), 0, 4));
  return (
    1 +
    Math.round(
      (day.getTime() - firstThursday.getTime()) / 86400000 / 7 - (((firstThursday.getUTCDay() + 6) % 7) - 3) / 7,
    )
  );
};

/** The working days (Monday to Friday) of the week starting on `monday`. */
export const workingDays = (monday: string): string[] => [0, 1, 2, 3, 4].map((i) => addDays(monday, i));
