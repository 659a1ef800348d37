import type { Locator, Page } from 'playwright-core';
import type { UserSession } from './world';

/** Long enough for a loaded 2-core machine; the app itself answers in well under a second against the sandbox. */
const SLOW = 30_000;

/** The plans tab's home: "Mine indsatsplaner", the next-tovholder banners, my plans and my efforts. */
export class PlansHome {
  constructor(readonly page: Page) {}

  static async open(user: UserSession, params: Record<string, string> = {}): Promise<PlansHome> {
    await user.goto('plans.html', params);
    const home = new PlansHome(user.page);
    await home.waitUntilLoaded();
    return home;
  }

  async waitUntilLoaded(): Promise<void> {
    await this.page.getByRole('heading', { level: 1, name: 'Mine indsatsplaner' }).waitFor({ timeout: SLOW });
    await this.page.getByRole('heading', { name: 'Planer, jeg er med i' }).waitFor({ timeout: SLOW });
  }

  /** "Du er tovholder for <case> — indkald senest …" */
  tovholderBanner(caseReference: string): Locator {
    return this.page.locator('.fui-MessageBar').filter({ hasText: `Du er tovholder for ${caseReference}` });
  }

  planCard(caseReference: string): Locator {
    return this.page.getByRole('article', { name: caseReference });
  }

  async newPlan(): Promise<BookingForm> {
    await this.page.getByRole('button', { name: 'Ny plan' }).click();
    const form = new BookingForm(this.page);
    await form.heading.waitFor();
    return form;
  }

  /** The banner's one click: "Book næste møde" opens the booking form filled from the plan. */
  async bookNextFromBanner(caseReference: string): Promise<BookingForm> {
    await this.tovholderBanner(caseReference).getByRole('button', { name: 'Book næste møde' }).click();
    const form = new BookingForm(this.page);
    await form.heading.waitFor({ timeout: SLOW });
    return form;
  }
}

export interface ExternalPersonInput {
  name: string;
  email: string;
  organisation: string;
  /** The sector as the form shows it, e.g. "Egen læge", "Borger". */
  sector: string;
}

export interface ConsentInput {
  information: string;
  purpose: string;
  /** Organisations (as listed under "Hvem må få oplysningerne") the citizen consented to. */
  organisations: string[];
  /** YYYY-MM-DD */
  validUntil: string;
}

/** "Book et nyt indsatsplansmøde" / "Book næste møde for …": the booking form, section by section. */
export class BookingForm {
  constructor(readonly page: Page) {}

  get heading(): Locator {
    return this.page.getByRole('heading', { level: 1, name: /^Book (et nyt indsatsplansmøde|næste møde for)/ });
  }

  section(name: string): Locator {
    return this.page.getByRole('region', { name });
  }

  get caseReference(): Locator {
    return this.page.getByRole('textbox', { name: /^Sagsreference/ });
  }

  async describeCase(caseReference: string, citizenName: string): Promise<void> {
    await this.caseReference.fill(caseReference);
    await this.page.getByRole('textbox', { name: 'Borgerens navn' }).fill(citizenName);
  }

  /** Søg i adressebogen, then "Tilføj <name>". */
  async addFromDirectory(name: string): Promise<void> {
    const search = this.page.getByRole('searchbox', { name: 'Søg i adressebogen' });
    await search.fill(name);
    await this.page.getByRole('button', { name: `Tilføj ${name}`, exact: true }).click({ timeout: SLOW });
    await this.invited(name).waitFor();
    await search.fill('');
  }

  private get externalForm(): Locator {
    return this.page.getByRole('group', { name: 'Tilføj en person uden for adressebogen' });
  }

  /** "Tilføj en person uden for adressebogen": the GP, the citizen, a relative. */
  async addExternal(person: ExternalPersonInput): Promise<void> {
    const form = this.externalForm;
    await form.getByRole('combobox', { name: 'Sektor' }).selectOption({ label: person.sector });
    await form.getByRole('textbox', { name: 'Navn' }).fill(person.name);
    await form.getByRole('textbox', { name: 'E-mail' }).fill(person.email);
    await form.getByRole('textbox', { name: 'Organisation' }).fill(person.organisation);
    await form.getByRole('button', { name: 'Tilføj deltager' }).click();
    await this.invited(person.name).waitFor();
  }

  /** The invited list ("Inviterede (n)"). */
  get invitedList(): Locator {
    return this.page.getByRole('list', { name: /^Inviterede \(\d+\)$/ });
  }

  invited(name: string): Locator {
    return this.invitedList.getByRole('listitem').filter({ hasText: name });
  }

  async invitedNames(): Promise<string[]> {
    const items = await this.invitedList.getByRole('listitem').all();
    return Promise.all(items.map(async (item) => (await item.locator('.fui-Text').first().innerText()).trim()));
  }

  async setSector(name: string, sector: string): Promise<void> {
    await this.page.getByRole('combobox', { name: `Sektor: ${name}` }).selectOption({ label: sector });
  }

  roleSelect(role: 'Koordinator' | 'Mødeleder' | 'Referent'): Locator {
    return this.section('Roller').getByRole('combobox', { name: new RegExp(`^${role}`) });
  }

  async setRole(role: 'Koordinator' | 'Mødeleder' | 'Referent', name: string): Promise<void> {
    await this.roleSelect(role).selectOption({ label: name });
  }

  /** The name of the person chosen for a role, as the select shows it. */
  async roleHolder(role: 'Koordinator' | 'Mødeleder' | 'Referent'): Promise<string> {
    return this.roleSelect(role).evaluate((select: HTMLSelectElement) => select.selectedOptions[0]?.text ?? '');
  }

  async recordConsent(consent: ConsentInput): Promise<void> {
    const section = this.section('Samtykke');
    await section.getByRole('button', { name: 'Registrér samtykke' }).click();
    await section.getByRole('textbox', { name: /^Hvilke oplysninger må deles/ }).fill(consent.information);
    for (const organisation of consent.organisations)
      await section.getByRole('checkbox', { name: organisation, exact: true }).check();
    await section.getByRole('textbox', { name: /^Formål/ }).fill(consent.purpose);
    await section.getByLabel(/^Gælder til/).fill(consent.validUntil);
  }

  /** The organisations offered under "Hvem må få oplysningerne", and whether each is ticked. */
  async consentChoices(): Promise<{ label: string; checked: boolean }[]> {
    const boxes = await this.section('Samtykke').getByRole('checkbox').all();
    return Promise.all(
      boxes.map(async (box) => ({
        label: (await box.evaluate((el) => el.closest('.fui-Checkbox')?.textContent ?? '')).trim(),
        checked: await box.isChecked(),
      })),
    );
  }

  /**
   * "Bedste tider": wait for free/busy and take the best slot; returns its text. Late in the week there may be no
   * time left in it: then, like a user, look at the next week.
   */
  async chooseBestTime(): Promise<string> {
    const bestList = this.page.getByRole('list', { name: 'Bedste tider' });
    const noneThisWeek = this.page.getByText('Ingen ledige tider i denne uge. Prøv næste uge.');
    for (let week = 0; week < 3; week++) {
      await bestList.or(noneThisWeek).first().waitFor({ timeout: SLOW });
      if (await bestList.isVisible()) {
        const best = bestList.getByRole('button').first();
        const text = (await best.innerText()).trim();
        await best.click();
        await bestList.getByRole('button', { pressed: true }).waitFor();
        return text;
      }
      await this.page.getByRole('button', { name: 'Næste uge' }).click();
    }
    throw new Error('no free time in three weeks');
  }

  followUpList(): Locator {
    return this.page.getByRole('list', { name: 'Opfølgning fra sidste møde' });
  }

  /** "Book mødet", then the confirmation "Mødet er booket". */
  async book(): Promise<BookingConfirmationPage> {
    await this.page.getByRole('button', { name: 'Book mødet' }).click();
    const confirmation = new BookingConfirmationPage(this.page);
    await confirmation.heading.waitFor({ timeout: 60_000 });
    return confirmation;
  }
}

export class BookingConfirmationPage {
  constructor(readonly page: Page) {}

  get heading(): Locator {
    return this.page.getByRole('heading', { level: 1, name: 'Mødet er booket' });
  }

  async summary(): Promise<string> {
    return (await this.page.getByRole('main').innerText()).trim();
  }

  async home(): Promise<PlansHome> {
    await this.page.getByRole('button', { name: 'Til mine planer' }).click();
    const home = new PlansHome(this.page);
    await home.waitUntilLoaded();
    return home;
  }
}
