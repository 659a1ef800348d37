import type { Cleared } from '../privacy/cleared';
import type { Outcome } from './outcome';

export interface TabToPin {
  displayName: string;
  /** teamsAppId of our app in the tenant's catalogue. */
  teamsAppId: string;
  entityId: string;
  /** Both URLs are seen by everyone in the meeting chat, so they pass the privacy guard (clearUrl) first. */
  contentUrl: Cleared<string>;
  websiteUrl: Cleared<string>;
}

/** The Teams meeting's chat: found from the join URL, the app's tab pinned in it. */
export interface MeetingChat {
  findChatId(joinUrl: string): Promise<Outcome<string>>;
  /** `notAllowed` when the tenant's policy or permissions refuse; the UI then explains the two clicks. */
  pinTab(chatId: string, tab: TabToPin): Promise<Outcome<'pinned' | 'notAllowed'>>;
}
