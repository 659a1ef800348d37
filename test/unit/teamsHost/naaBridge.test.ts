import { describe, expect, it } from 'vitest';
import { answerNaa, type ConsentPrompt, type NaaDeps } from '../../../sandbox/teamsHost/naaBridge';

/**
 * The host's nested app auth answers, held to the envelopes MSAL's nestable client reads (src/naa/ in
 * @azure/msal-browser): GetInitContext, a silent GetToken that needs consent, the popup's consent prompt, a cancelled
 * prompt, and a scope only an administrator may grant.
 */
const user = { id: 'oid-aisha', upn: 'aisha.khan@sundby-kommune.example', name: 'Aisha Khan', tenantId: 'tid-sundby' };

const deps = (granted: string[], options: { refused?: string[]; choice?: 'accepted' | 'cancelled' } = {}) => {
  const consent = new Set(granted);
  const prompts: ConsentPrompt[] = [];
  const value: NaaDeps = {
    user,
    accessToken: async () => ({ access_token: 'sandbox.jwt.token', expires_in: 3600 }),
    consented: async () => consent,
    grant: async (scopes) => scopes.forEach((s) => consent.add(s)),
    refused: new Set(options.refused ?? []),
    prompt: async (request) => {
      prompts.push(request);
      return options.choice ?? 'accepted';
    },
    nowSeconds: () => 1_800_000_000,
  };
  return { value, prompts, consent };
};

const request = (
  method: string,
  scope = 'https://graph.microsoft.com/User.Read https://graph.microsoft.com/Mail.ReadWrite',
) =>
  JSON.stringify({
    messageType: 'NestedAppAuthRequest',
    method,
    requestId: 'req-1',
    tokenParams: { clientId: 'client-1', scope, correlationId: 'c-1' },
  });

const answer = async (data: string, d: NaaDeps) =>
  JSON.parse((await answerNaa(data, d)).response) as {
    requestId: string;
    success: boolean;
    token?: { access_token: string; id_token: string; scope: string; expires_in: number };
    account?: { homeAccountId: string; username: string; environment: string };
    initContext?: { accountContext: { homeAccountId: string; tenantId: string } };
    error?: { status: string; code?: string; subError?: string; description?: string };
  };

describe('nested app auth through the local Teams host', () => {
  it('tells MSAL who is signed in when the bridge starts (GetInitContext)', async () => {
    const { value } = deps([]);
    const init = await answer(
      JSON.stringify({ messageType: 'NestedAppAuthRequest', method: 'GetInitContext', requestId: 'r' }),
      value,
    );
    expect(init.success).toBe(true);
    expect(init.initContext?.accountContext).toEqual({
      homeAccountId: 'oid-aisha.tid-sundby',
      environment: 'login.microsoftonline.com',
      tenantId: 'tid-sundby',
    });
  });

  it('answers a silent request for scopes not yet granted with interaction required (consent_required), asking nothing', async () => {
    const { value, prompts } = deps(['User.Read']);
    const silent = await answer(request('GetToken'), value);
    expect(silent.error).toMatchObject({
      status: 'USER_INTERACTION_REQUIRED',
      code: 'interaction_required',
      subError: 'consent_required',
    });
    expect(silent.error?.description).toContain('Mail.ReadWrite');
    expect(prompts).toEqual([]);
  });

  it('prompts in the popup for only the missing scopes, remembers the grant, and returns the sandbox’s token with an id token', async () => {
    const { value, prompts, consent } = deps(['User.Read']);
    const popup = await answer(request('GetTokenPopup'), value);
    expect(prompts).toEqual([{ scopes: ['Mail.ReadWrite'], refused: [] }]);
    expect(consent.has('Mail.ReadWrite')).toBe(true);
    expect(popup.success).toBe(true);
    expect(popup.token?.access_token).toBe('sandbox.jwt.token');
    expect(popup.token?.scope).toBe('https://graph.microsoft.com/User.Read https://graph.microsoft.com/Mail.ReadWrite');
    expect(popup.account).toMatchObject({ username: user.upn, environment: 'login.microsoftonline.com' });
    const claims = JSON.parse(Buffer.from(popup.token?.id_token.split('.')[1] ?? '', 'base64url').toString()) as Record<
      string,
      unknown
    >;
    expect(claims).toMatchObject({
      aud: 'client-1',
      oid: 'oid-aisha',
      tid: 'tid-sundby',
      preferred_username: user.upn,
    });
    // Granted once: the next silent request gets the token without a prompt.
    expect((await answer(request('GetToken'), value)).success).toBe(true);
  });

  it('answers a cancelled prompt with USER_CANCEL and grants nothing', async () => {
    const { value, consent } = deps([], { choice: 'cancelled' });
    expect((await answer(request('GetTokenPopup'), value)).error).toEqual({
      status: 'USER_CANCEL',
      code: 'user_canceled',
    });
    expect(consent.size).toBe(0);
  });

  it('refuses a scope only an administrator may grant (AADSTS90094), whatever the user clicks', async () => {
    const { value, prompts, consent } = deps(['User.Read'], { refused: ['Tasks.ReadWrite'] });
    const refused = await answer(request('GetTokenPopup', 'https://graph.microsoft.com/Tasks.ReadWrite'), value);
    expect(prompts).toEqual([{ scopes: [], refused: ['Tasks.ReadWrite'] }]);
    expect(refused.error).toMatchObject({ status: 'PERSISTENT_ERROR', code: 'access_denied' });
    expect(refused.error?.description).toMatch(/^AADSTS90094: .*Tasks\.ReadWrite/);
    expect(consent.has('Tasks.ReadWrite')).toBe(false);
  });

  it('does not issue Graph tokens for another resource, and reports a method it does not know', async () => {
    const { value } = deps(['User.Read']);
    expect((await answer(request('GetToken', 'api://other/.default'), value)).error?.code).toBe('invalid_resource');
    const unknown = await answerNaa(
      JSON.stringify({ messageType: 'NestedAppAuthRequest', method: 'GetTokenRedirect', requestId: 'r' }),
      value,
    );
    expect(unknown.unknownMethod).toBe('GetTokenRedirect');
  });
});
