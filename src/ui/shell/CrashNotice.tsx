import { Button, MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { useTranslation } from '../i18n/useTranslation';

/** Shown by the shell's error boundary: the draft is in session storage, so a reload loses nothing. */
export const CrashNotice = () => {
  const { t } = useTranslation('shell');
  return (
    <div role="alert" style={{ padding: 16 }}>
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{t('crashed.title')}</MessageBarTitle>
          {t('crashed.body')}
        </MessageBarBody>
      </MessageBar>
      <Button appearance="primary" style={{ marginTop: 12 }} onClick={() => window.location.reload()}>
        {t('crashed.reload')}
      </Button>
    </div>
  );
};
