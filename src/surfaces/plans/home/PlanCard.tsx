import { Button, Card, CardHeader, Text, makeStyles, tokens } from '@fluentui/react-components';
import { CalendarAddRegular, DocumentTextRegular, HistoryRegular, PrintRegular } from '@fluentui/react-icons';
import { useTranslation } from '../../../ui/i18n/useTranslation';
import type { Plan } from '../../../domain/plan/planDocument';
import { citizenOf, copySentTo, letterMeeting } from '../../../domain/plans/citizenCopy';
import { planOverview } from '../../../domain/plans/myWork';
import { copenhagenDate, formatDateTime } from '../../../domain/time/danishTime';
import { formatDayWithYear } from '../dates';
import { useLang } from '../useLang';
import { ConsentState } from './ConsentState';

const useStyles = makeStyles({
  facts: {
    display: 'grid',
    gridTemplateColumns: 'max-content minmax(0, 1fr)',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
  },
  term: { color: tokens.colorNeutralForeground2 },
  value: { margin: 0, overflowWrap: 'anywhere' },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

export interface PlanCardProps {
  plan: Plan;
  myEmail: string;
  /** The clock's instant: whether the next meeting is still to come is decided to the minute. */
  now: Date;
  onHistory(planId: string): void;
  onPrint(planId: string): void;
  onBookNext(planId: string): void;
  /** "Din plan": the letter to the citizen; without it the card offers none. */
  onLetter?(planId: string): void;
}

/**
 * One plan I take part in: case reference, next meeting, tovholder, consent, and whether the citizen has been sent
 * the plan by Digital Post. Never the citizen's name.
 */
export const PlanCard = ({ plan, myEmail, now, onHistory, onPrint, onBookNext, onLetter }: PlanCardProps) => {
  const { t } = useTranslation('plans');
  const lang = useLang();
  const styles = useStyles();
  const overview = planOverview(plan, myEmail, now);
  const headingId = `plan-${plan.id}-heading`;
  // The plan in force and whether the citizen got it by Digital Post ("Din plan").
  const lettered = letterMeeting(plan, now);
  const citizen = citizenOf(plan);
  const copy = lettered && citizen ? copySentTo(lettered, citizen.id) : null;
  const next = overview.nextMeetingStart
    ? formatDateTime(new Date(overview.nextMeetingStart), lang)
    : overview.nextMeetingBy
      ? t('plan.notBookedBy', { by: formatDayWithYear(overview.nextMeetingBy, lang) })
      : t('plan.notBooked');
  return (
    <Card role="article" aria-labelledby={headingId}>
      <CardHeader
        header={
          <Text as="h3" id={headingId} size={500} weight="semibold" style={{ margin: 0 }}>
            {plan.caseReference}
          </Text>
        }
      />
      <dl className={styles.facts}>
        <dt className={styles.term}>{t('plan.nextMeeting')}</dt>
        <dd className={styles.value}>{next}</dd>
        <dt className={styles.term}>{t('plan.tovholder')}</dt>
        <dd className={styles.value}>{overview.tovholder?.name ?? t('plan.noTovholder')}</dd>
        <dt className={styles.term}>{t('plan.consent')}</dt>
        <dd className={styles.value}>
          <ConsentState plan={plan} now={now} />
        </dd>
        {lettered && citizen && (
          <>
            <dt className={styles.term}>{t('plan.citizenCopy')}</dt>
            <dd className={styles.value}>
              {copy
                ? t('plan.citizenHasIt', { date: formatDayWithYear(copenhagenDate(new Date(copy.sentAt)), lang) })
                : t('plan.citizenToSend')}
            </dd>
          </>
        )}
      </dl>
      <div
        className={styles.actions}
        role="group"
        aria-label={t('plan.actionsFor', { caseReference: plan.caseReference })}
      >
        <Button icon={<HistoryRegular />} onClick={() => onHistory(plan.id)}>
          {t('plan.history')}
        </Button>
        <Button icon={<PrintRegular />} onClick={() => onPrint(plan.id)}>
          {t('plan.print')}
        </Button>
        {lettered && citizen && onLetter && (
          <Button icon={<DocumentTextRegular />} onClick={() => onLetter(plan.id)}>
            {t('plan.letter')}
          </Button>
        )}
        {overview.nextMeetingStart === null && (
          <Button icon={<CalendarAddRegular />} onClick={() => onBookNext(plan.id)}>
            {t('plan.bookNext')}
          </Button>
        )}
      </div>
    </Card>
  );
};
