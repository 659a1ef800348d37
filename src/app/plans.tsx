import { PlansApp } from '../surfaces/plans/PlansApp';
import { bootSurface } from './boot';

/** The plans tab: Teams personal tab, Outlook and the Microsoft 365 app (teams-js), or standalone locally. */
bootSurface('plans', (launch) => <PlansApp planId={launch.planId} />);
