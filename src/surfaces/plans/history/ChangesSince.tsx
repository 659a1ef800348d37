import { makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from '../../../ui/i18n/useTranslation';
import type { Plan } from '../../../domain/plan/planDocument';
import type { MinutesDiff } from '../../../domain/plans/history';
import { formatDayWithYear } from '../dates';
import { useLang } from '../useLang';

const useStyles = makeStyles({
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXL },
});

/** "Ændret siden mødet før": goals and efforts added, dropped or changed, and the next tovholder and date. */
export const ChangesSince = ({ plan, diff }: { plan: Plan; diff: MinutesDiff }) => {
  const { t } = useTranslation('plans');
  const lang = useLang();
  const styles = useStyles();
  if (diff.unchanged) return <p>{t('history.noChanges')}</p>;
  const name = (id: string | null) => plan.participants.find((p) => p.id === id)?.name ?? t('minutes.nobody');
  const day = (d: string | null) => (d ? formatDayWithYear(d, lang) : t('minutes.noDate'));
  const lines: string[] = [
    ...diff.goals.added.map((g) => t('history.diff.goalAdded', { text: g.text })),
    ...diff.goals.removed.map((g) => t('history.diff.goalRemoved', { text: g.text })),
    ...diff.goals.reworded.map((g) => t('history.diff.goalReworded', { from: g.from, to: g.to })),
    ...(diff.goals.reordered ? [t('history.diff.goalsReordered')] : []),
    ...diff.efforts.added.map((e) => t('history.diff.effortAdded', { what: e.what, owner: name(e.ownerId) })),
    ...diff.efforts.removed.map((e) => t('history.diff.effortRemoved', { what: e.what })),
    ...diff.efforts.changed.flatMap((c) => [
      ...(c.text ? [t('history.diff.effortText', { from: c.text.from, to: c.text.to })] : []),
      ...(c.owner
        ? [t('history.diff.effortOwner', { what: c.what, from: name(c.owner.from), to: name(c.owner.to) })]
        : []),
      ...(c.due ? [t('history.diff.effortDue', { what: c.what, from: day(c.due.from), to: day(c.due.to) })] : []),
      ...(c.status
        ? [
            t('history.diff.effortStatus', {
              what: c.what,
              from: t(`efforts.statuses.${c.status.from}`),
              to: t(`efforts.statuses.${c.status.to}`),
            }),
          ]
        : []),
      ...(c.goal ? [t('history.diff.effortGoal', { what: c.what })] : []),
    ]),
    ...(diff.nextTovholder
      ? [t('history.diff.nextTovholder', { from: name(diff.nextTovholder.from), to: name(diff.nextTovholder.to) })]
      : []),
    ...(diff.nextMeetingBy
      ? [t('history.diff.nextMeetingBy', { from: day(diff.nextMeetingBy.from), to: day(diff.nextMeetingBy.to) })]
      : []),
    ...(diff.acceptance
      ? [
          t('history.diff.acceptance', {
            from: t(`minutes.acceptances.${diff.acceptance.from}`),
            to: t(`minutes.acceptances.${diff.acceptance.to}`),
          }),
        ]
      : []),
  ];
  return (
    <ul className={styles.list}>
      {lines.map((line, i) => (
        <li key={i}>{line}</li>
      ))}
    </ul>
  );
};
