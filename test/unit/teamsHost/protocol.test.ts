import { describe, expect, it } from 'vitest';
import { deepLinkTarget } from '../../../sandbox/teamsHost/deepLinks';
import {
  asAppRequest,
  initializeAnswer,
  legacyContext,
  meetingIdOf,
  notSupported,
  responseTo,
} from '../../../sandbox/teamsHost/protocol';

const user = { id: 'oid-jonas', upn: 'jonas.berg@sundby-kommune.example', name: 'Jonas Berg', tenantId: 'tid-sundby' };

describe('the local Teams host speaks teams-js 2.x’s side of the window messaging', () => {
  it('answers initialize with the frame context, client type and a runtime that offers meeting, pages.config and nested app auth', () => {
    const [frame, client, runtime, supported] = initializeAnswer('sidePanel', 'desktop');
    expect([frame, client]).toEqual(['sidePanel', 'desktop']);
    // teams-js reads the runtime from the third argument and its NAA bridge from the fourth's supports.
    const parsed = JSON.parse(String(runtime)) as { apiVersion: number; supports: Record<string, unknown> };
    expect(parsed.apiVersion).toBe(4);
    expect(Object.keys(parsed.supports).sort()).toEqual(['app', 'meeting', 'nestedAppAuth', 'pages', 'teamsCore']);
    expect((JSON.parse(String(supported)) as { supports: { nestedAppAuth?: unknown } }).supports.nestedAppAuth).toEqual(
      {},
    );
  });

  it('answers a request by its id and uuid, and reads only teams-js requests from posted messages', () => {
    const request = asAppRequest({ id: 7, uuidAsString: 'u-7', func: 'getContext', args: [], apiVersionTag: 'v2_x' });
    expect(request?.func).toBe('getContext');
    expect(responseTo(request!, ['x'])).toEqual({ id: 7, uuidAsString: 'u-7', args: ['x'] });
    expect(asAppRequest({ type: 'tovholder:theme' })).toBeNull();
    expect(asAppRequest('a string')).toBeNull();
  });

  it('gives a meeting frame the context Teams documents: meeting and chat ids, user, tenant, theme and locale', () => {
    const chatId = '19:meeting_abc@thread.v2';
    const context = legacyContext({
      frameContext: 'sidePanel',
      entityId: 'plan-1',
      user,
      theme: 'dark',
      locale: 'da-dk',
      clientType: 'desktop',
      teamsAppId: 'tovholder-local',
      chatId,
      sessionId: 's',
      appSessionId: 'a',
    });
    expect(context).toMatchObject({
      frameContext: 'sidePanel',
      entityId: 'plan-1',
      theme: 'dark',
      locale: 'da-dk',
      hostName: 'Teams',
      hostClientType: 'desktop',
      userObjectId: 'oid-jonas',
      userPrincipalName: user.upn,
      loginHint: user.upn,
      tid: 'tid-sundby',
      chatId,
    });
    // Teams' meeting id is base64 of "0#<thread>#0" (the "MCMxOTpt…" ids its docs show).
    expect(context.meetingId).toBe(meetingIdOf(chatId));
    expect(Buffer.from(meetingIdOf(chatId), 'base64').toString()).toBe(`0#${chatId}#0`);
  });

  it('answers a capability it does not offer as Teams does: not supported on platform (100), naming it', () => {
    expect(notSupported('files.openFilePreview')).toEqual({
      errorCode: 100,
      message: 'files.openFilePreview is not supported by the local Teams host',
    });
  });
});

describe('deep links the host opens for app.openLink', () => {
  const context = encodeURIComponent(JSON.stringify({ subEntityId: 'plan:plan-1' }));

  it('opens our personal tab at the plan of an entity deep link', () => {
    expect(
      deepLinkTarget(
        `https://teams.microsoft.com/l/entity/tovholder-local/plans?context=${context}`,
        'tovholder-local',
      ),
    ).toEqual({
      kind: 'personal',
      subEntityId: 'plan:plan-1',
    });
  });

  it('refuses another app’s entity, a tab we do not have, and a link that is no URL, with a reason', () => {
    expect(deepLinkTarget('https://teams.microsoft.com/l/entity/other-app/plans', 'tovholder-local').kind).toBe(
      'invalid',
    );
    expect(
      deepLinkTarget('https://teams.microsoft.com/l/entity/tovholder-local/settings', 'tovholder-local'),
    ).toMatchObject({
      kind: 'invalid',
      reason: "The app has no tab 'settings'.",
    });
    expect(deepLinkTarget('not a link', 'tovholder-local').kind).toBe('invalid');
    expect(deepLinkTarget('javascript:alert(1)', 'tovholder-local').kind).toBe('invalid');
  });

  it('opens a meeting join link in the host and any other web link in the browser', () => {
    expect(deepLinkTarget('https://teams.microsoft.com/l/meetup-join/19%3Ameeting_x%40thread.v2/0', 'a')).toEqual({
      kind: 'meeting',
      chatId: '19:meeting_x@thread.v2',
    });
    expect(deepLinkTarget('https://www.sundhed.dk/', 'a')).toEqual({ kind: 'web', url: 'https://www.sundhed.dk/' });
  });
});
