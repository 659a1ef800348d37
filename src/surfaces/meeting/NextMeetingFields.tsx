import { Field, Input, makeStyles, Select, tokens } from '@fluentui/react-components';
import { useTranslation } from '../../ui/i18n/useTranslation';
import { setNextMeetingBy, setNextTovholder } from '../../domain/minutes/editMinutes';
import { fieldDomId, validationOf, type ProblemsByField } from './fieldProblems';
import { formatDate } from '../../domain/time/danishTime';
import { useMeetingSession } from './MeetingContext';

const useStyles = makeStyles({ root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS } });

/** Næste tovholder (who convenes the next meeting) and the date by which it must be held. */
export const NextMeetingFields = ({ problems }: { problems: ProblemsByField }) => {
  const { t } = useTranslation('meeting');
  const styles = useStyles();
  const { plan, meeting, editMinutes, lang } = useMeetingSession();
  const { nextTovholderId, nextMeetingBy } = meeting.minutes;
  // The tovholder is a professional: not the citizen and not a relative.
  const candidates = plan.participants.filter((p) => p.sector !== 'borger' && p.sector !== 'paaroerende');
  const known = nextTovholderId === null || candidates.some((p) => p.id === nextTovholderId);
  return (
    <div className={styles.root}>
      <Field
        label={t('minutes.next.tovholder')}
        hint={t('minutes.next.tovholderHint')}
        {...validationOf(problems.get('nextTovholderId'), lang)}
      >
        <Select
          id={fieldDomId('nextTovholderId')}
          value={nextTovholderId ?? ''}
          onChange={(_, data) => editMinutes((m) => setNextTovholder(m, data.value || null))}
        >
          <option value="">{t('minutes.next.noTovholder')}</option>
          {!known && nextTovholderId && (
            <option value={nextTovholderId}>
              {plan.participants.find((p) => p.id === nextTovholderId)?.name ?? nextTovholderId}
            </option>
          )}
          {candidates.map((p) => (
            <option key={p.id} value={p.id}>
              {p.organisation ? `${p.name} (${p.organisation})` : p.name}
            </option>
          ))}
        </Select>
      </Field>
      <Field
        label={t('minutes.next.by')}
        // The date picker speaks the browser's language; the hint says the date the Danish way.
        hint={
          nextMeetingBy ? `${formatDate(nextMeetingBy, lang)}. ${t('minutes.next.byHint')}` : t('minutes.next.byHint')
        }
        {...validationOf(problems.get('nextMeetingBy'), lang)}
      >
        <Input
          id={fieldDomId('nextMeetingBy')}
          type="date"
          value={nextMeetingBy ?? ''}
          onChange={(_, data) =>
            editMinutes((m) => setNextMeetingBy(m, /^\d{4}-\d{2}-\d{2}$/.test(data.value) ? data.value : null))
          }
        />
      </Field>
    </div>
  );
};
