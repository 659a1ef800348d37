import { Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import { useTranslation } from '../../ui/i18n/useTranslation';
import { confirmSummary } from '../../domain/minutes/readyToSend';
import type { Problem } from '../../domain/problems';
import { formatDateTime } from '../../domain/time/danishTime';

/** Shown as its own line with the confirm button's words, so it is left out of the list. */
const NOT_CONFIRMED = 'minutes.summaryNotConfirmed';
import { useServices } from '../../ui/services/ServicesContext';
import { useMeetingSession } from './MeetingContext';
import { PlanSummary } from './PlanSummary';
import { ProblemsToFix } from './ProblemsToFix';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  actions: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, alignItems: 'flex-start' },
});

/**
 * Fælles opsummering: the whole plan on one screen to read aloud, confirmed with the citizen; then "Send referat",
 * which stays unavailable while the list says what to fix (with links to the fields).
 */
export const JointSummary = ({
  problems,
  ready: clean,
  onGoTo,
  canGoTo,
  onSend,
}: {
  problems: readonly Problem[];
  /** Nothing blocks sending (the summary confirmed, no errors). */
  ready: boolean;
  onGoTo(field: string): void;
  canGoTo(field: string): boolean;
  onSend(): void;
}) => {
  const { t } = useTranslation('meeting');
  const styles = useStyles();
  const { clock } = useServices();
  const { meeting, editMeeting, can, lang } = useMeetingSession();
  const confirmedAt = meeting.summaryConfirmedAt;
  const mayConfirm = can.writeMinutes || can.driveAgenda;
  const ready = clean && confirmedAt !== null;
  const listed = problems.filter((p) => p.code !== NOT_CONFIRMED);
  return (
    <section className={styles.root} aria-labelledby="summary-heading">
      <Text as="h2" size={500} weight="semibold" id="summary-heading">
        {t('summary.heading')}
      </Text>
      <Text>{t('summary.intro')}</Text>
      <PlanSummary />
      <div className={styles.actions}>
        {confirmedAt ? (
          <>
            <Text weight="semibold" role="status">
              {t('summary.confirmed', { when: formatDateTime(new Date(confirmedAt), lang) })}
            </Text>
            {mayConfirm && (
              <Button size="small" onClick={() => editMeeting((m) => ({ ...m, summaryConfirmedAt: null }))}>
                {t('summary.undoConfirm')}
              </Button>
            )}
          </>
        ) : (
          mayConfirm && (
            <Button appearance="primary" onClick={() => editMeeting((m) => confirmSummary(m, clock.now()))}>
              {t('summary.confirm')}
            </Button>
          )
        )}
      </div>
      {can.sendMinutes && (
        <div className={styles.actions}>
          <ProblemsToFix id="send-problems" problems={listed} lang={lang} onGoTo={onGoTo} canGoTo={canGoTo} />
          {confirmedAt === null && <Text id="send-confirm-first">{t('summary.confirmFirst')}</Text>}
          <Button
            appearance="primary"
            disabledFocusable={!ready}
            aria-describedby={ready ? undefined : confirmedAt === null ? 'send-confirm-first' : 'send-problems'}
            onClick={() => ready && onSend()}
          >
            {t('send.button')}
          </Button>
        </div>
      )}
    </section>
  );
};
