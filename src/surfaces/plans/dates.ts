import type { Lang } from '../../domain/problems';
import { formatShortDate } from '../../domain/time/danishTime';

/** "3. marts 2027" / "3 March 2027": a day with its year but without the weekday, for badges and banners. */
export const formatDayWithYear = (date: string, lang: Lang): string =>
  `${formatShortDate(date, lang)} ${date.slice(0, 4)}`;
