import type { StageSharing } from '../meeting/stageSharing';
import type { Cleared } from '../privacy/cleared';

/** Where a meeting surface runs (teams-js FrameContexts, or the URL in local mode). */
export type Frame = 'content' | 'sidePanel' | 'meetingStage' | 'personal' | 'taskPane';

export type Theme = 'light' | 'dark' | 'contrast';

export type ShareResult = 'shared' | 'notPresenter' | 'notSupported' | 'failed';

/**
 * What the surfaces need from the host (Teams, Outlook, the standalone local page, or a plain browser tab: the plans
 * page opened outside any Microsoft host in a real tenant).
 */
export interface MeetingHost {
  readonly kind: 'teams' | 'office' | 'standalone' | 'browser';
  frame(): Frame;
  theme(): Theme;
  onThemeChange(listener: (theme: Theme) => void): () => void;
  /** Language tag from the host, e.g. "da-DK". */
  locale(): string;
  /**
   * Show this app's stage view to everyone in the meeting, by the sharing protocol `prefer`
   * (`stageSharingFor`), or the other one where the client does not offer it.
   */
  shareToStage(url: Cleared<string>, prefer: StageSharing): Promise<ShareResult>;
  /** Open a deep link in the host. */
  openLink(url: Cleared<string>): Promise<void>;
}
