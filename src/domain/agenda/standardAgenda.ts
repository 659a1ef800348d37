/**
 * Dagsorden: the five parts of the koordinerende indsatsplan, each with who leads it.
 * The proportions follow a 90-minute meeting (5/35/15/20/15): the speaker round in afdækning takes the most.
 */
import type { AgendaItem, AgendaItemKey } from '../plan/planDocument';
import { apportion } from './apportion';

export const DEFAULT_MEETING_MINUTES = 90;

export const AGENDA_ORDER: readonly AgendaItemKey[] = [
  'stamoplysninger',
  'afdaekning',
  'udfordringer',
  'maal',
  'opfoelgning',
];

const standard: readonly { key: AgendaItemKey; lead: AgendaItem['lead']; share: number }[] = [
  { key: 'stamoplysninger', lead: 'koordinator', share: 5 },
  { key: 'afdaekning', lead: 'koordinator', share: 35 },
  { key: 'udfordringer', lead: 'behandlere', share: 15 },
  { key: 'maal', lead: 'behandlere', share: 20 },
  { key: 'opfoelgning', lead: 'koordinator', share: 15 },
];

/** The five items with time boxes that sum exactly to the meeting length. */
export const standardAgenda = (totalMinutes: number = DEFAULT_MEETING_MINUTES): AgendaItem[] => {
  const minutes = apportion(
    totalMinutes,
    standard.map((s) => s.share),
  );
  return standard.map((s, i) => ({ key: s.key, lead: s.lead, minutes: minutes[i] ?? 0 }));
};

/** Item titles in the users' words, for the invitation body and the screens. */
export const agendaTitles: Record<AgendaItemKey, { da: string; en: string }> = {
  stamoplysninger: { da: 'Stamoplysninger', en: 'Basic information' },
  afdaekning: { da: 'Afdækning', en: 'Current situation' },
  udfordringer: { da: 'Udfordringer', en: 'Challenges' },
  maal: { da: 'Fælles mål og prioritering', en: 'Shared goals and priorities' },
  opfoelgning: { da: 'Opfølgning', en: 'Follow-up' },
};

/** Who leads, as the agenda shows it. */
export const leadTitles: Record<AgendaItem['lead'], { da: string; en: string }> = {
  koordinator: { da: 'koordinator', en: 'coordinator' },
  behandlere: { da: 'behandlere, borger, pårørende', en: 'professionals, citizen, relatives' },
};
