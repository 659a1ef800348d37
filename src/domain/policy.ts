import type { MailProtectionSetting } from './policy/mailProtectionSetting';

/**
 * The tenant's policy, set by the admin. `summary` (default) keeps round notes and challenge texts out of
 * chats, following Region Hovedstaden's rule that Teams chats carry no sensitive personal data.
 */
export interface TenantPolicy {
  cardDetail: 'summary' | 'full';
  /** Pin the app's tab in the meeting chat when booking. */
  pinTab: boolean;
  /**
   * How the tenant protects outgoing mail (policy/mailProtectionSetting.ts), as read from its setting. Absent:
   * `none`, so no e-mail carries plan content.
   */
  mailProtection?: MailProtectionSetting;
}

export const defaultPolicy: TenantPolicy = { cardDetail: 'summary', pinTab: true };
