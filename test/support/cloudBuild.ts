import type { BuildConfig } from '../../src/app/config';

/** A production build's configuration (Graph backend, a tenant's client and Teams app ids), for composition tests. */
export const cloudBuild: BuildConfig = {
  backend: 'graph',
  sandboxOrigin: null,
  tenantId: null,
  plansFolder: 'Tovholder/plans',
  cardDetail: 'summary',
  pinTab: true,
  clientId: '3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f',
  teamsAppId: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
  domain: 'tovholder.sundby-kommune.example',
  containerTypeId: '6c0f3c8e-1d2b-4e5f-9a7b-3c4d5e6f7a8b',
  partnerTenants: '',
  driveId: 'drive-tovholder',
};
