import { Button, Field, makeStyles, Text, tokens } from '@fluentui/react-components';
import { GrowingTextarea } from '../../ui/fields/GrowingTextarea';
import { useEffect, useRef, useState, type DragEvent } from 'react';
import { useTranslation } from '../../ui/i18n/useTranslation';
import { addGoal, moveGoal, removeGoal, updateGoal } from '../../domain/minutes/editMinutes';
import type { Goal } from '../../domain/plan/planDocument';
import type { ProblemsByField } from './fieldProblems';
import { fieldDomId, validationOf } from './fieldProblems';
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
  item: {
    display: 'flex',
    gap: tokens.spacingHorizontalXS,
    padding: tokens.spacingVerticalXS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  dropTarget: { borderTopColor: tokens.colorBrandStroke1, borderTopWidth: tokens.strokeWidthThickest },
  handle: {
    cursor: 'grab',
    userSelect: 'none',
    alignSelf: 'stretch',
    display: 'flex',
    alignItems: 'center',
    paddingInline: tokens.spacingHorizontalXS,
    color: tokens.colorNeutralForeground3,
  },
  body: { flexGrow: 1, minWidth: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
  hidden: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    overflow: 'hidden',
    clipPath: 'inset(50%)',
    whiteSpace: 'nowrap',
  },
});

type Direction = 'up' | 'down';

/**
 * Fælles mål in priority order. Reordered with the "Flyt op" / "Flyt ned" buttons (keyboard) or by dragging
 * (pointer); every move is announced in a polite live region, and keyboard focus stays on the moved goal.
 */
export const GoalsEditor = ({ problems }: { problems: ProblemsByField }) => {
  const { t } = useTranslation('meeting');
  const styles = useStyles();
  const { meeting, editMinutes, lang } = useMeetingSession();
  const goals = meeting.minutes.goals;
  const [announcement, setAnnouncement] = useState('');
  const [focus, setFocus] = useState<{ id: string; direction: Direction } | { id: string; field: 'text' } | null>(null);
  const [dragged, setDragged] = useState<string | null>(null);
  const [over, setOver] = useState<string | null>(null);
  const buttons = useRef(new Map<string, HTMLElement>());

  const announceMove = (goal: Goal, position: number) =>
    setAnnouncement(
      t('minutes.goals.moved', {
        text: goal.text.trim() || t('minutes.goals.untitled'),
        position: position + 1,
        count: goals.length,
      }),
    );

  const move = (goal: Goal, direction: Direction) => {
    const from = goals.indexOf(goal);
    const to = direction === 'up' ? from - 1 : from + 1;
    if (to < 0 || to >= goals.length) return;
    editMinutes((m) => moveGoal(m, goal.id, direction));
    announceMove(goal, to);
    // At the top or bottom the pressed button is disabled; keep focus on the goal's other move button.
    const atEdge = direction === 'up' ? to === 0 : to === goals.length - 1;
    setFocus({ id: goal.id, direction: atEdge ? (direction === 'up' ? 'down' : 'up') : direction });
  };

  useEffect(() => {
    if (!focus) return;
    if ('field' in focus) document.getElementById(fieldDomId(`goals.${focus.id}.text`))?.focus();
    else buttons.current.get(`${focus.id}:${focus.direction}`)?.focus();
    setFocus(null);
  }, [focus]);

  const add = () => {
    const id = newId('g');
    editMinutes((m) => addGoal(m, { id, text: '' }));
    setFocus({ id, field: 'text' });
  };

  const drop = (event: DragEvent, target: Goal) => {
    event.preventDefault();
    const id = dragged ?? event.dataTransfer.getData('text/plain');
    setDragged(null);
    setOver(null);
    const goal = goals.find((g) => g.id === id);
    if (!goal || goal.id === target.id) return;
    const to = goals.indexOf(target);
    editMinutes((m) => moveGoal(m, goal.id, to));
    announceMove(goal, to);
  };

  return (
    <div className={styles.root}>
      {goals.length === 0 ? (
        <Text size={200}>{t('minutes.goals.empty')}</Text>
      ) : (
        <ol className={styles.list}>
          {goals.map((goal, i) => {
            const n = i + 1;
            return (
              <li
                key={goal.id}
                className={`${styles.item} ${over === goal.id && dragged !== goal.id ? styles.dropTarget : ''}`}
                onDragOver={(event) => {
                  if (!dragged) return;
                  event.preventDefault();
                  event.dataTransfer.dropEffect = 'move';
                  setOver(goal.id);
                }}
                onDragLeave={() => setOver((o) => (o === goal.id ? null : o))}
                onDrop={(event) => drop(event, goal)}
              >
                {/* Pointer users drag by the handle; keyboard and screen reader users have the buttons. */}
                <span
                  className={styles.handle}
                  draggable
                  aria-hidden="true"
                  title={t('minutes.goals.dragHandle', { n })}
                  onDragStart={(event) => {
                    setDragged(goal.id);
                    event.dataTransfer.effectAllowed = 'move';
                    event.dataTransfer.setData('text/plain', goal.id);
                  }}
                  onDragEnd={() => {
                    setDragged(null);
                    setOver(null);
                  }}
                >
                  ⠿
                </span>
                <div className={styles.body}>
                  <Field
                    label={t('minutes.goals.label', { n })}
                    {...validationOf(problems.get(`goals.${goal.id}.text`), lang)}
                  >
                    <GrowingTextarea
                      id={fieldDomId(`goals.${goal.id}.text`)}
                      value={goal.text}
                      rows={1}
                      onChange={(_, data) => editMinutes((m) => updateGoal(m, goal.id, data.value))}
                    />
                  </Field>
                  <div className={styles.buttons}>
                    <Button
                      size="small"
                      ref={(el) =>
                        void (el ? buttons.current.set(`${goal.id}:up`, el) : buttons.current.delete(`${goal.id}:up`))
                      }
                      aria-label={t('minutes.goals.moveUpLabel', { n })}
                      disabled={i === 0}
                      onClick={() => move(goal, 'up')}
                    >
                      {t('minutes.goals.moveUp')}
                    </Button>
                    <Button
                      size="small"
                      ref={(el) =>
                        void (el
                          ? buttons.current.set(`${goal.id}:down`, el)
                          : buttons.current.delete(`${goal.id}:down`))
                      }
                      aria-label={t('minutes.goals.moveDownLabel', { n })}
                      disabled={i === goals.length - 1}
                      onClick={() => move(goal, 'down')}
                    >
                      {t('minutes.goals.moveDown')}
                    </Button>
                    <Button size="small" appearance="subtle" onClick={() => editMinutes((m) => removeGoal(m, goal.id))}>
                      {t('minutes.goals.remove', { n })}
                    </Button>
                  </div>
                </div>
              </li>
            );
          })}
        </ol>
      )}
      <div>
        <Button onClick={add}>{t('minutes.goals.add')}</Button>
      </div>
      <div className={styles.hidden} aria-live="polite" role="status">
        {announcement}
      </div>
    </div>
  );
};
