import type { AccessTokenSource } from './accessTokenSource';
import { SignInRequiredError } from './accessTokenSource';

/**
 * The local sign-in: pick a demo user, and the sandbox issues that user's token
 * (`GET /_sandbox/token?user=<userPrincipalName>`). The token is kept in memory only, per page.
 */
export interface SandboxAuthOptions {
  /** e.g. http://127.0.0.1:5301 */
  sandboxOrigin: string;
  /** The demo user's userPrincipalName, e.g. mette.larsen@sundby-kommune.example */
  user: string;
}

interface CachedToken {
  token: string;
  /** Epoch ms after which we ask again (a minute before the token's own expiry). */
  renewAt: number;
}

const expiryOf = (token: string): number | null => {
  const payload = token.split('.')[1];
  if (!payload) return null;
  try {
    const json = JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/'))) as { exp?: unknown };
    return typeof json.exp === 'number' ? json.exp * 1000 : null;
  } catch {
    return null;
  }
};

/** Entra's token endpoint errors that mean "no account of yours here" and "a consent prompt is needed". */
const NOT_IN_TENANT_CODES = new Set([50020, 50177]);
const BLOCKED_CODES = new Set([500213, 500212]);
const CONSENT_CODES = new Set([65001]);

export class SandboxTokenSource implements AccessTokenSource {
  /** Per tenant asked for ('' = the user's own). */
  private readonly cached = new Map<string, CachedToken>();
  private readonly pending = new Map<string, Promise<string>>();

  constructor(private readonly options: SandboxAuthOptions) {}

  get user(): string {
    return this.options.user;
  }

  /** The sandbox grants every scope the app asks for; `scopes` is accepted for the port's sake. */
  async getToken(_scopes: string[], tenantId?: string): Promise<string> {
    const key = tenantId?.toLowerCase() ?? '';
    const cached = this.cached.get(key);
    if (cached && Date.now() < cached.renewAt) return cached.token;
    let pending = this.pending.get(key);
    if (!pending) {
      pending = this.fetchToken(key).finally(() => this.pending.delete(key));
      this.pending.set(key, pending);
    }
    return pending;
  }

  /** Forget the tokens (e.g. after a 401), so the next call asks the sandbox again. */
  signOut(): void {
    this.cached.clear();
  }

  private async fetchToken(tenantId: string): Promise<string> {
    const tenant = tenantId ? `&tenant=${encodeURIComponent(tenantId)}` : '';
    const url = `${this.options.sandboxOrigin.replace(/\/+$/, '')}/_sandbox/token?user=${encodeURIComponent(this.options.user)}${tenant}`;
    let response: Response;
    try {
      response = await fetch(url);
    } catch (error) {
      throw new SignInRequiredError(`Sandkassen svarer ikke (${url}): ${(error as Error).message}`);
    }
    if (!response.ok) {
      // Entra's token endpoint error body: { error, error_description, error_codes }.
      const body = (await response.json().catch(() => null)) as {
        error_codes?: unknown;
        error_description?: unknown;
      } | null;
      const codes = Array.isArray(body?.error_codes) ? body.error_codes : [];
      const said = typeof body?.error_description === 'string' ? body.error_description : `${response.status}`;
      if (codes.some((code) => NOT_IN_TENANT_CODES.has(Number(code))))
        throw new SignInRequiredError(
          `${this.options.user} har ingen konto i den organisation (${said})`,
          'notInTenant',
        );
      if (codes.some((code) => BLOCKED_CODES.has(Number(code))))
        throw new SignInRequiredError(`Samarbejde med den organisation er slået fra (${said})`, 'blocked');
      if (codes.some((code) => CONSENT_CODES.has(Number(code))))
        throw new SignInRequiredError(`Der skal gives samtykke, før appen kan bruges der (${said})`, 'consent');
      throw new SignInRequiredError(`Sandkassen kender ikke brugeren ${this.options.user} (${response.status})`);
    }
    const body = (await response.json()) as { access_token?: unknown };
    if (typeof body.access_token !== 'string' || body.access_token === '') {
      throw new SignInRequiredError('Sandkassen gav ingen adgangsnøgle');
    }
    const expiry = expiryOf(body.access_token);
    this.cached.set(tenantId, {
      token: body.access_token,
      renewAt: expiry === null ? Date.now() + 5 * 60000 : expiry - 60000,
    });
    return body.access_token;
  }
}

export const createSandboxTokenSource = (options: SandboxAuthOptions): SandboxTokenSource =>
  new SandboxTokenSource(options);
