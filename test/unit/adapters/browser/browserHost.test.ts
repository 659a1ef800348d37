import { describe, expect, it } from 'vitest';
import { BrowserHost } from '../../../../src/adapters/browser/browserHost';
import type { Cleared } from '../../../../src/domain/privacy/cleared';

/** A browser window with the system settings the test picks; `set` changes one live, as the OS would. */
const browserWindow = (system: { dark?: boolean; forcedColors?: boolean; language?: string }) => {
  const state = { '(prefers-color-scheme: dark)': !!system.dark, '(forced-colors: active)': !!system.forcedColors };
  const listeners = new Map<string, Set<() => void>>();
  const opened: unknown[][] = [];
  const win = {
    navigator: { language: system.language ?? 'da-DK' },
    matchMedia: (query: keyof typeof state) => ({
      get matches() {
        return state[query];
      },
      addEventListener: (_type: string, listener: () => void) => {
        if (!listeners.has(query)) listeners.set(query, new Set());
        listeners.get(query)?.add(listener);
      },
      removeEventListener: (_type: string, listener: () => void) => listeners.get(query)?.delete(listener),
    }),
    open: (...args: unknown[]) => opened.push(args),
  } as unknown as Window;
  const set = (query: keyof typeof state, value: boolean) => {
    state[query] = value;
    for (const listener of listeners.get(query) ?? []) listener();
  };
  return { win, set, opened };
};

describe('the plain browser host (the plans page outside Microsoft hosts)', () => {
  it('is a personal page with no stage to share to', async () => {
    const host = new BrowserHost(browserWindow({}).win);
    expect([host.kind, host.frame()]).toEqual(['browser', 'personal']);
    expect(await host.shareToStage('https://x.example/stage' as Cleared<string>)).toBe('notSupported');
  });

  it("takes the theme from the system's colour scheme, high contrast first", () => {
    expect(new BrowserHost(browserWindow({}).win).theme()).toBe('light');
    expect(new BrowserHost(browserWindow({ dark: true }).win).theme()).toBe('dark');
    expect(new BrowserHost(browserWindow({ dark: true, forcedColors: true }).win).theme()).toBe('contrast');
  });

  it('follows the system when its colour scheme changes, until unsubscribed', () => {
    const { win, set } = browserWindow({});
    const host = new BrowserHost(win);
    const seen: string[] = [];
    const stop = host.onThemeChange((theme) => seen.push(theme));
    set('(prefers-color-scheme: dark)', true);
    set('(forced-colors: active)', true);
    set('(forced-colors: active)', false);
    stop();
    set('(prefers-color-scheme: dark)', false);
    expect(seen).toEqual(['dark', 'contrast', 'dark']);
  });

  it("speaks the browser's language", () => {
    expect(new BrowserHost(browserWindow({ language: 'en-US' }).win).locale()).toBe('en-US');
    expect(new BrowserHost(browserWindow({ language: 'da' }).win).locale()).toBe('da');
  });

  it('opens links in a new tab, without handing it this page', async () => {
    const { win, opened } = browserWindow({});
    await new BrowserHost(win).openLink('https://teams.microsoft.com/l/entity/x' as Cleared<string>);
    expect(opened).toEqual([['https://teams.microsoft.com/l/entity/x', '_blank', 'noopener']]);
  });
});
