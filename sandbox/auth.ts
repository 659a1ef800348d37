import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { GraphError } from './graph/errors';
import { SCOPES } from './scopes';
import type { State, TenantRecord, UserRecord } from './store';

export { SCOPES };

/**
 * Bearer tokens shaped like Entra access tokens (a JWT with oid, tid, upn, scp), signed with the
 * sandbox's own secret (HS256) so only tokens from GET /_sandbox/token are accepted.
 */

const b64 = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');

const sign = (secret: string, data: string): string => createHmac('sha256', secret).update(data).digest('base64url');

/** The scopes a token acting in that tenant carries: what its admin consented to. */
export const scopesIn = (state: State, tenantId: string | null): string[] =>
  state.tenants.find((tenant) => tenant.id === tenantId)?.settings.grantedScopes ?? [...SCOPES];

/**
 * A token for `user` — the account acting (a member in their own tenant, or their guest account in another): `tid`
 * is that account's tenant, `oid` the account, `scp` the tenant's consented scopes.
 */
export const issueToken = (state: State, user: UserRecord, lifetimeSeconds: number, now = Date.now()): string => {
  const iat = Math.floor(now / 1000);
  const header = b64({ typ: 'JWT', alg: 'HS256', kid: 'tovholder-sandbox' });
  const payload = b64({
    aud: 'https://graph.microsoft.com',
    iss: `https://sts.windows.net/${user.tenantId ?? ''}/`,
    iat,
    nbf: iat,
    exp: iat + lifetimeSeconds,
    app_displayname: 'Tovholder (sandbox)',
    name: user.displayName,
    oid: user.id,
    scp: scopesIn(state, user.tenantId).join(' '),
    tid: user.tenantId,
    unique_name: user.userPrincipalName,
    upn: user.userPrincipalName,
    ver: '1.0',
  });
  return `${header}.${payload}.${sign(state.secret, `${header}.${payload}`)}`;
};

const unauthorized = (message: string): GraphError =>
  new GraphError(401, 'InvalidAuthenticationToken', message, {
    'WWW-Authenticate':
      'Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", client_id="00000003-0000-0000-c000-000000000000"',
  });

/** Who acts: the account the token's `oid` names in its `tid`, with the token's scopes. */
export interface Caller {
  user: UserRecord;
  scopes: string[];
}

/** Resolves the caller from the Authorization header, or throws Graph's 401. */
export const authenticate = (state: State, authorization: string | undefined, now = Date.now()): Caller => {
  if (!authorization || !authorization.trim()) throw unauthorized('Access token is empty.');
  const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
  if (!match?.[1]) throw unauthorized('Access token is empty.');
  const parts = match[1].split('.');
  if (parts.length !== 3) throw unauthorized('IDX14100: JWT is not well formed, there are no dots (.).');
  const [header = '', payload = '', signature = ''] = parts;
  const expected = Buffer.from(sign(state.secret, `${header}.${payload}`));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
    throw unauthorized('Access token validation failure. Invalid signature.');
  }
  let claims: { oid?: unknown; exp?: unknown; tid?: unknown; scp?: unknown };
  try {
    claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as typeof claims;
  } catch {
    throw unauthorized('IDX14102: Unable to decode the payload as Base64Url encoded string.');
  }
  if (typeof claims.exp !== 'number' || claims.exp * 1000 <= now) {
    throw unauthorized('Lifetime validation failed, the token is expired.');
  }
  const user = state.users.find((candidate) => candidate.id === claims.oid);
  if (!user || user.kind === 'emailOnly') throw unauthorized('Access token validation failure. Unknown user.');
  if (typeof claims.tid === 'string' && claims.tid !== user.tenantId)
    throw unauthorized('Access token validation failure. Invalid tenant.');
  const scopes = typeof claims.scp === 'string' ? claims.scp.split(' ').filter(Boolean) : [];
  return { user, scopes };
};

/** The answer of Entra's token endpoint when it refuses: HTTP 400 with this body. */
export interface EntraError {
  error: string;
  error_description: string;
  error_codes: number[];
  timestamp: string;
  trace_id: string;
  correlation_id: string;
}

const entraError = (error: string, code: number, text: string, now: number): EntraError => {
  const traceId = randomUUID();
  const correlationId = randomUUID();
  const timestamp = new Date(now)
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d+Z$/, 'Z');
  return {
    error,
    error_description: `AADSTS${code}: ${text} Trace ID: ${traceId} Correlation ID: ${correlationId} Timestamp: ${timestamp}`,
    error_codes: [code],
    timestamp,
    trace_id: traceId,
    correlation_id: correlationId,
  };
};

/** The guest account of `home` in `tenantId`, if there is one. */
export const guestAccountOf = (state: State, home: UserRecord, tenantId: string): UserRecord | undefined =>
  state.users.find((user) => user.kind === 'guest' && user.tenantId === tenantId && user.homeUserId === home.id);

/**
 * Which account `home` (a member of their own tenant) acts as in `tenantId` (their own when omitted), or Entra's
 * refusal: cross-tenant access blocked (AADSTS500213 by the resource tenant's inbound policy, AADSTS500212 by the
 * home tenant's outbound policy), no guest account there (AADSTS50020), no consent in that tenant (AADSTS65001).
 * A missing container type registration is not a token error (Graph refuses the container calls instead).
 */
export const accountIn = (
  state: State,
  home: UserRecord,
  tenantId: string | null,
  now = Date.now(),
): { account: UserRecord } | { refusal: EntraError } => {
  const homeTenant = state.tenants.find((tenant) => tenant.id === home.tenantId);
  const wanted = (tenantId ?? '').toLowerCase() || home.tenantId;
  const target: TenantRecord | undefined = state.tenants.find((tenant) => tenant.id === wanted);
  if (!target) {
    return {
      refusal: entraError(
        'invalid_request',
        90002,
        `Tenant '${tenantId ?? ''}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.`,
        now,
      ),
    };
  }
  let account: UserRecord | undefined = home;
  if (target.id !== home.tenantId) {
    if (!target.settings.b2bInbound) {
      return {
        refusal: entraError(
          'invalid_grant',
          500213,
          "NotAllowedByInboundPolicyTenant: The resource tenant's cross-tenant access policy doesn't allow this user to access this tenant (blocked by cross-tenant access policy).",
          now,
        ),
      };
    }
    if (homeTenant && !homeTenant.settings.b2bOutbound) {
      return {
        refusal: entraError(
          'invalid_grant',
          500212,
          "NotAllowedByOutboundPolicyTenant: The user's administrator has set an outbound access policy that doesn't allow access to the resource tenant (blocked by cross-tenant access policy).",
          now,
        ),
      };
    }
    account = guestAccountOf(state, home, target.id);
    if (!account) {
      return {
        refusal: entraError(
          'invalid_grant',
          50020,
          `User account '${home.userPrincipalName}' from identity provider 'https://sts.windows.net/${home.tenantId ?? ''}/' does not exist in tenant '${target.displayName}' and cannot access the application 'Tovholder' in that tenant. The account needs to be added as an external user in the tenant first.`,
          now,
        ),
      };
    }
  }
  if (target.settings.grantedScopes.length === 0) {
    return {
      refusal: entraError(
        'invalid_grant',
        65001,
        `The user or administrator has not consented to use the application 'Tovholder'. Send an interactive authorization request for this user and resource.`,
        now,
      ),
    };
  }
  return { account };
};

/**
 * A route's scope, as Graph checks it: without it, 403 with Graph's message (code `accessDenied` for SharePoint
 * and drives, `Authorization_RequestDenied` for the directory).
 */
export const requireScope = (
  scopes: readonly string[],
  needed: readonly string[],
  code: 'accessDenied' | 'Authorization_RequestDenied',
): void => {
  const have = new Set(scopes.map((scope) => scope.toLowerCase()));
  if (needed.some((scope) => have.has(scope.toLowerCase()))) return;
  throw new GraphError(403, code, 'Either scp or roles claim need to be present in the token.');
};
