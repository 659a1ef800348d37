/**
 * "Tjek opsætning" against the sandbox: each thing an admin may not have set up yet — a permission not consented,
 * the container type not registered, external access off, no guest account yet — turned off in the sandbox's tenant
 * settings, then seen by the real probe and worded by setupReport.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SandboxTokenSource } from '../../../src/adapters/auth/sandboxAuth';
import { GraphSetupProbe } from '../../../src/adapters/graph/graphSetupProbe';
import { SANDBOX_CONTAINER_TYPE_ID } from '../../../src/app/config';
import { setupReport, type SetupObservations } from '../../../src/domain/setup/setupReport';
import { HOME_TENANT, REGION_TENANT } from '../../../sandbox/demoTenant';
import { startSandbox, type RunningSandbox } from '../../support/sandboxProcess';
import { graphAs, upn } from '../graph/graphSandbox';

let sandbox: RunningSandbox;
let defaults: Record<string, unknown>[] = [];

const tenants = async (): Promise<Record<string, unknown>[]> => {
  const response = await fetch(`${sandbox.origin}/_sandbox/tenants`);
  const body = (await response.json()) as { tenants?: Record<string, unknown>[]; value?: Record<string, unknown>[] };
  return body.tenants ?? body.value ?? [];
};

const setTenant = async (tenantId: string, settings: Record<string, unknown>) => {
  const response = await fetch(`${sandbox.origin}/_sandbox/tenants/${tenantId}`, {
    method: 'PATCH',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(settings),
  });
  if (!response.ok) throw new Error(`tenant settings: ${response.status} ${await response.text()}`);
};

beforeAll(async () => {
  sandbox = await startSandbox();
  defaults = await tenants();
});
afterAll(async () => {
  await sandbox?.stop();
});
/** The settings an admin changes (GET /_sandbox/tenants also shows the tenant's guests and containers). */
const SETTINGS = [
  'containerTypeRegistered',
  'grantedScopes',
  'b2bInbound',
  'b2bOutbound',
  'allowInvitesFrom',
  'autoRedeem',
  'sharingCapability',
  'isSharingRestricted',
];
afterEach(async () => {
  // Each tenant back as it was seeded.
  for (const tenant of defaults) {
    const settings = Object.fromEntries(Object.entries(tenant).filter(([key]) => SETTINGS.includes(key)));
    await setTenant(String(tenant.id), settings);
  }
});

/** What the setup page observes, as the signed-in user, with the region as the partner. */
const observe = async (user: string): Promise<SetupObservations> => {
  const probe = new GraphSetupProbe({
    graph: graphAs(sandbox, user),
    tokenSource: new SandboxTokenSource({ sandboxOrigin: sandbox.origin, user }),
    containerTypeId: SANDBOX_CONTAINER_TYPE_ID,
  });
  const [scopes, places, oneDrive, tryPlace, partner] = await Promise.all([
    probe.grantedScopes(),
    probe.listPlaces(),
    probe.hasOneDrive(),
    probe.tryPlace(),
    probe.partner(REGION_TENANT.id),
  ]);
  return {
    scopes,
    places,
    oneDrive,
    tryPlace,
    partners: [{ tenantId: REGION_TENANT.id, name: REGION_TENANT.displayName, outcome: partner }],
    legacyLeft: null,
  };
};

const stateOf = (o: SetupObservations, key: string) => setupReport(o).find((f) => f.key === key)?.state;

describe('Tjek opsætning against the sandbox', () => {
  it('finds a tenant set up as the README says in order (Mette is a guest in the region)', async () => {
    const o = await observe(upn.mette);
    expect(setupReport(o).filter((f) => f.state === 'missing')).toEqual([]);
    expect(o.places).toMatchObject({ ok: true });
    expect(o.partners[0]?.outcome).toEqual({ ok: true, value: 'guest' });
  });

  it('names the permission the admin has not consented to', async () => {
    const granted = (defaults.find((t) => t.id === HOME_TENANT.id)?.grantedScopes as string[] | undefined) ?? [];
    await setTenant(HOME_TENANT.id, { grantedScopes: granted.filter((s) => s !== 'FileStorageContainer.Selected') });
    const o = await observe(upn.mette);
    expect(stateOf(o, 'scopes')).toBe('missing');
    expect(setupReport(o).find((f) => f.key === 'scopes')?.detail.da).toContain('FileStorageContainer.Selected');
    // And without it Microsoft 365 refuses the plans' storage: the app is not allowed there.
    expect(o.places).toMatchObject({ ok: false, status: 403 });
  });

  it('says the storage is not registered in this tenant yet', async () => {
    await setTenant(HOME_TENANT.id, { containerTypeRegistered: false });
    const o = await observe(upn.mette);
    expect(o.tryPlace).toMatchObject({ ok: false, status: 403 });
    expect(stateOf(o, 'storage')).toBe('missing');
  });

  it('says external access is off when the partner’s cross-tenant settings block us', async () => {
    await setTenant(REGION_TENANT.id, { b2bInbound: false });
    const o = await observe(upn.mette);
    expect(stateOf(o, `partner:${REGION_TENANT.id}`)).toBe('missing');
  });

  it('only informs when the user is not a guest in the partner tenant yet', async () => {
    const o = await observe(upn.mikkel);
    expect(o.partners[0]?.outcome).toEqual({ ok: true, value: 'notGuest' });
    expect(stateOf(o, `partner:${REGION_TENANT.id}`)).toBe('info');
  });
});
