import { makeStyles, Text, tokens } from '@fluentui/react-components';
import { useTranslation } from '../../ui/i18n/useTranslation';
import { citizenTasks } from '../../domain/minutes/editMinutes';
import type { Effort } from '../../domain/plan/planDocument';
import { formatShortDate } from '../../domain/time/danishTime';
import { AgendaTimer } from './AgendaTimer';
import { useMeetingSession } from './MeetingContext';
import { TextList } from './TextList';

const useStyles = makeStyles({
  root: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 420px), 1fr))',
    gap: tokens.spacingHorizontalXXXL,
    padding: tokens.spacingHorizontalXXL,
    boxSizing: 'border-box',
    alignItems: 'start',
  },
  now: {
    gridColumn: '1 / -1',
    padding: tokens.spacingHorizontalXL,
    borderRadius: tokens.borderRadiusXLarge,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  list: {
    margin: 0,
    paddingInlineStart: '1.6em',
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    fontSize: tokens.fontSizeBase500,
    lineHeight: tokens.lineHeightBase500,
  },
  text: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
  meta: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase400 },
});

/**
 * The stage, shared with everyone in the meeting: where the meeting is, and the goals and efforts as they form, in
 * large type so the citizen and everyone else can follow the plan being made. Read-only; it follows the store.
 */
export const StageView = () => {
  const { t } = useTranslation('meeting');
  const styles = useStyles();
  const { plan, meeting, lang } = useMeetingSession();
  const { minutes } = meeting;
  const citizenId = plan.participants.find((p) => p.sector === 'borger')?.id ?? null;
  const nameOf = (id: string | null) => plan.participants.find((p) => p.id === id)?.name ?? '–';
  const others = minutes.efforts.filter((e) => citizenId === null || e.ownerId !== citizenId);
  const own = citizenTasks(minutes, citizenId);
  const effort = (e: Effort, withOwner: boolean) => (
    <li key={e.id}>
      <span className={styles.text}>{e.what}</span>
      <br />
      <span className={styles.meta}>
        {withOwner && `${nameOf(e.ownerId)}`}
        {withOwner && e.due && ' · '}
        {e.due && `${t('stage.due')} ${formatShortDate(e.due, lang)}`}
      </span>
    </li>
  );
  return (
    <main className={styles.root} aria-label={t('frames.stage')}>
      <div className={styles.now}>
        <AgendaTimer large />
      </div>
      <section className={styles.section} aria-labelledby="stage-goals">
        <Text as="h2" size={700} weight="semibold" id="stage-goals">
          {t('stage.goals')}
        </Text>
        <TextList
          items={minutes.goals}
          ordered
          empty={t('stage.noGoals')}
          emptySize={500}
          listClassName={styles.list}
          itemClassName={styles.text}
        />
      </section>
      <section className={styles.section} aria-labelledby="stage-efforts">
        <Text as="h2" size={700} weight="semibold" id="stage-efforts">
          {t('stage.efforts')}
        </Text>
        {others.length === 0 ? (
          <Text size={500}>{t('stage.noEfforts')}</Text>
        ) : (
          <ul className={styles.list}>{others.map((e) => effort(e, true))}</ul>
        )}
        {own.length > 0 && (
          <>
            <Text as="h2" size={700} weight="semibold">
              {t('stage.citizenTasks')}
            </Text>
            <ul className={styles.list}>{own.map((e) => effort(e, false))}</ul>
          </>
        )}
      </section>
    </main>
  );
};
