import { describe, expect, it } from 'vitest';
import {
  GRAPH_SCOPES,
  SEND_SCOPES,
  TODO_SCOPES,
  qualifiedGraphScopes,
} from '../../../../src/adapters/auth/graphScopes';
import { msalConfiguration } from '../../../../src/adapters/auth/msalAuth';

describe('MSAL sign-in configuration', () => {
  it('keeps tokens in session storage by default, never in local storage', () => {
    const config = msalConfiguration({ clientId: 'client', hosted: true });
    expect(config.cache?.cacheLocation).toBe('sessionStorage');
  });

  it('can keep tokens in memory only', () => {
    const config = msalConfiguration({ clientId: 'client', hosted: false, cacheLocation: 'memoryStorage' });
    expect(config.cache?.cacheLocation).toBe('memoryStorage');
  });

  it('signs in against the home tenant when one is configured, and any work account otherwise', () => {
    expect(msalConfiguration({ clientId: 'c', hosted: true, tenantId: 'tenant-1' }).auth.authority).toBe(
      'https://login.microsoftonline.com/tenant-1',
    );
    expect(msalConfiguration({ clientId: 'c', hosted: true }).auth.authority).toBe(
      'https://login.microsoftonline.com/organizations',
    );
  });
});

describe('delegated Graph permissions', () => {
  it('asks for none of the broader permissions that a narrower one already covers', () => {
    const broader = [
      'Chat.ReadWrite', // sending needs ChatMessage.Send, reading for the marker Chat.Read; soft delete: SEND_SCOPES
      'OnlineMeetings.ReadWrite', // finding the meeting chat only reads
      'User.Read.All', // the people picker needs only basic profiles
      'Directory.Read.All',
      'Mail.ReadWrite', // drafts: only when sending (SEND_SCOPES)
      'Sites.ReadWrite.All',
      'Group.ReadWrite.All',
      'TeamsAppInstallation.ReadWriteForChat', // only this app: ...SelfForChat
    ];
    for (const scope of broader) expect(GRAPH_SCOPES).not.toContain(scope);
  });

  it("asks to look up the tenant of an external person's e-mail domain, so region colleagues are reached in Teams", () => {
    // GET /tenantRelationships/findTenantInformationByDomainName in the people search; no narrower permission exists.
    expect(GRAPH_SCOPES).toContain('CrossTenantInformation.ReadBasic.All');
  });

  it('asks for drafts and taking back an extra card only when the minutes are sent', () => {
    expect(SEND_SCOPES).toEqual(['Mail.ReadWrite', 'Chat.ReadWrite']);
    for (const scope of SEND_SCOPES) expect(GRAPH_SCOPES).not.toContain(scope);
  });

  it('asks for To Do only when the user opts in', () => {
    expect(GRAPH_SCOPES).not.toContain('Tasks.ReadWrite');
    expect(TODO_SCOPES).toEqual(['Tasks.ReadWrite']);
  });

  it('qualifies scopes for Microsoft Graph', () => {
    expect(qualifiedGraphScopes(['User.Read'])).toEqual(['https://graph.microsoft.com/User.Read']);
  });
});
