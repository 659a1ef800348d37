import type { Locator, Page } from 'playwright-core';
import type { UserSession } from './world';
import { expect } from 'vitest';

const SLOW = 30_000;

/** The side panel's width in Teams. */
export const SIDE_PANEL = { width: 320, height: 900 };
export const STAGE = { width: 1280, height: 800 };

export interface EffortInput {
  what: string;
  /** The goal's text (the "Hvorfor (mål)" choice). */
  goal?: string;
  /** The owner's name as the participant list shows it. */
  owner?: string;
  /** YYYY-MM-DD */
  due?: string;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Pick an <option> whose label starts with `start` (labels carry extras like "(borger)" or the organisation). */
const selectByLabelStart = async (select: Locator, start: string): Promise<void> => {
  const value = await select.evaluate(
    (element: HTMLSelectElement, prefix) =>
      Array.from(element.options).find((o) => o.text.trim().startsWith(prefix))?.value ?? null,
    start,
  );
  if (value === null) throw new Error(`no option starting with "${start}" in ${await select.innerHTML()}`);
  await select.selectOption(value);
};

/** The meeting surface in one of its frames: the side panel during the meeting (320 px), the stage, the details tab. */
export class MeetingPage {
  constructor(readonly page: Page) {}

  static async open(
    user: UserSession,
    planId: string,
    frame: 'sidePanel' | 'meetingStage' | 'content',
    page: Page = user.page,
  ): Promise<MeetingPage> {
    await user.goto('meeting.html', { planId, frame }, page);
    const meeting = new MeetingPage(page);
    await meeting.waitUntilLoaded();
    return meeting;
  }

  async waitUntilLoaded(): Promise<void> {
    // Every frame shows where the meeting is (the agenda clock).
    await this.page.getByRole('region', { name: 'Dagsorden' }).first().waitFor({ timeout: SLOW });
  }

  async reload(): Promise<void> {
    await this.page.reload();
    await this.waitUntilLoaded();
  }

  get saveStatus(): Locator {
    return this.page.getByRole('status').filter({ hasText: /^(Alt er gemt|Gemmer|Ikke gemt|Venter på dit valg)/ });
  }

  /** Wait until the page says everything is in the plan ("Alt er gemt"). */
  async waitUntilSaved(): Promise<void> {
    await this.saveStatus.filter({ hasText: 'Alt er gemt' }).waitFor({ timeout: SLOW });
  }
}

/** The side panel during the meeting: the clock with "Næste punkt", the round, the referat and the summary. */
export class SidePanel extends MeetingPage {
  static async openFor(user: UserSession, planId: string, page: Page = user.page): Promise<SidePanel> {
    await user.goto('meeting.html', { planId, frame: 'sidePanel' }, page);
    const panel = new SidePanel(page);
    await panel.waitUntilLoaded();
    return panel;
  }

  override async reload(): Promise<void> {
    await this.page.reload();
    await this.waitUntilLoaded();
  }

  get clock(): Locator {
    return this.page.getByRole('region', { name: 'Dagsorden' });
  }

  /** "Du er mødeleder", "Du er referent", "Du læser med". */
  async yourRole(): Promise<string> {
    return (
      await this.page
        .getByText(/^Du (er|læser)/)
        .first()
        .innerText()
    ).trim();
  }

  async startAgenda(): Promise<void> {
    await this.clock.getByRole('button', { name: 'Start dagsordenen' }).click();
    await this.clock.getByText(/^Nu · 1\/5$/).waitFor();
  }

  /** "Næste punkt" (or "Afslut dagsordenen" on the last item), then wait until the clock shows the next one. */
  async nextItem(): Promise<void> {
    const before = await this.currentItem();
    await this.clock.getByRole('button', { name: /^(Næste punkt|Afslut dagsordenen)$/ }).click();
    await expect
      .poll(() => this.currentItem(), {
        timeout: 10_000,
        message: `"${before}" is still the agenda item after the click`,
      })
      .not.toBe(before);
  }

  /** The agenda item the clock shows now, e.g. "Afdækning", or the finished/not started line. */
  async currentItem(): Promise<string> {
    const text = await this.clock.innerText();
    const lines = text
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    const now = lines.findIndex((l) => /^Nu · \d\/\d$/.test(l));
    return now >= 0 ? (lines[now + 1] ?? '') : (lines[0] ?? '');
  }

  async openTab(name: 'Runde' | 'Referat' | 'Opsummering'): Promise<void> {
    await this.page.getByRole('tab', { name }).click();
    await this.page.getByRole('tabpanel', { name }).waitFor();
  }

  private section(name: string): Locator {
    return this.page.getByRole('region', { name, exact: true });
  }

  async addChallenge(text: string): Promise<void> {
    const section = this.section('Udfordringer');
    await section.getByRole('button', { name: 'Tilføj udfordring' }).click();
    await section
      .getByRole('textbox', { name: /^Udfordring \d+$/ })
      .last()
      .fill(text);
  }

  async challenges(): Promise<string[]> {
    return this.section('Udfordringer')
      .getByRole('textbox', { name: /^Udfordring \d+$/ })
      .evaluateAll((els) => els.map((el) => (el as HTMLTextAreaElement).value));
  }

  goalsSection(): Locator {
    return this.section('Fælles mål i prioriteret rækkefølge');
  }

  async addGoal(text: string): Promise<void> {
    const section = this.goalsSection();
    await section.getByRole('button', { name: 'Tilføj mål' }).click();
    await section
      .getByRole('textbox', { name: /^Mål \d+$/ })
      .last()
      .fill(text);
  }

  /** The goals in priority order, as the referent sees them. */
  async goals(): Promise<string[]> {
    return this.goalsSection()
      .getByRole('textbox', { name: /^Mål \d+$/ })
      .evaluateAll((els) => els.map((el) => (el as HTMLTextAreaElement).value));
  }

  /**
   * Drag goal `from` by its handle onto goal `to` with the mouse (1-based), and wait until it has moved. The drag
   * is the browser's own (Chromium turns the mouse moves into dragstart, dragover and drop).
   */
  async dragGoal(from: number, to: number): Promise<void> {
    const section = this.goalsSection();
    const text = (await this.goals())[from - 1];
    const target = section.getByRole('listitem').nth(to - 1);
    await section.getByTitle(`Træk for at flytte mål ${from}`).dragTo(target);
    await expect
      .poll(async () => (await this.goals())[to - 1], {
        timeout: 10_000,
        message: `goal ${from} did not move to ${to} when dragged there`,
      })
      .toBe(text);
  }

  /** Runden: the turn of `name` (their checkbox, notes, and written input if they sent afbud). */
  turn(name: string): Locator {
    return this.page
      .getByRole('tabpanel', { name: 'Runde' })
      .getByRole('listitem')
      .filter({ has: this.page.getByRole('checkbox', { name: new RegExp(`^${escapeRegExp(name)} `) }) });
  }

  async moveGoalUp(n: number): Promise<void> {
    await this.goalsSection()
      .getByRole('button', { name: `Flyt op (mål ${n})` })
      .click();
  }

  private async fillEffort(row: Locator, effort: EffortInput): Promise<void> {
    await row.getByRole('textbox', { name: 'Hvad' }).fill(effort.what);
    if (effort.goal) {
      const select = row.getByRole('combobox', { name: 'Hvorfor (mål)' });
      const value = await select.evaluate(
        (element: HTMLSelectElement, goal) =>
          Array.from(element.options).find((o) => o.text.replace(/^\d+\.\s*/, '') === goal)?.value ?? null,
        effort.goal,
      );
      if (value === null) throw new Error(`no goal "${effort.goal}" to choose`);
      await select.selectOption(value);
    }
    if (effort.owner) await selectByLabelStart(row.getByRole('combobox', { name: 'Ansvarlig' }), effort.owner);
    if (effort.due) await row.getByLabel('Senest').fill(effort.due);
  }

  effortsSection(): Locator {
    return this.section('Indsatser');
  }

  /** "Tilføj indsats", then what, why, who and by when in the new row. */
  async addEffort(effort: EffortInput): Promise<void> {
    const section = this.effortsSection();
    await section.getByRole('button', { name: 'Tilføj indsats' }).click();
    await this.fillEffort(section.getByRole('group', { name: /^Indsats \d+$/ }).last(), effort);
  }

  /** "Tilføj opgave til <borger>": the citizen's own task (the citizen is the owner already). */
  async addCitizenTask(effort: EffortInput): Promise<void> {
    const section = this.section('Borgerens egne opgaver');
    await section.getByRole('button', { name: /^Tilføj opgave til / }).click();
    await this.fillEffort(section.getByRole('group', { name: /^Indsats \d+$/ }).last(), effort);
  }

  /** Every effort row as the referent sees it: what, goal, owner, due. */
  async efforts(): Promise<{ what: string; goal: string; owner: string; due: string }[]> {
    const rows = await this.page.getByRole('group', { name: /^Indsats \d+$/ }).all();
    return Promise.all(
      rows.map(async (row) => ({
        what: await row.getByRole('textbox', { name: 'Hvad' }).inputValue(),
        goal: await row
          .getByRole('combobox', { name: 'Hvorfor (mål)' })
          .evaluate((s: HTMLSelectElement) => (s.selectedOptions[0]?.text ?? '').replace(/^\d+\.\s*/, '')),
        owner: await row
          .getByRole('combobox', { name: 'Ansvarlig' })
          .evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.text ?? ''),
        due: await row.getByLabel('Senest').inputValue(),
      })),
    );
  }

  async setAcceptance(
    label: 'Accepteret i mødet' | 'Afventer' | 'Accepteret senere' | 'Ikke accepteret',
  ): Promise<void> {
    await this.page.getByRole('radio', { name: label }).check();
  }

  async setNextTovholder(name: string): Promise<void> {
    await selectByLabelStart(this.page.getByRole('combobox', { name: /^Næste tovholder/ }), name);
  }

  async nextTovholder(): Promise<string> {
    return this.page
      .getByRole('combobox', { name: /^Næste tovholder/ })
      .evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.text ?? '');
  }

  async nextMeetingBy(): Promise<string> {
    return this.page.getByLabel(/^Næste møde senest/).inputValue();
  }

  /** Fælles opsummering: "Bekræftet med borgeren". */
  async confirmSummary(): Promise<void> {
    await this.openTab('Opsummering');
    await this.page.getByRole('button', { name: 'Bekræftet med borgeren' }).click();
    await this.page
      .getByRole('status')
      .filter({ hasText: /^Bekræftet med borgeren / })
      .waitFor();
  }

  get sendButton(): Locator {
    return this.page.getByRole('button', { name: 'Send referat', exact: true });
  }

  /** "Send referat": the delivery plan and the preview. */
  async openSend(): Promise<SendMinutesView> {
    await this.sendButton.click();
    const view = new SendMinutesView(this.page);
    await view.heading.waitFor();
    return view;
  }

  /** "Vis for alle" opens the stage beside the panel (a window of its own in local mode, as a shared view). */
  async shareToStage(): Promise<Page> {
    const popup = this.page.context().waitForEvent('page');
    await this.page.getByRole('button', { name: 'Vis for alle' }).click();
    return popup;
  }
}

/** "Send referat": who gets the minutes how, the preview, and the send with each recipient's outcome. */
export class SendMinutesView {
  constructor(readonly page: Page) {}

  get heading(): Locator {
    return this.page.getByRole('heading', { level: 2, name: 'Send referat' });
  }

  /** The delivery plan: one line per recipient (name, channel, status, reason). */
  async plan(): Promise<string[]> {
    const items = await this.page
      .getByRole('region', { name: 'Send referat' })
      .getByRole('list')
      .first()
      .getByRole('listitem')
      .all();
    return Promise.all(items.map(async (item) => (await item.innerText()).replace(/\s+/g, ' ').trim()));
  }

  line(name: string): Locator {
    return this.page
      .getByRole('region', { name: 'Send referat' })
      .getByRole('listitem')
      .filter({ hasText: new RegExp(`^${escapeRegExp(name)}`) });
  }

  get sendNowButton(): Locator {
    return this.page.getByRole('button', { name: 'Send referatet nu' });
  }

  async sendNow(): Promise<void> {
    await this.sendNowButton.click();
  }

  /** Wait for the end of a delivery: "sendt til alle", or the partial/blocked message. Returns the status text. */
  async outcome(timeout = 90_000): Promise<string> {
    const done = this.page.getByText(
      /^(Referatet er sendt til alle\.|Referatet er sendt til \d+ af \d+|Intet er sendt)/,
    );
    await done.first().waitFor({ timeout });
    return (await done.first().innerText()).trim();
  }
}
