import { Field, Input, makeStyles, Select, Text, tokens } from '@fluentui/react-components';
import { useTranslation } from '../../ui/i18n/useTranslation';
import { setFollowUp } from '../../domain/minutes/editMinutes';
import { FollowUpStatusSchema, type FollowUpStatus } from '../../domain/plan/planDocument';
import { fieldDomId, validationOf, type ProblemsByField } from './fieldProblems';
import { useMeetingSession } from './MeetingContext';

const useStyles = makeStyles({
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
  },
  item: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  fields: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
});

/** Opfølgning: each effort from the previous meeting marked udført / i gang / ændret / droppet, with a note. */
export const FollowUpEditor = ({ problems, readOnly }: { problems: ProblemsByField; readOnly: boolean }) => {
  const { t } = useTranslation('meeting');
  const styles = useStyles();
  const { plan, meeting, editMinutes, lang } = useMeetingSession();
  const entries = meeting.minutes.followUp;
  if (entries.length === 0) return <Text size={200}>{t('previous.none')}</Text>;
  return (
    <ul className={styles.list}>
      {entries.map((f) => {
        const owner = plan.participants.find((p) => p.id === f.ownerId)?.name ?? t('summary.nobody');
        const titleId = `followup-${f.effortId}`;
        return (
          // The group carries the effort's name, so "Status" and "Note" need not repeat it.
          <li key={f.effortId}>
            <div className={styles.item} role="group" aria-labelledby={titleId}>
              <Text weight="semibold" id={titleId}>
                {f.what}
              </Text>
              <Text size={200}>{t('previous.owner', { name: owner })}</Text>
              {readOnly ? (
                <Text>
                  {f.status ? t(`previous.statuses.${f.status}`) : t('previous.notYet')}
                  {f.note ? ` – ${f.note}` : ''}
                </Text>
              ) : (
                <div className={styles.fields}>
                  <Field
                    label={t('previous.statusShort')}
                    {...validationOf(problems.get(`followUp.${f.effortId}.status`), lang)}
                  >
                    <Select
                      id={fieldDomId(`followUp.${f.effortId}.status`)}
                      value={f.status ?? ''}
                      onChange={(_, data) =>
                        editMinutes((m) =>
                          setFollowUp(m, f.effortId, { status: data.value ? (data.value as FollowUpStatus) : null }),
                        )
                      }
                    >
                      <option value="">{t('previous.notYet')}</option>
                      {FollowUpStatusSchema.options.map((s) => (
                        <option key={s} value={s}>
                          {t(`previous.statuses.${s}`)}
                        </option>
                      ))}
                    </Select>
                  </Field>
                  <Field
                    label={t('previous.note')}
                    {...validationOf(problems.get(`followUp.${f.effortId}.note`), lang)}
                  >
                    <Input
                      id={fieldDomId(`followUp.${f.effortId}.note`)}
                      value={f.note}
                      onChange={(_, data) => editMinutes((m) => setFollowUp(m, f.effortId, { note: data.value }))}
                    />
                  </Field>
                </div>
              )}
            </div>
          </li>
        );
      })}
    </ul>
  );
};
