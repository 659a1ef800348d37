import { pages } from '@microsoft/teams-js';
import type { Cleared } from '../../domain/privacy/cleared';

/** The tab the meeting's configuration page adds: which plan, and the page Teams opens for it. */
export interface TabChoice {
  planId: string;
  contentUrl: Cleared<string>;
  websiteUrl: Cleared<string>;
  displayName: string;
}

/** The host's side of a configurable tab's settings page: our page picks, the host's own Save button saves. */
export interface TabConfigurator {
  choose(tab: TabChoice | null): void;
}

/**
 * Teams' configuration page for the meeting tab (manifest `configurationUrl`): enables Save once a plan is chosen,
 * and on Save stores the plan's meeting page as the tab's content. Needs `app.initialize()` first.
 */
export const createTeamsTabConfigurator = (): TabConfigurator => {
  let current: TabChoice | null = null;
  pages.config.registerOnSaveHandler((saveEvent) => {
    if (!current) return saveEvent.notifyFailure('Vælg en plan først.');
    pages.config
      .setConfig({
        entityId: current.planId,
        contentUrl: current.contentUrl,
        websiteUrl: current.websiteUrl,
        suggestedDisplayName: current.displayName,
      })
      .then(
        () => saveEvent.notifySuccess(),
        (error: unknown) => saveEvent.notifyFailure(error instanceof Error ? error.message : String(error)),
      );
  });
  return {
    choose(tab) {
      current = tab;
      pages.config.setValidityState(tab !== null);
    },
  };
};
