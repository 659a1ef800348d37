/**
 * The tenant's policy, set by the admin. `summary` (default) keeps round notes and challenge texts out of
 * chats, following Region Hovedstaden's rule that Teams chats carry no sensitive personal data.
 */
export interface TenantPolicy {
  cardDetail: 'summary' | 'full';
  /** Pin the app's tab in the meeting chat when booking. */
  pinTab: boolean;
}

export const defaultPolicy: TenantPolicy = { cardDetail: 'summary', pinTab: true };
