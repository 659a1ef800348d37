import { Badge, Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from '../../../ui/i18n/useTranslation';
import type { EffortStatus } from '../../../domain/plan/planDocument';
import type { MyEffort } from '../../../domain/plans/myWork';
import { formatDayWithYear } from '../dates';
import { useLang } from '../useLang';
import type { EffortSave } from './useEffortStatus';

const useStyles = makeStyles({
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
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalM,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  overdue: { borderLeft: `4px solid ${tokens.colorPaletteRedBorder2}` },
  meta: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalS,
    alignItems: 'center',
    color: tokens.colorNeutralForeground2,
  },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

export interface MyEffortsListProps {
  efforts: readonly MyEffort[];
  save: EffortSave;
  onMark(effort: MyEffort, status: EffortStatus): void;
}

/** Mine indsatser: open efforts across plans, overdue first, each with "I gang" and "Udført". */
export const MyEffortsList = ({ efforts, save, onMark }: MyEffortsListProps) => {
  const { t } = useTranslation('plans');
  const lang = useLang();
  const styles = useStyles();
  if (efforts.length === 0) return <Text>{t('efforts.none')}</Text>;
  return (
    <ul className={styles.list} aria-labelledby="my-efforts-heading">
      {efforts.map((item) => {
        const { effort } = item;
        const busy = save.status === 'saving' && save.effortId === effort.id;
        return (
          <li
            key={`${item.planId}:${effort.id}`}
            className={item.overdue ? `${styles.item} ${styles.overdue}` : styles.item}
          >
            <Text weight="semibold">{effort.what}</Text>
            <span className={styles.meta}>
              <Text size={200}>{t('efforts.inPlan', { caseReference: item.caseReference })}</Text>
              <Text size={200}>
                {effort.due ? t('efforts.due', { date: formatDayWithYear(effort.due, lang) }) : t('efforts.noDue')}
              </Text>
              {item.overdue && (
                <Badge color="danger" appearance="filled">
                  {t('efforts.overdue')}
                </Badge>
              )}
              <Text size={200}>{t('efforts.status', { status: t(`efforts.statuses.${effort.status}`) })}</Text>
            </span>
            <span className={styles.actions}>
              {effort.status !== 'iGang' && (
                <Button
                  size="small"
                  disabled={busy}
                  aria-label={t('efforts.markOngoingLabel', { what: effort.what })}
                  onClick={() => onMark(item, 'iGang')}
                >
                  {t('efforts.markOngoing')}
                </Button>
              )}
              <Button
                size="small"
                appearance="primary"
                disabled={busy}
                aria-label={t('efforts.markDoneLabel', { what: effort.what })}
                onClick={() => onMark(item, 'udfoert')}
              >
                {t('efforts.markDone')}
              </Button>
            </span>
          </li>
        );
      })}
    </ul>
  );
};
