import { describe, expect, it } from 'vitest';
import type { Cleared } from '../../../../src/domain/privacy/cleared';
import {
  TeamsMeetingHost,
  type SdkError,
  type SharingProtocol,
  type TeamsSdk,
} from '../../../../src/adapters/teams/teamsMeetingHost';

const stageUrl = 'https://tovholder.example/meeting.html?planId=plan-ki-2026-014' as Cleared<string>;

const context = (frameContext: string, theme = 'default') => ({
  app: { locale: 'da-DK', theme, host: { name: 'Teams', clientType: 'desktop' } },
  page: { id: 'tovholder', frameContext },
  user: { id: 'u1', userPrincipalName: 'jonas.berg@sundby-kommune.example', tenant: { id: 't1' } },
  meeting: { id: 'm1' },
});

/** A Teams client as far as the host sees it: answers from a script, and a log of what was asked. */
const fakeTeams = (
  answers: {
    context?: unknown;
    permission?: boolean;
    capabilityError?: SdkError;
    share?: Partial<Record<SharingProtocol, SdkError>>;
  } = {},
) => {
  const shared: { url: string; protocol: SharingProtocol | undefined }[] = [];
  let themeHandler: ((theme: string) => void) | null = null;
  const sdk: TeamsSdk = {
    getContext: async () => answers.context ?? context('sidePanel'),
    registerOnThemeChangeHandler: (handler) => {
      themeHandler = handler;
    },
    openLink: async () => undefined,
    getAppContentStageSharingCapabilities: (callback) =>
      callback(
        answers.capabilityError ?? null,
        answers.capabilityError ? null : { doesAppHaveSharePermission: answers.permission ?? true },
      ),
    shareAppContentToStage: (callback, url, options) => {
      shared.push({ url, protocol: options?.sharingProtocol });
      const error = answers.share?.[options?.sharingProtocol ?? 'Collaborative'] ?? null;
      callback(error, error ? null : true);
    },
  };
  return { sdk, shared, changeTheme: (theme: string) => themeHandler?.(theme) };
};

describe('the Teams host', () => {
  it('tells the surface which frame it runs in, and the locale Teams uses', async () => {
    const panel = await TeamsMeetingHost.connect(fakeTeams({ context: context('sidePanel') }).sdk, 'content');
    const stage = await TeamsMeetingHost.connect(fakeTeams({ context: context('meetingStage') }).sdk, 'content');
    const personal = await TeamsMeetingHost.connect(fakeTeams({ context: context('content') }).sdk, 'personal');
    expect([panel.frame(), stage.frame(), personal.frame()]).toEqual(['sidePanel', 'meetingStage', 'personal']);
    expect(panel.locale()).toBe('da-DK');
  });

  it('refuses a context without the fields the app relies on', async () => {
    await expect(TeamsMeetingHost.connect(fakeTeams({ context: { page: {} } }).sdk, 'content')).rejects.toThrow();
  });

  it("follows Teams' theme, also when the user changes it during the meeting", async () => {
    const teams = fakeTeams({ context: context('sidePanel', 'dark') });
    const host = await TeamsMeetingHost.connect(teams.sdk, 'content');
    const seen: string[] = [];
    host.onThemeChange((theme) => seen.push(theme));
    expect(host.theme()).toBe('dark');
    teams.changeTheme('contrast');
    teams.changeTheme('default');
    expect(seen).toEqual(['contrast', 'light']);
    expect(host.theme()).toBe('light');
  });

  it('shares the stage as a screen share when guests take part, so they follow without the app', async () => {
    const teams = fakeTeams();
    const host = await TeamsMeetingHost.connect(teams.sdk, 'content');
    expect(await host.shareToStage(stageUrl, 'screenShare')).toBe('shared');
    expect(teams.shared).toEqual([{ url: stageUrl, protocol: 'ScreenShare' }]);
  });

  it('shares collaboratively when everyone can run the app, and falls back to a screen share without it', async () => {
    const teams = fakeTeams();
    const host = await TeamsMeetingHost.connect(teams.sdk, 'content');
    expect(await host.shareToStage(stageUrl, 'collaborative')).toBe('shared');
    expect(teams.shared).toEqual([{ url: stageUrl, protocol: 'Collaborative' }]);
    const older = fakeTeams({ share: { Collaborative: { errorCode: 100, message: 'not supported' } } });
    const olderHost = await TeamsMeetingHost.connect(older.sdk, 'content');
    expect(await olderHost.shareToStage(stageUrl, 'collaborative')).toBe('shared');
    expect(older.shared.map((s) => s.protocol)).toEqual(['Collaborative', 'ScreenShare']);
  });

  it('falls back to collaborative sharing on a client without the screen-share protocol', async () => {
    const teams = fakeTeams({ share: { ScreenShare: { errorCode: 100, message: 'not supported' } } });
    const host = await TeamsMeetingHost.connect(teams.sdk, 'content');
    expect(await host.shareToStage(stageUrl, 'screenShare')).toBe('shared');
    expect(teams.shared.map((s) => s.protocol)).toEqual(['ScreenShare', 'Collaborative']);
  });

  it('says the user is not a presenter when Teams denies the share permission, and shares nothing', async () => {
    const teams = fakeTeams({ permission: false });
    const host = await TeamsMeetingHost.connect(teams.sdk, 'content');
    expect(await host.shareToStage(stageUrl, 'screenShare')).toBe('notPresenter');
    expect(teams.shared).toEqual([]);
    const denied = fakeTeams({ share: { ScreenShare: { errorCode: 1000 } } });
    expect(await (await TeamsMeetingHost.connect(denied.sdk, 'content')).shareToStage(stageUrl, 'screenShare')).toBe(
      'notPresenter',
    );
  });

  it('does not try to share from the details tab, where Teams offers no stage', async () => {
    const teams = fakeTeams({ context: context('content') });
    const host = await TeamsMeetingHost.connect(teams.sdk, 'content');
    expect(await host.shareToStage(stageUrl, 'collaborative')).toBe('notSupported');
    expect(teams.shared).toEqual([]);
  });
});
