/**
 * Issue 16, the Outlook side: Office.js loads only from Microsoft's CDN, so the compose pane's host stays
 * office-addin-mock, but its boot path runs as in Outlook where it can — a sandbox build's framed compose page without
 * host=standalone takes the production path: the real `defaultHostSdks.office()` (Office.onReady, the Outlook item,
 * the Office host adapter), then MSAL's real nestable client, whose nested app auth bridge (which Outlook's Office.js
 * provides in production) is answered by the local Teams host's bridge (sandbox/teamsHost/naaBridge.ts) with the
 * sandbox's token for the demo user, consent included; then Graph's /me against the real sandbox.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createServices } from '../../../src/app/createServices';
import { defaultHostSdks } from '../../../src/app/hostSdks';
import { answerNaa, type ConsentPrompt } from '../../../sandbox/teamsHost/naaBridge';
import { outlookWith } from '../../support/fakes/outlookAppointmentMock';
import { pageWindow } from '../../support/pageWindow';
import { startSandbox, type RunningSandbox } from '../../support/sandboxProcess';

const AISHA = 'aisha.khan@sundby-kommune.example';

let sandbox: RunningSandbox;
beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(async () => {
  await sandbox?.stop();
});

type Listener = (response: string) => void;
const global = globalThis as unknown as { Office?: unknown; nestedAppAuthBridge?: unknown };
afterEach(() => {
  delete global.Office;
  delete global.nestedAppAuthBridge;
});

/** Outlook's side: Office.js's globals over office-addin-mock's appointment item, and its nested app auth bridge. */
const inOutlook = async () => {
  const { item } = outlookWith({ subject: '' });
  global.Office = {
    HostType: { Outlook: 'Outlook' },
    AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
    CoercionType: { Html: 'html', Text: 'text' },
    onReady: async () => ({ host: 'Outlook', platform: 'OfficeOnline' }),
    context: {
      displayLanguage: 'da-DK',
      officeTheme: { bodyBackgroundColor: '#ffffff' },
      ui: { openBrowserWindow: () => undefined },
      mailbox: { item },
    },
  };
  const users = (await (await fetch(`${sandbox.origin}/_sandbox/users`)).json()) as {
    users: { upn: string; id: string; name: string; tenantId: string }[];
  };
  const aisha = users.users.find((u) => u.upn === AISHA);
  if (!aisha) throw new Error('no Aisha in the sandbox');
  const granted = new Set<string>();
  const prompts: ConsentPrompt[] = [];
  const listeners: Listener[] = [];
  global.nestedAppAuthBridge = {
    addEventListener: (_name: string, listener: Listener) => listeners.push(listener),
    removeEventListener: () => undefined,
    postMessage: (message: string) =>
      void answerNaa(message, {
        user: aisha,
        accessToken: async () =>
          (await (await fetch(`${sandbox.origin}/_sandbox/token?user=${encodeURIComponent(AISHA)}`)).json()) as {
            access_token: string;
            expires_in: number;
          },
        consented: async () => granted,
        grant: async (scopes) => scopes.forEach((s) => granted.add(s)),
        refused: new Set(),
        prompt: async (request) => {
          prompts.push(request);
          return 'accepted';
        },
        nowSeconds: () => Math.floor(Date.now() / 1000),
      }).then(({ response }) => listeners.forEach((listener) => listener(response))),
  };
  return { prompts, granted };
};

describe('the compose pane boots as in Outlook, on office-addin-mock', () => {
  it('reads the Outlook item through Office.js and signs in with MSAL’s nestable client, consenting once', async () => {
    const { prompts } = await inOutlook();
    const startup = await createServices({
      surface: 'compose',
      window: pageWindow(`/compose.html?sandbox=${encodeURIComponent(sandbox.origin)}`, { framed: true }),
      build: {
        backend: 'sandbox',
        sandboxOrigin: sandbox.origin,
        clientId: '',
        teamsAppId: '',
        domain: '',
        tenantId: null,
        driveId: '',
        plansFolder: 'Tovholder/plans',
        cardDetail: 'summary',
        pinTab: true,
      },
      hosts: defaultHostSdks,
    });
    if (!startup.ok) throw new Error(`did not start: ${JSON.stringify(startup.problem)}`);
    expect(startup.launch.hostKind).toBe('office');
    expect(startup.services.host.locale()).toBe('da-DK');
    expect(startup.services.appointment).not.toBeNull();
    expect(startup.launch.standaloneAppointment).toBeNull();
    // Graph's /me answered for the demo user whose token the bridge handed MSAL.
    expect(startup.services.me.name).toBe('Aisha Khan');
    expect(prompts).toHaveLength(1);
    expect(prompts[0]?.scopes).toContain('Calendars.ReadWrite');
  });
});
