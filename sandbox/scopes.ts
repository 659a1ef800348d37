/** The delegated scopes every sandbox token carried before tenants had consent settings (state version 2). */
export const SCOPES = [
  'User.Read',
  'User.ReadBasic.All',
  'People.Read',
  'Calendars.ReadWrite',
  'OnlineMeetings.ReadWrite',
  'Chat.Create',
  'Chat.ReadWrite',
  'ChatMessage.Send',
  'TeamsAppInstallation.ReadWriteSelfForChat',
  'TeamsTab.Create',
  'Mail.Send',
  'Mail.ReadWrite',
  'Files.ReadWrite.All',
  'Tasks.ReadWrite',
  'CrossTenantInformation.ReadBasic.All',
];
