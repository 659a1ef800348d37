/**
 * The notice that there are new minutes, for a person outside Teams whom the privacy guard gives no plan content by
 * e-mail (privacyGuard.ts › mailDecision): the case reference, the meeting's date, who the tovholder is and how to
 * reach them, and how the plan reaches the reader instead — in plain words, and nothing about the citizen.
 *
 * Left out on purpose: the citizen's name (the guard checks), the goals, efforts and everything else in the minutes,
 * the kind of meeting, and the tovholder's organisation — "Rusmiddelcenter" or "Distriktspsykiatri" in an e-mail that
 * travels unencrypted says which treatment the citizen gets. Built like the minutes e-mail (tables, inline styles,
 * `lang`, every text escaped).
 */
import type { Meeting, Participant, Plan } from '../domain/plan/planDocument';
import type { Lang } from '../domain/problems';
import { copenhagenDate, formatDayMonthYear } from '../domain/time/danishTime';
import { escapeHtml } from './htmlEscape';
import { assertDeliveryMarker } from './minutesCard';
import type { MinutesEmail } from './minutesEmail';

export interface MinutesNoticeOptions {
  lang: Lang;
  /** How the plan reaches the reader instead: by Digital Post (the citizen, relatives the consent names), or by asking the tovholder. */
  planBy: 'digitalPost' | 'tovholder';
  /** Kept in a hidden element and a small footer line, as in the minutes e-mail. */
  deliveryMarker?: string | null;
}

interface NoticeText {
  subject: (caseReference: string) => string;
  heading: (caseReference: string) => string;
  written: (date: string) => string;
  digitalPost: string;
  askTovholder: string;
  tovholder: string;
  write: (name: string) => string;
  noTovholder: string;
  marker: (marker: string) => string;
  footer: string;
}

const TEXT: Record<Lang, NoticeText> = {
  da: {
    subject: (ref) => `Nyt referat i sag ${ref}`,
    heading: (ref) => `Nyt referat i sag ${ref}`,
    written: (date) => `Der er skrevet referat fra mødet den ${date}.`,
    digitalPost: 'Planen sendes til dig med Digital Post.',
    askTovholder: 'Planen sendes ikke med e-mail. Kontakt tovholderen, hvis du skal have den.',
    tovholder: 'Tovholder',
    write: (name) => `Skriv til ${name}`,
    noTovholder: 'Mødet har ingen tovholder endnu. Kontakt den, der indkaldte til mødet.',
    marker: (marker) => `Besked-id: ${marker}`,
    footer: 'Du får denne besked, fordi du er med i sagen. Der står ikke mere i e-mailen.',
  },
  en: {
    subject: (ref) => `New minutes in case ${ref}`,
    heading: (ref) => `New minutes in case ${ref}`,
    written: (date) => `Minutes have been written from the meeting on ${date}.`,
    digitalPost: 'The plan is sent to you by Digital Post.',
    askTovholder: 'The plan is not sent by e-mail. Contact the coordinator if you need it.',
    tovholder: 'Coordinator',
    write: (name) => `Write to ${name}`,
    noTovholder: 'The meeting has no coordinator yet. Contact whoever convened it.',
    marker: (marker) => `Message id: ${marker}`,
    footer: 'You get this notice because you take part in the case. The e-mail says nothing more.',
  },
};

const FONT = "'Segoe UI', Helvetica, Arial, sans-serif";
const INK = '#242424';
const SUBTLE = '#616161';
const RULE = '#e0e0e0';

const p = (html: string, style = ''): string =>
  `<p style="margin:0 0 8px 0;font-size:15px;line-height:22px;color:${INK};${style}">${html}</p>`;

/** The tovholder the reader should turn to: the meeting's koordinator, else the referent who sent the minutes. */
const tovholderOf = (plan: Plan, meeting: Meeting): Participant | null => {
  const id = meeting.roles.koordinator ?? meeting.roles.referent;
  return plan.participants.find((x) => x.id === id) ?? null;
};

export const buildMinutesNotice = (
  { plan, meeting }: { plan: Plan; meeting: Meeting },
  options: MinutesNoticeOptions,
): MinutesEmail => {
  const marker = options.deliveryMarker ?? null;
  if (marker !== null) assertDeliveryMarker(marker);
  const t = TEXT[options.lang];
  const subject = t.subject(plan.caseReference);
  const date = formatDayMonthYear(copenhagenDate(new Date(meeting.start)), options.lang);
  const tovholder = tovholderOf(plan, meeting);
  const email = tovholder?.email?.trim() ?? '';
  const contact = tovholder
    ? p(`<strong>${escapeHtml(t.tovholder)}:</strong> ${escapeHtml(tovholder.name)}`) +
      (email
        ? p(
            `<a href="mailto:${escapeHtml(encodeURI(email))}" style="color:#5b5fc7;">${escapeHtml(t.write(tovholder.name))}: ${escapeHtml(email)}</a>`,
          )
        : '')
    : p(escapeHtml(t.noTovholder));
  const hidden =
    marker === null
      ? ''
      : `<div style="display:none;max-height:0;overflow:hidden;mso-hide:all;" data-tovholder-delivery="${escapeHtml(marker)}">${escapeHtml(marker)}</div>`;
  const html =
    `<!DOCTYPE html><html lang="${options.lang}"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(subject)}</title></head>` +
    `<body style="margin:0;padding:0;background:#fafafa;">${hidden}` +
    `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background:#fafafa;"><tr><td align="center" style="padding:16px 8px;">` +
    `<table role="presentation" width="560" cellpadding="0" cellspacing="0" border="0" style="width:100%;max-width:560px;background:#ffffff;border:1px solid ${RULE};font-family:${FONT};">` +
    `<tr><td style="padding:20px 24px;">` +
    `<h1 style="margin:0 0 12px 0;font-size:21px;line-height:28px;font-weight:700;color:${INK};">${escapeHtml(t.heading(plan.caseReference))}</h1>` +
    p(escapeHtml(t.written(date))) +
    p(escapeHtml(options.planBy === 'digitalPost' ? t.digitalPost : t.askTovholder)) +
    `</td></tr>` +
    `<tr><td style="padding:16px 24px;border-top:1px solid ${RULE};">${contact}</td></tr>` +
    `<tr><td style="padding:12px 24px;border-top:1px solid ${RULE};">` +
    p(escapeHtml(t.footer), `color:${SUBTLE};font-size:13px;`) +
    (marker === null ? '' : p(escapeHtml(t.marker(marker)), `color:${SUBTLE};font-size:13px;`)) +
    `</td></tr></table></td></tr></table></body></html>`;
  return { subject, html };
};
