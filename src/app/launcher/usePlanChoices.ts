import { useEffect, useState } from 'react';
import { createSandboxTokenSource } from '../../adapters/auth/sandboxAuth';
import { createGraphClient } from '../../adapters/graph/graphClient';
import { GraphPlanStore } from '../../adapters/graph/graphPlanStore';
import type { AppConfig } from '../config';

export interface PlanChoiceItem {
  planId: string;
  caseReference: string;
}

/**
 * The plans the chosen demo user may open (the same store and the same Microsoft 365 permissions as the app: a
 * user outside a plan's consent is not offered it), for the launcher's plan picker.
 */
export const usePlanChoices = (
  config: AppConfig,
  user: { upn: string; tenantId: string | null } | null,
): PlanChoiceItem[] | null => {
  const [plans, setPlans] = useState<PlanChoiceItem[] | null>(null);
  const upn = user?.upn ?? null;
  const tenantId = user?.tenantId ?? null;
  useEffect(() => {
    if (!upn || !tenantId || !config.sandboxOrigin) return;
    let live = true;
    const tokenSource = createSandboxTokenSource({ sandboxOrigin: config.sandboxOrigin, user: upn });
    const graphFor = (tenant: string) =>
      createGraphClient({ baseUrl: config.graphBaseUrl, tokenSource, tenantId: tenant, maxRetries: 0 });
    const store = new GraphPlanStore({
      graphFor,
      homeTenantId: tenantId,
      containerTypeId: config.containerTypeId,
      legacy: null,
    });
    void store.list().then((outcome) => {
      if (live)
        setPlans(
          outcome.ok
            ? outcome.value.plans.map(({ plan }) => ({ planId: plan.id, caseReference: plan.caseReference }))
            : [],
        );
    });
    return () => {
      live = false;
    };
  }, [config, upn, tenantId]);
  return plans;
};
