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

export class SandboxTokenSource implements AccessTokenSource {
  private cached: CachedToken | null = null;
  private pending: Promise<string> | null = null;

  constructor(private readonly options: SandboxAuthOptions) {}

  get user(): string {
    return this.options.user;
  }

  /** The sandbox grants every scope the app asks for; `scopes` is accepted for the port's sake. */
  async getToken(_scopes: string[]): Promise<string> {
    if (this.cached && Date.now() < this.cached.renewAt) return this.cached.token;
    this.pending ??= this.fetchToken().finally(() => {
      this.pending = null;
    });
    return this.pending;
  }

  /** Forget the token (e.g. after a 401), so the next call asks the sandbox again. */
  signOut(): void {
    this.cached = null;
  }

  private async fetchToken(): Promise<string> {
    const url = `${this.options.sandboxOrigin.replace(/\/+$/, '')}/_sandbox/token?user=${encodeURIComponent(this.options.user)}`;
    let response: Response;
    try {
      response = await fetch(url);
    } catch (error) {
      throw new SignInRequiredError(`Sandkassen svarer ikke (${url}): ${(error as Error).message}`);
    }
    if (!response.ok) {
      throw new SignInRequiredError(`Sandkassen kender ikke brugeren ${this.options.user} (${response.status})`);
    }
    const body = (await response.json()) as { access_token?: unknown };
    if (typeof body.access_token !== 'string' || body.access_token === '') {
      throw new SignInRequiredError('Sandkassen gav ingen adgangsnøgle');
    }
    const expiry = expiryOf(body.access_token);
    this.cached = { token: body.access_token, renewAt: expiry === null ? Date.now() + 5 * 60000 : expiry - 60000 };
    return body.access_token;
  }
}

export const createSandboxTokenSource = (options: SandboxAuthOptions): SandboxTokenSource =>
  new SandboxTokenSource(options);
