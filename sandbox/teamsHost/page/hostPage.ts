/**
 * The local Teams host's page (bundled by sandbox/teamsHost/server.ts, run in the browser): frames the production
 * pages the way Teams does — a meeting with its chat, the details tab, the side panel at 320 px and the stage; the
 * personal tab; the tab configuration dialog with Teams' Save button — and answers teams-js's messages from them
 * (../protocol.ts) and MSAL's nested app auth (../naaBridge.ts) with the sandbox's tokens for the signed-in demo user.
 *
 * Everything it does not know is loud: logged with its name, listed on the page, kept in `window.__teamsHost.unknown`
 * (the browser tests fail on any), and answered as Teams answers a capability it does not offer.
 */
import { answerNaa, type ConsentPrompt, type NaaUser } from '../naaBridge';
import {
  ErrorCode,
  ONE_WAY,
  asAppRequest,
  initializeAnswer,
  legacyContext,
  notSupported,
  responseTo,
  type AppRequest,
  type FrameContext,
  type HostClientType,
} from '../protocol';
import { deepLinkTarget } from '../deepLinks';

interface HostConfig {
  sandboxOrigin: string;
  appOrigin: string;
  teamsAppId: string;
}

interface DemoUser {
  upn: string;
  id: string;
  name: string;
  tenantId: string | null;
  kind: string;
  role: string | null;
}

interface ChatTab {
  id: string;
  displayName: string;
  teamsAppId: string;
  configuration: { entityId: string | null; contentUrl: string | null; websiteUrl: string | null };
}

interface SandboxChat {
  id: string;
  chatType: string;
  topic: string | null;
  members: { userId: string; displayName: string | null }[];
  messages: {
    from?: { user?: { displayName?: string } } | null;
    body?: { content?: string };
    attachments?: unknown[];
    deletedDateTime?: string | null;
  }[];
  installedApps: { teamsAppId: string }[];
  tabs: ChatTab[];
}

interface Stage {
  id: string;
  url: string;
  protocol: 'Collaborative' | 'ScreenShare';
  presenterUpn: string;
  presenterName: string;
}

interface FrameRecord {
  kind: FrameContext;
  label: string;
  iframe: HTMLIFrameElement;
  entityId: string;
  subEntityId?: string;
  chatId?: string;
  handlers: Set<string>;
}

type TeamsTheme = 'default' | 'dark' | 'contrast';

declare global {
  interface Window {
    /** What the browser tests read: every message this host did not know, and everything it answered. */
    __teamsHost: { unknown: string[]; log: string[]; frames(): string[] };
  }
}

const query = new URLSearchParams(location.search);
const view = query.get('view') ?? 'start';
const userUpn = (query.get('user') ?? '').toLowerCase();
const clientType: HostClientType = query.get('client') === 'web' ? 'web' : 'desktop';
const role = query.get('role') === 'attendee' ? 'attendee' : 'presenter';
const locale = query.get('lang') === 'en' ? 'en-us' : 'da-dk';
const refused = new Set((query.get('refuse') ?? '').split(',').filter(Boolean));
const stageProtocols = new Set((query.get('stageProtocols') ?? 'Collaborative,ScreenShare').split(',').filter(Boolean));
let theme: TeamsTheme = ((): TeamsTheme => {
  const given = query.get('theme');
  return given === 'dark' || given === 'contrast' ? given : 'default';
})();

const sessionId = crypto.randomUUID();
const frames = new Map<Window, FrameRecord>();
window.__teamsHost = {
  unknown: [],
  log: [],
  frames: () => [...frames.values()].map((f) => `${f.kind}:${f.label}`),
};

const el = <K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<Record<string, string>> = {},
  ...children: (Node | string | null)[]
): HTMLElementTagNameMap[K] => {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) if (value !== undefined) node.setAttribute(key, value);
  for (const child of children) if (child !== null) node.append(child);
  return node;
};

const log = (line: string) => {
  window.__teamsHost.log.push(line);
  console.info(`[Teams-vært] ${line}`);
};

const main = document.getElementById('host') as HTMLElement;

const getJson = async <T>(url: string, init?: RequestInit): Promise<T> => {
  const response = await fetch(url, init);
  if (!response.ok) throw new Error(`${init?.method ?? 'GET'} ${url}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
};

const config = await getJson<HostConfig>('/api/config');
const users = (await getJson<{ users: DemoUser[] }>(`${config.sandboxOrigin}/_sandbox/users`)).users.filter(
  (user) => user.kind !== 'emailOnly',
);
const me = users.find((user) => user.upn.toLowerCase() === userUpn) ?? null;

/** The Teams client's own token for the user, for what Teams itself does (pinning the tab in the chat). */
const sandboxToken = () =>
  getJson<{ access_token: string; expires_in: number }>(
    `${config.sandboxOrigin}/_sandbox/token?user=${encodeURIComponent(me?.upn ?? '')}`,
  );

const graph = async <T>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> => {
  const { access_token } = await sandboxToken();
  const response = await fetch(`${config.sandboxOrigin}/v1.0${path}`, {
    method,
    headers: { Authorization: `Bearer ${access_token}`, 'Content-Type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : null) as T };
};

/** The page's URL as Teams loads it, plus where the local pages find the sandbox and this host. */
const frameUrl = (contentUrl: string): string => {
  const url = new URL(contentUrl);
  url.searchParams.set('sandbox', config.sandboxOrigin);
  url.searchParams.set('teamsHost', location.origin);
  return url.href;
};

const hostUrl = (params: Record<string, string>): string => {
  const next = new URLSearchParams();
  for (const key of ['client', 'role', 'lang', 'refuse', 'stageProtocols', 'theme'])
    if (query.get(key)) next.set(key, query.get(key) ?? '');
  for (const [key, value] of Object.entries(params)) next.set(key, value);
  return `/?${next.toString()}`;
};

const addFrame = (record: Omit<FrameRecord, 'handlers'>, src: string): HTMLIFrameElement => {
  record.iframe.src = frameUrl(src);
  record.iframe.title = record.label;
  record.iframe.setAttribute('allow', 'clipboard-write');
  const full: FrameRecord = { ...record, handlers: new Set() };
  // The frame's window exists once the element is in the document: registered then (see place()).
  pendingFrames.push(full);
  return record.iframe;
};
const pendingFrames: FrameRecord[] = [];
/** Registers the frames just put in the document by their windows (how answers find their way back). */
const place = () => {
  for (const frame of pendingFrames.splice(0)) {
    if (frame.iframe.contentWindow) frames.set(frame.iframe.contentWindow, frame);
  }
};
const removeFrame = (iframe: HTMLIFrameElement) => {
  for (const [win, frame] of frames) if (frame.iframe === iframe) frames.delete(win);
  iframe.remove();
};

const post = (frame: FrameRecord, message: unknown) =>
  frame.iframe.contentWindow?.postMessage(message, config.appOrigin);

const reportUnknown = (frame: FrameRecord, name: string) => {
  const line = `${name} (fra ${frame.kind}: ${frame.label})`;
  window.__teamsHost.unknown.push(line);
  console.error(`[Teams-vært] UKENDT BESKED: ${line} — besvaret som en funktion Teams ikke tilbyder (fejlkode 100)`);
  const list = document.getElementById('unknown-messages');
  if (list) {
    list.hidden = false;
    list.querySelector('ul')?.append(el('li', {}, line));
  }
};

// ---------------------------------------------------------------- consent prompt (the host's own dialog)

/**
 * One prompt at a time, as Teams shows one: a frame asking while another frame's prompt is open waits for it, and is
 * not asked again for what the user has just granted.
 */
let openPrompt: Promise<unknown> = Promise.resolve();
const consentPrompt = (request: ConsentPrompt): Promise<'accepted' | 'cancelled'> => {
  const turn = openPrompt.then(async () => {
    const granted = await naaDeps.consented();
    if (request.refused.length === 0 && request.scopes.every((scope) => granted.has(scope))) return 'accepted' as const;
    return showConsentPrompt(request);
  });
  openPrompt = turn.catch(() => undefined);
  return turn;
};

const showConsentPrompt = (request: ConsentPrompt): Promise<'accepted' | 'cancelled'> =>
  new Promise((resolve) => {
    const adminOnly = request.refused.length > 0;
    const dialog = el(
      'dialog',
      { 'aria-labelledby': 'consent-title', class: 'consent' },
      el(
        'h2',
        { id: 'consent-title' },
        adminOnly ? 'Kræver godkendelse af en administrator' : 'Tovholder beder om tilladelse',
      ),
      el(
        'p',
        {},
        adminOnly
          ? `Tovholder beder om adgang, som kun din organisations administrator kan give: ${request.refused.join(', ')}.`
          : `${me?.name ?? ''}: Tovholder vil gerne have disse tilladelser i Microsoft Graph:`,
      ),
      adminOnly ? null : el('ul', {}, ...request.scopes.map((scope) => el('li', {}, scope))),
    );
    const close = (choice: 'accepted' | 'cancelled') => {
      dialog.close();
      dialog.remove();
      log(
        `samtykke ${choice === 'accepted' ? 'givet' : 'afvist'}: ${[...request.scopes, ...request.refused].join(' ')}`,
      );
      resolve(choice);
    };
    const buttons = el('div', { class: 'buttons' });
    if (adminOnly) {
      const back = el('button', { type: 'button' }, 'Luk');
      back.addEventListener('click', () => close('cancelled'));
      buttons.append(back);
    } else {
      const accept = el('button', { type: 'button', class: 'primary' }, 'Accepter');
      accept.addEventListener('click', () => close('accepted'));
      const cancel = el('button', { type: 'button' }, 'Annuller');
      cancel.addEventListener('click', () => close('cancelled'));
      buttons.append(accept, cancel);
    }
    dialog.append(buttons);
    document.body.append(dialog);
    dialog.showModal();
  });

const naaUser = (): NaaUser => ({
  id: me?.id ?? '',
  upn: me?.upn ?? '',
  name: me?.name ?? '',
  tenantId: me?.tenantId ?? '',
});

const naaDeps = {
  user: naaUser(),
  accessToken: sandboxToken,
  consented: async () =>
    new Set((await getJson<{ scopes: string[] }>(`/api/consent?user=${encodeURIComponent(userUpn)}`)).scopes),
  grant: async (scopes: string[]) => {
    await getJson('/api/consent', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ user: userUpn, scopes }),
    });
  },
  refused,
  prompt: consentPrompt,
  nowSeconds: () => Math.floor(Date.now() / 1000),
};

// ---------------------------------------------------------------- stage

let currentChatId: string | null = null;
/** The stage last drawn (its id, or null for an empty stage); undefined until the first draw. */
let stageShown: string | null | undefined;
const stageRegion = el('section', { 'aria-labelledby': 'stage-title', class: 'stage' });

const renderStage = (stage: Stage | null) => {
  const key = stage ? `${stage.id}` : null;
  if (key === stageShown) return;
  stageShown = key;
  for (const old of Array.from(stageRegion.querySelectorAll('iframe'))) removeFrame(old);
  stageRegion.replaceChildren(el('h2', { id: 'stage-title' }, 'Mødescene'));
  if (!stage) {
    stageRegion.append(el('p', { class: 'muted' }, 'Ingen deler noget på scenen.'));
    return;
  }
  const mine = stage.presenterUpn.toLowerCase() === userUpn;
  stageRegion.append(
    el(
      'p',
      { role: 'status' },
      `${mine ? 'Du' : stage.presenterName} deler Tovholder på scenen (${stage.protocol === 'Collaborative' ? 'samarbejde' : 'skærmdeling'}).`,
    ),
  );
  if (stage.protocol === 'ScreenShare' && !mine) {
    // Everyone else sees the presenter's screen as a picture, which a local host cannot stream.
    stageRegion.append(
      el('p', { class: 'muted' }, 'Skærmdeling: de andre ser oplægsholderens billede (vises ikke i den lokale vært).'),
    );
    return;
  }
  const iframe = addFrame(
    {
      kind: 'meetingStage',
      label: 'Tovholder på mødescenen',
      iframe: el('iframe', { class: 'stage-frame' }),
      entityId: '',
      ...(currentChatId ? { chatId: currentChatId } : {}),
    },
    stage.url,
  );
  stageRegion.append(iframe);
  place();
};

const pollStage = async () => {
  if (!currentChatId) return;
  try {
    renderStage(await getJson<Stage | null>(`/api/stage?meeting=${encodeURIComponent(currentChatId)}`));
  } catch (error) {
    log(`scenen kunne ikke læses: ${String(error)}`);
  }
};

const shareToStage = async (frame: FrameRecord, request: AppRequest) => {
  const [url, options] = request.args as [unknown, { sharingProtocol?: unknown } | undefined];
  const protocol = options?.sharingProtocol === 'ScreenShare' ? 'ScreenShare' : 'Collaborative';
  const refuse = (errorCode: number, message: string) => {
    log(`del på scenen afvist (${errorCode}): ${message}`);
    post(frame, responseTo(request, [{ errorCode, message }, null]));
  };
  if (frame.kind !== 'sidePanel' && frame.kind !== 'meetingStage')
    return refuse(ErrorCode.NOT_SUPPORTED_IN_CURRENT_CONTEXT, 'Only the side panel and the stage can share.');
  if (role !== 'presenter')
    return refuse(ErrorCode.PERMISSION_DENIED, "App doesn't have sufficient permission to use this API");
  if (!stageProtocols.has(protocol))
    return refuse(ErrorCode.NOT_SUPPORTED_IN_CURRENT_CONTEXT, `The ${protocol} sharing protocol is not supported.`);
  let target: URL;
  try {
    target = new URL(String(url));
  } catch {
    return refuse(ErrorCode.INVALID_ARGUMENTS, 'appContentUrl is not a URL.');
  }
  if (target.origin !== config.appOrigin)
    return refuse(ErrorCode.NOT_SUPPORTED_IN_CURRENT_CONTEXT, 'appContentUrl is not in the app’s validDomains.');
  if (!frame.chatId) return refuse(ErrorCode.NOT_SUPPORTED_IN_CURRENT_CONTEXT, 'Not in a meeting.');
  const stage = await getJson<Stage>('/api/stage', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      meeting: frame.chatId,
      url: target.href,
      protocol,
      presenterUpn: me?.upn,
      presenterName: me?.name,
    }),
  });
  log(`delt på scenen (${protocol}): ${target.pathname}${target.search}`);
  renderStage(stage);
  post(frame, responseTo(request, [null, true]));
};

// ---------------------------------------------------------------- the tab configuration dialog

interface InstanceConfig {
  entityId?: string;
  contentUrl?: string;
  websiteUrl?: string;
  suggestedDisplayName?: string;
}
let configDialog: {
  frame: FrameRecord;
  save: HTMLButtonElement;
  status: HTMLElement;
  chosen: InstanceConfig | null;
} | null = null;

const openConfigDialog = (chat: SandboxChat) => {
  const dialog = el('dialog', { 'aria-labelledby': 'config-title', class: 'config' });
  const iframe = el('iframe', { class: 'config-frame' });
  const save = el('button', { type: 'button', class: 'primary', disabled: '' }, 'Gem');
  const cancel = el('button', { type: 'button' }, 'Annuller');
  const status = el('p', { role: 'status' });
  const frame: FrameRecord = {
    kind: 'settings',
    label: 'Tilføj Tovholder til mødet',
    iframe,
    entityId: '',
    chatId: chat.id,
    handlers: new Set(),
  };
  addFrame(frame, `${config.appOrigin}/meeting.html?view=config`);
  dialog.append(
    el('h2', { id: 'config-title' }, 'Tilføj Tovholder til mødet'),
    iframe,
    status,
    el('div', { class: 'buttons' }, save, cancel),
  );
  document.body.append(dialog);
  dialog.showModal();
  place();
  const registered = [...frames.values()].find((f) => f.iframe === iframe) ?? frame;
  configDialog = { frame: registered, save, status, chosen: null };
  const close = () => {
    removeFrame(iframe);
    dialog.close();
    dialog.remove();
    configDialog = null;
  };
  cancel.addEventListener('click', close);
  save.addEventListener('click', () => {
    save.disabled = true;
    status.textContent = 'Gemmer …';
    // Teams' Save: the page's save handler answers with settings.setSettings and settings.save.success.
    post(registered, { func: 'settings.save', args: [] });
  });
  pendingSaveDone = async (ok, reason) => {
    if (!ok || !configDialog?.chosen) {
      status.textContent = `Fanen blev ikke gemt${reason ? `: ${reason}` : ''}.`;
      save.disabled = false;
      return;
    }
    status.textContent = (await pinTab(chat, configDialog.chosen)) ?? '';
    if (!status.textContent) {
      close();
      await renderMeeting();
    } else save.disabled = false;
  };
};
let pendingSaveDone: ((ok: boolean, reason?: string) => Promise<void>) | null = null;

/** What Teams does on Save: the app installed in the meeting chat and the configured tab pinned there. */
const pinTab = async (chat: SandboxChat, chosen: InstanceConfig): Promise<string | null> => {
  const app = `https://graph.microsoft.com/v1.0/appCatalogs/teamsApps/${config.teamsAppId}`;
  const installed = await graph('POST', `/chats/${encodeURIComponent(chat.id)}/installedApps`, {
    'teamsApp@odata.bind': app,
  });
  if (installed.status !== 201 && installed.status !== 409)
    return `Appen kunne ikke installeres (${installed.status}).`;
  const tab = await graph('POST', `/chats/${encodeURIComponent(chat.id)}/tabs`, {
    displayName: chosen.suggestedDisplayName || 'Tovholder',
    'teamsApp@odata.bind': app,
    configuration: { entityId: chosen.entityId, contentUrl: chosen.contentUrl, websiteUrl: chosen.websiteUrl },
  });
  if (tab.status !== 201) return `Fanen kunne ikke fastgøres (${tab.status}).`;
  log(`fane fastgjort i mødechatten: ${chosen.contentUrl ?? ''}`);
  return null;
};

// ---------------------------------------------------------------- deep links

const openDeepLink = (frame: FrameRecord, request: AppRequest) => {
  const target = deepLinkTarget(String(request.args[0] ?? ''), config.teamsAppId);
  if (target.kind === 'invalid') {
    post(frame, responseTo(request, [false, target.reason]));
    return;
  }
  post(frame, responseTo(request, [true]));
  log(`dybt link: ${String(request.args[0])}`);
  if (target.kind === 'web') window.open(target.url, '_blank', 'noopener');
  else if (target.kind === 'personal')
    location.assign(
      hostUrl({ view: 'personal', user: userUpn, ...(target.subEntityId ? { subEntityId: target.subEntityId } : {}) }),
    );
  else if (target.kind === 'meeting') location.assign(hostUrl({ view: 'meeting', user: userUpn, chat: target.chatId }));
};

// ---------------------------------------------------------------- the message pump

const handle = async (frame: FrameRecord, request: AppRequest) => {
  const answer = (args: unknown[]) => post(frame, responseTo(request, args));
  switch (request.func) {
    case 'initialize':
      return answer(initializeAnswer(frame.kind, clientType));
    case 'getContext':
      return answer([
        legacyContext({
          frameContext: frame.kind,
          entityId: frame.entityId,
          ...(frame.subEntityId ? { subEntityId: frame.subEntityId } : {}),
          user: naaUser(),
          theme,
          locale,
          clientType,
          teamsAppId: config.teamsAppId,
          ...(frame.chatId ? { chatId: frame.chatId } : {}),
          sessionId,
          appSessionId: `${sessionId}-${frame.kind}`,
        }),
      ]);
    case 'registerHandler':
      frame.handlers.add(String(request.args[0]));
      return;
    case 'executeDeepLink':
      return openDeepLink(frame, request);
    case 'meeting.getAppContentStageSharingCapabilities':
      if (frame.kind !== 'sidePanel' && frame.kind !== 'meetingStage')
        return answer([{ errorCode: ErrorCode.NOT_SUPPORTED_IN_CURRENT_CONTEXT }, null]);
      return answer([null, { doesAppHaveSharePermission: role === 'presenter' }]);
    case 'meeting.shareAppContentToStage':
      return shareToStage(frame, request);
    case 'settings.setValidityState':
      if (configDialog && configDialog.frame === frame) configDialog.save.disabled = request.args[0] !== true;
      return;
    case 'settings.setSettings': {
      const chosen = (request.args[0] ?? {}) as InstanceConfig;
      const inDomain = (() => {
        try {
          return new URL(chosen.contentUrl ?? '').origin === config.appOrigin;
        } catch {
          return false;
        }
      })();
      if (frame.kind !== 'settings' || !configDialog || !inDomain)
        return answer([false, 'contentUrl must be on one of the app’s validDomains']);
      configDialog.chosen = chosen;
      return answer([true]);
    }
    case 'settings.getSettings':
      return answer([configDialog?.chosen ?? {}]);
    case 'settings.save.success':
      return pendingSaveDone?.(true);
    case 'settings.save.failure':
      return pendingSaveDone?.(false, String(request.args[0] ?? ''));
    case 'nestedAppAuth.execute': {
      const { response, unknownMethod } = await answerNaa(request.data ?? '', naaDeps);
      if (unknownMethod) reportUnknown(frame, `nestedAppAuth.execute/${unknownMethod}`);
      const method = (JSON.parse(request.data ?? '{}') as { method?: string }).method ?? '';
      log(`nested app auth ${method}: ${(JSON.parse(response) as { success: boolean }).success ? 'ok' : response}`);
      // teams-js hands the second argument to MSAL (communication.ts, processAuthBridgeMessage).
      return answer([false, response]);
    }
    default:
      if (ONE_WAY.has(request.func)) return;
      reportUnknown(frame, request.func);
      return answer([notSupported(request.func)]);
  }
};

window.addEventListener('message', (event: MessageEvent) => {
  const frame = event.source ? frames.get(event.source as Window) : undefined;
  if (!frame) return;
  const request = asAppRequest(event.data);
  if (!request) return;
  // As Teams does, only the app's own origin (its manifest's validDomains) is listened to.
  if (event.origin !== config.appOrigin) {
    console.error(`[Teams-vært] besked fra ukendt oprindelse ignoreret: ${event.origin} (${request.func})`);
    return;
  }
  void handle(frame, request).catch((error: unknown) => {
    console.error(`[Teams-vært] ${request.func} fejlede`, error);
    post(frame, responseTo(request, [{ errorCode: ErrorCode.INTERNAL_ERROR, message: String(error) }]));
  });
});

// ---------------------------------------------------------------- chrome: theme, views

const setTheme = (next: TeamsTheme) => {
  theme = next;
  document.documentElement.dataset.theme = next;
  for (const frame of frames.values()) post(frame, { func: 'themeChange', args: [next] });
  log(`tema: ${next}`);
};

const topBar = (title: string) => {
  const select = el('select', { id: 'host-theme' });
  for (const [value, label] of [
    ['default', 'Lyst'],
    ['dark', 'Mørkt'],
    ['contrast', 'Høj kontrast'],
  ] as const) {
    const option = el('option', { value }, label);
    if (value === theme) option.selected = true;
    select.append(option);
  }
  select.addEventListener('change', () => setTheme(select.value as TeamsTheme));
  return el(
    'header',
    { class: 'bar' },
    el('a', { href: hostUrl({}), class: 'brand' }, 'Teams (lokal vært)'),
    el('h1', {}, title),
    el('span', { class: 'who' }, me ? `${me.name}` : ''),
    el('label', { for: 'host-theme' }, 'Tema'),
    select,
  );
};

const unknownBox = () =>
  el(
    'section',
    { id: 'unknown-messages', role: 'alert', hidden: '', 'aria-labelledby': 'unknown-title' },
    el('h2', { id: 'unknown-title' }, 'Beskeder værten ikke kender'),
    el('ul'),
  );

const chatsOf = async (upn: string): Promise<SandboxChat[]> =>
  (await getJson<{ chats: SandboxChat[] }>(`${config.sandboxOrigin}/_sandbox/chats?user=${encodeURIComponent(upn)}`))
    .chats;

const ourTabs = (chat: SandboxChat): ChatTab[] =>
  chat.tabs.filter((tab) => {
    try {
      return new URL(tab.configuration.contentUrl ?? '').origin === config.appOrigin;
    } catch {
      return false;
    }
  });

const renderStart = async () => {
  document.title = 'Teams (lokal vært) – Tovholder';
  const list = el('ul', { class: 'people' });
  for (const user of users) {
    const meetings = (await chatsOf(user.upn)).filter((chat) => chat.chatType === 'meeting');
    list.append(
      el(
        'li',
        {},
        el('strong', {}, user.name),
        user.role ? ` · ${user.role}` : '',
        ' — ',
        el('a', { href: hostUrl({ view: 'personal', user: user.upn }) }, 'Planer (personlig fane)'),
        meetings.length
          ? el(
              'ul',
              {},
              ...meetings.map((chat) =>
                el(
                  'li',
                  {},
                  el(
                    'a',
                    { href: hostUrl({ view: 'meeting', user: user.upn, chat: chat.id }) },
                    `Møde: ${chat.topic ?? chat.id}`,
                  ),
                ),
              ),
            )
          : null,
      ),
    );
  }
  main.replaceChildren(
    topBar('Åbn som i Teams'),
    el(
      'p',
      { class: 'intro' },
      'Tovholders sider, som Teams viser dem: rigtig teams-js og MSAL (nested app auth) mod sandkassen. Vælg en demobruger; åbn to brugere i hver sit vindue for at være to i samme møde.',
    ),
    list,
    el('p', {}, el('a', { href: `${config.appOrigin}/` }, 'Siderne uden Teams (lokal start)')),
  );
};

const renderPersonal = () => {
  document.title = `Planer – ${me?.name ?? ''} – Teams (lokal vært)`;
  const subEntityId = query.get('subEntityId') ?? undefined;
  const iframe = addFrame(
    {
      kind: 'content',
      label: 'Tovholder – Planer',
      iframe: el('iframe', { class: 'personal-frame' }),
      entityId: 'plans',
      ...(subEntityId ? { subEntityId } : {}),
    },
    `${config.appOrigin}/plans.html`,
  );
  main.replaceChildren(topBar('Tovholder – Planer'), unknownBox(), el('main', { class: 'personal' }, iframe));
  place();
};

const stripHtml = (html: string): string => {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  return doc.body.textContent ?? '';
};

const renderMeeting = async () => {
  const chatId = query.get('chat') ?? '';
  currentChatId = chatId;
  const chat = (await chatsOf(userUpn)).find((c) => c.id === chatId);
  for (const frame of [...frames.values()]) removeFrame(frame.iframe);
  stageShown = undefined;
  if (!chat) {
    main.replaceChildren(
      topBar('Mødet findes ikke'),
      el('p', { role: 'alert' }, `${me?.name ?? userUpn} er ikke med i dette møde.`),
    );
    return;
  }
  document.title = `${chat.topic ?? 'Møde'} – ${me?.name ?? ''} – Teams (lokal vært)`;
  const tabs = ourTabs(chat);
  const tab = tabs[0];
  const chatList = el(
    'ol',
    { class: 'messages' },
    ...chat.messages
      .filter((m) => !m.deletedDateTime)
      .map((m) =>
        el(
          'li',
          {},
          el('strong', {}, m.from?.user?.displayName ?? 'System'),
          ': ',
          stripHtml(m.body?.content ?? '').slice(0, 200),
          m.attachments?.length ? ' [kort]' : '',
        ),
      ),
  );
  const tabList = el('div', { role: 'tablist', 'aria-label': 'Mødechattens faner' });
  const panel = el('div', { role: 'tabpanel', class: 'tabpanel' });
  const show = (which: 'chat' | ChatTab) => {
    for (const old of Array.from(panel.querySelectorAll('iframe'))) removeFrame(old);
    for (const button of Array.from(tabList.querySelectorAll('[role="tab"]')))
      button.setAttribute(
        'aria-selected',
        String(button.getAttribute('data-tab') === (which === 'chat' ? 'chat' : which.id)),
      );
    if (which === 'chat') panel.replaceChildren(chatList);
    else {
      panel.replaceChildren(
        addFrame(
          {
            kind: 'content',
            label: `${which.displayName} – detaljer`,
            iframe: el('iframe', { class: 'details-frame' }),
            entityId: which.configuration.entityId ?? '',
            chatId: chat.id,
          },
          which.configuration.contentUrl ?? '',
        ),
      );
      place();
    }
  };
  const tabButton = (id: string, label: string, which: 'chat' | ChatTab) => {
    const button = el('button', { role: 'tab', type: 'button', 'data-tab': id }, label);
    button.addEventListener('click', () => show(which));
    return button;
  };
  tabList.append(tabButton('chat', 'Chat', 'chat'), ...tabs.map((t) => tabButton(t.id, t.displayName, t)));
  const add = el('button', { type: 'button' }, 'Tilføj en fane');
  add.addEventListener('click', () => openConfigDialog(chat));
  tabList.append(add);

  const side = el('aside', { 'aria-label': 'Sidepanel', class: 'side' });
  if (tab) {
    side.append(
      addFrame(
        {
          kind: 'sidePanel',
          label: `${tab.displayName} – sidepanel`,
          iframe: el('iframe', { class: 'side-frame', width: '320' }),
          entityId: tab.configuration.entityId ?? '',
          chatId: chat.id,
        },
        tab.configuration.contentUrl ?? '',
      ),
    );
  } else side.append(el('p', { class: 'muted' }, 'Ingen app i mødet endnu: tilføj Tovholder som fane.'));

  // Two people in the same meeting: each in a host window of their own, as each has their own Teams.
  const others = chat.members
    .map((member) => users.find((user) => user.id === member.userId))
    .filter((user): user is DemoUser => !!user && user.upn.toLowerCase() !== userUpn);
  const alsoAs = el(
    'p',
    { class: 'also-as' },
    'Åbn mødet i et nyt vindue som: ',
    ...others.flatMap((user, index) => [
      index > 0 ? ', ' : '',
      el('a', { href: hostUrl({ view: 'meeting', user: user.upn, chat: chat.id }), target: '_blank' }, user.name),
    ]),
  );
  main.replaceChildren(
    topBar(chat.topic ?? 'Møde'),
    alsoAs,
    unknownBox(),
    el(
      'div',
      { class: 'meeting' },
      el('section', { 'aria-label': 'Mødechat', class: 'chat' }, tabList, panel),
      stageRegion,
      side,
    ),
  );
  place();
  show(tab && query.get('tab') !== 'chat' ? tab : 'chat');
  renderStage(null);
  await pollStage();
};

document.documentElement.dataset.theme = theme;
document.documentElement.lang = 'da';
if (view !== 'start' && !me) {
  main.replaceChildren(
    topBar('Ukendt bruger'),
    el('p', { role: 'alert' }, `Ingen demobruger '${userUpn}' kan logge ind. Vælg en på startsiden.`),
  );
} else if (view === 'personal') renderPersonal();
else if (view === 'meeting') {
  await renderMeeting();
  setInterval(() => void pollStage(), 1500);
} else await renderStart();
