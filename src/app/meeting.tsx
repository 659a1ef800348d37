import { lazy, useEffect, useState } from 'react';
import type { TabConfigurator } from '../adapters/teams/teamsTabConfig';
import { MeetingApp } from '../surfaces/meeting/MeetingApp';
import { OnDemand } from '../ui/lazy/OnDemand';
import { bootSurface } from './boot';
import { registerNamespaces } from '../ui/i18n/i18n';
import { common } from '../ui/i18n/namespaces/common';
import { shell } from '../ui/i18n/namespaces/shell';
import { meeting } from '../ui/i18n/namespaces/meeting';

// The configuration page is opened once, when the tab is added: it never weighs on the side panel's first load.
const TabConfigPage = lazy(() =>
  import(/* webpackChunkName: "tab-config-page" */ './meeting/TabConfigPage').then((m) => ({
    default: m.TabConfigPage,
  })),
);

/** In Teams, the configuration page talks to Teams' Save button; loaded only on that page. */
const TeamsTabConfig = () => {
  const [configurator, setConfigurator] = useState<TabConfigurator | null>(null);
  useEffect(() => {
    void import(/* webpackChunkName: "tab-config" */ '../adapters/teams/teamsTabConfig').then((m) =>
      setConfigurator(m.createTeamsTabConfigurator()),
    );
  }, []);
  return <TabConfigPage configurator={configurator} />;
};

// The texts this page shows first; any other namespace is fetched when a component asks for it.
registerNamespaces({ common, shell, meeting });

/** The meeting surface: details tab, side panel and stage (the host tells the frame), and the tab's config page. */
bootSurface('meeting', (launch) => {
  if (launch.params.view === 'config')
    return (
      <OnDemand style={{ padding: 24 }}>
        {launch.hostKind === 'teams' ? <TeamsTabConfig /> : <TabConfigPage configurator={null} />}
      </OnDemand>
    );
  return <MeetingApp planId={launch.planId} ask={launch.ask} />;
});
