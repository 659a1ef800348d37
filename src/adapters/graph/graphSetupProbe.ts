import * as z from 'zod/mini';
import { failure, success, type Outcome } from '../../domain/ports/outcome';
import type { SetupProbe } from '../../domain/ports/setupProbe';
import { SignInRequiredError, type AccessTokenSource } from '../auth/accessTokenSource';
import { GRAPH_SCOPES } from '../auth/graphScopes';
import { query, type GraphClient } from './graphClient';
import { INDEX_NAME } from './graphPlanStore';

/**
 * "Tjek opsætning"'s questions to Microsoft 365. The permissions are read from the user's own access token (its
 * `scp` claim: what the tenant's admin consented to); the rest by asking Graph what a user of the app would.
 */
export interface GraphSetupProbeOptions {
  graph: GraphClient;
  tokenSource: AccessTokenSource;
  containerTypeId: string;
}

const ContainersSchema = z.object({
  value: z.array(z.object({ id: z.string(), displayName: z.string() })),
  '@odata.nextLink': z.nullish(z.string()),
});
const ContainerSchema = z.object({ id: z.string().check(z.minLength(1)) });
const DriveSchema = z.object({ id: z.string() });

/** The `scp` claim of a JWT access token, without checking it (the service does that; this only reads it). */
export const scopesOfToken = (token: string): string[] | null => {
  const payload = token.split('.')[1];
  if (!payload) return null;
  try {
    const json = JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/'))) as { scp?: unknown };
    return typeof json.scp === 'string' ? json.scp.split(' ').filter(Boolean) : null;
  } catch {
    return null;
  }
};

export class GraphSetupProbe implements SetupProbe {
  constructor(private readonly options: GraphSetupProbeOptions) {}

  async grantedScopes(): Promise<Outcome<string[]>> {
    try {
      const token = await this.options.tokenSource.getToken([...GRAPH_SCOPES]);
      const scopes = scopesOfToken(token);
      return scopes ? success(scopes) : failure('invalid', 'noScopes', 'Adgangsnøglen nævner ingen tilladelser.');
    } catch (error) {
      return failure('unauthorized', 'signInRequired', error instanceof Error ? error.message : String(error));
    }
  }

  async listPlaces(): Promise<Outcome<number>> {
    const listed = await this.options.graph.request(
      {
        method: 'GET',
        path: `/storage/fileStorage/containers${query({ $filter: `containerTypeId eq ${this.options.containerTypeId}` })}`,
      },
      ContainersSchema,
    );
    return listed.ok ? success(listed.value.value.filter((c) => c.displayName !== INDEX_NAME).length) : listed;
  }

  async hasOneDrive(): Promise<Outcome<boolean>> {
    const drive = await this.options.graph.request({ method: 'GET', path: '/me/drive' }, DriveSchema);
    if (drive.ok) return success(true);
    return drive.kind === 'notFound' ? success(false) : drive;
  }

  async tryPlace(): Promise<Outcome<void>> {
    const created = await this.options.graph.request(
      {
        method: 'POST',
        path: '/storage/fileStorage/containers',
        headers: { 'Content-Type': 'application/json' },
        body: { displayName: 'Tovholder: prøveplads', containerTypeId: this.options.containerTypeId },
      },
      ContainerSchema,
    );
    if (!created.ok) return created;
    // Removed again at once; an inactive container Microsoft 365 would also remove by itself within a day.
    const removed = await this.options.graph.send({
      method: 'DELETE',
      path: `/storage/fileStorage/containers/${encodeURIComponent(created.value.id)}`,
    });
    return removed.ok ? success(undefined) : removed;
  }

  async partner(tenantId: string): Promise<Outcome<'guest' | 'notGuest'>> {
    try {
      await this.options.tokenSource.getToken([...GRAPH_SCOPES], tenantId);
      return success('guest');
    } catch (error) {
      if (error instanceof SignInRequiredError && error.code === 'notInTenant') return success('notGuest');
      const message = error instanceof Error ? error.message : String(error);
      return failure('unauthorized', error instanceof SignInRequiredError ? error.code : 'signIn', message);
    }
  }
}
