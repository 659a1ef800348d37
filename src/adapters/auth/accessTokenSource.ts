/**
 * Where the Graph adapter gets its bearer token: MSAL (nested app auth) in Teams/Outlook, the sandbox sign-in locally.
 * The adapter asks per request, so a source may cache and refresh as it likes.
 */
export interface AccessTokenSource {
  getToken(scopes: string[]): Promise<string>;
}

/**
 * Thrown by a token source when the user must sign in (again) before Graph can be called.
 * The Graph adapter turns it into an `unauthorized` outcome, like a 401 from Graph.
 */
export class SignInRequiredError extends Error {
  override readonly name = 'SignInRequiredError';
}
