import { rmSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { inject } from 'vitest';
import { launchChromium } from '../../support/browser';
import { startSandbox } from '../../support/sandboxProcess';
import { MeetingPage, SidePanel } from './meetingSurface';
import { PlansHome } from './plansTab';
import { SandboxInspector } from './sandboxInspector';

/** The app build served by the e2e global setup, or null when no Chromium was found (tests skip loudly). */
export const appOrigin = (): string | null => inject('e2eAppOrigin');

/**
 * One test file's world: the served app, a fresh sandbox of its own (seeded demo tenant) and one Chromium.
 * Each demo user gets a separate browser context (their own storage, like their own PC).
 */
export interface World {
  appOrigin: string;
  sandbox: SandboxInspector;
  browser: Browser;
  asUser(upn: string, options?: SessionOptions): Promise<UserSession>;
  close(): Promise<void>;
}

export interface SessionOptions {
  /** Default 1280×900; the side panel uses 320 wide, as in Teams. */
  viewport?: { width: number; height: number };
  theme?: 'light' | 'dark';
  /** The browser's clock starts here and runs on (the meeting is "now" for the people in it). */
  clockAt?: Date;
}

type Surface = 'plans.html' | 'meeting.html' | 'compose.html';

/** A demo user at their own computer: one browser context, one main page, and every page error kept. */
export class UserSession {
  readonly errors: string[] = [];

  private constructor(
    readonly world: World,
    readonly upn: string,
    readonly context: BrowserContext,
    readonly page: Page,
    private readonly theme: 'light' | 'dark',
  ) {}

  static async open(world: World, upn: string, options: SessionOptions = {}): Promise<UserSession> {
    const context = await world.browser.newContext({
      viewport: options.viewport ?? { width: 1280, height: 900 },
      locale: 'da-DK',
      timezoneId: 'Europe/Copenhagen',
      reducedMotion: 'reduce',
      // The local Teams host (sandbox/teamsHost/) serves HTTPS with the self-signed certificate it makes at start.
      ignoreHTTPSErrors: true,
    });
    if (options.clockAt) await context.clock.install({ time: options.clockAt });
    const page = await context.newPage();
    const session = new UserSession(world, upn, context, page, options.theme ?? 'light');
    session.watch(page);
    return session;
  }

  /** Uncaught errors on any of this user's pages fail the journey at the end (they mean a bug, not a user error). */
  watch(page: Page): void {
    page.on('pageerror', (error) => this.errors.push(`${page.url()}: ${error.message}`));
  }

  /** A local-mode URL for this user: the standalone host plays Teams' part, and the sandbox is this file's own. */
  url(surface: Surface, params: Record<string, string> = {}): string {
    const query = new URLSearchParams({
      host: 'standalone',
      user: this.upn,
      theme: this.theme,
      sandbox: this.world.sandbox.origin,
      ...params,
    });
    return `${this.world.appOrigin}/${surface}?${query.toString()}`;
  }

  async goto(surface: Surface, params: Record<string, string> = {}, page: Page = this.page): Promise<void> {
    await page.goto(this.url(surface, params));
  }

  /** The plans tab (Teams personal tab) as this user. */
  openPlans(): Promise<PlansHome> {
    return PlansHome.open(this);
  }

  /** The meeting's side panel, as Teams shows it during the call. */
  openSidePanel(planId: string): Promise<SidePanel> {
    return SidePanel.openFor(this, planId);
  }

  /** The meeting surface in another frame: the details tab before the meeting, or the stage. */
  openMeeting(planId: string, frame: 'content' | 'meetingStage'): Promise<MeetingPage> {
    return MeetingPage.open(this, planId, frame);
  }

  /** Open another page (tab or window) in this user's browser. */
  async newPage(viewport?: { width: number; height: number }): Promise<Page> {
    const page = await this.context.newPage();
    this.watch(page);
    if (viewport) await page.setViewportSize(viewport);
    return page;
  }

  async close(): Promise<void> {
    await this.context.close();
  }
}

export const startWorld = async (origin: string): Promise<World> => {
  const running = await startSandbox();
  let browser: Browser;
  try {
    browser = await launchChromium();
  } catch (error) {
    await running.stop();
    throw error;
  }
  const sessions: UserSession[] = [];
  const world: World = {
    appOrigin: origin,
    sandbox: new SandboxInspector(running),
    browser,
    async asUser(upn, options) {
      const session = await UserSession.open(world, upn, options);
      sessions.push(session);
      return session;
    },
    async close() {
      // Everything this file started stops here, also after a failure.
      await Promise.allSettled(sessions.map((s) => s.close()));
      await browser.close().catch(() => undefined);
      await running.stop();
      rmSync(running.dataDir, { recursive: true, force: true });
    },
  };
  return world;
};
