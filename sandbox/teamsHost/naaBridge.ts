/**
 * The host's side of nested app auth: what MSAL's nestable client (@azure/msal-browser 5.30, src/naa/) sends through
 * teams-js's `nestedAppAuth.execute` and what it expects back. Pure: the token, the consent store and the prompt are
 * injected, so unit tests hold the envelopes to MSAL's types.
 *
 * - Requests: `{ messageType: "NestedAppAuthRequest", method: GetInitContext | GetToken | GetTokenPopup, requestId,
 *   tokenParams: { clientId, scope, correlationId, … } }`.
 * - Answers: `{ messageType: "NestedAppAuthResponse", requestId, success, token?, account?, initContext?, error? }`,
 *   errors as MSAL's `BridgeError` (`status` one of BridgeStatusCode, `code`, `subError`, `description`). MSAL turns
 *   USER_INTERACTION_REQUIRED into an InteractionRequiredAuthError (the app then asks with GetTokenPopup),
 *   USER_CANCEL into `user_canceled`, PERSISTENT_ERROR into a ServerError.
 *
 * Consent is per user and remembered (the host server keeps it), as Entra keeps a user's grant: the first silent
 * request for a scope not yet granted answers USER_INTERACTION_REQUIRED (consent_required), the popup shows the host's
 * consent prompt. A scope the tenant's administrator has not allowed (`refused`) cannot be granted by the user: the
 * prompt says so and the answer is PERSISTENT_ERROR with AADSTS90094 (the code Entra gives for "admin approval
 * required"; which BridgeError Teams wraps it in is not documented, so this is the sandbox's choice).
 */
import { TEAMS_JS_VERSION } from './protocol';

export interface NaaUser {
  id: string;
  upn: string;
  name: string;
  tenantId: string;
}

export interface SandboxToken {
  access_token: string;
  expires_in: number;
}

export interface ConsentPrompt {
  /** Scopes the user may grant now. */
  scopes: string[];
  /** Scopes only an administrator can grant (the prompt can only be closed). */
  refused: string[];
}

export interface NaaDeps {
  user: NaaUser;
  /** The sandbox's access token for the user (GET /_sandbox/token?user=…). */
  accessToken(): Promise<SandboxToken>;
  /** The scopes this user has granted the app so far. */
  consented(): Promise<ReadonlySet<string>>;
  grant(scopes: string[]): Promise<void>;
  /** Scopes the tenant's administrator has not allowed. */
  refused: ReadonlySet<string>;
  /** The host's consent prompt; resolves with the user's choice. */
  prompt(request: ConsentPrompt): Promise<'accepted' | 'cancelled'>;
  nowSeconds(): number;
}

const GRAPH = 'https://graph.microsoft.com/';
const OIDC = new Set(['openid', 'profile', 'offline_access', 'email']);
const ENVIRONMENT = 'login.microsoftonline.com';

type BridgeStatus = 'USER_INTERACTION_REQUIRED' | 'USER_CANCEL' | 'PERSISTENT_ERROR';

export interface BridgeErrorBody {
  status: BridgeStatus;
  code?: string;
  subError?: string;
  description?: string;
}

export interface NaaAnswer {
  /** The NestedAppAuthResponse envelope as a JSON string (what teams-js hands to MSAL). */
  response: string;
  /** Set when MSAL asked for a method this host does not know. */
  unknownMethod?: string;
}

interface Envelope {
  messageType?: unknown;
  method?: unknown;
  requestId?: unknown;
  tokenParams?: { clientId?: unknown; scope?: unknown };
}

const base64url = (value: unknown): string =>
  btoa(String.fromCharCode(...new TextEncoder().encode(JSON.stringify(value))))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');

/** Graph scopes of a request ("https://graph.microsoft.com/User.Read openid" → ["User.Read"]), or the foreign ones. */
export const graphScopesOf = (scope: string): { graph: string[]; foreign: string[] } => {
  const graph: string[] = [];
  const foreign: string[] = [];
  for (const item of scope.split(/\s+/).filter(Boolean)) {
    if (OIDC.has(item.toLowerCase())) continue;
    if (item.startsWith(GRAPH)) graph.push(item.slice(GRAPH.length));
    else foreign.push(item);
  }
  return { graph, foreign };
};

/**
 * An id token for the account MSAL keeps. Unsigned (`alg: none`): MSAL's nested client reads its claims and does not
 * check a signature, and the sandbox has no key Entra's would be; it never reaches Graph (the access token does).
 */
export const idTokenFor = (user: NaaUser, clientId: string, nowSeconds: number, lifetime: number): string =>
  [
    base64url({ typ: 'JWT', alg: 'none' }),
    base64url({
      aud: clientId,
      iss: `https://${ENVIRONMENT}/${user.tenantId}/v2.0`,
      iat: nowSeconds,
      nbf: nowSeconds,
      exp: nowSeconds + lifetime,
      name: user.name,
      oid: user.id,
      sub: user.id,
      tid: user.tenantId,
      preferred_username: user.upn,
      login_hint: user.upn,
      ver: '2.0',
    }),
    '',
  ].join('.');

const accountOf = (user: NaaUser) => ({
  homeAccountId: `${user.id}.${user.tenantId}`,
  environment: ENVIRONMENT,
  tenantId: user.tenantId,
  username: user.upn,
  localAccountId: user.id,
  name: user.name,
  loginHint: user.upn,
});

const failed = (requestId: string, error: BridgeErrorBody): string =>
  JSON.stringify({ messageType: 'NestedAppAuthResponse', requestId, success: false, error });

/** Answers one `nestedAppAuth.execute` request (its `data`). */
export const answerNaa = async (data: string, deps: NaaDeps): Promise<NaaAnswer> => {
  let envelope: Envelope;
  try {
    envelope = JSON.parse(data) as Envelope;
  } catch {
    envelope = {};
  }
  const requestId = typeof envelope.requestId === 'string' ? envelope.requestId : '';
  const method = typeof envelope.method === 'string' ? envelope.method : '';

  if (method === 'GetInitContext') {
    const { homeAccountId, environment, tenantId } = accountOf(deps.user);
    return {
      response: JSON.stringify({
        messageType: 'NestedAppAuthResponse',
        requestId,
        success: true,
        initContext: {
          sdkName: 'Tovholder local Teams host',
          sdkVersion: TEAMS_JS_VERSION,
          capabilities: { queryAccount: false },
          accountContext: { homeAccountId, environment, tenantId },
        },
      }),
    };
  }
  if (method !== 'GetToken' && method !== 'GetTokenPopup') {
    return {
      response: failed(requestId, {
        status: 'PERSISTENT_ERROR',
        code: 'unsupported_method',
        description: `The local Teams host does not answer the nested app auth method '${method}'.`,
      }),
      unknownMethod: method || '(none)',
    };
  }

  const scope = typeof envelope.tokenParams?.scope === 'string' ? envelope.tokenParams.scope : '';
  const clientId = typeof envelope.tokenParams?.clientId === 'string' ? envelope.tokenParams.clientId : '';
  const { graph, foreign } = graphScopesOf(scope);
  if (foreign.length > 0)
    return {
      response: failed(requestId, {
        status: 'PERSISTENT_ERROR',
        code: 'invalid_resource',
        description: `AADSTS500011: The resource principal for ${foreign.join(', ')} was not found in the tenant (the sandbox is Microsoft Graph only).`,
      }),
    };

  const consented = await deps.consented();
  const missing = graph.filter((item) => !consented.has(item));
  if (missing.length > 0 && method === 'GetToken')
    return {
      response: failed(requestId, {
        status: 'USER_INTERACTION_REQUIRED',
        code: 'interaction_required',
        subError: 'consent_required',
        description: `AADSTS65001: The user or administrator has not consented to use the application with ID '${clientId}' for: ${missing.join(', ')}. Send an interactive authorization request for this user and resource.`,
      }),
    };
  if (missing.length > 0) {
    const refused = missing.filter((item) => deps.refused.has(item));
    const choice = await deps.prompt({ scopes: missing.filter((item) => !deps.refused.has(item)), refused });
    if (refused.length > 0)
      return {
        response: failed(requestId, {
          status: 'PERSISTENT_ERROR',
          code: 'access_denied',
          subError: 'consent_required',
          description: `AADSTS90094: Admin consent is required for the permissions requested by this application: ${refused.join(', ')}.`,
        }),
      };
    if (choice !== 'accepted') return { response: failed(requestId, { status: 'USER_CANCEL', code: 'user_canceled' }) };
    await deps.grant(missing);
  }

  let token: SandboxToken;
  try {
    token = await deps.accessToken();
  } catch (error) {
    return {
      response: failed(requestId, {
        status: 'PERSISTENT_ERROR',
        code: 'temporarily_unavailable',
        description: `The sandbox issued no token: ${error instanceof Error ? error.message : String(error)}`,
      }),
    };
  }
  const now = deps.nowSeconds();
  return {
    response: JSON.stringify({
      messageType: 'NestedAppAuthResponse',
      requestId,
      success: true,
      token: {
        access_token: token.access_token,
        expires_in: token.expires_in,
        id_token: idTokenFor(deps.user, clientId, now, token.expires_in),
        properties: null,
        scope,
      },
      account: accountOf(deps.user),
    }),
  };
};
