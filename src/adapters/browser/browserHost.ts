import type { Frame, MeetingHost, ShareResult, Theme } from '../../domain/ports/meetingHost';
import type { Cleared } from '../../domain/privacy/cleared';

/**
 * The host for the plans page opened in a plain browser tab in a real tenant (Teams' "open in browser", a bookmark):
 * no Microsoft host to ask, so the page is a personal page, the theme follows the system's (`prefers-color-scheme`,
 * `forced-colors`, live) and the language the browser's (`navigator.language`; the app shell picks Danish or English
 * from it). No meeting features: there is no stage to share to. Unlike the local StandaloneHost it reports
 * kind `browser`, so links the app writes for other people (invitations, To Do) stay Teams deep links.
 */
export class BrowserHost implements MeetingHost {
  readonly kind = 'browser' as const;

  constructor(private readonly win: Window) {}

  frame(): Frame {
    return 'personal';
  }

  theme(): Theme {
    if (this.matches('(forced-colors: active)')) return 'contrast';
    return this.matches('(prefers-color-scheme: dark)') ? 'dark' : 'light';
  }

  onThemeChange(listener: (theme: Theme) => void): () => void {
    const queries = ['(forced-colors: active)', '(prefers-color-scheme: dark)']
      .map((query) => this.query(query))
      .filter((query): query is MediaQueryList => query !== null);
    let current = this.theme();
    const changed = () => {
      const next = this.theme();
      if (next === current) return;
      current = next;
      listener(next);
    };
    for (const query of queries) query.addEventListener('change', changed);
    return () => {
      for (const query of queries) query.removeEventListener('change', changed);
    };
  }

  locale(): string {
    return this.win.navigator?.language || 'da-DK';
  }

  async shareToStage(_url: Cleared<string>): Promise<ShareResult> {
    return 'notSupported';
  }

  async openLink(url: Cleared<string>): Promise<void> {
    this.win.open(url, '_blank', 'noopener');
  }

  private query(query: string): MediaQueryList | null {
    return typeof this.win.matchMedia === 'function' ? this.win.matchMedia(query) : null;
  }

  private matches(query: string): boolean {
    return this.query(query)?.matches ?? false;
  }
}
