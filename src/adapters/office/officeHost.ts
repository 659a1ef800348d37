import type { Frame, MeetingHost, ShareResult, Theme } from '../../domain/ports/meetingHost';
import type { Cleared } from '../../domain/privacy/cleared';

/** What the host needs from Office.js (the global `Office` after `Office.onReady`). */
export interface OfficeContextApi {
  displayLanguage: string;
  officeTheme?: { bodyBackgroundColor?: string } | undefined;
  openBrowserWindow?: ((url: string) => void) | undefined;
}

/** Office's task pane background, as a theme: a dark background means the dark theme. */
export const themeFromBackground = (color: string | undefined): Theme => {
  const hex = /^#?([0-9a-f]{6})$/i.exec(color ?? '')?.[1];
  if (!hex) return 'light';
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255) as [number, number, number];
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  return luminance < 0.4 ? 'dark' : 'light';
};

/** Outlook's task pane as a host: no meeting stage here, links open in the browser. */
export class OfficeHost implements MeetingHost {
  readonly kind = 'office' as const;

  constructor(private readonly context: OfficeContextApi) {}

  frame(): Frame {
    return 'taskPane';
  }

  theme(): Theme {
    return themeFromBackground(this.context.officeTheme?.bodyBackgroundColor);
  }

  onThemeChange(): () => void {
    // Outlook reloads an open task pane's look only on reopen; nothing to follow live.
    return () => undefined;
  }

  locale(): string {
    return this.context.displayLanguage || 'da-DK';
  }

  async shareToStage(_url: Cleared<string>): Promise<ShareResult> {
    return 'notSupported';
  }

  async openLink(url: Cleared<string>): Promise<void> {
    if (this.context.openBrowserWindow) this.context.openBrowserWindow(url);
    else window.open(url, '_blank', 'noopener');
  }
}
