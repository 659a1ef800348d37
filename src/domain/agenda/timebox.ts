/**
 * Time boxes (tidsrammer) of the agenda: changing one item's time keeps the meeting's length, taking the
 * difference from the other items in proportion to their time, so the mødeleder never has to do the sums.
 */
import type { AgendaItem, AgendaItemKey } from '../plan/planDocument';
import { problem, type Problem } from '../problems';
import { apportion } from './apportion';
import { AGENDA_ORDER, agendaTitles } from './standardAgenda';

export const totalOf = (items: readonly AgendaItem[]): number => items.reduce((sum, i) => sum + i.minutes, 0);

/**
 * Give one item `minutes` (clamped to 0…totalMinutes) and spread the rest of the meeting over the other items in
 * proportion to their current time boxes (evenly when they are all zero). The sum stays `totalMinutes`.
 */
export const setTimebox = (
  items: readonly AgendaItem[],
  key: AgendaItemKey,
  minutes: number,
  totalMinutes: number,
): AgendaItem[] => {
  if (!items.some((i) => i.key === key)) return [...items];
  const wanted = Math.min(Math.max(0, Math.round(minutes)), Math.max(0, totalMinutes));
  const others = items.filter((i) => i.key !== key);
  const shares = apportion(
    totalMinutes - wanted,
    others.map((i) => i.minutes),
  );
  let o = 0;
  return items.map((i) => (i.key === key ? { ...i, minutes: wanted } : { ...i, minutes: shares[o++] ?? 0 }));
};

/** Fit the time boxes to a new meeting length, keeping their proportions (the meeting was made longer or shorter). */
export const fitAgenda = (items: readonly AgendaItem[], totalMinutes: number): AgendaItem[] => {
  const shares = apportion(
    totalMinutes,
    items.map((i) => i.minutes),
  );
  return items.map((i, n) => ({ ...i, minutes: shares[n] ?? 0 }));
};

const minutesText = (n: number) => `${n} min`;

/** What is wrong with an agenda for a meeting of `totalMinutes`. Missing items are errors; time mismatches warn. */
export const agendaProblems = (items: readonly AgendaItem[], totalMinutes: number): Problem[] => {
  const problems: Problem[] = [];
  for (const key of AGENDA_ORDER) {
    if (!items.some((i) => i.key === key)) {
      const title = agendaTitles[key];
      problems.push(
        problem(
          'agenda.missingItem',
          'error',
          `agenda.${key}`,
          `Punktet "${title.da}" mangler på dagsordenen. Alle fem punkter i indsatsplanen skal med; nulstil dagsordenen til standarden.`,
          `The item "${title.en}" is missing from the agenda. All five parts of the plan must be included; reset the agenda to the standard.`,
        ),
      );
    }
  }
  const sum = totalOf(items);
  if (sum > totalMinutes) {
    problems.push(
      problem(
        'agenda.overLength',
        'warning',
        'agenda',
        `Punkterne varer tilsammen ${minutesText(sum)}, men mødet er på ${minutesText(totalMinutes)}. Kort punkterne ned med ${minutesText(sum - totalMinutes)}, eller gør mødet længere.`,
        `The items add up to ${minutesText(sum)}, but the meeting is ${minutesText(totalMinutes)}. Shorten the items by ${minutesText(sum - totalMinutes)}, or make the meeting longer.`,
      ),
    );
  } else if (sum < totalMinutes) {
    problems.push(
      problem(
        'agenda.underLength',
        'warning',
        'agenda',
        `Punkterne varer tilsammen ${minutesText(sum)}, men mødet er på ${minutesText(totalMinutes)}. Fordel de sidste ${minutesText(totalMinutes - sum)} på punkterne, eller gør mødet kortere.`,
        `The items add up to ${minutesText(sum)}, but the meeting is ${minutesText(totalMinutes)}. Give the remaining ${minutesText(totalMinutes - sum)} to the items, or shorten the meeting.`,
      ),
    );
  }
  for (const item of items) {
    if (item.minutes === 0) {
      const title = agendaTitles[item.key];
      problems.push(
        problem(
          'agenda.noTime',
          'warning',
          `agenda.${item.key}.minutes`,
          `"${title.da}" har ingen tid. Giv punktet mindst et par minutter, så det ikke bliver sprunget over.`,
          `"${title.en}" has no time. Give the item at least a few minutes so it is not skipped.`,
        ),
      );
    }
  }
  return problems;
};
