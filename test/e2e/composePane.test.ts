import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkpoint } from './support/checkpoint';
import { people } from './support/demoPeople';
import { appOrigin, startWorld, type World } from './support/world';

/**
 * Issue 4 from Outlook: in the appointment form, "Gør til indsatsplansmøde" writes the plan's attendees, the
 * privacy-safe subject and the agenda into the appointment. Locally the pane runs beside a stand-in appointment.
 */

const origin = appOrigin();

describe.skipIf(origin === null)('the Outlook compose pane, in Chromium', () => {
  let world: World;
  beforeAll(async () => {
    world = await startWorld(origin ?? '');
  });
  afterAll(async () => {
    await world?.close();
  });

  it('makes an appointment an indsatsplansmøde for an existing plan: attendees, subject and agenda, never the name', async () => {
    const mette = await world.asUser(people.mette.upn);
    await mette.goto('compose.html');
    const page = mette.page;
    await page.getByRole('heading', { name: 'Gør til indsatsplansmøde' }).waitFor({ timeout: 30_000 });
    const planSelect = page.getByRole('combobox', { name: 'Plan' });
    await planSelect.waitFor({ timeout: 30_000 });
    await checkpoint(page, 'compose', 'pick-plan');

    await planSelect.selectOption({ label: 'KI-2026-014' });
    await page.getByRole('button', { name: 'Skriv ind i mødet' }).click();
    await page
      .getByText('Mødet er nu et indsatsplansmøde for KI-2026-014.', { exact: false })
      .waitFor({ timeout: 30_000 });
    await checkpoint(page, 'compose', 'written');

    const appointment = page.getByRole('region', { name: /Nyt møde/ });
    expect(await appointment.getByRole('textbox', { name: 'Emne' }).inputValue()).toBe(
      'Koordinerende indsatsplansmøde – KI-2026-014',
    );
    const attendees = await appointment.getByRole('list', { name: 'Deltagere' }).getByRole('listitem').allInnerTexts();
    for (const person of [people.jonas, people.aisha, people.peter, people.ole])
      expect(
        attendees.some((a) => a.startsWith(person.name)),
        `${person.name} is invited`,
      ).toBe(true);
    const body = await appointment.locator('iframe').getAttribute('srcdoc');
    expect(body).toContain('Stamoplysninger');
    expect(body).not.toMatch(/Jens|Holm/);
    expect(mette.errors).toEqual([]);
  });
});
