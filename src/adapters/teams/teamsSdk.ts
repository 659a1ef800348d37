import { app, meeting } from '@microsoft/teams-js';
import type { TeamsSdk } from './teamsMeetingHost';

/** The real teams-js 2.x calls behind the TeamsSdk seam. */
export const teamsSdk: TeamsSdk = {
  getContext: () => app.getContext(),
  registerOnThemeChangeHandler: (handler) => app.registerOnThemeChangeHandler(handler),
  openLink: (url) => app.openLink(url),
  getAppContentStageSharingCapabilities: (callback) => meeting.getAppContentStageSharingCapabilities(callback),
  shareAppContentToStage: (callback, url, options) =>
    meeting.shareAppContentToStage(callback, url, {
      sharingProtocol:
        options?.sharingProtocol === 'ScreenShare'
          ? meeting.SharingProtocol.ScreenShare
          : meeting.SharingProtocol.Collaborative,
    }),
};

/**
 * Initialise teams-js once per page (the composition root's job, before MSAL's nested app auth). `validMessageOrigins`
 * adds host origins to teams-js's own list; empty in production, where every Microsoft host is on that list.
 */
export const initializeTeams = (validMessageOrigins: string[] = []): Promise<void> =>
  app.initialize(validMessageOrigins.length > 0 ? validMessageOrigins : undefined);
