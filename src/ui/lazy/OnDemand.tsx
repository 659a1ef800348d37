import { Button, MessageBar, MessageBarBody, MessageBarTitle, Spinner } from '@fluentui/react-components';
import { Component, Suspense, type ReactNode } from 'react';
import { useTranslation } from '../i18n/useTranslation';

/**
 * webpack names a chunk that did not arrive `ChunkLoadError`; a browser's own `import()` (tests, dev tools)
 * says "Failed to fetch dynamically imported module".
 */
export const isLoadFailure = (error: unknown): boolean =>
  error instanceof Error &&
  (error.name === 'ChunkLoadError' || /dynamically imported module|loading (css )?chunk/i.test(error.message));

const LoadFailed = () => {
  const { t } = useTranslation('shell');
  return (
    <div role="alert" style={{ padding: 8 }}>
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{t('onDemand.failedTitle')}</MessageBarTitle>
          {t('onDemand.failedBody')}
        </MessageBarBody>
      </MessageBar>
      {/* React keeps a lazy component's failed load, so "try again" is a reload (the draft is in the tab). */}
      <Button appearance="primary" style={{ marginTop: 8 }} onClick={() => window.location.reload()}>
        {t('onDemand.retry')}
      </Button>
    </div>
  );
};

/** Catches only a failed load; any other error goes on to the shell's own boundary. */
class LoadFailureBoundary extends Component<{ children: ReactNode }, { error: unknown }> {
  override state: { error: unknown } = { error: null };

  static getDerivedStateFromError(error: unknown): { error: unknown } {
    return { error };
  }

  override render(): ReactNode {
    if (this.state.error === null) return this.props.children;
    if (!isLoadFailure(this.state.error)) throw this.state.error;
    return <LoadFailed />;
  }
}

export interface OnDemandProps {
  children: ReactNode;
  /** The spinner's accessible label; default "Henter …". */
  label?: string;
  size?: 'tiny' | 'extra-small' | 'small' | 'medium';
  style?: React.CSSProperties;
}

/**
 * Where a part of a page loads on demand (`React.lazy`): a labelled spinner while it comes, and if it cannot be
 * fetched, a Danish message with "Prøv igen" instead of a blank frame.
 */
export const OnDemand = ({ children, label, size = 'small', style }: OnDemandProps) => {
  const { t } = useTranslation('shell');
  return (
    <LoadFailureBoundary>
      <Suspense fallback={<Spinner size={size} style={style} label={label ?? t('onDemand.loading')} />}>
        {children}
      </Suspense>
    </LoadFailureBoundary>
  );
};
