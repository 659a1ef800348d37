import { Button, Field, Input, makeStyles, Select, tokens } from '@fluentui/react-components';
import { GrowingTextarea } from '../../ui/fields/GrowingTextarea';
import { memo } from 'react';
import { useTranslation } from '../../ui/i18n/useTranslation';
import type { Effort, EffortStatus, Goal, Participant } from '../../domain/plan/planDocument';
import type { Lang, Problem } from '../../domain/problems';
import { formatDate } from '../../domain/time/danishTime';
import { fieldDomId, validationOf } from './fieldProblems';

const useStyles = makeStyles({
  row: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingVerticalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    // Forty rows in a 320 px panel: the browser lays out and paints only those near the screen, so a keystroke
    // does not pay for the rest (they keep their place in the page, the accessibility tree and find-in-page).
    contentVisibility: 'auto',
    containIntrinsicSize: 'auto 420px',
  },
  pair: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(130px, 1fr))',
    gap: tokens.spacingHorizontalS,
  },
  actions: { display: 'flex', justifyContent: 'flex-end' },
});

export interface EffortRowProps {
  effort: Effort;
  /** 1-based, for labels ("Indsats 3"). */
  n: number;
  goals: readonly Goal[];
  participants: readonly Participant[];
  citizenId: string | null;
  problems: readonly Problem[];
  lang: Lang;
  onChange(id: string, patch: Partial<Omit<Effort, 'id'>>): void;
  onRemove(id: string): void;
}

/** Problems are recomputed on every change; a row re-renders only when its own messages change. */
const signature = (problems: readonly Problem[]) => problems.map((p) => `${p.field}|${p.message.da}`).join('\n');

const STATUSES: readonly EffortStatus[] = ['aaben', 'iGang', 'udfoert'];

/** What the details of a row show: the effort without its text, so typing the text leaves them alone. */
type Details = Pick<Effort, 'id' | 'goalId' | 'ownerId' | 'due' | 'status'>;

/** What a row and its details share: everything but the effort. */
type Surroundings = Omit<EffortRowProps, 'effort'>;

type EffortDetailsProps = Details & Surroundings;

/** Equal surroundings: the same values and handlers, and problems that say the same. */
const sameSurroundings = (before: Surroundings, after: Surroundings) =>
  before.n === after.n &&
  before.goals === after.goals &&
  before.participants === after.participants &&
  before.citizenId === after.citizenId &&
  before.lang === after.lang &&
  before.onChange === after.onChange &&
  before.onRemove === after.onRemove &&
  signature(before.problems) === signature(after.problems);

const at = (problems: readonly Problem[], id: string, field: string) =>
  problems.filter((p) => p.field === `efforts.${id}.${field}`);

/**
 * Why, owner, due date, status and "Fjern" of one indsats. Memoised on their own values, so a keystroke in the
 * text re-renders the text field only, not three selects with a dozen options each.
 */
const EffortDetails = memo(
  function EffortDetails({
    id,
    goalId,
    ownerId,
    due,
    status,
    n,
    goals,
    participants,
    citizenId,
    problems,
    lang,
    onChange,
    onRemove,
  }: EffortDetailsProps) {
    const { t } = useTranslation('meeting');
    const styles = useStyles();
    const ownerKnown = ownerId === null || participants.some((p) => p.id === ownerId);
    return (
      <>
        <Field label={t('minutes.efforts.why')} {...validationOf(at(problems, id, 'goalId'), lang)}>
          <Select
            id={fieldDomId(`efforts.${id}.goalId`)}
            value={goalId ?? ''}
            onChange={(_, data) => onChange(id, { goalId: data.value || null })}
          >
            <option value="">{t('minutes.efforts.noGoal')}</option>
            {goals.map((g, i) => (
              <option key={g.id} value={g.id}>
                {`${i + 1}. ${g.text.trim() || t('minutes.goals.untitled')}`}
              </option>
            ))}
          </Select>
        </Field>
        <div className={styles.pair}>
          <Field label={t('minutes.efforts.owner')} {...validationOf(at(problems, id, 'ownerId'), lang)}>
            <Select
              id={fieldDomId(`efforts.${id}.ownerId`)}
              value={ownerId ?? ''}
              onChange={(_, data) => onChange(id, { ownerId: data.value || null })}
            >
              <option value="">{t('minutes.efforts.noOwner')}</option>
              {/* An owner who is no longer a participant stays visible, so the problem can be seen and fixed. */}
              {!ownerKnown && ownerId && <option value={ownerId}>{t('minutes.efforts.ownerGone')}</option>}
              {participants.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.id === citizenId ? t('minutes.efforts.citizenOwner', { name: p.name }) : p.name}
                </option>
              ))}
            </Select>
          </Field>
          <Field
            label={t('minutes.efforts.due')}
            // The date picker speaks the browser's language; the hint says the date the Danish way.
            hint={due ? formatDate(due, lang) : undefined}
            {...validationOf(at(problems, id, 'due'), lang)}
          >
            <Input
              id={fieldDomId(`efforts.${id}.due`)}
              type="date"
              value={due ?? ''}
              onChange={(_, data) => onChange(id, { due: /^\d{4}-\d{2}-\d{2}$/.test(data.value) ? data.value : null })}
            />
          </Field>
        </div>
        <Field label={t('minutes.efforts.status')}>
          <Select
            id={fieldDomId(`efforts.${id}.status`)}
            value={status}
            onChange={(_, data) => onChange(id, { status: data.value as EffortStatus })}
          >
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`minutes.efforts.statuses.${s}`)}
              </option>
            ))}
          </Select>
        </Field>
        <div className={styles.actions}>
          <Button size="small" appearance="subtle" onClick={() => onRemove(id)}>
            {t('minutes.efforts.remove', { n })}
          </Button>
        </div>
      </>
    );
  },
  (before, after) =>
    before.id === after.id &&
    before.goalId === after.goalId &&
    before.ownerId === after.ownerId &&
    before.due === after.due &&
    before.status === after.status &&
    sameSurroundings(before, after),
);

/**
 * One indsats: what, why (→ goal), one owner among the participants (the citizen included), due date, status.
 * Problems show under the field they concern and never stop the typing.
 */
export const EffortRow = memo(
  function EffortRow({ effort, ...surroundings }: EffortRowProps) {
    const { n, problems, lang, onChange } = surroundings;
    const { t } = useTranslation('meeting');
    const styles = useStyles();
    return (
      <div className={styles.row} role="group" aria-label={t('minutes.efforts.label', { n })}>
        <Field label={t('minutes.efforts.what')} {...validationOf(at(problems, effort.id, 'what'), lang)}>
          <GrowingTextarea
            id={fieldDomId(`efforts.${effort.id}.what`)}
            value={effort.what}
            onChange={(_, data) => onChange(effort.id, { what: data.value })}
          />
        </Field>
        <EffortDetails
          id={effort.id}
          goalId={effort.goalId}
          ownerId={effort.ownerId}
          due={effort.due}
          status={effort.status}
          {...surroundings}
        />
      </div>
    );
  },
  (before, after) => before.effort === after.effort && sameSurroundings(before, after),
);
