import { DEMO_UPN } from '../../support/demoUsers';
import type { RunningSandbox } from '../../support/sandboxProcess';

/** Raw HTTP against the sandbox, the way a Graph client sends it: just enough to assert Graph's shapes. */

export interface GraphReply<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  body: T;
}

export type Call = <T = Record<string, unknown>>(
  method: string,
  path: string,
  body?: unknown,
  headers?: Record<string, string>,
) => Promise<GraphReply<T>>;

export const USERS = DEMO_UPN;

export const HOME_TENANT_ID = '11111111-1111-4111-8111-111111111111';
export const REGION_TENANT_ID = '22222222-2222-4222-8222-222222222222';

const parse = async (response: Response): Promise<unknown> => {
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
};

/** The token endpoint's answer for `upn` acting in `tenant` (their own tenant when omitted): status and body. */
export const tokenReply = async (
  sandbox: RunningSandbox,
  upn: string,
  tenant?: string,
): Promise<{ status: number; body: Record<string, unknown> }> => {
  const query = `user=${encodeURIComponent(upn)}${tenant ? `&tenant=${encodeURIComponent(tenant)}` : ''}`;
  const response = await fetch(`${sandbox.origin}/_sandbox/token?${query}`);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
};

/** A caller signed in as `upn` (or anonymous when `upn` is null), acting in `tenant` when given (as a guest there). */
export const signIn = async (sandbox: RunningSandbox, upn: string | null, tenant?: string): Promise<Call> => {
  let token: string | null = null;
  if (upn && tenant) {
    const reply = await tokenReply(sandbox, upn, tenant);
    if (reply.status !== 200) throw new Error(`no token for ${upn} in ${tenant}: ${JSON.stringify(reply.body)}`);
    token = String(reply.body.access_token);
  } else if (upn) token = await sandbox.token(upn);
  return async <T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const init: RequestInit = {
      method,
      redirect: 'manual',
      headers: {
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
        ...(body !== undefined && typeof body !== 'string' ? { 'Content-Type': 'application/json' } : {}),
        ...headers,
      },
      ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
    };
    const response = await fetch(`${sandbox.graphUrl}${path}`, init);
    return { status: response.status, headers: response.headers, body: (await parse(response)) as T };
  };
};

/** The sandbox's own tools (/_sandbox/…). */
export const tool = async <T = Record<string, unknown>>(
  sandbox: RunningSandbox,
  method: string,
  path: string,
  body?: unknown,
): Promise<T> => {
  const response = await fetch(`${sandbox.origin}${path}`, {
    method,
    ...(body !== undefined ? { body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } } : {}),
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
};

export interface GraphErrorShape {
  error: {
    code: string;
    message: string;
    innerError: { date: string; 'request-id': string; 'client-request-id': string };
  };
}

/** A dateTimeTimeZone in Copenhagen `days` from now at `hour`:00 (a weekday is not guaranteed). */
export const copenhagen = (isoDate: string, hour: number, minute = 0): { dateTime: string; timeZone: string } => ({
  dateTime: `${isoDate}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00`,
  timeZone: 'Europe/Copenhagen',
});

/** The next Monday–Friday date at least `days` ahead, as YYYY-MM-DD. */
export const weekdayAhead = (days: number): string => {
  const date = new Date(Date.now() + days * 86_400_000);
  while (date.getUTCDay() === 0 || date.getUTCDay() === 6) date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
};
