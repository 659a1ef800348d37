import { ComposeApp } from '../surfaces/compose/ComposeApp';
import { bootSurface } from './boot';
import { StandaloneAppointmentForm } from './compose/StandaloneAppointmentForm';
import { registerNamespaces } from '../ui/i18n/i18n';
import { common } from '../ui/i18n/namespaces/common';
import { shell } from '../ui/i18n/namespaces/shell';
import { compose } from '../ui/i18n/namespaces/compose';
import { privacy } from '../ui/i18n/namespaces/privacy';

// The texts this page shows first; any other namespace is fetched when a component asks for it.
registerNamespaces({ common, shell, compose, privacy });

/** Outlook's task pane. Locally the page also shows the stand-in appointment form the pane writes into. */
bootSurface('compose', (launch) =>
  launch.standaloneAppointment ? (
    <div style={{ display: 'flex', alignItems: 'stretch', minHeight: 'calc(100vh - 40px)' }}>
      <StandaloneAppointmentForm appointment={launch.standaloneAppointment} />
      <div style={{ width: 350, flex: '0 0 350px', borderLeft: '1px solid #d1d1d1' }}>
        <ComposeApp />
      </div>
    </div>
  ) : (
    <ComposeApp />
  ),
);
