import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Select,
  Spinner,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { ChevronLeftRegular, ChevronRightRegular } from '@fluentui/react-icons';
import { useTranslation, type TFunction } from '../../../ui/i18n/useTranslation';
import { memo, useMemo } from 'react';
import { rankSlots, type Slot } from '../../../domain/booking/timeSlots';
import type { Participant } from '../../../domain/plan/planDocument';
import type { Problem } from '../../../domain/problems';
import {
  addDays,
  copenhagenDate,
  formatDate,
  formatDateTime,
  formatShortDate,
  formatTime,
} from '../../../domain/time/danishTime';
import { useServices } from '../../../ui/services/ServicesContext';
import { useLang } from '../useLang';
import { fieldValidation } from './fieldValidation';
import { wallClockTime, withStartTime, type FormDraft } from './formDraft';
import { SCHEDULE_INTERVAL_MINUTES, useSchedule } from './useSchedule';
import { isoWeek, workingDays } from './weekLabel';

const LENGTHS = [60, 75, 90, 105, 120, 150, 180];
const BEST_COUNT = 5;

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  inputs: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(140px, 1fr))',
    gap: tokens.spacingHorizontalM,
    alignItems: 'start',
  },
  weekNav: {
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalS,
    flexWrap: 'wrap',
  },
  best: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
  },
  bestButton: { justifyContent: 'flex-start', textAlign: 'start', width: '100%' },
  gridWrap: { overflowX: 'auto', maxWidth: '100%' },
  grid: { borderCollapse: 'collapse', width: '100%', tableLayout: 'fixed', fontSize: tokens.fontSizeBase200 },
  timeCol: { width: '3.5em' },
  th: { padding: tokens.spacingHorizontalXXS, fontWeight: tokens.fontWeightSemibold, textAlign: 'center' },
  cell: { padding: '1px', textAlign: 'center' },
  slot: {
    minWidth: '36px',
    width: '100%',
    padding: '2px',
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusSmall,
    cursor: 'pointer',
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground1,
    backgroundColor: tokens.colorNeutralBackground1,
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '1px' },
  },
  free: { backgroundColor: tokens.colorPaletteGreenBackground2, color: tokens.colorNeutralForeground1 },
  someBusy: { backgroundColor: tokens.colorPaletteYellowBackground2 },
  manyBusy: { backgroundColor: tokens.colorNeutralBackground3, color: tokens.colorNeutralForeground2 },
  chosen: {
    outline: `3px solid ${tokens.colorBrandStroke1}`,
    outlineOffset: '-2px',
    fontWeight: tokens.fontWeightBold,
  },
  past: {
    cursor: 'not-allowed',
    color: tokens.colorNeutralForegroundDisabled,
    backgroundColor: tokens.colorNeutralBackgroundDisabled,
  },
});

const slotSummary = (t: TFunction<'booking'>, slot: Slot): string => {
  const parts: string[] = [
    slot.busyEmails.length === 0 ? t('time.everyoneFree') : t('time.busy', { count: slot.busyEmails.length }),
  ];
  if (slot.unknownEmails.length > 0) parts.push(t('time.unknown', { count: slot.unknownEmails.length }));
  return parts.join(' · ');
};

export interface TimeSectionProps {
  draft: Pick<FormDraft, 'participants' | 'weekStart' | 'lengthMinutes' | 'date' | 'startTime' | 'endTime'>;
  problems: readonly Problem[];
  onChange(next: (draft: FormDraft) => FormDraft): void;
}

/**
 * Tidspunkt: length (90 minutes unless changed), date, start and end, and a compact week grid of free/busy for
 * the participants in the organisation, best times first. Other people's calendars are unknown, never free.
 */
export const TimeSection = memo(function TimeSection({ draft, problems, onChange }: TimeSectionProps) {
  const { t } = useTranslation('booking');
  const lang = useLang();
  const styles = useStyles();
  const { clock } = useServices();
  const now = clock.now();

  const { participants } = draft;
  const known = useMemo(() => participants.filter((p) => p.reach === 'inTenant' && p.email), [participants]);
  const unknown = useMemo(() => participants.filter((p) => !(p.reach === 'inTenant' && p.email)), [participants]);
  const emails = useMemo(() => known.map((p) => p.email as string), [known]);
  const [schedule, retrySchedule] = useSchedule(emails, draft.weekStart);

  const slots = useMemo(() => {
    if (schedule.status !== 'ready') return [];
    // People whose calendars we cannot see count as unknown in every slot, never as free.
    const unknownRows = unknown.map((p: Participant) => ({
      email: p.email ?? p.id,
      slots: Array.from({ length: schedule.rows[0]?.slots.length ?? 0 }, () => 'unknown' as const),
    }));
    return rankSlots([...schedule.rows, ...unknownRows], {
      scheduleStart: schedule.scheduleStart,
      intervalMinutes: SCHEDULE_INTERVAL_MINUTES,
      lengthMinutes: draft.lengthMinutes,
    });
  }, [schedule, unknown, draft.lengthMinutes]);
  const slotAt = new Map(
    slots.map((s) => [`${copenhagenDate(new Date(s.start))}T${wallClockTime(new Date(s.start))}`, s]),
  );
  const best = slots.filter((s) => Date.parse(s.start) > now.getTime()).slice(0, BEST_COUNT);

  const days = workingDays(draft.weekStart);
  const starts = useMemo(() => {
    const times: string[] = [];
    for (let minutes = 8 * 60; minutes + draft.lengthMinutes <= 16 * 60; minutes += SCHEDULE_INTERVAL_MINUTES) {
      times.push(`${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`);
    }
    return times;
  }, [draft.lengthMinutes]);

  const choose = (slot: Slot) => {
    const start = new Date(slot.start);
    onChange((d) => withStartTime(d, copenhagenDate(start), wallClockTime(start)));
  };
  const chosenStart = draft.date && draft.startTime ? `${draft.date}T${draft.startTime}` : null;

  const setLength = (minutes: number) =>
    onChange((d) => {
      const withLength = { ...d, lengthMinutes: minutes };
      return d.date && d.startTime ? withStartTime(withLength, d.date, d.startTime) : withLength;
    });

  return (
    <section aria-labelledby="booking-time-heading" className={styles.section}>
      <h2 id="booking-time-heading">{t('time.heading')}</h2>
      <div className={styles.inputs}>
        <Field label={t('time.length')}>
          <Select value={String(draft.lengthMinutes)} onChange={(_, d) => setLength(Number(d.value))}>
            {(LENGTHS.includes(draft.lengthMinutes)
              ? LENGTHS
              : [...LENGTHS, draft.lengthMinutes].sort((a, b) => a - b)
            ).map((m) => (
              <option key={m} value={m}>
                {t('time.lengthOption', { minutes: m })}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t('time.date')} required {...fieldValidation(problems, 'date', lang)}>
          <Input
            type="date"
            value={draft.date}
            onChange={(_, d) => onChange((x) => withStartTime(x, d.value, x.startTime))}
          />
        </Field>
        <Field label={t('time.start')} required {...fieldValidation(problems, 'start', lang)}>
          <Input
            type="time"
            value={draft.startTime}
            onChange={(_, d) => onChange((x) => withStartTime(x, x.date, d.value))}
          />
        </Field>
        <Field label={t('time.end')} required {...fieldValidation(problems, 'end', lang)}>
          <Input type="time" value={draft.endTime} onChange={(_, d) => onChange((x) => ({ ...x, endTime: d.value }))} />
        </Field>
      </div>

      <h3>{t('time.findHeading')}</h3>
      <Text>{t('time.findIntro')}</Text>
      <div className={styles.weekNav}>
        <Button
          icon={<ChevronLeftRegular />}
          onClick={() => onChange((d) => ({ ...d, weekStart: addDays(d.weekStart, -7) }))}
        >
          {t('time.previousWeek')}
        </Button>
        <Text weight="semibold" aria-live="polite">
          {t('time.week', {
            week: isoWeek(draft.weekStart),
            from: formatShortDate(days[0] ?? draft.weekStart, lang),
            to: formatShortDate(days[4] ?? draft.weekStart, lang),
          })}
        </Text>
        <Button
          icon={<ChevronRightRegular />}
          iconPosition="after"
          onClick={() => onChange((d) => ({ ...d, weekStart: addDays(d.weekStart, 7) }))}
        >
          {t('time.nextWeek')}
        </Button>
      </div>
      {unknown.length > 0 && <Text>{t('time.unknownPeople', { names: unknown.map((p) => p.name).join(', ') })}</Text>}
      <div role="status" aria-live="polite">
        {schedule.status === 'loading' && <Spinner size="tiny" label={t('time.loading')} labelPosition="after" />}
        {schedule.status === 'idle' && known.length === 0 && <Text>{t('time.noInTenant')}</Text>}
      </div>
      {schedule.status === 'failed' && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            {schedule.failure.kind === 'forbidden'
              ? t('time.scheduleForbidden', { code: schedule.failure.code })
              : schedule.failure.kind === 'throttled'
                ? t('time.scheduleThrottled')
                : t('time.scheduleFailed')}
          </MessageBarBody>
          <MessageBarActions>
            <Button onClick={retrySchedule}>{t('time.scheduleRetry')}</Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {schedule.status === 'ready' && (
        <>
          <h3 id="booking-best-heading">{t('time.best')}</h3>
          {best.length === 0 ? (
            <Text>{t('time.noSlots')}</Text>
          ) : (
            <ol className={styles.best} aria-labelledby="booking-best-heading">
              {best.map((slot) => {
                const when = `${formatDateTime(new Date(slot.start), lang)}–${formatTime(new Date(slot.end), lang)}`;
                const chosen =
                  chosenStart === `${copenhagenDate(new Date(slot.start))}T${wallClockTime(new Date(slot.start))}`;
                return (
                  <li key={slot.start}>
                    <Button
                      className={styles.bestButton}
                      appearance={chosen ? 'primary' : 'secondary'}
                      aria-pressed={chosen}
                      onClick={() => choose(slot)}
                    >
                      {when} · {slotSummary(t, slot)}
                    </Button>
                  </li>
                );
              })}
            </ol>
          )}
          <div className={styles.gridWrap}>
            <table className={styles.grid}>
              <caption>{t('time.gridCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col" className={`${styles.th} ${styles.timeCol}`}>
                    {t('time.gridTime')}
                  </th>
                  {days.map((day) => (
                    <th key={day} scope="col" className={styles.th} abbr={formatDate(day, lang)}>
                      {formatDate(day, lang).split(' ')[0]?.slice(0, 3)} {formatShortDate(day, lang).split(' ')[0]}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {starts.map((time) => (
                  <tr key={time}>
                    <th scope="row" className={styles.th}>
                      {time.replace(':', lang === 'da' ? '.' : ':')}
                    </th>
                    {days.map((day) => {
                      const found = slotAt.get(`${day}T${time}`);
                      const slot = found && Date.parse(found.start) > now.getTime() ? found : null;
                      const when = found
                        ? `${formatDateTime(new Date(found.start), lang)}–${formatTime(new Date(found.end), lang)}`
                        : `${formatDate(day, lang)} ${time}`;
                      const past = slot === null;
                      const chosen = chosenStart === `${day}T${time}`;
                      const busy = slot?.busyEmails.length ?? 0;
                      return (
                        <td key={day} className={styles.cell}>
                          <button
                            type="button"
                            className={mergeClasses(
                              styles.slot,
                              past
                                ? styles.past
                                : busy === 0
                                  ? styles.free
                                  : busy <= 2
                                    ? styles.someBusy
                                    : styles.manyBusy,
                              chosen && styles.chosen,
                            )}
                            disabled={past}
                            aria-pressed={chosen}
                            aria-label={t('time.slotLabel', {
                              when,
                              summary: slot ? slotSummary(t, slot) : t('time.past'),
                            })}
                            title={slot ? slotSummary(t, slot) : t('time.past')}
                            onClick={() => slot && choose(slot)}
                          >
                            {past ? '–' : busy === 0 ? '✓' : busy}
                          </button>
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
});
