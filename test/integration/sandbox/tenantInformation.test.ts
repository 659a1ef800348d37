import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../support/sandboxProcess';
import { HOME_TENANT_ID, REGION_TENANT_ID, USERS, signIn, tool, type Call, type GraphErrorShape } from './graphCall';

/** GET /tenantRelationships/findTenantInformationByDomainName: which Microsoft 365 tenant an e-mail domain belongs to. */

interface TenantInformation {
  '@odata.context': string;
  tenantId: string;
  displayName: string;
  defaultDomainName: string;
  federationBrandName: string | null;
}

interface BatchResponse {
  id: string;
  status: number;
  body?: Partial<TenantInformation> & Partial<GraphErrorShape>;
}

let sandbox: RunningSandbox;
let mette: Call;

beforeAll(async () => {
  sandbox = await startSandbox();
  mette = await signIn(sandbox, USERS.mette);
});

afterAll(async () => {
  await sandbox?.stop();
});

const byDomain = (domainName: string): string =>
  `/tenantRelationships/findTenantInformationByDomainName(domainName='${domainName}')`;

describe('finding the tenant of an e-mail domain', () => {
  it("answers the region's domain with its tenant id and name, in Graph's tenantInformation shape", async () => {
    const reply = await mette<TenantInformation>('GET', byDomain('regionms.example'));
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({
      '@odata.context': `${sandbox.graphUrl}/$metadata#microsoft.graph.tenantInformation`,
      tenantId: REGION_TENANT_ID,
      federationBrandName: null,
      displayName: 'Region Midtsjælland',
      defaultDomainName: 'regionms.example',
    });
  });

  it("answers the caller's own domain too, whatever the case of the name", async () => {
    const reply = await mette<TenantInformation>('GET', byDomain('Sundby-Kommune.EXAMPLE'));
    expect(reply.body).toMatchObject({ tenantId: HOME_TENANT_ID, displayName: 'Sundby Kommune' });
  });

  it('reads the call with its parentheses and quotes percent-encoded, as some clients send it', async () => {
    const reply = await mette<TenantInformation>(
      'GET',
      '/tenantRelationships/findTenantInformationByDomainName%28domainName=%27regionms.example%27%29',
    );
    expect(reply.status).toBe(200);
    expect(reply.body.tenantId).toBe(REGION_TENANT_ID);
  });

  it('reads the domain from a parameter alias', async () => {
    const reply = await mette<TenantInformation>(
      'GET',
      `/tenantRelationships/findTenantInformationByDomainName(domainName=@d)?@d=${encodeURIComponent("'regionms.example'")}`,
    );
    expect(reply.body.tenantId).toBe(REGION_TENANT_ID);
  });

  it('says 404 with a Graph error for a domain of no tenant (the GP and the citizen have e-mail only)', async () => {
    for (const domain of ['laegehuset-sundby.example', 'post.example', "o''hare.example"]) {
      const reply = await mette<GraphErrorShape>('GET', byDomain(domain));
      expect(reply.status).toBe(404);
      expect(reply.body.error.code).toBe('Request_ResourceNotFound');
      expect(reply.body.error.innerError['request-id']).toEqual(expect.any(String));
    }
  });

  it('refuses a call without a domain name (400) and any method but GET (405)', async () => {
    expect((await mette('GET', '/tenantRelationships/findTenantInformationByDomainName')).status).toBe(400);
    expect((await mette('GET', '/tenantRelationships/findTenantInformationByDomainName(domainName=)')).status).toBe(
      400,
    );
    expect((await mette('GET', "/tenantRelationships/findTenantInformationByDomainName(domain='x')")).status).toBe(400);
    expect((await mette('POST', byDomain('regionms.example'), {})).status).toBe(405);
  });

  it('needs a token, like every Graph call', async () => {
    const anonymous = await signIn(sandbox, null);
    const reply = await anonymous<GraphErrorShape>('GET', byDomain('regionms.example'));
    expect(reply.status).toBe(401);
    expect(reply.body.error.code).toBe('InvalidAuthenticationToken');
  });

  it('answers one domain per request inside $batch, counted under its own route name', async () => {
    await tool(sandbox, 'POST', '/_sandbox/stats/reset');
    const reply = await mette<{ responses: BatchResponse[] }>('POST', '/$batch', {
      requests: [
        { id: 'region', method: 'GET', url: byDomain('regionms.example') },
        { id: 'home', method: 'GET', url: byDomain('sundby-kommune.example') },
        { id: 'gp', method: 'GET', url: byDomain('laegehuset-sundby.example') },
      ],
    });
    expect(reply.status).toBe(200);
    const answer = new Map(reply.body.responses.map((response) => [response.id, response]));
    expect(answer.get('region')).toMatchObject({ status: 200, body: { tenantId: REGION_TENANT_ID } });
    expect(answer.get('home')).toMatchObject({ status: 200, body: { tenantId: HOME_TENANT_ID } });
    expect(answer.get('gp')).toMatchObject({ status: 404, body: { error: { code: 'Request_ResourceNotFound' } } });
    const stats = await tool<{ batchItemsByRoute: Record<string, number> }>(sandbox, 'GET', '/_sandbox/stats');
    expect(
      stats.batchItemsByRoute["GET /tenantRelationships/findTenantInformationByDomainName(domainName='{domainName}')"],
    ).toBe(3);
  });
});
