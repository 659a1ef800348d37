import { createHmac, timingSafeEqual } from 'node:crypto';
import { GraphError } from './graph/errors';
import type { State, UserRecord } from './store';

/**
 * Bearer tokens shaped like Entra access tokens (a JWT with oid, tid, upn, scp), signed with the
 * sandbox's own secret (HS256) so only tokens from GET /_sandbox/token are accepted.
 */

export const SCOPES = [
  'User.Read',
  'User.ReadBasic.All',
  'People.Read',
  'Calendars.ReadWrite',
  'OnlineMeetings.ReadWrite',
  'Chat.Create',
  'Chat.ReadWrite',
  'ChatMessage.Send',
  'TeamsAppInstallation.ReadWriteSelfForChat',
  'TeamsTab.Create',
  'Mail.Send',
  'Mail.ReadWrite',
  'Files.ReadWrite.All',
  'Tasks.ReadWrite',
  'CrossTenantInformation.ReadBasic.All',
];

const b64 = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');

const sign = (secret: string, data: string): string => createHmac('sha256', secret).update(data).digest('base64url');

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
    scp: SCOPES.join(' '),
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

/** Resolves the caller from the Authorization header, or throws Graph's 401. */
export const authenticate = (state: State, authorization: string | undefined, now = Date.now()): UserRecord => {
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
  let claims: { oid?: unknown; exp?: unknown };
  try {
    claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { oid?: unknown; exp?: unknown };
  } catch {
    throw unauthorized('IDX14102: Unable to decode the payload as Base64Url encoded string.');
  }
  if (typeof claims.exp !== 'number' || claims.exp * 1000 <= now) {
    throw unauthorized('Lifetime validation failed, the token is expired.');
  }
  const user = state.users.find((candidate) => candidate.id === claims.oid);
  if (!user || user.kind === 'emailOnly') throw unauthorized('Access token validation failure. Unknown user.');
  return user;
};
