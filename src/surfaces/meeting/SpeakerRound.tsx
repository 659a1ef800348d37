import { Checkbox, Field, makeStyles, Text, tokens } from '@fluentui/react-components';
import { GrowingTextarea } from '../../ui/fields/GrowingTextarea';
import { useTranslation } from '../../ui/i18n/useTranslation';
import { roundProgress, speakerOrder } from '../../domain/agenda/speakerRound';
import { setRoundEntry } from '../../domain/minutes/editMinutes';
import type { RoundEntry } from '../../domain/plan/planDocument';
import { CitizenCopyNote } from './CitizenCopyNote';
import { fieldDomId, validationOf, type ProblemsByField } from './fieldProblems';
import { useMeetingSession } from './MeetingContext';

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
  turn: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingVerticalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  current: { outlineWidth: tokens.strokeWidthThick, outlineStyle: 'solid', outlineColor: tokens.colorBrandStroke1 },
  written: {
    whiteSpace: 'pre-wrap',
    backgroundColor: tokens.colorNeutralBackground2,
    padding: tokens.spacingVerticalXS,
    borderRadius: tokens.borderRadiusMedium,
    margin: 0,
  },
  note: { whiteSpace: 'pre-wrap', margin: 0 },
});

const FIELDS = ['relation', 'currentWork', 'challenges'] as const;

/**
 * Runden in afdækning as a checklist: each participant's relation to the citizen, current work and challenges.
 * An absent participant's written input is shown at their turn, for the koordinator to read out. Above the round:
 * whether the citizen received the last plan by Digital Post.
 */
export const SpeakerRound = ({ problems }: { problems: ProblemsByField }) => {
  const { t } = useTranslation('meeting');
  const styles = useStyles();
  const { plan, meeting, editMinutes, can, lang } = useMeetingSession();
  const turns = speakerOrder(plan, meeting);
  const progress = roundProgress(turns, meeting.minutes.round);
  const entryOf = (id: string): RoundEntry | undefined => meeting.minutes.round.find((r) => r.participantId === id);
  const mayTick = can.writeMinutes || can.driveAgenda;
  return (
    <section className={styles.root} aria-labelledby="round-heading">
      <Text as="h2" size={400} weight="semibold" id="round-heading">
        {t('round.heading')}
      </Text>
      <Text size={200}>{t('round.intro')}</Text>
      <CitizenCopyNote />
      <Text size={200} role="status">
        {t('round.progress', { done: progress.done, total: progress.total })}
      </Text>
      <ol className={styles.list}>
        {turns.map((turn) => {
          const person = plan.participants.find((p) => p.id === turn.participantId);
          const name = person?.name ?? t('summary.unknownPerson');
          const entry = entryOf(turn.participantId);
          const isNext = progress.next === turn.participantId;
          return (
            <li
              key={turn.participantId}
              className={`${styles.turn} ${isNext ? styles.current : ''}`}
              aria-current={isNext ? 'step' : undefined}
            >
              <Checkbox
                id={fieldDomId(`round.${turn.participantId}.done`)}
                label={t('round.spoke', { name: person?.organisation ? `${name} (${person.organisation})` : name })}
                checked={entry?.done ?? false}
                disabled={!mayTick}
                onChange={(_, data) =>
                  editMinutes((m) => setRoundEntry(m, turn.participantId, { done: data.checked === true }))
                }
              />
              {turn.writtenInput !== null && (
                <div>
                  <Text size={200} weight="semibold">
                    {t('round.writtenInput')}
                  </Text>
                  <p className={styles.written}>{turn.writtenInput}</p>
                </div>
              )}
              {FIELDS.map((field) =>
                can.writeMinutes ? (
                  <Field
                    key={field}
                    label={t(`round.${field}`)}
                    size="small"
                    {...validationOf(problems.get(`round.${turn.participantId}.${field}`), lang)}
                  >
                    <GrowingTextarea
                      id={fieldDomId(`round.${turn.participantId}.${field}`)}
                      size="small"
                      value={entry?.[field] ?? ''}
                      onChange={(_, data) =>
                        editMinutes((m) => setRoundEntry(m, turn.participantId, { [field]: data.value }))
                      }
                    />
                  </Field>
                ) : entry?.[field] ? (
                  <div key={field}>
                    <Text size={200} weight="semibold">
                      {t(`round.${field}`)}
                    </Text>
                    <p className={styles.note}>{entry[field]}</p>
                  </div>
                ) : null,
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
};
