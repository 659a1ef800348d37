import { useEffect, useState } from 'react';
import { createSandboxTokenSource } from '../../adapters/auth/sandboxAuth';
import { createGraphClient } from '../../adapters/graph/graphClient';
import { GraphPlanStore } from '../../adapters/graph/graphPlanStore';
import type { AppConfig } from '../config';

export interface PlanChoiceItem {
  planId: string;
  caseReference: string;
}

/** The plans the chosen demo user can see in the sandbox's plan library, for the launcher's plan picker. */
export const usePlanChoices = (config: AppConfig, user: string | null): PlanChoiceItem[] | null => {
  const [plans, setPlans] = useState<PlanChoiceItem[] | null>(null);
  useEffect(() => {
    if (!user || !config.sandboxOrigin) return;
    let live = true;
    const graph = createGraphClient({
      baseUrl: config.graphBaseUrl,
      tokenSource: createSandboxTokenSource({ sandboxOrigin: config.sandboxOrigin, user }),
      maxRetries: 0,
    });
    void new GraphPlanStore(graph, { driveId: config.driveId, folder: config.plansFolder }).list().then((outcome) => {
      if (live)
        setPlans(outcome.ok ? outcome.value.map(({ planId, caseReference }) => ({ planId, caseReference })) : []);
    });
    return () => {
      live = false;
    };
  }, [config, user]);
  return plans;
};
