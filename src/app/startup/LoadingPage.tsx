import { Spinner } from '@fluentui/react-components';
import { useTranslation } from '../../ui/i18n/useTranslation';

/** Shown while the page signs in and reads its context: never a blank frame. */
export const LoadingPage = () => {
  const { t } = useTranslation('shell');
  return (
    <div style={{ padding: 24 }}>
      <Spinner size="small" labelPosition="after" label={t('loading')} />
    </div>
  );
};
