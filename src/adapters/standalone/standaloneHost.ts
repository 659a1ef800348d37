import type { Frame, MeetingHost, ShareResult, Theme } from '../../domain/ports/meetingHost';
import type { Cleared } from '../../domain/privacy/cleared';
import { STAGE_CHANNEL, isStageMessage, type StageMessage } from './stageChannel';

export interface StandaloneHostOptions {
  frame: Frame;
  theme: Theme;
  lang: 'da' | 'en';
  /** The demo user, carried into the stage URL so the stage signs in as the same person. */
  user: string | null;
  /** `false` acts as an attendee who may not present (to see the app's message for that). */
  presenter: boolean;
  /** The page's window (injected so tests can give a jsdom one). */
  window: Window;
  /** How long to wait for the launcher to confirm the stage before opening a window instead. */
  stageAckMs?: number;
}

export const THEME_MESSAGE = 'tovholder:theme';

/**
 * The host in local mode: frame, theme and language come from the URL, the way Teams would tell them.
 * "Vis for alle" shows the stage in the launcher's stage frame (over a BroadcastChannel), or in a window of
 * its own when the page runs on its own. The launcher may switch the theme live with a postMessage.
 */
export class StandaloneHost implements MeetingHost {
  readonly kind = 'standalone' as const;
  private currentTheme: Theme;
  private readonly listeners = new Set<(theme: Theme) => void>();

  constructor(private readonly options: StandaloneHostOptions) {
    this.currentTheme = options.theme;
    options.window.addEventListener('message', (event: MessageEvent) => {
      if (event.origin !== options.window.location.origin) return;
      const data = event.data as { type?: unknown; theme?: unknown } | null;
      if (data?.type !== THEME_MESSAGE) return;
      if (data.theme === 'light' || data.theme === 'dark' || data.theme === 'contrast') this.setTheme(data.theme);
    });
  }

  frame(): Frame {
    return this.options.frame;
  }

  theme(): Theme {
    return this.currentTheme;
  }

  onThemeChange(listener: (theme: Theme) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  locale(): string {
    return this.options.lang === 'en' ? 'en-GB' : 'da-DK';
  }

  async shareToStage(url: Cleared<string>): Promise<ShareResult> {
    if (!this.options.presenter) return 'notPresenter';
    if (this.options.frame !== 'sidePanel' && this.options.frame !== 'meetingStage') return 'notSupported';
    const stageUrl = this.withStandaloneParams(url, 'meetingStage');
    const win = this.options.window;
    if (win.parent === win) {
      // On its own (not inside the launcher): open the stage beside it, as a presenter's shared window would.
      return win.open(stageUrl, 'tovholder-stage') ? 'shared' : 'failed';
    }
    return (await this.askLauncher(stageUrl)) ? 'shared' : 'failed';
  }

  async openLink(url: Cleared<string>): Promise<void> {
    this.options.window.open(url, '_blank', 'noopener');
  }

  private setTheme(theme: Theme) {
    this.currentTheme = theme;
    for (const listener of this.listeners) listener(theme);
  }

  /** The stage page needs the same local-mode parameters (who, how it looks) as the panel that shares it. */
  private withStandaloneParams(url: string, frame: Frame): string {
    const target = new URL(url, this.options.window.location.href);
    if (target.origin !== this.options.window.location.origin) return target.href;
    target.searchParams.set('host', 'standalone');
    target.searchParams.set('frame', frame);
    if (this.options.user && !target.searchParams.has('user')) target.searchParams.set('user', this.options.user);
    if (!target.searchParams.has('theme')) target.searchParams.set('theme', this.currentTheme);
    if (!target.searchParams.has('lang')) target.searchParams.set('lang', this.options.lang);
    const sandbox = new URL(this.options.window.location.href).searchParams.get('sandbox');
    if (sandbox && !target.searchParams.has('sandbox')) target.searchParams.set('sandbox', sandbox);
    return target.href;
  }

  private askLauncher(url: string): Promise<boolean> {
    const ChannelClass = (this.options.window as Window & { BroadcastChannel?: typeof BroadcastChannel })
      .BroadcastChannel;
    if (!ChannelClass) return Promise.resolve(false);
    const channel = new ChannelClass(STAGE_CHANNEL);
    const requestId = `${Date.now()}-${Math.random().toString(36).slice(2)}`;
    return new Promise<boolean>((resolve) => {
      const done = (shown: boolean) => {
        clearTimeout(timer);
        channel.close();
        resolve(shown);
      };
      const timer = setTimeout(() => done(false), this.options.stageAckMs ?? 2000);
      channel.onmessage = (event: MessageEvent) => {
        if (isStageMessage(event.data) && event.data.type === 'stageShown' && event.data.requestId === requestId)
          done(true);
      };
      const message: StageMessage = { type: 'shareToStage', requestId, url };
      channel.postMessage(message);
    });
  }
}
