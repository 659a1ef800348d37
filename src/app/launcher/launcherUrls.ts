import type { Theme } from '../../domain/ports/meetingHost';

export type LauncherSurface = 'plans' | 'details' | 'meeting' | 'compose';

export interface LauncherChoice {
  user: string;
  theme: Theme;
  lang: 'da' | 'en';
  planId: string;
  /** Passed on when the launcher itself was opened with `?sandbox=`. */
  sandbox: string | null;
}

type Page = 'plans.html' | 'meeting.html' | 'compose.html';
type FrameParam = 'content' | 'sidePanel' | 'meetingStage';

/** A local-mode page URL with the parameters that stand in for what Teams or Outlook would tell the app. */
export const surfaceUrl = (page: Page, choice: LauncherChoice, frame?: FrameParam): string => {
  const params = new URLSearchParams({ host: 'standalone' });
  if (frame) params.set('frame', frame);
  params.set('user', choice.user);
  if (page !== 'compose.html' && choice.planId) params.set('planId', choice.planId);
  if (choice.theme !== 'light') params.set('theme', choice.theme);
  if (choice.lang !== 'da') params.set('lang', choice.lang);
  if (choice.sandbox) params.set('sandbox', choice.sandbox);
  return `/${page}?${params.toString()}`;
};

/** Each launcher entry and the page(s) it opens. The meeting entry opens the side panel beside the stage. */
export const launcherTargets = (choice: LauncherChoice): Record<LauncherSurface, string> => ({
  plans: surfaceUrl('plans.html', choice),
  details: surfaceUrl('meeting.html', choice, 'content'),
  meeting: surfaceUrl('meeting.html', choice, 'sidePanel'),
  compose: surfaceUrl('compose.html', choice),
});
