import { accountIn, issueToken } from './auth';
import { tenantSettingsProblem, tenantView } from './tenantSettings';
import { parseFaultSpec } from './faults';
import type { GraphResponse } from './router';
import type { GraphService } from './server';
import type { UserRecord } from './store';

/**
 * The sandbox's own tools at /_sandbox: tokens, the user list, faults, request statistics,
 * and read-only inspection of a user's chats, mailbox and calendar (no auth: local tool, 127.0.0.1 only).
 */

export interface ToolRequest {
  method: string;
  url: URL;
  body: Buffer;
  headers: Record<string, string>;
  origin: string;
}

const json = (status: number, body: unknown): GraphResponse => ({
  status,
  headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' },
  body,
});

const problem = (status: number, message: string): GraphResponse =>
  json(status, { error: { code: 'sandboxTool', message } });

export const findUser = (graph: GraphService, upnOrId: string | null): UserRecord | null => {
  if (!upnOrId) return null;
  const key = upnOrId.toLowerCase();
  return (
    graph.sandbox.store.state.users.find(
      (user) =>
        user.kind !== 'guest' &&
        (user.userPrincipalName.toLowerCase() === key || user.mail.toLowerCase() === key || user.id === key),
    ) ?? null
  );
};

const parseJson = (body: Buffer): unknown => {
  try {
    return JSON.parse(body.toString('utf8') || '{}');
  } catch {
    return undefined;
  }
};

type ToolHandler = (
  request: ToolRequest,
  graph: GraphService,
  match: RegExpExecArray,
) => GraphResponse | Promise<GraphResponse>;

const extraTools: { method: string; pattern: RegExp; handler: ToolHandler }[] = [];

/** Lets other sandbox modules (inspection, viewer, downloads) add tools without a cycle through this file. */
export const addTool = (method: string, pattern: RegExp, handler: ToolHandler): void => {
  extraTools.push({ method, pattern, handler });
};

export const handleTool = async (request: ToolRequest, graph: GraphService): Promise<GraphResponse> => {
  const { method, url } = request;
  const path = url.pathname;
  const state = graph.sandbox.store.state;

  if (method === 'GET' && path === '/_sandbox/token') {
    const user = findUser(graph, url.searchParams.get('user'));
    if (!user) return problem(404, `No demo user '${url.searchParams.get('user') ?? ''}'. See GET /_sandbox/users.`);
    if (user.kind === 'emailOnly') {
      return problem(
        400,
        `${user.displayName} is reachable by e-mail only and has no Microsoft 365 account to sign in with.`,
      );
    }
    const lifetime = Number(url.searchParams.get('lifetime') ?? 3600);
    // Entra's access tokens live 60–90 minutes; the sandbox allows up to a day, and a negative lifetime for a token
    // that has already run out (expiry tests).
    if (!Number.isInteger(lifetime) || lifetime < -86_400 || lifetime > 86_400)
      return problem(400, '`lifetime` must be a whole number of seconds from -86400 to 86400.');
    const acting = accountIn(state, user, url.searchParams.get('tenant'));
    if ('refusal' in acting) return json(400, acting.refusal);
    const account = acting.account;
    if (account.kind === 'guest' && account.externalUserState === 'PendingAcceptance') {
      // Just-in-time redemption: signing in to the resource tenant redeems a pending invitation.
      account.externalUserState = 'Accepted';
      graph.sandbox.store.touch();
      await graph.sandbox.store.persist();
    }
    return json(200, {
      token_type: 'Bearer',
      scope: 'https://graph.microsoft.com/.default',
      expires_in: lifetime,
      ext_expires_in: lifetime,
      access_token: issueToken(state, account, lifetime),
    });
  }

  if (method === 'GET' && path === '/_sandbox/tenants') {
    return json(200, { tenants: state.tenants.map((tenant) => tenantView(state, tenant)) });
  }
  const tenantPath = /^\/_sandbox\/tenants\/([0-9a-fA-F-]{36})$/.exec(path);
  if (tenantPath && (method === 'PATCH' || method === 'GET')) {
    const tenant = state.tenants.find((candidate) => candidate.id === tenantPath[1]?.toLowerCase());
    if (!tenant) return problem(404, `No tenant '${tenantPath[1] ?? ''}'. See GET /_sandbox/tenants.`);
    if (method === 'GET') return json(200, tenantView(state, tenant));
    const change = parseJson(request.body);
    const refused = tenantSettingsProblem(change);
    if (refused) return problem(400, refused);
    Object.assign(tenant.settings, change);
    graph.sandbox.store.touch();
    await graph.sandbox.store.persist();
    return json(200, tenantView(state, tenant));
  }
  const userPath = /^\/_sandbox\/users\/([^/]+)$/.exec(path);
  if (userPath && method === 'PATCH') {
    const user = findUser(graph, decodeURIComponent(userPath[1] ?? ''));
    if (!user) return problem(404, `No demo user '${userPath[1] ?? ''}'. See GET /_sandbox/users.`);
    const change = parseJson(request.body) as { oneDrive?: unknown } | undefined;
    const keys = Object.keys(change ?? {});
    if (!change || keys.some((key) => key !== 'oneDrive') || typeof change.oneDrive !== 'boolean')
      return problem(400, 'Only `{ "oneDrive": true|false }` can be changed on a user.');
    user.oneDrive = change.oneDrive;
    graph.sandbox.store.touch();
    await graph.sandbox.store.persist();
    return json(200, { upn: user.userPrincipalName, oneDrive: user.oneDrive });
  }

  if (method === 'GET' && path === '/_sandbox/users') {
    return json(200, {
      tenants: state.tenants,
      // Guest accounts are not sign-in choices (a person signs in with their own account): GET /_sandbox/tenants
      // lists them per tenant.
      users: state.users
        .filter((user) => user.kind !== 'guest')
        .map((user) => ({
          upn: user.userPrincipalName,
          id: user.id,
          name: user.displayName,
          mail: user.mail,
          jobTitle: user.jobTitle,
          organisation: user.companyName,
          sector: user.sector,
          tenant: state.tenants.find((tenant) => tenant.id === user.tenantId)?.displayName ?? null,
          tenantId: user.tenantId,
          kind: user.kind,
          role: user.roleHint,
        })),
    });
  }

  if (path === '/_sandbox/faults') {
    if (method === 'GET') return json(200, { faults: graph.sandbox.faults.list() });
    if (method === 'DELETE') return json(200, { removed: graph.sandbox.faults.clear() });
    if (method === 'POST') {
      const spec = parseFaultSpec(parseJson(request.body));
      if (typeof spec === 'string') return problem(400, spec);
      return json(201, graph.sandbox.faults.add(spec));
    }
  }
  const faultId = /^\/_sandbox\/faults\/([\w-]+)$/.exec(path);
  if (faultId && method === 'DELETE') return json(200, { removed: graph.sandbox.faults.clear(faultId[1]) });

  if (method === 'GET' && path === '/_sandbox/stats') return json(200, graph.stats.toJson());
  if (method === 'POST' && path === '/_sandbox/stats/reset') {
    graph.stats.reset();
    return json(200, graph.stats.toJson());
  }
  if (method === 'GET' && path === '/_sandbox/revision') return json(200, { revision: state.revision });

  for (const tool of extraTools) {
    if (tool.method !== method) continue;
    const match = tool.pattern.exec(path);
    if (match) return tool.handler(request, graph, match);
  }
  if (method === 'GET' && path === '/') return { status: 302, headers: { Location: '/_sandbox/' } };
  if (method === 'GET' && path === '/favicon.ico') return { status: 204 };
  return problem(404, `No sandbox route ${method} ${path}. Graph lives under /v1.0, tools under /_sandbox.`);
};
