import { afterEach, describe, expect, it } from 'vitest';
import { StandaloneHost, THEME_MESSAGE } from '../../../../src/adapters/standalone/standaloneHost';
import { STAGE_CHANNEL, type StageMessage } from '../../../../src/adapters/standalone/stageChannel';
import type { Cleared } from '../../../../src/domain/privacy/cleared';

const ORIGIN = 'http://localhost:5300';
const PANEL = `${ORIGIN}/meeting.html?host=standalone&frame=sidePanel&user=jonas.berg%40sundby-kommune.example&planId=plan-ki-2026-014`;
const stage = `${ORIGIN}/meeting.html?planId=plan-ki-2026-014` as Cleared<string>;

/** Just enough of a browser window: its address, whether it is framed, window.open, and message events. */
const pageWindow = (options: { framed: boolean; href?: string }) => {
  const opened: string[] = [];
  const listeners: ((event: MessageEvent) => void)[] = [];
  const win = {
    location: new URL(options.href ?? PANEL),
    open: (url: string) => {
      opened.push(url);
      return {};
    },
    addEventListener: (_type: string, listener: (event: MessageEvent) => void) => listeners.push(listener),
    BroadcastChannel,
  } as unknown as Window & { parent: unknown };
  (win as { parent: unknown }).parent = options.framed ? {} : win;
  const post = (data: unknown, origin = ORIGIN) => listeners.forEach((l) => l({ data, origin } as MessageEvent));
  return { win, opened, post };
};

const host = (win: Window, overrides: Partial<ConstructorParameters<typeof StandaloneHost>[0]> = {}) =>
  new StandaloneHost({
    frame: 'sidePanel',
    theme: 'light',
    lang: 'da',
    user: 'jonas.berg@sundby-kommune.example',
    presenter: true,
    window: win,
    stageAckMs: 500,
    ...overrides,
  });

const channels: BroadcastChannel[] = [];
afterEach(() => channels.splice(0).forEach((c) => c.close()));

describe('the standalone host (local mode)', () => {
  it('takes frame, theme and language from the URL parameters', () => {
    const { win } = pageWindow({ framed: false });
    const h = host(win, { frame: 'meetingStage', theme: 'dark', lang: 'en' });
    expect([h.kind, h.frame(), h.theme(), h.locale()]).toEqual(['standalone', 'meetingStage', 'dark', 'en-GB']);
  });

  it('switches theme when the launcher says so, and ignores messages from other origins', () => {
    const { win, post } = pageWindow({ framed: true });
    const h = host(win);
    const seen: string[] = [];
    h.onThemeChange((theme) => seen.push(theme));
    post({ type: THEME_MESSAGE, theme: 'dark' }, 'https://evil.example');
    post({ type: THEME_MESSAGE, theme: 'contrast' });
    expect(seen).toEqual(['contrast']);
    expect(h.theme()).toBe('contrast');
  });

  it('asks the launcher to show the stage as the same demo user, and reports it shared once shown', async () => {
    const { win } = pageWindow({ framed: true });
    const launcher = new BroadcastChannel(STAGE_CHANNEL);
    channels.push(launcher);
    const asked: string[] = [];
    launcher.onmessage = (event: MessageEvent<StageMessage>) => {
      if (event.data.type !== 'shareToStage') return;
      asked.push(event.data.url);
      launcher.postMessage({ type: 'stageShown', requestId: event.data.requestId } satisfies StageMessage);
    };
    expect(await host(win).shareToStage(stage)).toBe('shared');
    const url = new URL(asked[0] ?? '');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      planId: 'plan-ki-2026-014',
      host: 'standalone',
      frame: 'meetingStage',
      user: 'jonas.berg@sundby-kommune.example',
      theme: 'light',
      lang: 'da',
    });
  });

  it('says the share failed when no launcher shows the stage', async () => {
    const { win } = pageWindow({ framed: true });
    expect(await host(win, { stageAckMs: 50 }).shareToStage(stage)).toBe('failed');
  });

  it('opens the stage in a window of its own when the panel runs outside the launcher', async () => {
    const { win, opened } = pageWindow({ framed: false });
    expect(await host(win).shareToStage(stage)).toBe('shared');
    expect(new URL(opened[0] ?? '').searchParams.get('frame')).toBe('meetingStage');
  });

  it('acts as an attendee who may not present when the URL says presenter=false', async () => {
    const { win, opened } = pageWindow({ framed: false });
    expect(await host(win, { presenter: false }).shareToStage(stage)).toBe('notPresenter');
    expect(opened).toEqual([]);
  });
});
