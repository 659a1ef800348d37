import { Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import { useCallback, useEffect, useRef, useState } from 'react';
import { addEffort, removeEffort, updateEffort } from '../../domain/minutes/editMinutes';
import type { Effort } from '../../domain/plan/planDocument';
import type { Problem } from '../../domain/problems';
import { EffortRow } from './EffortRow';
import { fieldDomId } from './fieldProblems';
import { useMeetingSession } from './MeetingContext';
import { newId } from './newId';

const useStyles = makeStyles({
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

const NO_PROBLEMS: readonly Problem[] = [];

/**
 * A list of indsatser for the referent. `which` picks the efforts shown (all but the citizen's, or only the
 * citizen's own tasks); `addAs` is what a new one starts with (e.g. the citizen as owner).
 */
export const EffortsEditor = ({
  which,
  addAs,
  addLabel,
  emptyText,
  problems,
}: {
  which(effort: Effort): boolean;
  addAs: Partial<Effort>;
  addLabel: string;
  emptyText: string;
  problems: ReadonlyMap<string, readonly Problem[]>;
}) => {
  const styles = useStyles();
  const { plan, meeting, editMinutes, lang } = useMeetingSession();
  const { goals, efforts } = meeting.minutes;
  const citizenId = plan.participants.find((p) => p.sector === 'borger')?.id ?? null;
  const shown = efforts.filter(which);
  const [focusId, setFocusId] = useState<string | null>(null);
  const addAsRef = useRef(addAs);
  addAsRef.current = addAs;

  const onChange = useCallback(
    (id: string, patch: Partial<Omit<Effort, 'id'>>) => editMinutes((m) => updateEffort(m, id, patch)),
    [editMinutes],
  );
  const onRemove = useCallback((id: string) => editMinutes((m) => removeEffort(m, id)), [editMinutes]);
  const add = () => {
    const id = newId('e');
    editMinutes((m) => addEffort(m, { ...addAsRef.current, id }));
    setFocusId(id);
  };
  useEffect(() => {
    if (!focusId) return;
    document.getElementById(fieldDomId(`efforts.${focusId}.what`))?.focus();
    setFocusId(null);
  }, [focusId]);

  return (
    <div className={styles.root}>
      {shown.length === 0 ? (
        <Text size={200}>{emptyText}</Text>
      ) : (
        <ol className={styles.list}>
          {shown.map((effort) => (
            <li key={effort.id}>
              <EffortRow
                effort={effort}
                n={efforts.indexOf(effort) + 1}
                goals={goals}
                participants={plan.participants}
                citizenId={citizenId}
                problems={problemsOf(problems, effort.id)}
                lang={lang}
                onChange={onChange}
                onRemove={onRemove}
              />
            </li>
          ))}
        </ol>
      )}
      <div>
        <Button onClick={add}>{addLabel}</Button>
      </div>
    </div>
  );
};

const problemsOf = (problems: ReadonlyMap<string, readonly Problem[]>, effortId: string): readonly Problem[] => {
  const found = ['what', 'goalId', 'ownerId', 'due', 'status'].flatMap(
    (f) => problems.get(`efforts.${effortId}.${f}`) ?? [],
  );
  return found.length === 0 ? NO_PROBLEMS : found;
};
