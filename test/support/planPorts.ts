import { SandboxTokenSource } from '../../src/adapters/auth/sandboxAuth';
import { GraphClient, type GraphCall, type GraphClientOptions } from '../../src/adapters/graph/graphClient';
import { GraphLegacyPlanLibrary } from '../../src/adapters/graph/graphLegacyPlanLibrary';
import { GraphPlanAccess } from '../../src/adapters/graph/graphPlanAccess';
import { GraphPlanStore } from '../../src/adapters/graph/graphPlanStore';
import { SANDBOX_CONTAINER_TYPE_ID } from '../../src/app/config';
import { HOME_TENANT, REGION_TENANT, stableGuid } from '../../sandbox/demoTenant';

/**
 * The plan ports against a running sandbox, composed as createServices composes them, for the integration, UI and
 * benchmark code that stores plans of its own.
 */

/** A GraphClient that tells of each request it sends (retries inside one send count once). */
class CountingGraphClient extends GraphClient {
  constructor(
    private readonly onSend: (call: GraphCall | { method: 'GET'; path: string }) => void,
    options: GraphClientOptions,
  ) {
    super(options);
  }
  override send(call: GraphCall) {
    this.onSend(call);
    return super.send(call);
  }
  override download(url: string) {
    this.onSend({ method: 'GET', path: url });
    return super.download(url);
  }
}

/** The tenant a demo user belongs to (by their address's domain). */
export const homeTenantOf = (user: string): string =>
  user.toLowerCase().endsWith(`@${REGION_TENANT.domain}`) ? REGION_TENANT.id : HOME_TENANT.id;

/**
 * The plan ports as the app composes them (createServices): one client per tenant the user acts in, their own and
 * each other organisation's as a guest, and the old library while one is configured.
 */
export const plansAs = (
  sandbox: { origin: string },
  user: string,
  options: {
    legacy?: boolean;
    client?: Partial<GraphClientOptions>;
    /** Told of every request (and download) the plan ports send: their round trips, apart from the rest. */
    onSend?: (call: GraphCall | { method: 'GET'; path: string }) => void;
  } = {},
) => {
  const tokenSource = new SandboxTokenSource({ sandboxOrigin: sandbox.origin, user });
  const clients = new Map<string, GraphClient>();
  const homeTenantId = homeTenantOf(user);
  const graphFor = (tenantId: string): GraphClient => {
    const key = tenantId.toLowerCase();
    let client = clients.get(key);
    if (!client) {
      client = new CountingGraphClient(options.onSend ?? (() => undefined), {
        baseUrl: sandbox.origin,
        tokenSource,
        ...(key === homeTenantId ? {} : { tenantId: key }),
        retryDelaySeconds: 0.05,
        timeoutMs: 5000,
        ...options.client,
      });
      clients.set(key, client);
    }
    return client;
  };
  const legacy =
    options.legacy === false
      ? null
      : new GraphLegacyPlanLibrary(graphFor(homeTenantId), { driveId: 'drive-tovholder', folder: 'Tovholder/plans' });
  return {
    homeTenantId,
    graph: graphFor(homeTenantId),
    graphFor,
    legacy,
    planStore: new GraphPlanStore({ graphFor, homeTenantId, containerTypeId: SANDBOX_CONTAINER_TYPE_ID, legacy }),
    planAccess: new GraphPlanAccess({ graphFor, appBaseUrl: 'https://tovholder.example' }),
  };
};

/**
 * A new plan's place, made by `owner` (its principal owner) with roles for others, as booking and the access sync
 * would leave it: returns the plan id. For tests that store a plan of their own.
 */
export const aPlanPlace = async (
  sandbox: { origin: string },
  owner: string,
  caseReference: string,
  roles: { user: string; role: 'reader' | 'writer' | 'manager' | 'owner' }[] = [],
): Promise<string> => {
  const ports = plansAs(sandbox, owner, { legacy: false });
  const reserved = await ports.planStore.reserve(caseReference);
  if (!reserved.ok) throw new Error(`no place for ${caseReference}: ${reserved.message}`);
  const containerId = reserved.value.split('~')[1] ?? '';
  for (const { user, role } of roles) {
    const given = await ports.graph.send({
      method: 'POST',
      path: `/storage/fileStorage/containers/${encodeURIComponent(containerId)}/permissions`,
      headers: { 'Content-Type': 'application/json' },
      body: { roles: [role], grantedToV2: { user: { userPrincipalName: user } } },
    });
    if (!given.ok) throw new Error(`could not give ${user} ${role}: ${given.message}`);
  }
  return reserved.value;
};

/** A test participant as the people picker would give them from the sandbox: with the directory's real object id. */
export const inSandbox = <T extends { email: string | null; userId: string | null; reach: string }>(person: T): T =>
  person.reach !== 'emailOnly' && person.email ? { ...person, userId: stableGuid(`user:${person.email}`) } : person;
