import type { AccessTokenSource } from '../adapters/auth/accessTokenSource';
import { ACCESS_SCOPES, GRAPH_SCOPES, LEGACY_SCOPES, SEND_SCOPES, TODO_SCOPES } from '../adapters/auth/graphScopes';
import { fetchDemoUsers } from '../adapters/auth/sandboxDemoUsers';
import { createSandboxTokenSource } from '../adapters/auth/sandboxAuth';
import { createGraphClient } from '../adapters/graph/graphClient';
import { GraphPeopleDirectory } from '../adapters/graph/graphPeopleDirectory';
import { GraphLegacyPlanLibrary } from '../adapters/graph/graphLegacyPlanLibrary';
import { GraphPlanAccess } from '../adapters/graph/graphPlanAccess';
import { GraphPlanStore } from '../adapters/graph/graphPlanStore';
import type { GraphClient } from '../adapters/graph/graphClient';
import { ConsoleLogger } from '../adapters/standalone/consoleLogger';
import { StandaloneAppointment } from '../adapters/standalone/standaloneAppointment';
import { StandaloneHost } from '../adapters/standalone/standaloneHost';
import { planFromSubEntityId } from '../domain/links/planLink';
import type { AppointmentItem } from '../domain/ports/appointmentItem';
import { systemClock, type Clock } from '../domain/ports/clock';
import type { Frame, MeetingHost } from '../domain/ports/meetingHost';
import { addDays, copenhagenDate, copenhagenInstant } from '../domain/time/danishTime';
import type { CurrentUser, Services } from '../ui/services/services';
import { bakedBuildConfig, resolveConfig, type AppConfig } from './config';
import { defaultHostSdks, type HostSdks } from './hostSdks';
import { lazyPort } from './lazyPort';
import { readLaunchParams, type LaunchParams, type Surface } from './launchParams';

/** Why a page could not start; each kind has its own Danish explanation on the error page. */
export type StartupProblem =
  | { kind: 'params'; param: string; value: string }
  | { kind: 'config'; detail: string }
  /** Local mode without `user=`: the page offers the demo users to pick from. */
  | { kind: 'noUser' }
  | { kind: 'sandbox'; origin: string; detail: string }
  | { kind: 'unknownUser'; user: string }
  | { kind: 'host'; detail: string }
  | { kind: 'signIn'; detail: string }
  | { kind: 'network'; detail: string };

/** What the page was opened for, beside the services. */
export interface Launch {
  surface: Surface;
  params: LaunchParams;
  config: AppConfig;
  /** From `planId=` or, in Teams, from the deep link's sub-entity. */
  planId: string | null;
  /** The tovholder to ask for access, from the link (`ask=` or the sub-entity). */
  ask: string | null;
  /** Local compose page only: the stand-in appointment the page shows beside the pane. */
  standaloneAppointment: StandaloneAppointment | null;
  /** Which host the page runs in (the meeting's configuration page talks to Teams' Save button only in Teams). */
  hostKind: MeetingHost['kind'];
}

export type Startup =
  | { ok: true; services: Services; launch: Launch }
  | { ok: false; problem: StartupProblem; params: LaunchParams | null; config: AppConfig | null };

export interface StartEnv {
  surface: Surface;
  window: Window;
  /** The build-time config; default: what webpack baked in. */
  build?: unknown;
  /** teams-js, Office.js and MSAL behind a seam (loaded on demand, so a local page never loads them). */
  hosts?: HostSdks;
  clock?: Clock;
  /** Tests point the Microsoft 365 path at the sandbox's Graph; default: the config's. */
  graphBaseUrl?: string;
}

/**
 * Injected by webpack's DefinePlugin: true in a sandbox build, whose framed pages may talk to the local Teams host
 * (sandbox/teamsHost/). Production builds are false, so the module naming a local origin is not even in dist/.
 */
declare const __TOVHOLDER_LOCAL_TEAMS_HOST__: boolean | undefined;
const LOCAL_TEAMS_HOST_BUILD = typeof __TOVHOLDER_LOCAL_TEAMS_HOST__ !== 'undefined' && __TOVHOLDER_LOCAL_TEAMS_HOST__;

/** The last demo user picked locally, so a link opened without `user=` (a card's "Åbn planen") still signs in. */
export const LAST_USER_KEY = 'tovholder:lastUser';

/** Calendar, chat, transport and To Do: what no surface needs for its first render (see lazyPort). */
const deferredPorts = () => import(/* webpackChunkName: "graph-ports" */ './deferredGraphPorts');

const defaultFrame: Record<Surface, Frame> = { plans: 'personal', meeting: 'content', compose: 'taskPane' };

/**
 * The page MSAL's standard client returns to from a popup or silent iframe (src/app/authEnd.ts): it hands the answer
 * back to the page that signs in. Registered in Entra beside nested app auth's `brk-multihub://<domain>`.
 */
export const AUTH_END_PAGE = 'auth-end.html';

/**
 * Whether the page is a plain browser tab rather than inside a Microsoft host: Teams (desktop and web), Outlook and
 * the Microsoft 365 app frame the page in an iframe, Teams mobile runs it top-level beside its native bridge
 * (`nativeInterface`), and a window Teams opens itself (a pop-out) talks to Teams through its opener, as teams-js
 * does. Decided at once, without waiting for teams-js to give up.
 */
export const isPlainBrowser = (win: Window): boolean =>
  win.parent === win && !win.opener && !('nativeInterface' in win);

/** A new appointment in local mode starts like Outlook's: the next working day, here 13.00–14.30 Copenhagen. */
const nextWorkingAfternoon = (now: Date): { start: string; end: string } => {
  let day = addDays(copenhagenDate(now), 1);
  while ([0, 6].includes(new Date(`${day}T12:00:00Z`).getUTCDay())) day = addDays(day, 1);
  const start = copenhagenInstant(day, '13:00');
  return { start: start.toISOString(), end: new Date(start.getTime() + 90 * 60000).toISOString() };
};

const storageOf = (win: Window, kind: 'sessionStorage' | 'localStorage'): Storage | null => {
  try {
    return win[kind];
  } catch {
    return null;
  }
};

/**
 * The composition root: picks the host (Teams, Outlook, a plain browser tab for the plans page, or standalone in
 * local mode) and the backend (Microsoft
 * Graph, or the local sandbox's Graph), signs in, and wires every port. Only this calls teams-js
 * `app.initialize()`, once, before MSAL. Never throws for an expected failure: the page shows the problem.
 */
export const createServices = async (env: StartEnv): Promise<Startup> => {
  const { surface, window: win } = env;
  const hosts = env.hosts ?? defaultHostSdks;
  const clock = env.clock ?? systemClock;
  const read = readLaunchParams(win.location.search);
  if (!read.ok)
    return { ok: false, problem: { kind: 'params', param: read.param, value: read.value }, params: null, config: null };
  const params = read.params;
  const resolved = resolveConfig(env.build === undefined ? bakedBuildConfig() : env.build, params, win.location.origin);
  if (!resolved.ok) return { ok: false, problem: { kind: 'config', detail: resolved.detail }, params, config: null };
  const config = resolved.config;
  const fail = (problem: StartupProblem): Startup => ({ ok: false, problem, params, config });

  let host: MeetingHost;
  let tokenSource: AccessTokenSource;
  let tenantId: string | null = config.tenantId;
  let planId = params.planId ?? null;
  let ask = params.ask ?? null;
  let appointment: AppointmentItem | null = null;
  let standaloneAppointment: StandaloneAppointment | null = null;
  const msalApp = {
    clientId: config.clientId,
    tenantId: config.tenantId,
    redirectUri: `${config.appBaseUrl.replace(/\/+$/, '')}/${AUTH_END_PAGE}`,
  };

  if (config.backend === 'sandbox' && (params.host === 'standalone' || isPlainBrowser(win))) {
    // Local mode: the URL plays Teams' part, and the sandbox signs the demo user in. (A framed sandbox page without
    // host=standalone is in the local Teams host: it takes the Teams path below, as in a tenant.)
    const sandboxOrigin = config.sandboxOrigin ?? '';
    const remembered = storageOf(win, 'localStorage')?.getItem(LAST_USER_KEY) ?? null;
    const user = params.user ?? remembered;
    if (!user) return fail({ kind: 'noUser' });
    const users = await fetchDemoUsers(sandboxOrigin);
    if (!users.ok) return fail({ kind: 'sandbox', origin: sandboxOrigin, detail: users.message });
    const demoUser = users.value.find((u) => u.upn.toLowerCase() === user.toLowerCase());
    if (!demoUser || demoUser.kind === 'emailOnly') {
      if (!params.user) return fail({ kind: 'noUser' });
      return fail({ kind: 'unknownUser', user });
    }
    storageOf(win, 'localStorage')?.setItem(LAST_USER_KEY, demoUser.upn);
    tenantId = demoUser.tenantId ?? tenantId;
    // The sandbox's other demo tenant is this one's partner, as the admin would configure it.
    const partners = new Map<string, string>();
    for (const u of users.value)
      if (u.tenantId && u.tenantId !== tenantId && u.kind !== 'emailOnly')
        partners.set(u.tenantId, u.tenant ?? u.tenantId);
    config.partnerTenants = [...partners].map(([id, name]) => ({ tenantId: id.toLowerCase(), name }));
    host = new StandaloneHost({
      frame: params.frame ?? defaultFrame[surface],
      theme: params.theme ?? 'light',
      lang: params.lang ?? 'da',
      user: demoUser.upn,
      presenter: params.presenter !== 'false',
      window: win,
    });
    tokenSource = createSandboxTokenSource({ sandboxOrigin, user: demoUser.upn });
    if (surface === 'compose') {
      standaloneAppointment = new StandaloneAppointment(
        { subject: '', bodyHtml: '', attendees: [], ...nextWorkingAfternoon(clock.now()) },
        storageOf(win, 'sessionStorage'),
      );
      appointment = standaloneAppointment;
    }
  } else if (surface === 'compose') {
    // The Outlook add-in: Office.js is on the page (production HTML), ready before MSAL.
    const office = await hosts.office();
    if (!office) return fail({ kind: 'host', detail: 'Office.js found no Outlook item' });
    host = office.host;
    appointment = office.appointment;
    tokenSource = await hosts.msal({ ...msalApp, hosted: true });
  } else if (surface === 'plans' && isPlainBrowser(win)) {
    // The plans page in a plain browser tab (Teams' "open in browser", a bookmark): no Microsoft host to wait for
    // (teams-js would only time out), so the browser is the host and MSAL's standard client signs in with a popup.
    const { BrowserHost } = await import(/* webpackChunkName: "host-browser" */ '../adapters/browser/browserHost');
    host = new BrowserHost(win);
    tokenSource = await hosts.msal({ ...msalApp, hosted: false });
  } else {
    // Teams (also Outlook and the Microsoft 365 app for the plans tab): initialise once, then read the context.
    // In a sandbox build the frame may be in the local Teams host, whose origin teams-js must be told.
    const localOrigins =
      LOCAL_TEAMS_HOST_BUILD && config.backend === 'sandbox'
        ? (await import(/* webpackChunkName: "local-teams-host" */ './localTeamsHost')).localTeamsHostOrigins(
            win.location.search,
          )
        : [];
    const teams = await hosts.teams(defaultFrame[surface], localOrigins);
    if (!teams.ok) return fail({ kind: 'host', detail: teams.detail });
    host = teams.host;
    tenantId = teams.tenantId ?? tenantId;
    const fromLink = planFromSubEntityId(teams.subPageId);
    planId = planId ?? fromLink?.planId ?? null;
    ask = ask ?? fromLink?.ask ?? null;
    tokenSource = await hosts.msal({ ...msalApp, hosted: true });
  }

  const graphBaseUrl = env.graphBaseUrl ?? config.graphBaseUrl;
  const graph = createGraphClient({ baseUrl: graphBaseUrl, tokenSource });
  const people = new GraphPeopleDirectory(graph);
  const me = await people.me();
  if (!me.ok) {
    if (me.kind === 'unauthorized') return fail({ kind: 'signIn', detail: me.message });
    if (config.backend === 'sandbox')
      return fail({ kind: 'sandbox', origin: config.sandboxOrigin ?? '', detail: me.message });
    return fail({ kind: 'network', detail: me.message });
  }
  tenantId = tenantId ?? tokenSource.homeTenantId?.() ?? null;
  const current: CurrentUser = { userId: me.value.userId, name: me.value.name, email: me.value.email, tenantId };
  const homeTenantId = (tenantId ?? '').toLowerCase();
  // One client per tenant the user acts in: their own, and each partner organisation's plan tenant as a guest.
  const clients = new Map<string, GraphClient>([[`${homeTenantId}|`, graph]]);
  const graphFor =
    (extra: readonly string[] = []) =>
    (tenant: string): GraphClient => {
      const key = `${tenant.toLowerCase()}|${extra.join(' ')}`;
      let client = clients.get(key);
      if (!client) {
        const scopes = [...GRAPH_SCOPES, ...extra];
        client = createGraphClient({ baseUrl: graphBaseUrl, tokenSource, tenantId: tenant.toLowerCase(), scopes });
        clients.set(key, client);
      }
      return client;
    };
  const legacyPlans = config.legacyLibrary
    ? new GraphLegacyPlanLibrary(graphFor(LEGACY_SCOPES)(homeTenantId), config.legacyLibrary)
    : null;

  const services: Services = {
    me: current,
    host,
    clock,
    policy: config.policy,
    location: { appBaseUrl: config.appBaseUrl, teamsAppId: config.teamsAppId },
    planStore: new GraphPlanStore({
      graphFor: graphFor(),
      homeTenantId,
      containerTypeId: config.containerTypeId,
      legacy: legacyPlans,
    }),
    planAccess: new GraphPlanAccess({
      graphFor: graphFor(),
      inviteGraphFor: graphFor(ACCESS_SCOPES),
      appBaseUrl: config.appBaseUrl,
    }),
    legacyPlans,
    setupProbe: lazyPort(() =>
      deferredPorts().then((m) => m.graphSetupProbe({ graph, tokenSource, containerTypeId: config.containerTypeId })),
    ),
    partnerTenants: config.partnerTenants,
    calendar: lazyPort(() => deferredPorts().then((m) => m.graphCalendar(graph))),
    people,
    meetingChat: lazyPort(() => deferredPorts().then((m) => m.graphMeetingChat(graph))),
    // A client of its own that also asks for SEND_SCOPES, so those are requested at the first send, not at sign-in.
    transport: lazyPort(() =>
      deferredPorts().then((m) =>
        m.graphMinutesTransport(
          createGraphClient({
            baseUrl: graphBaseUrl,
            tokenSource,
            scopes: [...GRAPH_SCOPES, ...SEND_SCOPES],
          }),
          current.userId,
        ),
      ),
    ),
    logger: new ConsoleLogger(),
    appointment,
    // A client of its own that asks for Tasks.ReadWrite, so the To Do permission is requested only on opt-in.
    tasks: lazyPort(() =>
      deferredPorts().then((m) =>
        m.graphTodo(createGraphClient({ baseUrl: graphBaseUrl, tokenSource, scopes: TODO_SCOPES })),
      ),
    ),
  };
  return {
    ok: true,
    services,
    launch: { surface, params, config, planId, ask, standaloneAppointment, hostKind: host.kind },
  };
};
