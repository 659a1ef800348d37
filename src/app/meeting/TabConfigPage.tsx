import { Field, Link, MessageBar, MessageBarBody, Select, Spinner, Text } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { useTranslation } from '../../ui/i18n/useTranslation';
import type { TabConfigurator } from '../../adapters/teams/teamsTabConfig';
import { clearUrl } from '../../domain/privacy/privacyGuard';
import { copenhagenDate } from '../../domain/time/danishTime';
import { usePlans } from '../../ui/hooks/usePlans';
import { useServices } from '../../ui/services/ServicesContext';

/**
 * The meeting tab's configuration page: pick the plan, and Teams' Save adds the tab showing that plan's meeting.
 * Locally there is no Save button of Teams', so the page links to the tab it would add.
 */
export const TabConfigPage = ({ configurator }: { configurator: TabConfigurator | null }) => {
  const { t } = useTranslation('shell');
  const { location, policy, clock } = useServices();
  const plans = usePlans();
  const [planId, setPlanId] = useState('');
  const chosen = plans.status === 'ready' ? plans.plans.find((p) => p.plan.id === planId) : undefined;
  const url = chosen
    ? clearUrl(`${location.appBaseUrl}/meeting.html?planId=${encodeURIComponent(chosen.plan.id)}`, {
        plan: chosen.plan,
        policy,
        today: copenhagenDate(clock.now()),
      })
    : null;
  const cleared = url && url.verdict !== 'blocked' ? url.cleared : null;

  useEffect(() => {
    if (!configurator) return;
    configurator.choose(
      chosen && cleared
        ? { planId: chosen.plan.id, contentUrl: cleared, websiteUrl: cleared, displayName: 'Tovholder' }
        : null,
    );
  }, [configurator, chosen, cleared]);

  return (
    <main style={{ padding: 16, maxWidth: 480, display: 'flex', flexDirection: 'column', gap: 12 }}>
      <h1 style={{ fontSize: 20, margin: 0 }}>{t('tabConfig.title')}</h1>
      <Text>{t('tabConfig.intro')}</Text>
      {plans.status === 'loading' && <Spinner size="tiny" />}
      {plans.status === 'error' && (
        <MessageBar intent="error">
          <MessageBarBody>{t('tabConfig.failed', { message: plans.failure.message })}</MessageBarBody>
        </MessageBar>
      )}
      {plans.status === 'ready' && plans.plans.length === 0 && <Text>{t('tabConfig.noPlans')}</Text>}
      {plans.status === 'ready' && plans.plans.length > 0 && (
        <Field label={t('tabConfig.plan')}>
          <Select value={planId} onChange={(_, data) => setPlanId(data.value)}>
            <option value="">{t('tabConfig.choose')}</option>
            {plans.plans.map(({ plan }) => (
              <option key={plan.id} value={plan.id}>
                {plan.caseReference}
              </option>
            ))}
          </Select>
        </Field>
      )}
      {chosen && configurator && <Text>{t('tabConfig.ready')}</Text>}
      {chosen && !configurator && (
        <Link href={`${window.location.pathname}?${localTabParams(chosen.plan.id)}`}>{t('tabConfig.openLocal')}</Link>
      )}
    </main>
  );
};

/** Locally: the same page as the tab would open, keeping the demo user and look. */
const localTabParams = (planId: string): string => {
  const params = new URLSearchParams(window.location.search);
  params.delete('view');
  params.set('planId', planId);
  return params.toString();
};
