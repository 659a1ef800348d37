import {
  Link,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useTranslation } from '../../ui/i18n/useTranslation';
import type { Lang, Problem } from '../../domain/problems';

const useStyles = makeStyles({
  warnings: { marginBlockStart: tokens.spacingVerticalS },
  list: {
    margin: 0,
    paddingInlineStart: '1.2em',
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
  },
});

/**
 * What stands between the minutes and "Send referat": each error with a link to its field (`onGoTo` opens the
 * place and focuses it). Warnings are listed apart and never block.
 */
export const ProblemsToFix = ({
  id,
  problems,
  lang,
  onGoTo,
  canGoTo,
}: {
  id: string;
  problems: readonly Problem[];
  lang: Lang;
  onGoTo(field: string): void;
  canGoTo(field: string): boolean;
}) => {
  const { t } = useTranslation('meeting');
  const styles = useStyles();
  const errors = problems.filter((p) => p.severity === 'error');
  const warnings = problems.filter((p) => p.severity === 'warning');
  const item = (p: Problem, i: number) => (
    <li key={`${p.code}-${p.field ?? ''}-${i}`}>
      {p.field && canGoTo(p.field) ? (
        <Link
          href={`#${p.field}`}
          onClick={(event) => {
            event.preventDefault();
            onGoTo(p.field as string);
          }}
        >
          {p.message[lang]}
        </Link>
      ) : (
        <Text>{p.message[lang]}</Text>
      )}
    </li>
  );
  return (
    <div id={id}>
      {errors.length > 0 && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t('problems.heading', { count: errors.length })}</MessageBarTitle>
            <ul className={styles.list}>{errors.map(item)}</ul>
          </MessageBarBody>
        </MessageBar>
      )}
      {warnings.length > 0 && (
        // Warnings never block; folded away so the errors that do stand out.
        <details className={styles.warnings}>
          <summary>
            <Text weight="semibold">{t('problems.warningsCount', { count: warnings.length })}</Text>
          </summary>
          <ul className={styles.list}>{warnings.map(item)}</ul>
        </details>
      )}
    </div>
  );
};
