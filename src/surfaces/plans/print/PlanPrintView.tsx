import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowLeftRegular, PrintRegular } from '@fluentui/react-icons';
import { createI18n } from '../../../ui/i18n/i18n';
import { I18nProvider, useTranslation } from '../../../ui/i18n/useTranslation';
import type { Plan } from '../../../domain/plan/planDocument';
import { currentPlanMeeting, lastHeldMeeting, upcomingMeeting } from '../../../domain/plans/myWork';
import { copenhagenDate, formatDate, formatDateTime } from '../../../domain/time/danishTime';
import { usePlan } from '../../../ui/hooks/usePlan';
import { useServices } from '../../../ui/services/ServicesContext';
import { MinutesView } from '../history/MinutesView';
import { PlanNotReady } from '../PlanNotReady';
import { useLang } from '../useLang';
import { PRINT_CSS } from './printCss';

const useStyles = makeStyles({
  page: {
    maxWidth: '760px',
    margin: '0 auto',
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    boxSizing: 'border-box',
    fontSize: '18px',
    lineHeight: '1.5',
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
  },
  back: { alignSelf: 'flex-start' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  facts: {
    display: 'grid',
    gridTemplateColumns: 'max-content minmax(0, 1fr)',
    columnGap: tokens.spacingHorizontalL,
    margin: 0,
  },
  term: { fontWeight: tokens.fontWeightSemibold },
  value: { margin: 0 },
  hint: { color: tokens.colorNeutralForeground2 },
});

export interface PlanPrintViewProps {
  planId: string;
  onBack(): void;
  /** The tovholder to ask for access, when the link named one. */
  ask?: string | null;
}

/**
 * The sheet is always Danish: it goes into the Danish journal and to the citizen, whatever language the
 * koordinator's interface is in. The Danish texts are on every page (the entry registers them).
 */
const DANISH = createI18n('da');

/** Udskriv: the plan in force, in plain large Danish, for the journal and for the citizen (so the name is shown). */
export const PlanPrintView = ({ planId, onBack, ask = null }: PlanPrintViewProps) => {
  const { t } = useTranslation('plans');
  const styles = useStyles();
  const { clock } = useServices();
  const stored = usePlan(planId);
  const now = clock.now();

  const toolbar = (
    <div className={`${styles.actions} tovholder-no-print`}>
      <Button appearance="subtle" icon={<ArrowLeftRegular />} onClick={onBack} className={styles.back}>
        {t('print.back')}
      </Button>
      {stored.status === 'ready' && (
        <Button appearance="primary" icon={<PrintRegular />} onClick={() => window.print()}>
          {t('print.open')}
        </Button>
      )}
    </div>
  );
  if (stored.status !== 'ready')
    return <PlanNotReady view={stored} toolbar={toolbar} className={styles.page} ask={ask} />;

  return (
    <main className={styles.page} aria-labelledby="print-title">
      <style>{PRINT_CSS}</style>
      {toolbar}
      <p className={`${styles.hint} tovholder-no-print`}>{t('print.hint')}</p>
      <I18nProvider i18n={DANISH}>
        <PrintSheet plan={stored.plan} now={now} />
      </I18nProvider>
    </main>
  );
};

const PrintSheet = ({ plan, now }: { plan: Plan; now: Date }) => {
  const { t } = useTranslation('plans');
  const lang = useLang();
  const styles = useStyles();
  const today = copenhagenDate(now);
  const meeting = currentPlanMeeting(plan, today) ?? lastHeldMeeting(plan, now);
  const minutes = meeting ? (meeting.delivery?.sentMinutes ?? meeting.minutes) : null;
  const upcoming = upcomingMeeting(plan, now);
  return (
    <article className="tovholder-print" lang="da">
      <h1 id="print-title">{t('print.title')}</h1>
      <dl className={styles.facts}>
        <dt className={styles.term}>{t('print.citizen')}</dt>
        <dd className={styles.value}>{plan.citizenName || '—'}</dd>
        <dt className={styles.term}>{t('print.caseReference')}</dt>
        <dd className={styles.value}>{plan.caseReference}</dd>
        {upcoming && (
          <>
            <dt className={styles.term}>{t('print.nextMeeting')}</dt>
            <dd className={styles.value}>{formatDateTime(new Date(upcoming.start), lang)}</dd>
          </>
        )}
      </dl>
      <p>{t('print.printedOn', { date: formatDate(today, lang) })}</p>
      <h2>{t('print.latestMeeting')}</h2>
      {meeting && minutes ? (
        <MinutesView plan={plan} meeting={meeting} minutes={minutes} level={2} />
      ) : (
        <p>{t('print.noMeeting')}</p>
      )}
    </article>
  );
};
