/**
 * The calendar invitation's subject and body. Invitations are seen by many (delegates, room mailboxes,
 * forwarding), so they carry the case reference and the agenda only: never the citizen's name, CPR number,
 * health details or the efforts' texts. Everything is HTML-escaped. The privacy guard checks the result again.
 */
import { agendaTitles, leadTitles } from '../agenda/standardAgenda';
import type { AgendaItem, FollowUpEntry } from '../plan/planDocument';
import type { Lang } from '../problems';
import { formatDateTime, formatTime } from '../time/danishTime';

export const meetingSubject = (caseReference: string, lang: Lang = 'da'): string =>
  `${lang === 'da' ? 'Koordinerende indsatsplansmøde' : 'Coordinated care plan meeting'} – ${caseReference.trim()}`;

export const escapeHtml = (text: string): string =>
  text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');

/** Only web links become links: a `javascript:` or `data:` URL is left out. */
const safeUrl = (url: string): string | null => {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.toString() : null;
  } catch {
    return null;
  }
};

export interface MeetingBodyInput {
  caseReference: string;
  agenda: readonly AgendaItem[];
  /** ISO instant of the meeting's start. */
  start: string;
  /** Deep link to the plan in the app. */
  planUrl: string;
  /** The previous efforts to follow up on: only their number goes into the invitation. */
  followUp?: readonly FollowUpEntry[];
  lang?: Lang;
}

/** Each item as "13.00–13.05 Stamoplysninger (koordinator)". */
export const agendaLines = (agenda: readonly AgendaItem[], start: string, lang: Lang = 'da'): string[] => {
  let at = Date.parse(start);
  return agenda.map((item) => {
    const from = new Date(at);
    at += item.minutes * 60000;
    const to = new Date(at);
    return `${formatTime(from, lang)}–${formatTime(to, lang)} ${agendaTitles[item.key][lang]} (${leadTitles[item.lead][lang]})`;
  });
};

export const meetingBodyHtml = ({
  caseReference,
  agenda,
  start,
  planUrl,
  followUp,
  lang = 'da',
}: MeetingBodyInput): string => {
  const da = lang === 'da';
  const url = safeUrl(planUrl);
  const items = agendaLines(agenda, start, lang).map((line) => `<li>${escapeHtml(line)}</li>`);
  const followUpLine =
    followUp && followUp.length > 0
      ? `<p>${escapeHtml(
          da
            ? `Under Opfølgning gennemgår vi ${followUp.length} indsatser fra sidste møde (se planen).`
            : `Under Follow-up we go through ${followUp.length} efforts from the last meeting (see the plan).`,
        )}</p>`
      : '';
  const link = url
    ? `<p><a href="${escapeHtml(url)}">${escapeHtml(da ? 'Åbn indsatsplanen' : 'Open the plan')}</a></p>`
    : '';
  const note = da
    ? 'Invitationen indeholder kun sagsreferencen. Oplysninger om borgeren står i indsatsplanen, ikke i kalenderen.'
    : 'This invitation holds only the case reference. Information about the citizen is in the plan, not in the calendar.';
  return [
    `<h2>${escapeHtml(meetingSubject(caseReference, lang))}</h2>`,
    `<p>${escapeHtml(formatDateTime(new Date(start), lang))}</p>`,
    `<h3>${escapeHtml(da ? 'Dagsorden' : 'Agenda')}</h3>`,
    `<ol>${items.join('')}</ol>`,
    followUpLine,
    link,
    `<p><small>${escapeHtml(note)}</small></p>`,
  ]
    .filter((part) => part !== '')
    .join('\n');
};
