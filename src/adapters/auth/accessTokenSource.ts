/**
 * Where the Graph adapter gets its bearer token: MSAL (nested app auth) in Teams/Outlook, the sandbox sign-in locally.
 * The adapter asks per request, so a source may cache and refresh as it likes.
 */
export interface AccessTokenSource {
  /**
   * A token for Graph in `tenantId` (default: the user's own tenant). For another organisation's tenant the user
   * signs in as the guest they are there: a plan lives in the tenant of the organisation that started it.
   */
  getToken(scopes: string[], tenantId?: string): Promise<string>;
  /** The signed-in user's own tenant, once known (after the first token). */
  homeTenantId?(): string | null;
}

/**
 * Thrown by a token source when the user must sign in (again) before Graph can be called.
 * The Graph adapter turns it into an `unauthorized` outcome, like a 401 from Graph.
 */
export class SignInRequiredError extends Error {
  override readonly name = 'SignInRequiredError';
  /**
   * `notInTenant`: the user has no account in the tenant asked for (not a guest there; Entra's AADSTS50020), so
   * there is nothing of theirs to read there — not a failure to sign in. `blocked`: the tenants' cross-tenant access
   * settings refuse it (B2B collaboration off between the two organisations). `consent`: a prompt is needed.
   */
  constructor(
    message: string,
    readonly code: 'signIn' | 'notInTenant' | 'consent' | 'blocked' = 'signIn',
  ) {
    super(message);
  }
}
