import { makeStyles, Text, tokens } from '@fluentui/react-components';
import { useTranslation } from '../../ui/i18n/useTranslation';
import { citizenTasks } from '../../domain/minutes/editMinutes';
import type { Effort, Participant } from '../../domain/plan/planDocument';
import { formatDate } from '../../domain/time/danishTime';
import { meetingDate } from '../../domain/minutes/defaultNextMeeting';
import { useMeetingSession } from './MeetingContext';
import { TextList } from './TextList';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  list: {
    margin: 0,
    paddingInlineStart: '1.4em',
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
  },
  text: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
  meta: { color: tokens.colorNeutralForeground2 },
});

/**
 * The whole plan on one screen, to read aloud (fælles opsummering) and for everyone who is not writing:
 * who was there, consent, challenges, goals in priority order, who does what by when, the citizen's own tasks,
 * the follow-up, the citizen's acceptance, and the next tovholder with the date.
 */
export const PlanSummary = () => {
  const { t } = useTranslation('meeting');
  const styles = useStyles();
  const { plan, meeting, lang } = useMeetingSession();
  const { minutes } = meeting;
  const nameOf = (id: string | null) =>
    id === null
      ? t('summary.nobody')
      : (plan.participants.find((p) => p.id === id)?.name ?? t('summary.unknownPerson'));
  const citizenId = plan.participants.find((p) => p.sector === 'borger')?.id ?? null;
  const goalText = (id: string | null) => minutes.goals.find((g) => g.id === id)?.text.trim() ?? '';
  const invitee = (p: Participant) => meeting.invitees.find((i) => i.participantId === p.id);
  const present = plan.participants.filter((p) => {
    const kind = invitee(p)?.attendance.kind;
    return kind === 'present' || kind === 'unknown';
  });
  const away = plan.participants.filter((p) => {
    const kind = invitee(p)?.attendance.kind;
    return kind === 'absent' || kind === 'apologies';
  });
  const who = (p: Participant) => (p.organisation ? `${p.name}, ${p.organisation}` : p.name);
  const effortLine = (e: Effort) => (
    <li key={e.id}>
      <span className={styles.text}>{t('summary.effortLine', { owner: nameOf(e.ownerId), what: e.what })}</span>
      <br />
      <span className={styles.meta}>
        {e.due ? t('summary.byDate', { date: formatDate(e.due, lang) }) : t('summary.noDate')}
        {goalText(e.goalId) && ` · ${t('summary.forGoal', { goal: goalText(e.goalId) })}`}
      </span>
    </li>
  );
  const heading = (id: string, text: string) => (
    <Text as="h3" size={400} weight="semibold" id={id}>
      {text}
    </Text>
  );
  const others = minutes.efforts.filter((e) => citizenId === null || e.ownerId !== citizenId);
  const own = citizenTasks(minutes, citizenId);
  const consent = plan.consent;

  return (
    <div className={styles.root}>
      <Text>{formatDate(meetingDate(meeting), lang)}</Text>
      <section className={styles.section} aria-labelledby="sum-participants">
        {heading('sum-participants', t('summary.participants'))}
        <ul className={styles.list}>
          {present.map((p) => (
            <li key={p.id}>{who(p)}</li>
          ))}
        </ul>
        {away.length > 0 && (
          <>
            <Text weight="semibold">{t('summary.absent')}</Text>
            <ul className={styles.list}>
              {away.map((p) => {
                const attendance = invitee(p)?.attendance;
                return (
                  <li key={p.id}>
                    {who(p)}
                    {attendance?.kind === 'apologies' && ` (${t('summary.apologies').toLocaleLowerCase(lang)})`}
                  </li>
                );
              })}
            </ul>
          </>
        )}
        <Text>{t('summary.chair', { name: nameOf(meeting.roles.moedeleder) })}</Text>
        <Text>{t('summary.minuteTaker', { name: nameOf(meeting.roles.referent) })}</Text>
      </section>
      <section className={styles.section} aria-labelledby="sum-consent">
        {heading('sum-consent', t('summary.consent'))}
        <Text>
          {consent === null
            ? t('summary.consentMissing')
            : consent.validUntil
              ? t('summary.consentGiven', {
                  date: formatDate(consent.givenOn, lang),
                  form: t(`summary.forms.${consent.form}`),
                  until: formatDate(consent.validUntil, lang),
                })
              : t('summary.consentNoEnd', {
                  date: formatDate(consent.givenOn, lang),
                  form: t(`summary.forms.${consent.form}`),
                })}
        </Text>
      </section>
      {minutes.followUp.length > 0 && (
        <section className={styles.section} aria-labelledby="sum-followup">
          {heading('sum-followup', t('summary.followUp'))}
          <ul className={styles.list}>
            {minutes.followUp.map((f) => (
              <li key={f.effortId}>
                <span className={styles.text}>{f.what}</span>
                {' – '}
                {f.status ? t(`previous.statuses.${f.status}`) : t('previous.notYet')}
                {f.note ? ` (${f.note})` : ''}
              </li>
            ))}
          </ul>
        </section>
      )}
      <section className={styles.section} aria-labelledby="sum-challenges">
        {heading('sum-challenges', t('minutes.challenges.heading'))}
        <TextList
          items={minutes.challenges}
          empty={t('minutes.challenges.empty')}
          emptySize={200}
          listClassName={styles.list}
          itemClassName={styles.text}
        />
      </section>
      <section className={styles.section} aria-labelledby="sum-goals">
        {heading('sum-goals', t('summary.goalsHeading'))}
        <TextList
          items={minutes.goals}
          ordered
          empty={t('minutes.goals.empty')}
          emptySize={200}
          listClassName={styles.list}
          itemClassName={styles.text}
        />
      </section>
      <section className={styles.section} aria-labelledby="sum-efforts">
        {heading('sum-efforts', t('summary.effortsHeading'))}
        {others.length === 0 ? (
          <Text size={200}>{t('minutes.efforts.empty')}</Text>
        ) : (
          <ul className={styles.list}>{others.map(effortLine)}</ul>
        )}
      </section>
      <section className={styles.section} aria-labelledby="sum-citizen">
        {heading('sum-citizen', t('summary.citizenTasks'))}
        {own.length === 0 ? (
          <Text size={200}>{t('minutes.citizenTasks.empty')}</Text>
        ) : (
          <ul className={styles.list}>{own.map(effortLine)}</ul>
        )}
      </section>
      <section className={styles.section} aria-labelledby="sum-next">
        {heading('sum-next', t('minutes.next.heading'))}
        <Text>{t('summary.acceptance', { value: t(`minutes.acceptance.${minutes.acceptance}`) })}</Text>
        <Text>
          {minutes.nextTovholderId
            ? t('summary.nextTovholder', {
                name: nameOf(minutes.nextTovholderId),
                date: minutes.nextMeetingBy ? formatDate(minutes.nextMeetingBy, lang) : t('summary.noDate'),
              })
            : t('summary.nextTovholderMissing')}
        </Text>
      </section>
    </div>
  );
};
