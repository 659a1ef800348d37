import { Badge, Field, Input, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useSyncExternalStore } from 'react';
import { useTranslation } from '../../ui/i18n/useTranslation';
import type { StandaloneAppointment } from '../../adapters/standalone/standaloneAppointment';
import { formatDateTime, formatTime } from '../../domain/time/danishTime';

const useStyles = makeStyles({
  form: {
    flex: '1 1 auto',
    minWidth: '320px',
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalL,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  people: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
  body: {
    width: '100%',
    minHeight: '480px',
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: '#ffffff',
  },
});

/**
 * Local mode's stand-in for Outlook's appointment form, beside the task pane: it shows what the pane wrote
 * (subject, attendees, the agenda in the body). The body is shown in a sandboxed frame, as Outlook would render it.
 */
export const StandaloneAppointmentForm = ({ appointment }: { appointment: StandaloneAppointment }) => {
  const { t, i18n } = useTranslation('shell');
  const lang = i18n.language === 'en' ? 'en' : 'da';
  const styles = useStyles();
  const state = useSyncExternalStore(
    (listener) => appointment.subscribe(listener),
    () => appointment.snapshot(),
  );
  const start = new Date(state.start);
  return (
    <section className={styles.form} aria-labelledby="standalone-appointment">
      <h1 id="standalone-appointment" className={styles.heading}>
        {t('appointment.title')}
      </h1>
      <Text size={200}>{t('appointment.explain')}</Text>
      <Field label={t('appointment.subject')}>
        <Input value={state.subject} onChange={(_, data) => appointment.edit({ subject: data.value })} />
      </Field>
      <Text>
        {t('appointment.when', {
          start: formatDateTime(start, lang),
          end: formatTime(new Date(state.end), lang),
        })}
      </Text>
      <div>
        <Text weight="semibold">{t('appointment.attendees')}</Text>
        {state.attendees.length === 0 ? (
          <Text> {t('appointment.noAttendees')}</Text>
        ) : (
          <ul
            className={styles.people}
            aria-label={t('appointment.attendees')}
            style={{ listStyle: 'none', padding: 0 }}
          >
            {state.attendees.map((a) => (
              <li key={a.email}>
                <Badge appearance={a.required ? 'filled' : 'outline'} color="informative" title={a.email}>
                  {a.name}
                  {a.required ? '' : ` (${t('appointment.optional')})`}
                </Badge>
              </li>
            ))}
          </ul>
        )}
      </div>
      <iframe className={styles.body} sandbox="" srcDoc={state.bodyHtml} title={t('appointment.body')} />
    </section>
  );
};
