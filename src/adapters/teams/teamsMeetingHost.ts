import type { Frame, MeetingHost, ShareResult, Theme } from '../../domain/ports/meetingHost';
import type { Cleared } from '../../domain/privacy/cleared';
import type { StageSharing } from '../../domain/meeting/stageSharing';
import { TeamsContextSchema, type TeamsContext } from './teamsContext';

export type SdkError = { errorCode: number; message?: string } | null;

/** The teams-js calls the host makes; the real SDK by default, a recording fake in tests. */
export interface TeamsSdk {
  getContext(): Promise<unknown>;
  registerOnThemeChangeHandler(handler: (theme: string) => void): void;
  openLink(url: string): Promise<void>;
  getAppContentStageSharingCapabilities(
    callback: (error: SdkError, capabilities: { doesAppHaveSharePermission: boolean } | null) => void,
  ): void;
  shareAppContentToStage(
    callback: (error: SdkError, result: boolean | null) => void,
    url: string,
    options?: { sharingProtocol: SharingProtocol },
  ): void;
}

/** teams-js `meeting.SharingProtocol` values. */
export type SharingProtocol = 'ScreenShare' | 'Collaborative';

// teams-js ErrorCode values (public/interfaces.ts), kept as numbers so tests need no SDK enum.
const NOT_SUPPORTED_ON_PLATFORM = 100;
const NOT_SUPPORTED_IN_CURRENT_CONTEXT = 501;
const PERMISSION_DENIED = 1000;
const UNAUTHORIZED_USER_OPERATION = 5000;

/** Teams' theme names ("default", "dark", "contrast", and the newer "glass") as ours. */
export const themeFromTeams = (theme: string): Theme =>
  theme === 'dark' ? 'dark' : theme === 'contrast' ? 'contrast' : 'light';

const frameFromTeams = (frameContext: string | undefined, fallback: Frame): Frame => {
  switch (frameContext) {
    case 'sidePanel':
      return 'sidePanel';
    case 'meetingStage':
      return 'meetingStage';
    case 'content':
      return fallback === 'personal' ? 'personal' : 'content';
    default:
      // settings (the configuration page), task, remove: the page decides from its own URL
      return fallback;
  }
};

type ShareAttempt = 'shared' | 'notSupported' | 'notPresenter' | 'failed';

/**
 * Teams (and Outlook / the Microsoft 365 app, which run Teams apps through the same SDK) as the host.
 * Needs `app.initialize()` to have run; only the composition root calls it.
 */
export class TeamsMeetingHost implements MeetingHost {
  readonly kind = 'teams' as const;
  private currentTheme: Theme;
  private readonly listeners = new Set<(theme: Theme) => void>();

  constructor(
    readonly context: TeamsContext,
    private readonly sdk: TeamsSdk,
    private readonly defaultFrame: Frame,
  ) {
    this.currentTheme = themeFromTeams(context.app.theme);
    // teams-js keeps one theme handler; fan it out to every listener.
    sdk.registerOnThemeChangeHandler((theme) => {
      this.currentTheme = themeFromTeams(theme);
      for (const listener of this.listeners) listener(this.currentTheme);
    });
  }

  /** Reads and validates the context; throws (a startup failure the root shows) when Teams sends no usable one. */
  static async connect(sdk: TeamsSdk, defaultFrame: Frame): Promise<TeamsMeetingHost> {
    const context = TeamsContextSchema.parse(await sdk.getContext());
    return new TeamsMeetingHost(context, sdk, defaultFrame);
  }

  frame(): Frame {
    return frameFromTeams(this.context.page.frameContext, this.defaultFrame);
  }

  theme(): Theme {
    return this.currentTheme;
  }

  onThemeChange(listener: (theme: Theme) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  locale(): string {
    return this.context.app.locale;
  }

  /**
   * The protocol the meeting's people can follow first (collaborative where all are colleagues in our tenant,
   * who can each read the plan; screen share where guests or other organisations take part), the other one on
   * a client that lacks it.
   */
  async shareToStage(url: Cleared<string>, prefer: StageSharing): Promise<ShareResult> {
    const frame = this.frame();
    if (frame !== 'sidePanel' && frame !== 'meetingStage') return 'notSupported';
    const capability = await new Promise<ShareAttempt | boolean>((resolve) => {
      try {
        this.sdk.getAppContentStageSharingCapabilities((error, capabilities) => {
          if (error) resolve(this.classify(error));
          else resolve(capabilities?.doesAppHaveSharePermission === true);
        });
      } catch {
        resolve('notSupported');
      }
    });
    if (capability === false) return 'notPresenter';
    if (capability !== true) return capability;
    const [first, second]: [SharingProtocol, SharingProtocol] =
      prefer === 'collaborative' ? ['Collaborative', 'ScreenShare'] : ['ScreenShare', 'Collaborative'];
    const attempt = await this.share(url, first);
    if (attempt !== 'notSupported') return attempt;
    return this.share(url, second);
  }

  async openLink(url: Cleared<string>): Promise<void> {
    await this.sdk.openLink(url);
  }

  private share(url: string, sharingProtocol: SharingProtocol): Promise<ShareAttempt> {
    return new Promise((resolve) => {
      try {
        this.sdk.shareAppContentToStage(
          (error, result) => resolve(error ? this.classify(error) : result ? 'shared' : 'failed'),
          url,
          { sharingProtocol },
        );
      } catch {
        resolve('notSupported'); // teams-js throws when the frame or client does not offer the call
      }
    });
  }

  private classify(error: NonNullable<SdkError>): ShareAttempt {
    if (error.errorCode === PERMISSION_DENIED || error.errorCode === UNAUTHORIZED_USER_OPERATION) return 'notPresenter';
    if (error.errorCode === NOT_SUPPORTED_ON_PLATFORM || error.errorCode === NOT_SUPPORTED_IN_CURRENT_CONTEXT)
      return 'notSupported';
    return 'failed';
  }
}
