import {
  BrowserAuthError,
  BrowserAuthErrorCodes,
  BrowserCacheLocation,
  CacheLookupPolicy,
  InteractionRequiredAuthError,
  createNestablePublicClientApplication,
  createStandardPublicClientApplication,
  type AccountInfo,
  type Configuration,
  type IPublicClientApplication,
} from '@azure/msal-browser';
import { SignInRequiredError, type AccessTokenSource } from './accessTokenSource';
import { qualifiedGraphScopes } from './graphScopes';

/**
 * Sign-in in Teams, Outlook and the Microsoft 365 app: nested app auth (NAA) through `@azure/msal-browser`, one SPA
 * registration whose redirect `brk-multihub://<domain>` serves every host. Outside a Microsoft host (the plain
 * browser fallback) the standard client signs in with a popup, or by redirect when the browser blocks the popup
 * (a page that signs in while it loads has no click behind it); both return through auth-end.html.
 *
 * Tokens live in session storage (gone when the tab closes) or in memory — never in local storage, where any script
 * on the origin could read them for days.
 */

export type TokenCacheLocation = 'sessionStorage' | 'memoryStorage';

export interface MsalAuthOptions {
  /** The Entra app registration's client id. */
  clientId: string;
  /** The home tenant; without it, any work account ("organizations"). */
  tenantId?: string;
  /** Where the standard client returns after a popup, e.g. https://<domain>/auth-end.html. */
  redirectUri?: string;
  /** True when a Microsoft host (teams-js / Office.js) is initialised, so nested app auth is available. */
  hosted: boolean;
  cacheLocation?: TokenCacheLocation;
}

const CACHE_LOCATIONS: Record<TokenCacheLocation, string> = {
  sessionStorage: BrowserCacheLocation.SessionStorage,
  memoryStorage: BrowserCacheLocation.MemoryStorage,
};

/** The MSAL configuration; exported so a test can hold the cache location to its promise. */
export const msalConfiguration = (options: MsalAuthOptions): Configuration => ({
  auth: {
    clientId: options.clientId,
    authority: `https://login.microsoftonline.com/${options.tenantId ?? 'organizations'}`,
    ...(options.redirectUri ? { redirectUri: options.redirectUri } : {}),
  },
  cache: { cacheLocation: CACHE_LOCATIONS[options.cacheLocation ?? 'sessionStorage'] },
});

const reasonOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** One string claim of a JWT, unchecked (the service checks the token; this only reads which tenant it is for). */
const claimOf = (token: string, claim: string): string | null => {
  const payload = token.split('.')[1];
  if (!payload) return null;
  try {
    const value = (JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/'))) as Record<string, unknown>)[claim];
    return typeof value === 'string' ? value : null;
  } catch {
    return null;
  }
};

/**
 * Entra says the account does not exist in the tenant asked for (AADSTS50020): the user is no guest there, so
 * there is nothing of theirs to read there.
 */
const notInTenant = (error: unknown): boolean => /AADSTS50020\b/.test(reasonOf(error));

/** Cross-tenant access settings refuse the sign-in (AADSTS500212/500213: B2B collaboration is off between them). */
const b2bBlocked = (error: unknown): boolean => /AADSTS50021[23]\b/.test(reasonOf(error));

/** The browser refused to open the sign-in popup (no click behind it, as when a page signs in while it loads). */
const popupBlocked = (error: unknown): boolean =>
  error instanceof BrowserAuthError &&
  [BrowserAuthErrorCodes.popupWindowError, BrowserAuthErrorCodes.emptyWindowError].includes(error.errorCode);

export class MsalTokenSource implements AccessTokenSource {
  /** `redirectIfBlocked`: the standard client in a plain browser tab signs in by redirect when the popup is blocked. */
  constructor(
    private readonly app: IPublicClientApplication,
    private readonly redirectIfBlocked = false,
  ) {}

  /**
   * `tenantId`: a token for another organisation's tenant, where the user is a guest (a plan of theirs). MSAL asks
   * that tenant's authority with the same account; nested app auth hands the authority to the host's broker.
   */
  async getToken(scopes: string[], tenantId?: string): Promise<string> {
    const request = {
      scopes: qualifiedGraphScopes(scopes),
      ...(tenantId ? { authority: `https://login.microsoftonline.com/${tenantId}` } : {}),
    };
    const account: AccountInfo | undefined = this.app.getActiveAccount() ?? this.app.getAllAccounts()[0];
    try {
      // Another tenant's token never comes from the cache: nested app auth looks its cache up by the host account's
      // tenant, so it could answer with a token for the wrong tenant (read in MSAL's source; not documented).
      const result = account
        ? await this.app.acquireTokenSilent({
            ...request,
            account,
            ...(tenantId ? { cacheLookupPolicy: CacheLookupPolicy.Skip } : {}),
          })
        : await this.app.ssoSilent(request);
      if (result.account && !tenantId) this.app.setActiveAccount(result.account);
      return this.forTenant(result.accessToken, tenantId);
    } catch (error) {
      if (notInTenant(error)) throw new SignInRequiredError(reasonOf(error), 'notInTenant');
      if (b2bBlocked(error)) throw new SignInRequiredError(reasonOf(error), 'blocked');
      if (!(error instanceof InteractionRequiredAuthError) && account) throw this.signInRequired(error);
    }
    // Consent or a fresh sign-in is needed: in Teams/Outlook the host shows its own prompt.
    try {
      const result = await this.app.acquireTokenPopup(request);
      if (!tenantId) this.app.setActiveAccount(result.account);
      return this.forTenant(result.accessToken, tenantId);
    } catch (error) {
      if (notInTenant(error)) throw new SignInRequiredError(reasonOf(error), 'notInTenant');
      if (b2bBlocked(error)) throw new SignInRequiredError(reasonOf(error), 'blocked');
      if (tenantId) throw new SignInRequiredError(reasonOf(error), 'consent');
      if (!this.redirectIfBlocked || !popupBlocked(error)) throw this.signInRequired(error);
    }
    // The page leaves for the sign-in and comes back through auth-end.html, which returns it here
    // (createMsalTokenSource then reads the answer); until it has left, the page keeps showing that it loads.
    try {
      await this.app.acquireTokenRedirect(request);
    } catch (error) {
      throw this.signInRequired(error);
    }
    return new Promise<string>(() => {});
  }

  /** A token for another tenant must say that tenant (`tid`): one for the wrong tenant is refused, never used. */
  private forTenant(token: string, tenantId: string | undefined): string {
    if (!tenantId) return token;
    const tid = claimOf(token, 'tid');
    if (tid !== null && tid.toLowerCase() !== tenantId.toLowerCase())
      throw new SignInRequiredError(`Microsoft 365 gav en nøgle til en anden organisation (${tid})`, 'consent');
    return token;
  }

  homeTenantId(): string | null {
    return (this.app.getActiveAccount() ?? this.app.getAllAccounts()[0])?.tenantId ?? null;
  }

  private signInRequired(error: unknown): SignInRequiredError {
    const reason = error instanceof Error ? error.message : String(error);
    return new SignInRequiredError(`Log ind igen for at fortsætte (${reason})`);
  }
}

/** How the two MSAL clients are made; a test passes its own to watch which one is chosen. */
export interface MsalFactories {
  nestable: (configuration: Configuration) => Promise<IPublicClientApplication>;
  standard: (configuration: Configuration) => Promise<IPublicClientApplication>;
}

const MSAL_FACTORIES: MsalFactories = {
  nestable: createNestablePublicClientApplication,
  standard: createStandardPublicClientApplication,
};

/**
 * Creates the token source: nested app auth inside a Microsoft host, falling back to the standard client when the
 * host does not offer it (older clients; MSAL itself then returns a standard client) or when running outside a
 * Microsoft host.
 */
export const createMsalTokenSource = async (
  options: MsalAuthOptions,
  factories: MsalFactories = MSAL_FACTORIES,
): Promise<MsalTokenSource> => {
  const configuration = msalConfiguration(options);
  if (options.hosted) {
    try {
      return new MsalTokenSource(await factories.nestable(configuration));
    } catch {
      // The host has no nested app auth bridge: sign in the ordinary way.
    }
  }
  const app = await factories.standard(configuration);
  if (options.hosted) return new MsalTokenSource(app);
  // A plain browser tab may be coming back from a sign-in by redirect: take the account it signed in with.
  try {
    const returned = await app.handleRedirectPromise();
    if (returned?.account) app.setActiveAccount(returned.account);
  } catch {
    // A failed or abandoned redirect: the first token request asks again.
  }
  return new MsalTokenSource(app, true);
};
