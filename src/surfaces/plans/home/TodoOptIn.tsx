import { Badge, Button, Switch, Text, makeStyles, tokens, useId } from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from '../../../ui/i18n/useTranslation';
import * as z from 'zod/mini';
import { linkHostFor } from '../../../domain/links/planLink';
import type { Plan } from '../../../domain/plan/planDocument';
import { myOpenEfforts } from '../../../domain/plans/myWork';
import type { Failure } from '../../../domain/ports/outcome';
import { clearLogEntry } from '../../../domain/privacy/privacyGuard';
import { addMyEffortsToTodo, type EffortTodoResult, type TodoResult } from '../../../domain/tasks/addMyEffortsToTodo';
import { copenhagenDate } from '../../../domain/time/danishTime';
import { useSessionDraft } from '../../../ui/hooks/useSessionDraft';
import { useServices } from '../../../ui/services/ServicesContext';
import { plansFailureText } from '../plansFailureText';
import { useLang } from '../useLang';

const useStyles = makeStyles({
  box: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  hint: { color: tokens.colorNeutralForeground2 },
  actions: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  results: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
  },
  result: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  badge: { alignSelf: 'flex-start' },
});

type AddState =
  { status: 'idle' } | { status: 'adding' } | { status: 'done'; results: EffortTodoResult[] } | { status: 'crashed' };

export interface TodoOptInProps {
  /** The plans I take part in; only my own open efforts among them are added. */
  plans: readonly Plan[];
}

/**
 * "Tilføj mine indsatser til Microsoft To Do": opt-in, off until the user turns it on (remembered per user for
 * the session), then one button adds my own open efforts to my own list through the privacy guard and says, per
 * effort, "Tilføjet" or why not. Adding again adds nothing new. Nothing is shown where there is no task list.
 */
export const TodoOptIn = ({ plans }: TodoOptInProps) => {
  const { t } = useTranslation('plans');
  const lang = useLang();
  const styles = useStyles();
  const { me, tasks, policy, clock, location, host, logger } = useServices();
  const [on, setOn] = useSessionDraft(`plans:todoOptIn:${me.userId ?? me.email.toLowerCase()}`, false, z.boolean());
  const [state, setState] = useState<AddState>({ status: 'idle' });
  const hintId = useId('todo-hint');
  const today = copenhagenDate(clock.now());
  const openCount = myOpenEfforts(plans, me.email, today).length;
  if (!tasks) return null;

  const add = async () => {
    setState({ status: 'adding' });
    try {
      const results = await addMyEffortsToTodo(plans, me.email, {
        tasks,
        policy,
        link: {
          appBaseUrl: location.appBaseUrl,
          teamsAppId: location.teamsAppId,
          host: linkHostFor(host.kind),
        },
        today,
      });
      setState({ status: 'done', results });
    } catch (error) {
      // A bug in an adapter: say so calmly here instead of taking the whole tab down with it.
      logger.log(
        clearLogEntry(
          {
            level: 'error',
            event: 'todo.addCrashed',
            data: { error: error instanceof Error ? error.name : 'unknown' },
          },
          { plan: null, policy, today },
        ),
      );
      setState({ status: 'crashed' });
    }
  };

  const failureText = (failure: Failure): string =>
    failure.kind === 'forbidden' || failure.kind === 'unauthorized' || failure.kind === 'notFound'
      ? t(`todo.failures.${failure.kind}`, { code: failure.code })
      : plansFailureText(t, failure);

  const resultText = (result: TodoResult): string => {
    if (result.kind === 'added') return t('todo.added');
    const reason =
      result.kind === 'refused' ? result.reasons.map((p) => p.message[lang]).join(' ') : failureText(result.failure);
    return t('todo.notAdded', { reason });
  };

  const added = state.status === 'done' ? state.results.filter((r) => r.result.kind === 'added').length : 0;
  const status =
    state.status === 'adding'
      ? t('todo.adding')
      : state.status === 'done'
        ? t('todo.summary', { added, total: state.results.length })
        : state.status === 'crashed'
          ? t('todo.failures.unexpected')
          : '';

  return (
    <div className={styles.box}>
      <Switch
        label={t('todo.switch')}
        checked={on}
        aria-describedby={hintId}
        onChange={(_, data) => {
          setOn(data.checked);
          if (!data.checked) setState({ status: 'idle' });
        }}
      />
      <Text id={hintId} size={200} className={styles.hint}>
        {t('todo.hint')}
      </Text>
      {on &&
        (openCount === 0 ? (
          <Text>{t('todo.none')}</Text>
        ) : (
          <span className={styles.actions}>
            <Button appearance="primary" disabled={state.status === 'adding'} onClick={() => void add()}>
              {t('todo.add')}
            </Button>
          </span>
        ))}
      <div role="status" aria-live="polite">
        {on && status}
      </div>
      {on && state.status === 'done' && (
        <ul className={styles.results} aria-label={t('todo.resultsLabel')}>
          {state.results.map(({ task, result }) => (
            <li key={task.key} className={styles.result}>
              <Text weight="semibold">{task.title}</Text>
              {result.kind === 'added' ? (
                <Badge color="success" appearance="tint" className={styles.badge}>
                  {resultText(result)}
                </Badge>
              ) : (
                <Text>{resultText(result)}</Text>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
};
