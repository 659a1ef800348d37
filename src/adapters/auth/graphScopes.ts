/**
 * The delegated Microsoft Graph permissions Tovholder asks for: the least privileged permission that each call
 * the app makes needs, per the Graph API reference (checked call by call; the README lists the same).
 *
 * | scope                                  | for                                                                    |
 * |----------------------------------------|------------------------------------------------------------------------|
 * | User.Read                              | GET /me (who is signed in)                                             |
 * | User.ReadBasic.All                     | GET /users?$search (find participants in the directory)                |
 * | People.Read                            | GET /me/people (people I work with, including external contacts)      |
 * | CrossTenantInformation.ReadBasic.All   | GET /tenantRelationships/findTenantInformationByDomainName: the tenant |
 * |                                        | of an external person's e-mail domain, so a region colleague with a    |
 * |                                        | Teams address is reached in Teams (federated), not only by e-mail.     |
 * |                                        | The only permission for it; without consent the search still works     |
 * |                                        | and the person stays e-mail only                                       |
 * | Calendars.ReadWrite                    | POST /me/events, PATCH, GET responses; also covers getSchedule         |
 * | OnlineMeetings.Read                    | GET /me/onlineMeetings?$filter=JoinWebUrl eq … (find the meeting chat) |
 * | Chat.Create                            | POST /chats (open the 1:1 chats the minutes go to)                     |
 * | ChatMessage.Send                       | POST /chats/{id}/messages (post the minutes)                           |
 * | Chat.Read                              | GET /chats/{id}/messages (look for a delivery marker after an unknown  |
 * |                                        | outcome); Chat.ReadWrite is not needed, sending uses ChatMessage.Send  |
 * | TeamsAppInstallation.ReadWriteSelfForChat | POST /chats/{id}/installedApps (only this app, only in chats)       |
 * | TeamsTab.Create                        | POST /chats/{id}/tabs (pin the plan beside the call)                   |
 * | Mail.Send                              | POST /me/messages/{id}/send (minutes to people outside Teams)          |
 * | FileStorageContainer.Selected          | the plans: each a SharePoint Embedded container of Tovholder's type;   |
 * |                                        | only containers the user is a member of, and only Tovholder's type     |
 * |                                        | (docs/decisions/0008-plan-access.md). No Files.* permission: the app   |
 * |                                        | cannot read the user's other files                                     |
 *
 * Giving people of another organisation access to a plan asks for one more (ACCESS_SCOPES), when it is first needed:
 *
 * | scope           | for                                                                                  |
 * |-----------------|--------------------------------------------------------------------------------------|
 * | User.Invite.All | POST /invitations without an e-mail: the guest account of a region colleague the     |
 * |                 | consent covers, in the plan's tenant (Graph answers an existing guest with the same  |
 * |                 | account). Without it, only guests who already exist can be given access              |
 *
 * Moving plans from the first version's document library (LEGACY_SCOPES), only while one is configured:
 * Files.ReadWrite.All, to read the library and leave a pointer in each moved plan's place.
 *
 * Tasks.ReadWrite (Microsoft To Do) is opt-in and asked for only when the user turns it on.
 *
 * Sending the minutes asks for two more, the first time the referent sends (SEND_SCOPES):
 *
 * | scope          | for                                                                                   |
 * |----------------|---------------------------------------------------------------------------------------|
 * | Mail.ReadWrite | POST /me/messages: each e-mail is made as a draft carrying the delivery's mark, then  |
 * |                | sent (Mail.Send); a send whose answer was lost is checked by the draft, never re-sent |
 * |                | blind. The only permission that creates a draft; the app reads and deletes only the   |
 * |                | drafts it made, found by their mark                                                    |
 * | Chat.ReadWrite | POST /users/{me}/chats/{id}/messages/{id}/softDelete: takes back an extra copy of the |
 * |                | card when the browser itself resent a request whose answer was lost                    |
 */
export const GRAPH_SCOPES: readonly string[] = [
  'User.Read',
  'User.ReadBasic.All',
  'People.Read',
  'CrossTenantInformation.ReadBasic.All',
  'Calendars.ReadWrite',
  'OnlineMeetings.Read',
  'Chat.Create',
  'ChatMessage.Send',
  'Chat.Read',
  'TeamsAppInstallation.ReadWriteSelfForChat',
  'TeamsTab.Create',
  'Mail.Send',
  'FileStorageContainer.Selected',
];

/** Asked for when a guest account must be found or made for someone of another organisation. */
export const ACCESS_SCOPES: readonly string[] = ['User.Invite.All'];

/** Asked for only while plans are still in the first version's library (reading it, leaving pointers). */
export const LEGACY_SCOPES: readonly string[] = ['Files.ReadWrite.All'];

/**
 * Asked for incrementally, the first time the minutes are sent: idempotent e-mail (drafts) and taking back an extra
 * card. Not at sign-in, so someone who only books or takes part never grants them.
 */
export const SEND_SCOPES: readonly string[] = ['Mail.ReadWrite', 'Chat.ReadWrite'];

/** Asked for incrementally, when the user opts in to "Tilføj til Microsoft To Do". */
export const TODO_SCOPES: readonly string[] = ['Tasks.ReadWrite'];

/** The fully qualified form MSAL wants for Graph. */
export const qualifiedGraphScopes = (scopes: readonly string[]): string[] =>
  scopes.map((scope) => `https://graph.microsoft.com/${scope}`);
