import { Button, makeStyles, ProgressBar, Text, tokens } from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from '../../ui/i18n/useTranslation';
import { endAgenda, nextItem, runningMeeting } from '../../domain/agenda/runningMeeting';
import type { AgendaItemKey } from '../../domain/plan/planDocument';
import { formatDate, formatTime } from '../../domain/time/danishTime';
import { useServices } from '../../ui/services/ServicesContext';
import { useMeetingSession } from './MeetingContext';
import { MeetingHeldNotice } from './MeetingHeldNotice';
import { minutesLeft, minutesOver } from './timeWords';
import { useNow } from './useNow';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  now: { color: tokens.colorNeutralForeground2 },
  // Overrun is shown calmly: no red, no blinking, just the words.
  over: { color: tokens.colorNeutralForeground1 },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'center' },
  rest: { margin: 0, paddingInlineStart: '1.2em' },
  hidden: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    overflow: 'hidden',
    clipPath: 'inset(50%)',
    whiteSpace: 'nowrap',
  },
});

/**
 * Where the meeting is: the current agenda item and its time left (or how far over, calmly), "Næste punkt" for the
 * mødeleder, and the remaining items with their time boxes fitted to the time that is left. Everything is derived
 * from the meeting's start and the recorded item changes, so a reload shows the same clock. A meeting long over is
 * simply afholdt: its date, calmly, with no clock and nothing to press.
 */
export const AgendaTimer = ({ large = false }: { large?: boolean }) => {
  const { t } = useTranslation('meeting');
  const styles = useStyles();
  const { meeting, editMeeting, can, lang } = useMeetingSession();
  const { clock } = useServices();
  const now = useNow(1000);
  const state = runningMeeting(meeting, now);
  const item = meeting.agenda[state.index];
  const title = (key: AgendaItemKey) => t(`agenda.items.${key}`);
  const isLast = state.index === meeting.agenda.length - 1;

  // Announce item changes (made here or in another panel), never the ticking seconds.
  const [announcement, setAnnouncement] = useState('');
  const previous = useRef(state.current);
  useEffect(() => {
    if (previous.current !== state.current && state.current)
      setAnnouncement(t('agenda.movedTo', { item: title(state.current) }));
    previous.current = state.current;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [state.current]);

  const next = () => {
    const at = clock.now();
    editMeeting((m) => {
      const current = runningMeeting(m, at);
      if (current.phase === 'running' && current.index === m.agenda.length - 1) return endAgenda(m, at);
      return { ...m, agendaSteps: nextItem(m, at) };
    });
  };

  const startMs = Date.parse(meeting.start);
  const headingSize = large ? 800 : 500;
  const timeSize = large ? 700 : 400;

  return (
    <section className={styles.root} aria-label={t('agenda.heading')}>
      {state.phase === 'notStarted' && (
        <>
          <Text size={headingSize} weight="semibold">
            {t('agenda.notStarted')}
          </Text>
          <Text size={timeSize}>
            {startMs > now.getTime()
              ? startMs - now.getTime() <= 60 * 60000
                ? t('agenda.startsIn', { count: minutesLeft(startMs - now.getTime()) })
                : t('agenda.startsAt', { time: formatTime(new Date(startMs), lang) })
              : t('agenda.meetingLeft', { count: minutesLeft(state.meetingRemainingMs) })}
          </Text>
        </>
      )}
      {state.phase === 'running' && state.current && item && (
        <>
          <Text size={large ? 400 : 200} className={styles.now}>
            {t('agenda.now')} · {state.index + 1}/{meeting.agenda.length}
          </Text>
          <Text size={headingSize} weight="semibold">
            {title(state.current)}
          </Text>
          <Text size={timeSize} className={state.overrunMs > 0 ? styles.over : undefined}>
            {state.overrunMs > 0
              ? t('agenda.over', { count: minutesOver(state.overrunMs) })
              : state.remainingMs < 60000
                ? t('agenda.remainingSeconds')
                : t('agenda.remaining', { count: minutesLeft(state.remainingMs) })}
          </Text>
          <ProgressBar
            aria-hidden="true"
            thickness={large ? 'large' : 'medium'}
            value={item.minutes > 0 ? Math.min(1, state.itemElapsedMs / (item.minutes * 60000)) : 1}
          />
        </>
      )}
      {state.phase === 'finished' && state.heldOn !== null && (
        <>
          <Text size={headingSize} weight="semibold">
            {t('agenda.held', { date: formatDate(state.heldOn, lang) })}
          </Text>
          {!large && <MeetingHeldNotice />}
        </>
      )}
      {state.phase === 'finished' && state.heldOn === null && (
        <Text size={headingSize} weight="semibold">
          {t('agenda.ended')}
        </Text>
      )}
      {!large && state.heldOn === null && (
        <Text size={200} className={styles.now}>
          {state.meetingRemainingMs >= 0
            ? t('agenda.meetingLeft', { count: minutesLeft(state.meetingRemainingMs) })
            : t('agenda.meetingOver', { count: minutesOver(-state.meetingRemainingMs) })}
        </Text>
      )}
      {!large && can.driveAgenda && state.phase !== 'finished' && (
        <div className={styles.row}>
          <Button appearance="primary" onClick={next}>
            {state.phase === 'notStarted' ? t('agenda.start') : isLast ? t('agenda.finish') : t('agenda.next')}
          </Button>
        </div>
      )}
      {!large && state.rebalanced.length > 0 && state.phase === 'running' && (
        <details>
          <summary>
            <Text size={200}>{t('agenda.rest')}</Text>
          </summary>
          <ul className={styles.rest}>
            {state.rebalanced.map((r) => (
              <li key={r.key}>
                <Text size={200}>
                  {title(r.key)}: {t('agenda.restNow', { count: r.minutes })} (
                  {t('agenda.restPlanned', { planned: r.plannedMinutes })})
                </Text>
              </li>
            ))}
          </ul>
        </details>
      )}
      <div className={styles.hidden} role="status" aria-live="polite">
        {announcement}
      </div>
    </section>
  );
};
