import { Button, makeStyles, MessageBar, MessageBarBody, Text, tokens } from '@fluentui/react-components';
import { ArrowLeftRegular, PrintRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { Meeting, Plan } from '../../../domain/plan/planDocument';
import { citizenLetter, type LetterPerson, type LetterTask } from '../../../domain/plans/citizenLetter';
import {
  citizenOf,
  copyRecipients,
  letterMeeting,
  markCopySent,
  mayMarkCopies,
} from '../../../domain/plans/citizenCopy';
import { copenhagenDate, formatDateTime, formatDayMonthYear } from '../../../domain/time/danishTime';
import { usePlan } from '../../../ui/hooks/usePlan';
import { createI18n } from '../../../ui/i18n/i18n';
import { I18nProvider, useTranslation, type TFunction } from '../../../ui/i18n/useTranslation';
import { useServices } from '../../../ui/services/ServicesContext';
import { PlanNotReady } from '../PlanNotReady';
import { plansFailureText } from '../plansFailureText';
import { PRINT_CSS } from '../print/printCss';
import { useLang } from '../useLang';

const useStyles = makeStyles({
  page: {
    maxWidth: '760px',
    margin: '0 auto',
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    boxSizing: 'border-box',
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
  },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  hint: { color: tokens.colorNeutralForeground2 },
  // The letter reads like one: large plain type, black on white on screen too, so it is what the paper shows.
  letter: {
    fontSize: '18px',
    lineHeight: '1.55',
    color: '#000000',
    backgroundColor: '#ffffff',
    padding: tokens.spacingHorizontalXL,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    overflowWrap: 'anywhere',
  },
  to: { margin: 0, fontWeight: tokens.fontWeightSemibold },
  meta: { margin: 0 },
  list: { margin: 0, paddingInlineStart: '1.4em' },
  item: { marginBottom: '0.4em' },
  copies: {
    margin: 0,
    padding: 0,
    listStyleType: 'none',
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  copy: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    paddingBlock: tokens.spacingVerticalXS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
});

/** The letter is always Danish: it goes to the citizen, whatever language the koordinator works in. */
const DANISH = createI18n('da');

export interface CitizenLetterViewProps {
  planId: string;
  onBack(): void;
}

/**
 * "Din plan": the plan as a letter to the citizen, readable on paper and as a PDF from the browser's print dialog,
 * and below it (not printed) who has been sent it by Digital Post, with "Markér som sendt" for the koordinator.
 */
export const CitizenLetterView = ({ planId, onBack }: CitizenLetterViewProps) => {
  const { t } = useTranslation('plans');
  const styles = useStyles();
  const { clock } = useServices();
  const stored = usePlan(planId);
  const now = clock.now();
  const meeting = stored.status === 'ready' ? letterMeeting(stored.plan, now) : null;
  const citizen = stored.status === 'ready' ? citizenOf(stored.plan) : null;

  const toolbar = (
    <div className={`${styles.actions} tovholder-no-print`}>
      <Button appearance="subtle" icon={<ArrowLeftRegular />} onClick={onBack}>
        {t('letter.back')}
      </Button>
      {meeting && citizen && (
        <Button appearance="primary" icon={<PrintRegular />} onClick={() => window.print()}>
          {t('letter.print')}
        </Button>
      )}
    </div>
  );
  if (stored.status !== 'ready') return <PlanNotReady view={stored} toolbar={toolbar} className={styles.page} />;
  return (
    <main className={styles.page} aria-labelledby="letter-title">
      <style>{PRINT_CSS}</style>
      {toolbar}
      {!meeting || !citizen ? (
        <MessageBar intent="info">
          <MessageBarBody>{!meeting ? t('letter.noMeeting') : t('letter.noCitizen')}</MessageBarBody>
        </MessageBar>
      ) : (
        <>
          <p className={`${styles.hint} tovholder-no-print`}>{t('letter.hint')}</p>
          <I18nProvider i18n={DANISH}>
            <LetterSheet plan={stored.plan} meeting={meeting} now={now} />
          </I18nProvider>
          <Copies
            plan={stored.plan}
            meeting={meeting}
            save={stored.save}
            reload={stored.reload}
            saving={stored.saving}
          />
        </>
      )}
    </main>
  );
};

const dueText = (t: TFunction<'plans'>, task: LetterTask) =>
  [
    task.due ? t('letter.by', { date: formatDayMonthYear(task.due, 'da') }) : t('letter.noDate'),
    ...(task.done ? [t('letter.done')] : []),
  ].join(' · ');

const contactLine = (person: LetterPerson) =>
  [person.organisation, person.email].filter((part): part is string => !!part).join(' · ');

const LetterSheet = ({ plan, meeting, now }: { plan: Plan; meeting: Meeting; now: Date }) => {
  const { t } = useTranslation('plans');
  const styles = useStyles();
  const letter = citizenLetter(plan, meeting, now);
  return (
    <article className={`tovholder-print ${styles.letter}`} lang="da">
      <h1 id="letter-title">{t('letter.title')}</h1>
      <p className={styles.to}>{t('letter.to', { name: letter.citizenName })}</p>
      <p className={styles.meta}>
        {t('letter.caseReference', { caseReference: letter.caseReference })} ·{' '}
        {formatDayMonthYear(copenhagenDate(now), 'da')}
      </p>
      <p>{t('letter.intro', { date: formatDayMonthYear(letter.meetingDay, 'da') })}</p>

      <h2>{t('letter.yours')}</h2>
      {letter.yourTasks.length === 0 ? (
        <p>{t('letter.yoursNone')}</p>
      ) : (
        <ul className={styles.list}>
          {letter.yourTasks.map((task, i) => (
            <li key={i} className={styles.item}>
              <strong>{task.what}</strong> — {dueText(t, task)}
            </li>
          ))}
        </ul>
      )}

      <h2>{t('letter.others')}</h2>
      {letter.others.length === 0 ? (
        <p>{t('letter.othersNone')}</p>
      ) : (
        letter.others.map((person) => (
          <section key={`${person.name}|${person.organisation}`} aria-label={person.name}>
            <h3>{person.organisation ? `${person.name}, ${person.organisation}` : person.name}</h3>
            <ul className={styles.list}>
              {person.tasks.map((task, i) => (
                <li key={i} className={styles.item}>
                  {task.what} — {dueText(t, task)}
                </li>
              ))}
            </ul>
          </section>
        ))
      )}

      {letter.goals.length > 0 && (
        <>
          <h2>{t('letter.goals')}</h2>
          <ol className={styles.list}>
            {letter.goals.map((goal, i) => (
              <li key={i} className={styles.item}>
                {goal}
              </li>
            ))}
          </ol>
        </>
      )}

      <h2>{t('letter.next')}</h2>
      <p>
        {letter.next.start
          ? t('letter.nextAt', { when: formatDateTime(new Date(letter.next.start), 'da') })
          : letter.next.by
            ? t('letter.nextBy', { date: formatDayMonthYear(letter.next.by, 'da') })
            : t('letter.nextUnknown')}
        {letter.next.convener && ` ${t('letter.convener', { name: letter.next.convener.name })}`}
      </p>

      <h2>{t('letter.questions')}</h2>
      {letter.contact ? (
        <p>
          {t('letter.contact', { name: letter.contact.name })}
          {contactLine(letter.contact) && (
            <>
              <br />
              {contactLine(letter.contact)}
            </>
          )}
        </p>
      ) : (
        <p>{t('letter.contactNone')}</p>
      )}
    </article>
  );
};

type Notice = { kind: 'problem'; text: string } | { kind: 'conflict' } | { kind: 'failed'; reason: string } | null;

/** Who has been sent the letter by Digital Post, and "Markér som sendt" — saved through the plan store. */
const Copies = ({
  plan,
  meeting,
  save,
  reload,
  saving,
}: {
  plan: Plan;
  meeting: Meeting;
  save: ReturnType<typeof usePlan>['save'];
  reload(): Promise<void>;
  saving: boolean;
}) => {
  const { t } = useTranslation('plans');
  const lang = useLang();
  const styles = useStyles();
  const { clock, me } = useServices();
  const [notice, setNotice] = useState<Notice>(null);
  const now = clock.now();
  const recipients = copyRecipients(plan, meeting, copenhagenDate(now));
  const mayMark = mayMarkCopies(plan, meeting, me.email);

  const mark = async (participantId: string) => {
    setNotice(null);
    const change = markCopySent(plan, meeting.id, participantId, { email: me.email, name: me.name }, clock.now());
    if (!change.ok) return setNotice({ kind: 'problem', text: change.problem.message[lang] });
    const saved = await save(change.plan);
    if (saved.ok) return;
    if (saved.kind === 'conflict') {
      setNotice({ kind: 'conflict' });
      await reload();
    } else setNotice({ kind: 'failed', reason: plansFailureText(t, saved) });
  };

  return (
    <section className="tovholder-no-print" aria-labelledby="letter-copies">
      <Text as="h2" size={500} weight="semibold" id="letter-copies">
        {t('letter.sentHeading')}
      </Text>
      {!mayMark && <Text block>{t('letter.onlyKoordinator')}</Text>}
      <ul className={styles.copies}>
        {recipients.map(({ participant, relation, refused, sent }) => (
          <li key={participant.id} className={styles.copy}>
            <Text weight="semibold">
              {relation === 'citizen'
                ? t('letter.citizenLine', { name: participant.name })
                : t('letter.relativeLine', { name: participant.name })}
            </Text>
            <Text>
              {refused
                ? refused.message[lang]
                : sent
                  ? t('letter.sentAt', {
                      date: formatDayMonthYear(copenhagenDate(new Date(sent.sentAt)), lang),
                      by: sent.sentBy.name,
                    })
                  : t('letter.notSent')}
            </Text>
            {!refused && !sent && mayMark && (
              <div>
                <Button
                  aria-label={t('letter.markFor', { name: participant.name })}
                  disabledFocusable={saving}
                  onClick={saving ? undefined : () => void mark(participant.id)}
                >
                  {saving ? t('letter.saving') : t('letter.mark')}
                </Button>
              </div>
            )}
          </li>
        ))}
      </ul>
      <div role="status" aria-live="polite">
        {notice && (
          <MessageBar intent={notice.kind === 'conflict' ? 'warning' : 'error'} layout="multiline">
            <MessageBarBody>
              {notice.kind === 'problem'
                ? notice.text
                : notice.kind === 'conflict'
                  ? t('letter.conflict')
                  : t('letter.failed', { reason: notice.reason })}
            </MessageBarBody>
          </MessageBar>
        )}
      </div>
    </section>
  );
};
