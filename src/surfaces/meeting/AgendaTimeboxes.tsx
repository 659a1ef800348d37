import { Field, makeStyles, SpinButton, Text, tokens } from '@fluentui/react-components';
import { useTranslation } from '../../ui/i18n/useTranslation';
import { setTimebox, totalOf } from '../../domain/agenda/timebox';
import { useMeetingSession } from './MeetingContext';
import { fieldDomId } from './fieldProblems';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  list: {
    margin: 0,
    padding: 0,
    listStyleType: 'none',
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  item: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr) 7.5em',
    alignItems: 'end',
    gap: tokens.spacingHorizontalS,
  },
  lead: { color: tokens.colorNeutralForeground2 },
  minutes: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  // The item's title beside the box is its visible label; the full name is for screen readers.
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
 * Dagsordenen with editable time boxes. Changing one item's minutes spreads the difference over the others
 * (setTimebox), so the sum always equals the meeting's length.
 */
export const AgendaTimeboxes = () => {
  const { t } = useTranslation('meeting');
  const styles = useStyles();
  const { meeting, editMeeting, can } = useMeetingSession();
  const length = Math.round((Date.parse(meeting.end) - Date.parse(meeting.start)) / 60000);
  const change = (key: (typeof meeting.agenda)[number]['key'], minutes: number) =>
    editMeeting((m) => ({ ...m, agenda: setTimebox(m.agenda, key, minutes, length) }));
  return (
    <div className={styles.root}>
      <ol className={styles.list}>
        {meeting.agenda.map((item) => {
          const title = t(`agenda.items.${item.key}`);
          return (
            <li key={item.key} className={styles.item}>
              <div>
                <Text weight="semibold" id={`agenda-title-${item.key}`}>
                  {title}
                </Text>
                <br />
                <Text size={200} className={styles.lead}>
                  {t(`agenda.leads.${item.lead}`)}
                </Text>
              </div>
              {can.prepare ? (
                <Field label={{ children: t('agenda.minutesLabel', { item: title }), className: styles.hidden }}>
                  <div className={styles.minutes}>
                    <SpinButton
                      id={fieldDomId(`agenda.${item.key}.minutes`)}
                      value={item.minutes}
                      min={0}
                      max={length}
                      onChange={(_, data) => {
                        const value = data.value ?? Number.parseInt(data.displayValue ?? '', 10);
                        if (Number.isFinite(value)) change(item.key, value as number);
                      }}
                      style={{ width: '5.5em' }}
                    />
                    <Text>{t('agenda.minutesUnit')}</Text>
                  </div>
                </Field>
              ) : (
                <Text>{t('agenda.minutesShort', { count: item.minutes })}</Text>
              )}
            </li>
          );
        })}
      </ol>
      <Text size={200} role="status">
        {t('agenda.total', { sum: totalOf(meeting.agenda), length })}
        {can.prepare && ` · ${t('agenda.keptToLength')}`}
      </Text>
    </div>
  );
};
