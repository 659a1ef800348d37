import { MessageBar, MessageBarBody, Spinner } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { useTranslation } from '../../ui/i18n/useTranslation';
import type { PlanView } from '../../ui/hooks/usePlan';
import { plansFailureText } from './plansFailureText';

export interface PlanNotReadyProps {
  /** What the store gave for the plan, short of the plan itself. */
  view: Exclude<PlanView, { status: 'ready' }>;
  /** The page's own way back (and any other buttons that make sense without the plan), shown above. */
  toolbar: ReactNode;
  className: string;
  /** The tovholder to ask for access, when the link named one. */
  ask?: string | null;
}

/**
 * A plan's page (history, print) while the plan loads, or when it is not there or could not be fetched: the way
 * back stays, and the reason is said plainly, with what to do.
 */
export const PlanNotReady = ({ view, toolbar, className, ask = null }: PlanNotReadyProps) => {
  const { t } = useTranslation('plans');
  return (
    <main className={className}>
      {toolbar}
      {view.status === 'loading' ? (
        <Spinner label={t('history.loading')} />
      ) : (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            {view.status === 'error'
              ? plansFailureText(t, view.failure)
              : ask
                ? t('history.notFoundAsk', { name: ask })
                : t('history.notFound')}
          </MessageBarBody>
        </MessageBar>
      )}
    </main>
  );
};
