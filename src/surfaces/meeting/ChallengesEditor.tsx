import { Button, Field, makeStyles, Text, tokens } from '@fluentui/react-components';
import { GrowingTextarea } from '../../ui/fields/GrowingTextarea';
import { useEffect, useState } from 'react';
import { useTranslation } from '../../ui/i18n/useTranslation';
import { addChallenge, removeChallenge, updateChallenge } from '../../domain/minutes/editMinutes';
import { fieldDomId, validationOf, type ProblemsByField } from './fieldProblems';
import { useMeetingSession } from './MeetingContext';
import { newId } from './newId';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  remove: { alignSelf: 'flex-end' },
  item: { display: 'flex', flexDirection: 'column' },
});

/**
 * Udfordringer: the primary and acute challenges, as short texts. What may not leave with the referat (a CPR
 * number; the citizen's name where the tenant sends challenges in full) is marked under the challenge.
 */
export const ChallengesEditor = ({ problems }: { problems: ProblemsByField }) => {
  const { t } = useTranslation('meeting');
  const styles = useStyles();
  const { meeting, editMinutes, lang } = useMeetingSession();
  const challenges = meeting.minutes.challenges;
  const [focusId, setFocusId] = useState<string | null>(null);
  useEffect(() => {
    if (!focusId) return;
    document.getElementById(fieldDomId(`challenges.${focusId}.text`))?.focus();
    setFocusId(null);
  }, [focusId]);
  const add = () => {
    const id = newId('c');
    editMinutes((m) => addChallenge(m, { id, text: '' }));
    setFocusId(id);
  };
  return (
    <div className={styles.root}>
      {challenges.length === 0 ? (
        <Text size={200}>{t('minutes.challenges.empty')}</Text>
      ) : (
        <ol className={styles.list}>
          {challenges.map((c, i) => (
            <li key={c.id} className={styles.item}>
              <Field
                label={t('minutes.challenges.label', { n: i + 1 })}
                {...validationOf(problems.get(`challenges.${c.id}.text`), lang)}
              >
                <GrowingTextarea
                  id={fieldDomId(`challenges.${c.id}.text`)}
                  value={c.text}
                  onChange={(_, data) => editMinutes((m) => updateChallenge(m, c.id, data.value))}
                />
              </Field>
              <Button
                className={styles.remove}
                size="small"
                appearance="subtle"
                onClick={() => editMinutes((m) => removeChallenge(m, c.id))}
              >
                {t('minutes.challenges.remove', { n: i + 1 })}
              </Button>
            </li>
          ))}
        </ol>
      )}
      <div>
        <Button onClick={add}>{t('minutes.challenges.add')}</Button>
      </div>
    </div>
  );
};
