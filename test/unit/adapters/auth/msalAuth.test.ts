import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  BrowserAuthError,
  BrowserAuthErrorCodes,
  InteractionRequiredAuthError,
  type AccountInfo,
  type AuthenticationResult,
  type Configuration,
  type IPublicClientApplication,
} from '@azure/msal-browser';
import { describe, expect, it } from 'vitest';
import { SignInRequiredError } from '../../../../src/adapters/auth/accessTokenSource';
import {
  ACCESS_SCOPES,
  GRAPH_SCOPES,
  LEGACY_SCOPES,
  SEND_SCOPES,
  TODO_SCOPES,
  qualifiedGraphScopes,
} from '../../../../src/adapters/auth/graphScopes';
import { createMsalTokenSource, msalConfiguration, type MsalFactories } from '../../../../src/adapters/auth/msalAuth';

describe('MSAL sign-in configuration', () => {
  it('keeps tokens in session storage by default, never in local storage', () => {
    const config = msalConfiguration({ clientId: 'client', hosted: true });
    expect(config.cache?.cacheLocation).toBe('sessionStorage');
  });

  it('can keep tokens in memory only', () => {
    const config = msalConfiguration({ clientId: 'client', hosted: false, cacheLocation: 'memoryStorage' });
    expect(config.cache?.cacheLocation).toBe('memoryStorage');
  });

  it('signs in against the home tenant when one is configured, and any work account otherwise', () => {
    expect(msalConfiguration({ clientId: 'c', hosted: true, tenantId: 'tenant-1' }).auth.authority).toBe(
      'https://login.microsoftonline.com/tenant-1',
    );
    expect(msalConfiguration({ clientId: 'c', hosted: true }).auth.authority).toBe(
      'https://login.microsoftonline.com/organizations',
    );
  });
});

describe('delegated Graph permissions', () => {
  it('asks for none of the broader permissions that a narrower one already covers', () => {
    const broader = [
      'Chat.ReadWrite', // sending needs ChatMessage.Send, reading for the marker Chat.Read; soft delete: SEND_SCOPES
      'OnlineMeetings.ReadWrite', // finding the meeting chat only reads
      'User.Read.All', // the people picker needs only basic profiles
      'Directory.Read.All',
      'Mail.ReadWrite', // drafts: only when sending (SEND_SCOPES)
      'Sites.ReadWrite.All',
      'Group.ReadWrite.All',
      'TeamsAppInstallation.ReadWriteForChat', // only this app: ...SelfForChat
    ];
    for (const scope of broader) expect(GRAPH_SCOPES).not.toContain(scope);
  });

  it("asks to look up the tenant of an external person's e-mail domain, so region colleagues are reached in Teams", () => {
    // GET /tenantRelationships/findTenantInformationByDomainName in the people search; no narrower permission exists.
    expect(GRAPH_SCOPES).toContain('CrossTenantInformation.ReadBasic.All');
  });

  it('asks for drafts and taking back an extra card only when the minutes are sent', () => {
    expect(SEND_SCOPES).toEqual(['Mail.ReadWrite', 'Chat.ReadWrite']);
    for (const scope of SEND_SCOPES) expect(GRAPH_SCOPES).not.toContain(scope);
  });

  it('asks for To Do only when the user opts in', () => {
    expect(GRAPH_SCOPES).not.toContain('Tasks.ReadWrite');
    expect(TODO_SCOPES).toEqual(['Tasks.ReadWrite']);
  });

  it('qualifies scopes for Microsoft Graph', () => {
    expect(qualifiedGraphScopes(['User.Read'])).toEqual(['https://graph.microsoft.com/User.Read']);
  });
});

/** A stand-in for MSAL's client: what it was asked, and answers chosen by the test. */
class FakeMsalApp {
  readonly calls: string[] = [];
  active: AccountInfo | null = null;
  constructor(
    readonly kind: 'nestable' | 'standard',
    private readonly behaviour: {
      accounts?: AccountInfo[];
      silent?: () => Promise<string>;
      popup?: () => Promise<string>;
      /** What handleRedirectPromise finds: the account a sign-in by redirect came back with. */
      returned?: AccountInfo;
    } = {},
  ) {}

  private result(accessToken: string, account: AccountInfo): AuthenticationResult {
    return { accessToken, account } as AuthenticationResult;
  }

  getActiveAccount(): AccountInfo | null {
    return this.active;
  }
  getAllAccounts(): AccountInfo[] {
    return this.behaviour.accounts ?? [];
  }
  setActiveAccount(account: AccountInfo | null): void {
    this.active = account;
  }
  async acquireTokenSilent(request: { scopes: string[] }): Promise<AuthenticationResult> {
    this.calls.push(`silent ${request.scopes.join(' ')}`);
    return this.result(await (this.behaviour.silent ?? (() => Promise.resolve('silent-token')))(), ACCOUNT);
  }
  async ssoSilent(request: { scopes: string[] }): Promise<AuthenticationResult> {
    this.calls.push(`sso ${request.scopes.join(' ')}`);
    return this.result(await (this.behaviour.silent ?? (() => Promise.resolve('sso-token')))(), ACCOUNT);
  }
  async handleRedirectPromise(): Promise<AuthenticationResult | null> {
    this.calls.push('handleRedirect');
    return this.behaviour.returned ? this.result('redirect-token', this.behaviour.returned) : null;
  }
  async acquireTokenRedirect(request: { scopes: string[] }): Promise<void> {
    this.calls.push(`redirect ${request.scopes.join(' ')}`);
  }
  async acquireTokenPopup(request: { scopes: string[] }): Promise<AuthenticationResult> {
    this.calls.push(`popup ${request.scopes.join(' ')}`);
    return this.result(await (this.behaviour.popup ?? (() => Promise.resolve('popup-token')))(), ACCOUNT);
  }
}

const ACCOUNT = { homeAccountId: 'h', username: 'mette.larsen@sundby-kommune.dk' } as AccountInfo;

const factoriesFor = (
  apps: { nestable?: FakeMsalApp | Error; standard?: FakeMsalApp },
  seen: { kind: string; configuration: Configuration }[],
): MsalFactories => ({
  nestable: (configuration) => {
    seen.push({ kind: 'nestable', configuration });
    const app = apps.nestable ?? new FakeMsalApp('nestable');
    return app instanceof Error ? Promise.reject(app) : Promise.resolve(app as unknown as IPublicClientApplication);
  },
  standard: (configuration) => {
    seen.push({ kind: 'standard', configuration });
    return Promise.resolve((apps.standard ?? new FakeMsalApp('standard')) as unknown as IPublicClientApplication);
  },
});

describe('choosing the MSAL client', () => {
  it('uses nested app auth inside a Microsoft host, with tokens in session storage', async () => {
    const seen: { kind: string; configuration: Configuration }[] = [];
    const source = await createMsalTokenSource({ clientId: 'c', hosted: true }, factoriesFor({}, seen));
    expect(seen.map((entry) => entry.kind)).toEqual(['nestable']);
    expect(seen[0]?.configuration.cache?.cacheLocation).toBe('sessionStorage');
    expect(await source.getToken(['User.Read'])).toBe('sso-token');
  });

  it('falls back to the standard client when the host has no nested app auth', async () => {
    const seen: { kind: string; configuration: Configuration }[] = [];
    const source = await createMsalTokenSource(
      { clientId: 'c', hosted: true },
      factoriesFor({ nestable: new Error('no bridge') }, seen),
    );
    expect(seen.map((entry) => entry.kind)).toEqual(['nestable', 'standard']);
    expect(await source.getToken(['User.Read'])).toBe('sso-token');
  });

  it('uses the standard client outside a Microsoft host, and never tries nested app auth', async () => {
    const seen: { kind: string; configuration: Configuration }[] = [];
    await createMsalTokenSource(
      { clientId: 'c', hosted: false, cacheLocation: 'memoryStorage' },
      factoriesFor({}, seen),
    );
    expect(seen.map((entry) => entry.kind)).toEqual(['standard']);
    expect(seen[0]?.configuration.cache?.cacheLocation).toBe('memoryStorage');
  });

  it("returns the standard client's popup to the redirect page it is given (auth-end.html)", async () => {
    const seen: { kind: string; configuration: Configuration }[] = [];
    const redirectUri = 'https://tovholder.sundby-kommune.example/auth-end.html';
    await createMsalTokenSource({ clientId: 'c', hosted: false, redirectUri }, factoriesFor({}, seen));
    expect(seen.map((entry) => [entry.kind, entry.configuration.auth.redirectUri])).toEqual([
      ['standard', redirectUri],
    ]);
    // Without one MSAL would return to the page itself, which starts the app instead of handing the answer back.
    expect(msalConfiguration({ clientId: 'c', hosted: false }).auth.redirectUri).toBeUndefined();
  });
});

describe('getting a token', () => {
  const sourceWith = async (app: FakeMsalApp) =>
    createMsalTokenSource({ clientId: 'c', hosted: true }, factoriesFor({ nestable: app }, []));

  it('asks silently for the signed-in account, with Graph-qualified scopes', async () => {
    const app = new FakeMsalApp('nestable', { accounts: [ACCOUNT] });
    expect(await (await sourceWith(app)).getToken(['User.Read', 'Chat.Create'])).toBe('silent-token');
    expect(app.calls).toEqual(['silent https://graph.microsoft.com/User.Read https://graph.microsoft.com/Chat.Create']);
    expect(app.active).toBe(ACCOUNT);
  });

  it('shows the host’s prompt when consent or a fresh sign-in is needed', async () => {
    const app = new FakeMsalApp('nestable', {
      accounts: [ACCOUNT],
      silent: () => Promise.reject(new InteractionRequiredAuthError('consent_required', 'test')),
    });
    expect(await (await sourceWith(app)).getToken(['Mail.ReadWrite'])).toBe('popup-token');
    expect(app.calls.map((call) => call.split(' ')[0])).toEqual(['silent', 'popup']);
  });

  it('says "sign in again" when the prompt is refused or silent sign-in breaks', async () => {
    const refused = new FakeMsalApp('nestable', {
      silent: () => Promise.reject(new InteractionRequiredAuthError('login_required', 'test')),
      popup: () => Promise.reject(new Error('user_cancelled')),
    });
    await expect((await sourceWith(refused)).getToken(['User.Read'])).rejects.toBeInstanceOf(SignInRequiredError);
    const broken = new FakeMsalApp('nestable', {
      accounts: [ACCOUNT],
      silent: () => Promise.reject(new Error('network_error')),
    });
    await expect((await sourceWith(broken)).getToken(['User.Read'])).rejects.toThrow(/Log ind igen/);
    expect(broken.calls.map((call) => call.split(' ')[0])).toEqual(['silent']);
  });
});

describe('signing in from a plain browser tab (the standard client)', () => {
  const blocked = () => Promise.reject(new BrowserAuthError(BrowserAuthErrorCodes.popupWindowError, 'test'));
  const needsSignIn = () => Promise.reject(new InteractionRequiredAuthError('login_required', 'test'));
  const settled = (promise: Promise<unknown>) =>
    Promise.race([
      promise.then(
        () => 'settled',
        () => 'settled',
      ),
      new Promise((r) => setTimeout(() => r('pending'), 20)),
    ]);

  it('signs in by redirect when the browser blocks the popup (no click behind a page that loads)', async () => {
    const app = new FakeMsalApp('standard', { silent: needsSignIn, popup: blocked });
    const source = await createMsalTokenSource({ clientId: 'c', hosted: false }, factoriesFor({ standard: app }, []));
    // The page is leaving for the sign-in: the token request neither answers nor fails.
    expect(await settled(source.getToken(['User.Read']))).toBe('pending');
    expect(app.calls.map((call) => call.split(' ')[0])).toEqual(['handleRedirect', 'sso', 'popup', 'redirect']);
  });

  it('takes the account a sign-in by redirect came back with, and then asks silently', async () => {
    const app = new FakeMsalApp('standard', { returned: ACCOUNT });
    const source = await createMsalTokenSource({ clientId: 'c', hosted: false }, factoriesFor({ standard: app }, []));
    expect(app.active).toBe(ACCOUNT);
    expect(await source.getToken(['User.Read'])).toBe('silent-token');
    expect(app.calls.map((call) => call.split(' ')[0])).toEqual(['handleRedirect', 'silent']);
  });

  it('never redirects inside a Microsoft host: a blocked prompt there asks to sign in again', async () => {
    const app = new FakeMsalApp('standard', { silent: needsSignIn, popup: blocked });
    const source = await createMsalTokenSource(
      { clientId: 'c', hosted: true },
      factoriesFor({ nestable: new Error('no bridge'), standard: app }, []),
    );
    await expect(source.getToken(['User.Read'])).rejects.toBeInstanceOf(SignInRequiredError);
    expect(app.calls.map((call) => call.split(' ')[0])).toEqual(['sso', 'popup']);
  });
});

describe('the README', () => {
  it('lists exactly the delegated Graph permissions the app asks for', () => {
    const readme = readFileSync(join(process.cwd(), 'README.md'), 'utf8');
    const section = readme.split('### Permissions')[1]?.split('\n## ')[0] ?? '';
    // Resource-specific consent (in the manifest) is listed after the delegated permissions.
    const delegated = section.split('Resource-specific consent')[0] ?? '';
    const listed = new Set([...delegated.matchAll(/`([A-Z][A-Za-z]*(?:\.[A-Za-z]+)+)`/g)].map((match) => match[1]));
    expect([...listed].sort()).toEqual(
      [...GRAPH_SCOPES, ...SEND_SCOPES, ...TODO_SCOPES, ...ACCESS_SCOPES, ...LEGACY_SCOPES].sort(),
    );
  });
});
