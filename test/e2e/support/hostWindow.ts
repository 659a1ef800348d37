import type { Frame, FrameLocator, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { UserSession } from './world';

const SLOW = 30_000;

/**
 * One demo user's window on the local Teams host (sandbox/teamsHost/): the production pages framed as Teams frames
 * them, with the real teams-js and MSAL's nestable client. Frames are found by their titles, as a user finds the
 * side panel or the stage.
 */
export class HostWindow {
  constructor(
    readonly user: UserSession,
    readonly hostOrigin: string,
  ) {}

  get page(): Page {
    return this.user.page;
  }

  static async personal(user: UserSession, hostOrigin: string, params: Record<string, string> = {}) {
    const window = new HostWindow(user, hostOrigin);
    await window.goto({ view: 'personal', ...params });
    return window;
  }

  static async meeting(user: UserSession, hostOrigin: string, chatId: string, params: Record<string, string> = {}) {
    const window = new HostWindow(user, hostOrigin);
    await window.goto({ view: 'meeting', chat: chatId, ...params });
    return window;
  }

  async goto(params: Record<string, string>): Promise<void> {
    const query = new URLSearchParams({ user: this.user.upn, ...params });
    await this.page.goto(`${this.hostOrigin}/?${query.toString()}`);
  }

  /** The host's consent prompt, when the app first asks for scopes the user has not granted: "Accepter". */
  async consent(choice: 'Accepter' | 'Annuller' | 'Luk' = 'Accepter'): Promise<string[]> {
    const dialog = this.page.getByRole('dialog', {
      name: /^(Tovholder beder om tilladelse|Kræver godkendelse af en administrator)$/,
    });
    await dialog.waitFor({ timeout: SLOW });
    const scopes = await dialog.getByRole('listitem').allInnerTexts();
    await dialog.getByRole('button', { name: choice }).click();
    await dialog.waitFor({ state: 'detached' });
    return scopes;
  }

  frameLocator(title: string | RegExp): FrameLocator {
    return this.page.frameLocator(
      typeof title === 'string' ? `iframe[title="${title}"]` : `iframe[title$="${title.source.replace(/\$$/, '')}"]`,
    );
  }

  /** The frame itself (its URL, and the page objects, which use only the locator API a frame shares with a page). */
  async frame(titleEnd: string): Promise<Frame> {
    const element = this.page.locator(`iframe[title$="${titleEnd}"]`).first();
    await element.waitFor({ timeout: SLOW });
    const frame = await (await element.elementHandle())?.contentFrame();
    if (!frame) throw new Error(`no frame "${titleEnd}" in the host`);
    return frame;
  }

  /** Every message the host did not know in this window (teams-js protocol drift shows here). */
  unknownMessages(): Promise<string[]> {
    return this.page.evaluate(() => window.__teamsHost.unknown);
  }

  hostLog(): Promise<string[]> {
    return this.page.evaluate(() => window.__teamsHost.log);
  }

  async expectNoUnknownMessages(): Promise<void> {
    expect.soft(await this.unknownMessages(), `unknown teams-js messages in ${this.user.upn}'s host`).toEqual([]);
  }

  async chooseTheme(label: 'Lyst' | 'Mørkt' | 'Høj kontrast'): Promise<void> {
    await this.page.getByLabel('Tema').selectOption({ label });
  }
}

/**
 * The page objects (PlansHome, SidePanel, …) drive a surface through the locator API only, which Playwright's Frame
 * shares with Page; inside the host the surface is a frame. A method that needs the page itself (reload, a popup)
 * fails loudly on a frame.
 */
export const surfaceIn = (frame: Frame): Page => frame as unknown as Page;
