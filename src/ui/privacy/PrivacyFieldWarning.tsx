import { makeStyles, Text, tokens } from '@fluentui/react-components';
import { useTranslation } from '../i18n/useTranslation';
import type { Problem } from '../../domain/problems';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    marginTop: tokens.spacingVerticalXXS,
  },
  line: {
    display: 'flex',
    alignItems: 'flex-start',
    gap: tokens.spacingHorizontalXS,
    color: tokens.colorNeutralForeground1,
  },
  icon: {
    color: tokens.colorStatusWarningForeground3,
    fontWeight: tokens.fontWeightSemibold,
    lineHeight: tokens.lineHeightBase200,
    flexShrink: 0,
  },
  hidden: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
  },
});

export interface PrivacyFieldWarningProps {
  /** The id the field points at with `aria-describedby` (from usePrivacyWarning). */
  id: string;
  problems: readonly Problem[];
}

/**
 * A calm inline warning under a field that will leave the plan, shown while the user types. The live region is
 * always in the page (empty when all is well), so a screen reader announces a warning when it appears and
 * nothing else; it never takes the focus and never blocks typing.
 */
export const PrivacyFieldWarning = ({ id, problems }: PrivacyFieldWarningProps) => {
  const { t, i18n } = useTranslation('privacy');
  const styles = useStyles();
  const lang = i18n.language?.startsWith('en') ? 'en' : 'da';
  return (
    <div id={id} role="status" aria-live="polite" aria-atomic="true" className={styles.root}>
      {problems.map((p) => (
        <div key={`${p.code}:${p.field ?? ''}`} className={styles.line} data-problem={p.code}>
          <span aria-hidden="true" className={styles.icon}>
            ⚠
          </span>
          <Text size={200}>
            <span className={styles.hidden}>{t('warningPrefix')} </span>
            {p.message[lang]}
          </Text>
        </div>
      ))}
    </div>
  );
};
