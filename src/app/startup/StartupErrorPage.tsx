import { Button, Link, MessageBar, MessageBarBody } from '@fluentui/react-components';
import { useTranslation } from '../../ui/i18n/useTranslation';
import type { AppConfig } from '../config';
import type { StartupProblem } from '../createServices';
import { OnDemand } from '../../ui/lazy/OnDemand';
import { DemoUserPicker } from './DemoUserPicker';

/** A calm Danish explanation of why the page could not start, and what to do. */
export const StartupErrorPage = ({
  problem,
  config,
  href,
}: {
  problem: StartupProblem;
  config: AppConfig | null;
  href: string;
}) => {
  const { t } = useTranslation('shell');
  if (problem.kind === 'noUser' && config?.sandboxOrigin)
    return (
      // The picker speaks the launcher's texts, which a surface's page fetches only now.
      <OnDemand style={{ padding: 24 }}>
        <DemoUserPicker sandboxOrigin={config.sandboxOrigin} href={href} />
      </OnDemand>
    );
  const message = (() => {
    switch (problem.kind) {
      case 'params':
        return t('startup.params', { param: problem.param, value: problem.value });
      case 'config':
        return t('startup.config', { detail: problem.detail });
      case 'sandbox':
        return t('startup.sandbox', { origin: problem.origin });
      case 'unknownUser':
        return t('startup.unknownUser', { user: problem.user });
      case 'host':
        return t('startup.host');
      case 'signIn':
        return t('startup.signIn');
      case 'network':
        return t('startup.network');
      case 'noUser':
        return t('startup.unknownUser', { user: '' });
    }
  })();
  const detail = 'detail' in problem ? problem.detail : null;
  const local = config === null || config.backend === 'sandbox';
  return (
    <main style={{ padding: 16, maxWidth: 640 }}>
      <h1 style={{ fontSize: 20, margin: '0 0 12px' }}>{t('startup.title')}</h1>
      <MessageBar intent="error" layout="multiline" role="alert">
        <MessageBarBody>{message}</MessageBarBody>
      </MessageBar>
      <div style={{ display: 'flex', gap: 12, alignItems: 'center', marginTop: 12 }}>
        <Button appearance="primary" onClick={() => window.location.reload()}>
          {t('startup.retry')}
        </Button>
        {local && <Link href="/">{t('startup.backToLauncher')}</Link>}
      </div>
      {detail && (
        <details style={{ marginTop: 16 }}>
          <summary>{t('startup.technical')}</summary>
          <pre style={{ whiteSpace: 'pre-wrap' }}>{detail}</pre>
        </details>
      )}
    </main>
  );
};
