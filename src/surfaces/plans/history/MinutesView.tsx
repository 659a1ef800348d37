import { makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from '../../../ui/i18n/useTranslation';
import type { Meeting, Minutes, Plan } from '../../../domain/plan/planDocument';
import { formatDateTime, formatTime } from '../../../domain/time/danishTime';
import { formatDayWithYear } from '../dates';
import { useLang } from '../useLang';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  facts: {
    display: 'grid',
    gridTemplateColumns: 'max-content minmax(0, 1fr)',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
  },
  term: { fontWeight: tokens.fontWeightSemibold },
  value: { margin: 0, overflowWrap: 'anywhere' },
  heading: { margin: `${tokens.spacingVerticalS} 0 0` },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXL },
  tight: { margin: 0 },
});

export interface MinutesViewProps {
  plan: Plan;
  meeting: Meeting;
  /** The referat to show: as sent (delivery.sentMinutes) or as it stands. */
  minutes: Minutes;
  /** Heading level for the parts (h3 in the history, h2 in print). */
  level?: 2 | 3;
}

/**
 * A referat, read-only, in the order the sources ask for: date, who was there (with organisation), chair and
 * minute-taker, who was absent and their input, consent, challenges, goals in priority order, every effort with
 * why/who/by when, the follow-up on the previous plan, next tovholder and date, and the citizen's acceptance.
 */
export const MinutesView = ({ plan, meeting, minutes, level = 3 }: MinutesViewProps) => {
  const { t } = useTranslation(['plans', 'common']);
  const lang = useLang();
  const styles = useStyles();
  const H = level === 2 ? 'h2' : 'h3';
  const person = (id: string | null) => {
    const p = plan.participants.find((x) => x.id === id);
    return p ? (p.organisation ? `${p.name} (${p.organisation})` : p.name) : t('plans:minutes.nobody');
  };
  const nameOf = (id: string | null) => plan.participants.find((x) => x.id === id)?.name ?? t('plans:minutes.nobody');
  const present = meeting.invitees.filter((i) => i.attendance.kind === 'present' || i.attendance.kind === 'unknown');
  const absent = meeting.invitees.filter((i) => i.attendance.kind === 'absent');
  const apologies = meeting.invitees.flatMap((i) =>
    i.attendance.kind === 'apologies' ? [{ id: i.participantId, input: i.attendance.writtenInput }] : [],
  );
  const consent = plan.consent;
  const goalText = (id: string | null) => minutes.goals.find((g) => g.id === id)?.text ?? null;

  return (
    <div className={styles.root}>
      <dl className={styles.facts}>
        <dt className={styles.term}>{t('plans:minutes.date')}</dt>
        <dd className={styles.value}>
          {formatDateTime(new Date(meeting.start), lang)}–{formatTime(new Date(meeting.end), lang)}
        </dd>
        <dt className={styles.term}>{t('plans:minutes.koordinator')}</dt>
        <dd className={styles.value}>{nameOf(meeting.roles.koordinator)}</dd>
        <dt className={styles.term}>{t('plans:minutes.chair')}</dt>
        <dd className={styles.value}>{nameOf(meeting.roles.moedeleder)}</dd>
        <dt className={styles.term}>{t('plans:minutes.writer')}</dt>
        <dd className={styles.value}>{nameOf(meeting.roles.referent)}</dd>
      </dl>

      <H className={styles.heading}>{t('plans:minutes.participants')}</H>
      <ul className={styles.list}>
        {present.map((i) => (
          <li key={i.participantId}>{person(i.participantId)}</li>
        ))}
      </ul>
      {absent.length > 0 && (
        <p>
          <strong>{t('plans:minutes.absent')}:</strong> {absent.map((i) => person(i.participantId)).join(', ')}
        </p>
      )}
      {apologies.length > 0 && (
        <>
          <p className={styles.tight}>
            <strong>{t('plans:minutes.apologies')}:</strong>
          </p>
          <ul className={styles.list}>
            {apologies.map((a) => (
              <li key={a.id}>
                {person(a.id)}
                {a.input.trim() && <> — {t('plans:minutes.writtenInput', { text: a.input })}</>}
              </li>
            ))}
          </ul>
        </>
      )}

      <H className={styles.heading}>{t('plans:minutes.consent')}</H>
      {consent === null ? (
        <p>{t('plans:consent.missing')}</p>
      ) : (
        <dl className={styles.facts}>
          <dt className={styles.term}>{t('plans:minutes.consentGiven')}</dt>
          <dd className={styles.value}>
            {formatDayWithYear(consent.givenOn, lang)} ({t(`plans:minutes.consentForms.${consent.form}`)})
          </dd>
          <dt className={styles.term}>{t('plans:minutes.consentValidUntil')}</dt>
          <dd className={styles.value}>
            {consent.validUntil ? formatDayWithYear(consent.validUntil, lang) : t('plans:minutes.consentNoEnd')}
          </dd>
          {consent.withdrawnOn && (
            <>
              <dt className={styles.term}>{t('plans:minutes.consentWithdrawn')}</dt>
              <dd className={styles.value}>{formatDayWithYear(consent.withdrawnOn, lang)}</dd>
            </>
          )}
          <dt className={styles.term}>{t('plans:minutes.consentInformation')}</dt>
          <dd className={styles.value}>{consent.information || '—'}</dd>
          <dt className={styles.term}>{t('plans:minutes.consentPurpose')}</dt>
          <dd className={styles.value}>{consent.purpose || '—'}</dd>
          <dt className={styles.term}>{t('plans:minutes.consentRecipients')}</dt>
          <dd className={styles.value}>
            {consent.recipients
              .map((r) => (r.kind === 'organisation' ? r.organisation : nameOf(r.participantId)))
              .join(', ') || '—'}
          </dd>
        </dl>
      )}

      <H className={styles.heading}>{t('plans:minutes.challenges')}</H>
      {minutes.challenges.length === 0 ? (
        <p>{t('plans:minutes.none')}</p>
      ) : (
        <ul className={styles.list}>
          {minutes.challenges.map((c) => (
            <li key={c.id}>{c.text}</li>
          ))}
        </ul>
      )}

      <H className={styles.heading}>{t('plans:minutes.goals')}</H>
      {minutes.goals.length === 0 ? (
        <p>{t('plans:minutes.none')}</p>
      ) : (
        <ol className={styles.list}>
          {minutes.goals.map((g) => (
            <li key={g.id}>{g.text}</li>
          ))}
        </ol>
      )}

      <H className={styles.heading}>{t('plans:minutes.efforts')}</H>
      {minutes.efforts.length === 0 ? (
        <p>{t('plans:minutes.none')}</p>
      ) : (
        <ul className={styles.list}>
          {minutes.efforts.map((e) => {
            const goal = goalText(e.goalId);
            return (
              <li key={e.id}>
                {e.due
                  ? t('plans:minutes.effortLine', {
                      what: e.what,
                      owner: nameOf(e.ownerId),
                      due: formatDayWithYear(e.due, lang),
                    })
                  : t('plans:minutes.effortLineNoDue', { what: e.what, owner: nameOf(e.ownerId) })}{' '}
                ({t(`plans:efforts.statuses.${e.status}`)})
                {goal && (
                  <>
                    <br />
                    {t('plans:minutes.why', { goal })}
                  </>
                )}
              </li>
            );
          })}
        </ul>
      )}

      {minutes.followUp.length > 0 && (
        <>
          <H className={styles.heading}>{t('plans:minutes.followUp')}</H>
          <ul className={styles.list}>
            {minutes.followUp.map((f) => (
              <li key={f.effortId}>
                {f.what} — {nameOf(f.ownerId)}: {t(`plans:minutes.followUpStatuses.${f.status ?? 'none'}`)}
                {f.note.trim() && <> ({f.note})</>}
              </li>
            ))}
          </ul>
        </>
      )}

      <dl className={styles.facts}>
        <dt className={styles.term}>{t('plans:minutes.nextTovholder')}</dt>
        <dd className={styles.value}>{nameOf(minutes.nextTovholderId)}</dd>
        <dt className={styles.term}>{t('plans:minutes.nextMeetingBy')}</dt>
        <dd className={styles.value}>
          {minutes.nextMeetingBy ? formatDayWithYear(minutes.nextMeetingBy, lang) : t('plans:minutes.noDate')}
        </dd>
        <dt className={styles.term}>{t('plans:minutes.acceptance')}</dt>
        <dd className={styles.value}>{t(`plans:minutes.acceptances.${minutes.acceptance}`)}</dd>
      </dl>
    </div>
  );
};
