import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Spinner,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { AddRegular } from '@fluentui/react-icons';
import { useMemo } from 'react';
import { useTranslation } from '../../../ui/i18n/useTranslation';
import { myOpenEfforts, tovholderDuties } from '../../../domain/plans/myWork';
import { participantByEmail } from '../../../domain/roles/roles';
import { copenhagenDate } from '../../../domain/time/danishTime';
import { useAccessUpkeep } from '../../../ui/hooks/useAccessSync';
import { usePlans } from '../../../ui/hooks/usePlans';
import { useServices } from '../../../ui/services/ServicesContext';
import { plansFailureText } from '../plansFailureText';
import { MyEffortsList } from './MyEffortsList';
import { NextTovholderBanner } from './NextTovholderBanner';
import { PlanCard } from './PlanCard';
import { TodoOptIn } from './TodoOptIn';
import { useEffortStatus } from './useEffortStatus';

const useStyles = makeStyles({
  page: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    maxWidth: '1080px',
    margin: '0 auto',
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    boxSizing: 'border-box',
    width: '100%',
  },
  header: {
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalM,
    flexWrap: 'wrap',
  },
  title: { margin: 0 },
  banners: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  columns: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 340px), 1fr))',
    gap: tokens.spacingHorizontalXL,
    alignItems: 'start',
  },
  cards: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  srOnly: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
  },
});

export interface PlansHomeProps {
  onNewPlan(): void;
  onBookNext(planId: string): void;
  onHistory(planId: string): void;
  onPrint(planId: string): void;
  /** "Tjek opsætning". */
  onSetup?(): void;
  /** "Din plan": the letter to the citizen, and marking it sent by Digital Post. */
  onLetter?(planId: string): void;
}

/**
 * The plans tab's home between meetings: "you are the next tovholder" banners, the plans I take part in, and my
 * open efforts (overdue first) with one click to mark them done or ongoing.
 */
export const PlansHome = ({ onNewPlan, onBookNext, onHistory, onPrint, onSetup, onLetter }: PlansHomeProps) => {
  const { t } = useTranslation('plans');
  const styles = useStyles();
  const { me, clock } = useServices();
  const plans = usePlans();
  useAccessUpkeep(plans.status === 'ready' ? plans.plans : null, () => void plans.reload());
  const { state: save, mark } = useEffortStatus(() => void plans.reload());
  const now = clock.now();
  const today = copenhagenDate(now);

  const mine = useMemo(
    () => (plans.status === 'ready' ? plans.plans.filter((s) => participantByEmail(s.plan, me.email) !== null) : []),
    [plans, me.email],
  );
  const duties = tovholderDuties(
    mine.map((s) => s.plan),
    me.email,
    now,
  );
  const efforts = myOpenEfforts(
    mine.map((s) => s.plan),
    me.email,
    today,
  );

  const saveMessage =
    save.status === 'saved'
      ? `${t('efforts.saved', { what: save.what, status: t(`efforts.statuses.${save.to}`) })}${save.reapplied ? ` ${t('efforts.conflictReapplied')}` : ''}`
      : save.status === 'saving'
        ? t('efforts.saving')
        : '';

  return (
    <main className={styles.page} aria-labelledby="plans-title">
      <div className={styles.header}>
        <h1 id="plans-title" className={styles.title}>
          {t('title')}
        </h1>
        <Button appearance="primary" icon={<AddRegular />} onClick={onNewPlan}>
          {t('newPlan')}
        </Button>
      </div>

      {plans.status === 'loading' && <Spinner label={t('loading')} />}
      {plans.status === 'error' && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{t('loadFailed', { reason: plansFailureText(t, plans.failure) })}</MessageBarBody>
          <MessageBarActions>
            <Button onClick={() => void plans.reload()}>{t('reload')}</Button>
          </MessageBarActions>
        </MessageBar>
      )}

      {plans.status === 'ready' && (
        <>
          {duties.length > 0 && (
            <div className={styles.banners}>
              {duties.map((duty) => (
                <NextTovholderBanner key={duty.planId} duty={duty} onBook={onBookNext} />
              ))}
            </div>
          )}
          {plans.unreadable.length > 0 && (
            <MessageBar intent="warning" layout="multiline">
              <MessageBarBody>{t('unreadable', { count: plans.unreadable.length })}</MessageBarBody>
              <MessageBarActions>
                <Button onClick={() => void plans.reload()}>{t('reload')}</Button>
              </MessageBarActions>
            </MessageBar>
          )}
          <div className={styles.columns}>
            <section aria-labelledby="my-plans-heading" className={styles.cards}>
              <h2 id="my-plans-heading">{t('plansHeading')}</h2>
              {mine.length === 0 ? (
                <p>{t('noPlans')}</p>
              ) : (
                mine.map((s) => (
                  <PlanCard
                    key={s.plan.id}
                    plan={s.plan}
                    myEmail={me.email}
                    now={now}
                    onHistory={onHistory}
                    onPrint={onPrint}
                    onBookNext={onBookNext}
                    {...(onLetter ? { onLetter } : {})}
                  />
                ))
              )}
            </section>
            <section aria-labelledby="my-efforts-heading" className={styles.cards}>
              <h2 id="my-efforts-heading">{t('efforts.heading')}</h2>
              {save.status === 'failed' && (
                <MessageBar intent="error" layout="multiline">
                  <MessageBarBody>
                    {t('efforts.saveFailed', { reason: plansFailureText(t, save.failure) })}
                  </MessageBarBody>
                </MessageBar>
              )}
              <MyEffortsList
                efforts={efforts}
                save={save}
                onMark={(item, status) => {
                  const stored = mine.find((s) => s.plan.id === item.planId);
                  if (stored) void mark(stored, item.effort.id, item.effort.what, status);
                }}
              />
              <TodoOptIn plans={mine.map((s) => s.plan)} />
            </section>
          </div>
        </>
      )}
      {onSetup && (
        <footer>
          <Button appearance="subtle" onClick={onSetup}>
            {t('setup.link')}
          </Button>
        </footer>
      )}
      <div role="status" aria-live="polite" className={save.status === 'saved' ? undefined : styles.srOnly}>
        {saveMessage}
      </div>
    </main>
  );
};
