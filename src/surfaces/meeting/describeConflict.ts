/**
 * Words for a merge conflict: which field it is ("Indsats "Søge bolig": ansvarlig") and each version as the user
 * would recognise it (names instead of ids, Danish dates), so the side-by-side choice needs no technical reading.
 */
import type { TFunction } from '../../ui/i18n/useTranslation';
import type { MergeConflict, PathSegment } from '../../domain/plan/mergePlan';
import type { AgendaItemKey, Plan } from '../../domain/plan/planDocument';
import type { Lang } from '../../domain/problems';
import { formatDate, formatDateTime } from '../../domain/time/danishTime';

export interface DescribedConflict {
  label: string;
  mine: string;
  theirs: string;
}

type T = TFunction<'meeting'>;

const isId = (s: PathSegment | undefined): s is { id: string } => typeof s === 'object' && s !== null;

const short = (text: string, max = 40): string => {
  const t = text.trim().replace(/\s+/g, ' ');
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
};

const nameOf = (plan: Plan, id: string, t: T): string =>
  plan.participants.find((p) => p.id === id)?.name ?? t('summary.unknownPerson');

const fieldWord = (key: string, t: T): string => {
  const known = [
    'what',
    'goalId',
    'ownerId',
    'due',
    'status',
    'text',
    'relation',
    'currentWork',
    'challenges',
    'done',
    'note',
    'attendance',
    'minutes',
    'acceptance',
    'nextTovholderId',
    'nextMeetingBy',
    'summaryConfirmedAt',
    'roles',
    'agendaSteps',
    'goals',
    'efforts',
  ] as const;
  return (known as readonly string[]).includes(key) ? t(`fields.${key as (typeof known)[number]}`) : t('fields.other');
};

const itemText = (item: unknown): string => {
  if (typeof item !== 'object' || item === null) return '';
  const record = item as Record<string, unknown>;
  return typeof record.what === 'string' ? record.what : typeof record.text === 'string' ? record.text : '';
};

/** Show a value in words. `key` is the field it belongs to, for ids and dates. */
const show = (value: unknown, key: string | null, plan: Plan, t: T, lang: Lang): string => {
  if (value === undefined) return t('conflict.deleted');
  if (value === null || value === '') return t('conflict.empty');
  if (typeof value === 'string') {
    if (
      key === 'ownerId' ||
      key === 'nextTovholderId' ||
      key === 'koordinator' ||
      key === 'moedeleder' ||
      key === 'referent'
    )
      return nameOf(plan, value, t);
    if (key === 'goalId')
      return plan.meetings.flatMap((m) => m.minutes.goals).find((g) => g.id === value)?.text ?? value;
    if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDate(value, lang);
    if (/^\d{4}-\d{2}-\d{2}T/.test(value)) return formatDateTime(new Date(value), lang);
    return value;
  }
  if (typeof value === 'boolean') return value ? '✓' : '–';
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return value.map((v) => show(v, key, plan, t, lang)).join(', ');
  const record = value as Record<string, unknown>;
  if (typeof record.kind === 'string') {
    const kind = record.kind as 'unknown' | 'present' | 'absent' | 'apologies';
    const input = typeof record.writtenInput === 'string' && record.writtenInput ? `: ${record.writtenInput}` : '';
    return `${t(`participants.kinds.${kind}`)}${input}`;
  }
  const text = itemText(value);
  return text || JSON.stringify(value);
};

export const describeConflict = (conflict: MergeConflict, plan: Plan, t: T, lang: Lang): DescribedConflict => {
  const path = conflict.path;
  const last = path[path.length - 1];
  // The nearest list item on the path names the place: an effort, a goal, a participant's round …
  let where = '';
  for (let i = path.length - 1; i >= 1; i--) {
    const segment = path[i];
    const list = path[i - 1];
    if (!isId(segment) || typeof list !== 'string') continue;
    const item = [conflict.mine, conflict.theirs, conflict.base].find((v) => typeof v === 'object' && v !== null);
    const text = short(itemText(item) || findText(plan, list, segment.id));
    if (list === 'efforts') where = t('fields.effort', { text });
    else if (list === 'goals') where = t('fields.goal', { text });
    else if (list === 'challenges') where = t('fields.challenge', { text });
    else if (list === 'followUp') where = t('fields.followUp', { text });
    else if (list === 'round') where = t('fields.round', { name: nameOf(plan, segment.id, t) });
    else if (list === 'invitees') where = t('fields.invitee', { name: nameOf(plan, segment.id, t) });
    else if (list === 'agenda')
      where = t('fields.agendaItem', { item: t(`agenda.items.${segment.id as AgendaItemKey}`) });
    else continue;
    break;
  }
  const key = typeof last === 'string' ? last : null;
  const listName = typeof path[path.length - 2] === 'string' ? (path[path.length - 2] as string) : '';
  let label: string;
  if (last === '$order')
    label = t('conflict.order', { list: fieldWord(listName === 'challenges' ? 'challengesList' : listName, t) });
  else if (isId(last)) label = where;
  else
    label = where ? t('conflict.field', { where, what: fieldWord(key ?? '', t) }) : capitalise(fieldWord(key ?? '', t));
  if (last === '$order') {
    const list = findList(plan, listName);
    const render = (ids: unknown) =>
      Array.isArray(ids)
        ? ids
            .map((id, n) => `${n + 1}. ${short(itemText(list.find((x) => x.id === id)) || String(id), 30)}`)
            .join(' · ')
        : '';
    return { label, mine: render(conflict.mine), theirs: render(conflict.theirs) };
  }
  return { label, mine: show(conflict.mine, key, plan, t, lang), theirs: show(conflict.theirs, key, plan, t, lang) };
};

const capitalise = (s: string) => s.charAt(0).toLocaleUpperCase('da-DK') + s.slice(1);

const findList = (plan: Plan, list: string): { id: string; text?: string; what?: string }[] => {
  const minutes = plan.meetings[plan.meetings.length - 1]?.minutes;
  if (!minutes) return [];
  if (list === 'goals') return minutes.goals;
  if (list === 'challenges') return minutes.challenges;
  if (list === 'efforts') return minutes.efforts;
  return [];
};

const findText = (plan: Plan, list: string, id: string): string =>
  itemText(findList(plan, list).find((x) => x.id === id));
