import type { Ctx, Router } from '../router';
import { GraphError, badRequest } from './errors';

/**
 * GET /tenantRelationships/findTenantInformationByDomainName(domainName='{domainName}'): the public information of
 * the Microsoft Entra tenant a domain belongs to (Graph's tenantInformation). The app asks it for the e-mail domain
 * of someone outside its own tenant, to learn whether they are a federated Teams user of another tenant.
 *
 * The argument is an OData function parameter: a single-quoted string literal in which a quote is doubled
 * (`'o''hare.example'`), or a parameter alias (`domainName=@d` with `?@d='…'`). Clients may percent-encode the
 * parentheses and quotes (`%28`, `%27`, `%29`), and `$batch` item URLs keep them raw: both are accepted.
 *
 * An unknown domain is 404 `Request_ResourceNotFound`. Graph's reference documents only the 200; the directory's
 * usual not-found answer is the sandbox's choice (see sandbox/README.md): clients must treat any non-2xx as "not known".
 */

/** The whole function call segment, with or without the `microsoft.graph.` namespace, raw or percent-encoded. */
const ROUTE =
  /^\/tenantRelationships\/(?:microsoft\.graph\.)?findTenantInformationByDomainName(?<call>(?:\(|%28)[^/]*)?\/?$/i;

const missingParameter = (): GraphError =>
  badRequest("The function 'findTenantInformationByDomainName' requires the parameter 'domainName'.");

/** The string literal `'…'` (quotes doubled inside), or null when the value is not one. */
const stringLiteral = (value: string): string | null => {
  const literal = /^'((?:[^']|'')*)'$/.exec(value.trim());
  return literal ? (literal[1] ?? '').replace(/''/g, "'") : null;
};

/** `(domainName='x')` → `x`, resolving a parameter alias from the query; throws Graph's 400 when malformed. */
const domainNameArgument = (ctx: Ctx): string => {
  const call = ctx.params.call;
  if (!call) throw missingParameter();
  const args = /^\((.*)\)$/s.exec(call);
  if (!args) throw badRequest(`Bad Request - Error in query syntax: '${call}' is not a function call.`);
  const parameter = /^\s*domainName\s*=\s*(.*?)\s*$/is.exec(args[1] ?? '');
  if (!parameter) throw missingParameter();
  let value = parameter[1] ?? '';
  if (value.startsWith('@')) {
    const aliased = ctx.req.query.get(value);
    if (aliased === null) throw missingParameter();
    value = aliased;
  }
  const domainName = stringLiteral(value);
  if (domainName === null)
    throw badRequest(`The value '${value}' of the parameter 'domainName' is not a string literal in single quotes.`);
  if (!domainName.trim()) throw badRequest("The parameter 'domainName' is empty.");
  return domainName.trim();
};

const findTenantInformationByDomainName = (ctx: Ctx) => {
  const domainName = domainNameArgument(ctx);
  const tenant = ctx.sandbox.store.state.tenants.find(
    (candidate) => candidate.domain.toLowerCase() === domainName.toLowerCase(),
  );
  if (!tenant) {
    throw new GraphError(
      404,
      'Request_ResourceNotFound',
      `Resource '${domainName}' does not exist or one of its queried reference-property objects are not present.`,
    );
  }
  return {
    status: 200,
    body: {
      '@odata.context': `${ctx.graphBase}/$metadata#microsoft.graph.tenantInformation`,
      tenantId: tenant.id,
      // The demo tenants set no company branding on their sign-in page.
      federationBrandName: null,
      displayName: tenant.displayName,
      defaultDomainName: tenant.domain,
    },
  };
};

export const registerTenantRelationships = (router: Router): void => {
  router.addPattern(
    'GET',
    "/tenantRelationships/findTenantInformationByDomainName(domainName='{domainName}')",
    ROUTE,
    findTenantInformationByDomainName,
  );
};
