import {
  Button,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Radio,
  RadioGroup,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from '../../ui/i18n/useTranslation';
import { valueAt } from '../../domain/plan/mergePlan';
import type { Plan } from '../../domain/plan/planDocument';
import type { Lang } from '../../domain/problems';
import { describeConflict } from './describeConflict';
import { canKeepBoth, type Choice, type OpenConflict } from './planSync';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, padding: tokens.spacingVerticalS },
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
  },
  item: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingVerticalS,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  // Side by side where there is room, stacked in the 320 px side panel.
  versions: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(130px, 1fr))',
    gap: tokens.spacingHorizontalS,
  },
  version: {
    backgroundColor: tokens.colorNeutralBackground2,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingVerticalXS,
    whiteSpace: 'pre-wrap',
    overflowWrap: 'anywhere',
    margin: 0,
  },
  versionTitle: { fontWeight: tokens.fontWeightSemibold, display: 'block' },
});

/**
 * A save met someone else's changes to the same fields: both versions side by side, and the user chooses per field.
 * Everything else was merged already; nothing is overwritten until the choices are saved.
 */
export const ConflictResolver = ({
  open,
  plan,
  lang,
  onResolve,
}: {
  open: OpenConflict;
  plan: Plan;
  lang: Lang;
  onResolve(choices: Choice[]): void;
}) => {
  const { t } = useTranslation('meeting');
  const styles = useStyles();
  const [choices, setChoices] = useState<(Choice | null)[]>(() => open.conflicts.map(() => null));
  const complete = choices.every((c) => c !== null);
  return (
    <section className={styles.root} aria-labelledby="conflict-title">
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle id="conflict-title">{t('conflict.title')}</MessageBarTitle>
          {t('conflict.intro', { count: open.conflicts.length })}
        </MessageBarBody>
      </MessageBar>
      <ol className={styles.list}>
        {open.conflicts.map((clash, i) => {
          // The user may go on typing while deciding: "Din version" is what the field holds now.
          const conflict = { ...clash, mine: valueAt(plan, clash.path) };
          const described = describeConflict(conflict, plan, t, lang);
          const labelId = `conflict-${i}-label`;
          return (
            <li key={i} className={styles.item}>
              <Text weight="semibold" id={labelId}>
                {described.label}
              </Text>
              <div className={styles.versions}>
                <p className={styles.version}>
                  <span className={styles.versionTitle}>{t('conflict.mine')}</span>
                  {described.mine}
                </p>
                <p className={styles.version}>
                  <span className={styles.versionTitle}>{t('conflict.theirs')}</span>
                  {described.theirs}
                </p>
              </div>
              <RadioGroup
                aria-labelledby={labelId}
                value={choices[i] ?? ''}
                onChange={(_, data) =>
                  setChoices((previous) => previous.map((c, n) => (n === i ? (data.value as Choice) : c)))
                }
              >
                <Radio value="mine" label={t('conflict.useMine')} />
                <Radio value="theirs" label={t('conflict.useTheirs')} />
                {canKeepBoth(conflict) && <Radio value="both" label={t('conflict.useBoth')} />}
              </RadioGroup>
            </li>
          );
        })}
      </ol>
      <Button
        appearance="primary"
        disabledFocusable={!complete}
        aria-describedby={complete ? undefined : 'conflict-choose'}
        onClick={() => complete && onResolve(choices as Choice[])}
      >
        {t('conflict.apply')}
      </Button>
      {!complete && (
        <Text id="conflict-choose" size={200}>
          {t('conflict.choose')}
        </Text>
      )}
    </section>
  );
};
