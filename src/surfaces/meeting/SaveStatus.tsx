import { Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import { useTranslation } from '../../ui/i18n/useTranslation';
import type { SaveState } from './useMeetingPlan';

const useStyles = makeStyles({
  root: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', minHeight: '24px' },
  failed: { color: tokens.colorPaletteDarkOrangeForeground1 },
});

/** Where the user's words are: saved, about to be, on this device only, or waiting for a choice. Polite live region. */
export const SaveStatus = ({ state, onSaveNow }: { state: SaveState; onSaveNow(): void }) => {
  const { t } = useTranslation('meeting');
  const styles = useStyles();
  return (
    <div className={styles.root}>
      <Text size={200} role="status" aria-live="polite" className={state === 'failed' ? styles.failed : undefined}>
        {t(`save.${state}`)}
      </Text>
      {state === 'failed' && (
        <Button size="small" onClick={onSaveNow}>
          {t('save.saveNow')}
        </Button>
      )}
    </div>
  );
};
