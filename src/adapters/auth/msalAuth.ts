import {
  BrowserCacheLocation,
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
 * browser fallback) the standard client signs in with a popup.
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

export class MsalTokenSource implements AccessTokenSource {
  constructor(private readonly app: IPublicClientApplication) {}

  async getToken(scopes: string[]): Promise<string> {
    const request = { scopes: qualifiedGraphScopes(scopes) };
    const account: AccountInfo | undefined = this.app.getActiveAccount() ?? this.app.getAllAccounts()[0];
    try {
      const result = account
        ? await this.app.acquireTokenSilent({ ...request, account })
        : await this.app.ssoSilent(request);
      if (result.account) this.app.setActiveAccount(result.account);
      return result.accessToken;
    } catch (error) {
      if (!(error instanceof InteractionRequiredAuthError) && account) throw this.signInRequired(error);
    }
    // Consent or a fresh sign-in is needed: in Teams/Outlook the host shows its own prompt.
    try {
      const result = await this.app.acquireTokenPopup(request);
      this.app.setActiveAccount(result.account);
      return result.accessToken;
    } catch (error) {
      throw this.signInRequired(error);
    }
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
  return new MsalTokenSource(await factories.standard(configuration));
};
