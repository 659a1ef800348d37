import { PlansApp } from '../surfaces/plans/PlansApp';
import { bootSurface } from './boot';
import { registerNamespaces } from '../ui/i18n/i18n';
import { common } from '../ui/i18n/namespaces/common';
import { shell } from '../ui/i18n/namespaces/shell';
import { plans } from '../ui/i18n/namespaces/plans';
import { booking } from '../ui/i18n/namespaces/booking';
import { privacy } from '../ui/i18n/namespaces/privacy';

// The texts this page shows first; any other namespace is fetched when a component asks for it.
registerNamespaces({ common, shell, plans, booking, privacy });

/** The plans tab: Teams personal tab, Outlook and the Microsoft 365 app (teams-js), or standalone locally. */
bootSurface('plans', (launch) => (
  <PlansApp planId={launch.planId} ask={launch.ask} setup={launch.params.view === 'setup'} />
));
