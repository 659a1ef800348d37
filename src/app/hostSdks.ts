import type { AccessTokenSource } from '../adapters/auth/accessTokenSource';
import type { MsalAuthOptions } from '../adapters/auth/msalAuth';
import type { AppointmentItem } from '../domain/ports/appointmentItem';
import type { Frame, MeetingHost } from '../domain/ports/meetingHost';

export type TeamsStart =
  { ok: true; host: MeetingHost; tenantId: string | null; subPageId: string | null } | { ok: false; detail: string };

/**
 * The Microsoft hosts' SDKs, loaded on demand: a Teams page loads teams-js and MSAL, the Outlook pane Office.js'
 * adapter and MSAL, and a local page neither. Tests replace the whole seam.
 */
export interface HostSdks {
  /** `validMessageOrigins`: host origins beyond teams-js's own list (only the local Teams host, in sandbox builds). */
  teams(defaultFrame: Frame, validMessageOrigins?: string[]): Promise<TeamsStart>;
  /** Null when the page is not running in Outlook's appointment form. */
  office(): Promise<{ host: MeetingHost; appointment: AppointmentItem } | null>;
  /**
   * `hosted`: a Microsoft host is initialised, so nested app auth is tried first. `redirectUri`: the page the standard
   * client's popup and silent iframe return to (auth-end.html, which hands the answer back to this page).
   */
  msal(options: {
    clientId: string;
    tenantId: string | null;
    hosted: boolean;
    redirectUri: string;
  }): Promise<AccessTokenSource>;
}

/** teams-js never settles inside a frame that is not Teams; give up after this long and say so. */
const TEAMS_INIT_TIMEOUT_MS = 10000;

const withTimeout = <T>(promise: Promise<T>, ms: number, message: string): Promise<T> =>
  Promise.race([promise, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(message)), ms))]);

export const defaultHostSdks: HostSdks = {
  async teams(defaultFrame, validMessageOrigins = []) {
    const [{ initializeTeams, teamsSdk }, { TeamsMeetingHost }] = await Promise.all([
      import(/* webpackChunkName: "host-teams" */ '../adapters/teams/teamsSdk'),
      import(/* webpackChunkName: "host-teams" */ '../adapters/teams/teamsMeetingHost'),
    ]);
    try {
      // Once per page, before MSAL: nested app auth talks to the host through the initialised SDK.
      await withTimeout(
        initializeTeams(validMessageOrigins),
        TEAMS_INIT_TIMEOUT_MS,
        'Teams answered no initialise call',
      );
      const host = await TeamsMeetingHost.connect(teamsSdk, defaultFrame);
      return {
        ok: true,
        host,
        tenantId: host.context.user?.tenant?.id ?? null,
        subPageId: host.context.page.subPageId ?? null,
      };
    } catch (error) {
      return { ok: false, detail: error instanceof Error ? error.message : String(error) };
    }
  },

  async office() {
    const office = (globalThis as { Office?: typeof Office }).Office;
    if (!office) return null;
    const info = await office.onReady();
    const item = office.context?.mailbox?.item as Office.AppointmentCompose | undefined;
    if (info.host !== office.HostType.Outlook || !item) return null;
    const [{ OfficeAppointment }, { OfficeHost }] = await Promise.all([
      import(/* webpackChunkName: "host-office" */ '../adapters/office/officeAppointment'),
      import(/* webpackChunkName: "host-office" */ '../adapters/office/officeHost'),
    ]);
    const host = new OfficeHost({
      displayLanguage: office.context.displayLanguage,
      officeTheme: office.context.officeTheme,
      openBrowserWindow: (url) => office.context.ui.openBrowserWindow(url),
    });
    return { host, appointment: new OfficeAppointment(item, office) };
  },

  async msal({ clientId, tenantId, hosted, redirectUri }) {
    const { createMsalTokenSource } = await import(/* webpackChunkName: "auth-msal" */ '../adapters/auth/msalAuth');
    const options: MsalAuthOptions = { clientId, hosted, redirectUri, ...(tenantId ? { tenantId } : {}) };
    return createMsalTokenSource(options);
  },
};
