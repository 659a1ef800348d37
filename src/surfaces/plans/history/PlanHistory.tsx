import { Button, Card, Text, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowLeftRegular, CalendarAddRegular, PrintRegular } from '@fluentui/react-icons';
import { useTranslation } from '../../../ui/i18n/useTranslation';
import { planHistory } from '../../../domain/plans/history';
import { upcomingMeeting } from '../../../domain/plans/myWork';
import { formatDateTime } from '../../../domain/time/danishTime';
import { usePlan } from '../../../ui/hooks/usePlan';
import { useServices } from '../../../ui/services/ServicesContext';
import { PlanNotReady } from '../PlanNotReady';
import { PlanAccessList } from './PlanAccessList';
import { useLang } from '../useLang';
import { ChangesSince } from './ChangesSince';
import { MinutesView } from './MinutesView';

const useStyles = makeStyles({
  page: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    maxWidth: '880px',
    margin: '0 auto',
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    boxSizing: 'border-box',
    width: '100%',
  },
  back: { alignSelf: 'flex-start' },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  card: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  note: { color: tokens.colorNeutralForeground2 },
  changes: { borderTop: `1px solid ${tokens.colorNeutralStroke2}`, paddingTop: tokens.spacingVerticalS },
});

export interface PlanHistoryProps {
  planId: string;
  onBack(): void;
  onPrint(planId: string): void;
  onBookNext(planId: string): void;
  /** The tovholder to ask for access, when the link named one. */
  ask?: string | null;
}

/** Historik: each meeting's referat as it was sent (read-only), newest first, and what changed since the one before. */
export const PlanHistory = ({ planId, onBack, onPrint, onBookNext, ask = null }: PlanHistoryProps) => {
  const { t } = useTranslation('plans');
  const lang = useLang();
  const styles = useStyles();
  const { clock } = useServices();
  const stored = usePlan(planId);
  const now = clock.now();

  const back = (
    <Button appearance="subtle" icon={<ArrowLeftRegular />} onClick={onBack} className={styles.back}>
      {t('history.back')}
    </Button>
  );
  if (stored.status !== 'ready') return <PlanNotReady view={stored} toolbar={back} className={styles.page} ask={ask} />;

  const { plan } = stored;
  const entries = planHistory(plan, now).reverse();
  const upcoming = upcomingMeeting(plan, now);
  return (
    <main className={styles.page} aria-labelledby="history-title">
      {back}
      <h1 id="history-title">{t('history.title', { caseReference: plan.caseReference })}</h1>
      <div className={styles.actions}>
        <Button icon={<PrintRegular />} onClick={() => onPrint(plan.id)}>
          {t('print.open')}
        </Button>
        {/* A reader cannot save the plan, so cannot book its next meeting either (Microsoft 365 would refuse). */}
        {!upcoming && stored.myRole !== 'reader' && (
          <Button icon={<CalendarAddRegular />} onClick={() => onBookNext(plan.id)}>
            {t('plan.bookNext')}
          </Button>
        )}
      </div>
      {upcoming && (
        <Text>
          <strong>{t('history.upcoming')}:</strong> {formatDateTime(new Date(upcoming.start), lang)}
        </Text>
      )}
      <PlanAccessList stored={stored} onSynced={() => void stored.reload()} />
      {entries.length === 0 && <Text>{t('history.noMeetings')}</Text>}
      {entries.map((entry) => {
        const meeting = plan.meetings.find((m) => m.id === entry.meetingId);
        if (!meeting) return null;
        const headingId = `history-${entry.meetingId}`;
        return (
          <Card key={entry.meetingId} className={styles.card} role="article" aria-labelledby={headingId}>
            <h2 id={headingId} style={{ margin: 0 }}>
              {t('history.meeting', { when: formatDateTime(new Date(entry.start), lang) })}
            </h2>
            <Text className={styles.note}>
              {entry.sent ? t('history.asSent') : t('history.notSent')} {t('history.readOnly')}
            </Text>
            <MinutesView plan={plan} meeting={meeting} minutes={entry.minutes} />
            <section className={styles.changes} aria-labelledby={`${headingId}-changes`}>
              <h3 id={`${headingId}-changes`}>{t('history.changesHeading')}</h3>
              {entry.diff ? <ChangesSince plan={plan} diff={entry.diff} /> : <Text>{t('history.firstMeeting')}</Text>}
            </section>
          </Card>
        );
      })}
    </main>
  );
};
