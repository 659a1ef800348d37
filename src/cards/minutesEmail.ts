/**
 * The same minutes as an HTML e-mail, for participants outside Teams (the GP, the citizen, relatives). Built like
 * e-mail has to be: tables and inline styles (Outlook's Word engine ignores most CSS), a `lang` attribute for screen
 * readers, every user text HTML-escaped. Same view as the card, so the same summary/full rules and the reader's own
 * tasks first.
 */
import type { MailToSend } from '../domain/ports/minutesTransport';
import { formatDayMonthYear } from '../domain/time/danishTime';
import { escapeHtml } from './htmlEscape';
import { textLines } from './markdownEscape';
import { assertDeliveryMarker, assertPlanUrl } from './minutesCard';
import { buildMinutesView, type EffortView, type MinutesInput, type MinutesViewOptions } from './minutesView';

export interface MinutesEmailOptions extends MinutesViewOptions {
  planUrl: string;
  /** Kept in a hidden element (and a small footer line), like the card's, so a retry can recognise the mail. */
  deliveryMarker?: string | null;
  /** How the tenant protects this e-mail on its way (the privacy guard's decision): said at the top of the mail. */
  protection?: 'purview' | 'tls' | null;
}

/** The mail without its addressees: the delivery pipeline adds `key` and `to`. */
export type MinutesEmail = Pick<MailToSend, 'subject' | 'html'>;

const FONT = "'Segoe UI', Helvetica, Arial, sans-serif";
const INK = '#242424';
const SUBTLE = '#616161';
const RULE = '#e0e0e0';

/** User text with its line breaks kept. */
const para = (text: string): string => textLines(text).map(escapeHtml).join('<br>');

const row = (content: string, style = ''): string =>
  `<tr><td style="padding:12px 24px;border-top:1px solid ${RULE};${style}">${content}</td></tr>`;

const h2 = (text: string): string =>
  `<h2 style="margin:0 0 8px 0;font-size:17px;line-height:22px;font-weight:600;color:${INK};">${escapeHtml(text)}</h2>`;

const p = (html: string, style = ''): string =>
  `<p style="margin:0 0 6px 0;font-size:14px;line-height:20px;color:${INK};${style}">${html}</p>`;

const subtle = (html: string): string => p(html, `color:${SUBTLE};font-size:13px;`);

/** Two-column rows (owner | what), the e-mail's FactSet. */
const pairs = (items: [string, string][]): string =>
  `<table role="presentation" cellpadding="0" cellspacing="0" border="0" width="100%" style="border-collapse:collapse;">${items
    .map(
      ([left, right]) =>
        `<tr><td valign="top" style="padding:4px 12px 4px 0;width:35%;font-size:14px;line-height:20px;font-weight:600;color:${INK};">${left}</td>` +
        `<td valign="top" style="padding:4px 0;font-size:14px;line-height:20px;color:${INK};">${right}</td></tr>`,
    )
    .join('')}</table>`;

const ordered = (items: string[]): string =>
  `<ol style="margin:0;padding:0 0 0 22px;font-size:14px;line-height:20px;color:${INK};">${items
    .map((item) => `<li style="margin:0 0 6px 0;">${para(item)}</li>`)
    .join('')}</ol>`;

const effortMeta = (e: EffortView): string =>
  escapeHtml([e.due, e.goal, e.status].filter((m): m is string => m !== null).join(' · '));

const task = (e: EffortView): string => p(`${para(e.what)}<br><span style="color:${SUBTLE};">${effortMeta(e)}</span>`);

export const buildMinutesEmail = (input: MinutesInput, options: MinutesEmailOptions): MinutesEmail => {
  assertPlanUrl(options.planUrl);
  const marker = options.deliveryMarker ?? null;
  if (marker !== null) assertDeliveryMarker(marker);
  const view = buildMinutesView(input, options);
  const t = view.text;
  const subject = t.mailSubject(view.caseReference, formatDayMonthYear(view.meetingDate, view.lang));
  const rows: string[] = [];

  if (view.yourTasks !== null) {
    rows.push(
      row(
        h2(t.yourTasks) +
          (view.youAreNextTovholder ? p(`<strong>${escapeHtml(view.youAreNextTovholder)}</strong>`) : '') +
          (view.yourTasks.length === 0 && !view.youAreNextTovholder ? p(escapeHtml(t.yourTasksNone)) : '') +
          view.yourTasks.map(task).join(''),
        'background:#eef3fb;',
      ),
    );
  }

  rows.push(
    row(
      h2(t.participants) +
        pairs(view.roles.map((r) => [escapeHtml(r.role), escapeHtml(r.name)])) +
        `<div style="height:8px;line-height:8px;">&nbsp;</div>` +
        pairs(
          view.participants.map((pv) => [
            escapeHtml(pv.name),
            escapeHtml(
              [...(pv.organisation ? [pv.organisation] : []), ...(pv.attendance ? [pv.attendance] : [])].join(' · '),
            ),
          ]),
        ),
    ),
  );

  rows.push(
    row(
      h2(t.consent) +
        p(`<strong>${escapeHtml(view.consent.state)}</strong>`) +
        (view.consent.details ? p(escapeHtml(view.consent.details)) : '') +
        (view.consent.covers ? p(`${escapeHtml(t.consentCovers)}: ${escapeHtml(view.consent.covers)}`) : '') +
        (view.consent.information ? p(`${escapeHtml(t.consentInformation)}: ${para(view.consent.information)}`) : '') +
        (view.consent.purpose ? p(`${escapeHtml(t.consentPurpose)}: ${para(view.consent.purpose)}`) : ''),
    ),
  );

  if (view.challenges.length > 0) rows.push(row(h2(t.challenges) + ordered(view.challenges)));
  if (view.round.length > 0) {
    rows.push(
      row(
        h2(t.round) +
          view.round
            .map(
              (r) =>
                p(`<strong>${escapeHtml(r.name)}</strong>`, 'margin-top:8px;') +
                (
                  [
                    [t.roundRelation, r.relation],
                    [t.roundCurrentWork, r.currentWork],
                    [t.roundChallenges, r.challenges],
                  ] as const
                )
                  .filter(([, value]) => value.trim() !== '')
                  .map(([label, value]) => p(`${escapeHtml(label)}: ${para(value)}`))
                  .join(''),
            )
            .join(''),
      ),
    );
  }
  if (view.writtenInput.length > 0) {
    rows.push(
      row(
        h2(t.writtenInput) +
          view.writtenInput.map((w) => p(`<strong>${escapeHtml(w.name)}</strong><br>${para(w.text)}`)).join(''),
      ),
    );
  }

  if (view.followUp.length > 0) {
    rows.push(
      row(
        h2(t.followUp) +
          pairs(
            view.followUp.map((f) => [
              escapeHtml(f.owner),
              `${para(f.what)} — ${escapeHtml(f.status)}${f.note !== null ? `<br><span style="color:${SUBTLE};">${para(f.note)}</span>` : ''}`,
            ]),
          ),
      ),
    );
  }

  rows.push(row(h2(t.goals) + (view.goals.length === 0 ? p(escapeHtml(t.noGoals)) : ordered(view.goals))));
  rows.push(
    row(
      h2(t.efforts) +
        (view.efforts.length === 0
          ? p(escapeHtml(t.noEfforts))
          : pairs(
              view.efforts.map((e) => [
                escapeHtml(e.owner),
                `${para(e.what)}<br><span style="color:${SUBTLE};">${effortMeta(e)}</span>`,
              ]),
            )),
    ),
  );
  rows.push(
    row(
      h2(t.citizenTasks) +
        (view.citizenTasks.length === 0 ? p(escapeHtml(t.citizenTasksNone)) : view.citizenTasks.map(task).join('')),
    ),
  );
  rows.push(
    row(
      h2(t.nextSteps) +
        pairs([
          [escapeHtml(t.acceptance), escapeHtml(view.acceptance)],
          [escapeHtml(t.nextTovholder), escapeHtml(view.nextTovholder)],
          [escapeHtml(t.nextMeeting), escapeHtml(view.nextMeeting)],
        ]),
    ),
  );
  rows.push(
    row(
      `<a href="${escapeHtml(options.planUrl)}" style="display:inline-block;padding:10px 18px;background:#5b5fc7;color:#ffffff;font-size:14px;font-weight:600;text-decoration:none;border-radius:4px;">${escapeHtml(t.mailOpenPlan)}</a>`,
    ),
  );
  const footer = [
    ...(view.detail === 'summary' ? [escapeHtml(t.summaryNote)] : []),
    ...(marker !== null ? [escapeHtml(t.deliveryMarker(marker))] : []),
  ];
  if (footer.length > 0) rows.push(row(footer.map(subtle).join('')));

  const header =
    `<tr><td style="padding:20px 24px;background:#f0f0f0;">` +
    subtle(escapeHtml(t.title)) +
    (options.protection ? p(`<strong>${escapeHtml(t.mailProtection[options.protection])}</strong>`) : '') +
    `<h1 style="margin:0 0 4px 0;font-size:22px;line-height:28px;font-weight:700;color:${INK};">${escapeHtml(
      view.citizenName === null ? view.caseReference : `${view.caseReference} · ${view.citizenName}`,
    )}</h1>` +
    p(escapeHtml(view.when), 'margin:0;') +
    `</td></tr>`;

  const hidden =
    marker === null
      ? ''
      : `<div style="display:none;max-height:0;overflow:hidden;mso-hide:all;" data-tovholder-delivery="${escapeHtml(marker)}">${escapeHtml(marker)}</div>`;

  const html =
    `<!DOCTYPE html><html lang="${view.lang}"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(subject)}</title></head>` +
    `<body style="margin:0;padding:0;background:#fafafa;">${hidden}` +
    `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background:#fafafa;"><tr><td align="center" style="padding:16px 8px;">` +
    `<table role="presentation" width="640" cellpadding="0" cellspacing="0" border="0" style="width:100%;max-width:640px;background:#ffffff;border:1px solid ${RULE};font-family:${FONT};">` +
    header +
    rows.join('') +
    `</table></td></tr></table></body></html>`;

  return { subject, html };
};
