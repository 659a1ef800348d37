import { Text } from '@fluentui/react-components';
import { useTranslation } from '../../ui/i18n/useTranslation';
import { useMeetingSession } from './MeetingContext';

/** "Du er mødeleder", "Du er referent", or "Du læser med": what this panel lets the user do. */
export const YourRole = () => {
  const { t } = useTranslation('meeting');
  const { me, myRoles } = useMeetingSession();
  if (!me) return <Text size={200}>{t('you.notParticipant')}</Text>;
  if (myRoles.length === 0) return <Text size={200}>{t('you.reader')}</Text>;
  return <Text size={200}>{myRoles.map((role) => t(`you.${role}`)).join(' · ')}</Text>;
};
