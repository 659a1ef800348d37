/**
 * Issue 7's history and print in the plans tab: each meeting's referat as it was sent (read-only) with what changed
 * since the one before, and a plain, large-type Danish print view through the browser's print. The page's title
 * and address never carry the citizen's name on the way (browser history and tab titles are seen by others).
 */
import { screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Plan } from '../../../src/domain/plan/planDocument';
import { aMeeting, demoIds, demoPlan } from '../../support/builders';
import { aPlansWorld, aUser, people, renderPlansTab } from './plansHarness';

beforeEach(() => sessionStorage.clear());
afterEach(() => vi.restoreAllMocks());

const { efforts } = demoIds;

/**
 * KI-2026-014 with two meetings held: 3 September (its referat sent, then edited in the plan afterwards) and
 * 20 November (sent: the praktik effort done, a new effort, Mette named next tovholder).
 */
const planWithTwoMeetings = (): Plan => {
  const plan = demoPlan();
  const first = plan.meetings[0];
  if (!first) throw new Error('the demo plan has its first meeting');
  const asSent = first.minutes;
  const editedLater = {
    ...asSent,
    efforts: asSent.efforts.map((e) => (e.id === efforts.huslejerestance ? { ...e, what: 'Rettet bagefter' } : e)),
  };
  const secondMinutes = {
    ...asSent,
    efforts: [
      ...asSent.efforts.map((e) => (e.id === efforts.praktik ? { ...e, status: 'udfoert' as const } : e)),
      {
        id: 'e-budget',
        what: 'Lægge et budget',
        goalId: null,
        ownerId: people.aisha.id,
        due: '2027-01-15',
        status: 'aaben' as const,
      },
    ],
    nextTovholderId: people.mette.id,
    nextMeetingBy: '2027-02-20',
  };
  const second = aMeeting()
    .withId('m-2026-11-20')
    .startingAt('2026-11-20', '13:00')
    .lasting(90)
    .withRoles({ koordinator: people.peter.id, moedeleder: people.jonas.id, referent: people.aisha.id })
    .withMinutes(secondMinutes)
    .build(plan.participants);
  const delivered = (minutes: typeof asSent, at: string) => ({
    deliveryId: `d-${at}`,
    startedAt: at,
    recipients: [],
    sentMinutes: minutes,
  });
  return {
    ...plan,
    meetings: [
      { ...first, minutes: editedLater, delivery: delivered(asSent, first.end) },
      { ...second, delivery: delivered(secondMinutes, second.end) },
    ],
  };
};

const NAME = /jens|holm/i;

const expectNoNameInTitleOrAddress = () => {
  expect(document.title).not.toMatch(NAME);
  expect(window.location.href).not.toMatch(NAME);
};

describe('the history of a plan', () => {
  it("shows each meeting's referat as it was sent, newest first, read-only, with what changed since the one before", async () => {
    const user = aUser();
    renderPlansTab(aPlansWorld({ as: 'aisha', plans: [planWithTwoMeetings()], at: '2026-11-27 10:00' }));
    const card = await screen.findByRole('article', { name: 'KI-2026-014' });
    await user.click(within(card).getByRole('button', { name: 'Historik' }));

    const history = await screen.findByRole('main', { name: 'Historik for KI-2026-014' });
    const [newest, oldest] = within(history).getAllByRole('article');
    if (!newest || !oldest) throw new Error('two meetings in the history');
    expect(within(newest).getByRole('heading', { level: 2 }).textContent).toMatch(/20\. november 2026/);
    expect(within(oldest).getByRole('heading', { level: 2 }).textContent).toMatch(/3\. september 2026/);

    // As sent, not as edited in the plan afterwards.
    expect(oldest.textContent).toContain('Referatet, som det blev sendt. Kun til læsning.');
    expect(oldest.textContent).toContain('Søge enkeltydelse til huslejerestancen');
    expect(oldest.textContent).not.toContain('Rettet bagefter');
    expect(within(oldest).getByText('Første møde i planen.')).toBeVisible();

    // What changed since the meeting before.
    const changes = within(newest).getByRole('region', { name: 'Ændret siden mødet før' });
    const lines = within(changes)
      .getAllByRole('listitem')
      .map((li) => li.textContent ?? '');
    expect(lines.some((l) => l.includes('Lægge et budget'))).toBe(true);
    expect(lines.some((l) => l.includes('Finde et praktiksted med få timer om ugen') && /udført/i.test(l))).toBe(true);
    expect(lines.some((l) => l.includes(people.mette.name))).toBe(true);

    // Read-only: nothing to type in or tick.
    expect(within(history).queryAllByRole('textbox')).toEqual([]);
    expect(within(history).queryAllByRole('checkbox')).toEqual([]);
    expect(within(history).queryAllByRole('combobox')).toEqual([]);
    expectNoNameInTitleOrAddress();
  });
});

describe('the history for someone who may only read the plan', () => {
  it('offers no "Book næste møde": a reader cannot save the plan, so Microsoft 365 would refuse the booking', async () => {
    const user = aUser();
    const plan = planWithTwoMeetings();
    const world = aPlansWorld({ as: 'aisha', plans: [plan], at: '2026-12-10 10:00' });
    world.store.holdsRole(plan.id, 'reader');
    renderPlansTab(world);
    await user.click(
      within(await screen.findByRole('article', { name: 'KI-2026-014' })).getByRole('button', { name: 'Historik' }),
    );
    const history = await screen.findByRole('main', { name: 'Historik for KI-2026-014' });
    expect(within(history).getByRole('button', { name: 'Udskriv' })).toBeEnabled();
    expect(within(history).queryByRole('button', { name: 'Book næste møde' })).toBeNull();
  });

  it('offers it to a manager', async () => {
    const user = aUser();
    const plan = planWithTwoMeetings();
    const world = aPlansWorld({ as: 'aisha', plans: [plan], at: '2026-12-10 10:00' });
    world.store.holdsRole(plan.id, 'manager');
    renderPlansTab(world);
    await user.click(
      within(await screen.findByRole('article', { name: 'KI-2026-014' })).getByRole('button', { name: 'Historik' }),
    );
    const history = await screen.findByRole('main', { name: 'Historik for KI-2026-014' });
    expect(within(history).getByRole('button', { name: 'Book næste møde' })).toBeEnabled();
  });
});

describe('the print view', () => {
  it('shows the plan in force in plain, large Danish, with the name for the journal, and prints through the browser', async () => {
    const print = vi.spyOn(window, 'print').mockImplementation(() => undefined);
    const user = aUser();
    renderPlansTab(aPlansWorld({ as: 'aisha', plans: [planWithTwoMeetings()], at: '2026-11-27 10:00' }));
    const card = await screen.findByRole('article', { name: 'KI-2026-014' });
    const titleBefore = document.title;
    await user.click(within(card).getByRole('button', { name: 'Udskriv' }));

    const view = await screen.findByRole('main', { name: 'Koordinerende indsatsplan' });
    const sheet = within(view).getByRole('article');
    expect(sheet.textContent).toContain('Borger');
    expect(sheet.textContent).toContain('Jens Holm');
    expect(sheet.textContent).toContain('KI-2026-014');
    expect(sheet.textContent).toContain('Seneste møde');
    expect(sheet.textContent).toContain('Udskrevet fredag 27. november 2026');
    // The plan in force is the last referat.
    expect(sheet.textContent).toContain('Lægge et budget');
    // Large type on screen and on paper; only the plan is printed.
    expect(getComputedStyle(view).fontSize).toBe('18px');
    const css = [...view.querySelectorAll('style')].map((s) => s.textContent).join('\n');
    expect(css).toMatch(/@media print/);
    expect(css).toMatch(/font-size: 14pt/);
    expect(
      screen.getByText('Udskriften indeholder borgerens navn. Den er til journalen og til borgeren selv.'),
    ).toBeVisible();

    await user.click(within(view).getByRole('button', { name: 'Udskriv' }));
    expect(print).toHaveBeenCalledTimes(1);
    // The name is on the sheet, never in the tab's title or the address (browser history, PDF file name).
    expect(document.title).toBe(titleBefore);
    expectNoNameInTitleOrAddress();
  });

  it('prints in Danish when the interface is in English: the sheet is for the Danish journal and the citizen', async () => {
    sessionStorage.setItem('tovholder:lang', 'en');
    const user = aUser();
    renderPlansTab(aPlansWorld({ as: 'aisha', plans: [planWithTwoMeetings()], at: '2026-11-27 10:00' }));
    const card = await screen.findByRole('article', { name: 'KI-2026-014' });
    await user.click(within(card).getByRole('button', { name: 'Print' }));

    const view = await screen.findByRole('main', { name: 'Koordinerende indsatsplan' });
    // The page around it speaks the interface's language; the sheet is Danish and marked so.
    expect(within(view).getByRole('button', { name: 'Back' })).toBeEnabled();
    const sheet = within(view).getByRole('article');
    expect(sheet.getAttribute('lang')).toBe('da');
    expect(sheet.textContent).toContain('Udskrevet fredag 27. november 2026');
    expect(sheet.textContent).toContain('Seneste møde');
    expect(sheet.textContent).not.toMatch(/Printed|Latest meeting|Citizen/);
  });
});

describe('booking the next meeting as someone who may only read the plan', () => {
  it('says who convenes it instead of a form that would book a meeting it cannot record', async () => {
    const user = aUser();
    const plan = planWithTwoMeetings();
    const world = aPlansWorld({ as: 'aisha', plans: [plan], at: '2026-12-10 10:00' });
    world.store.holdsRole(plan.id, 'reader');
    renderPlansTab(world);
    const card = await screen.findByRole('article', { name: 'KI-2026-014' });
    await user.click(within(card).getByRole('button', { name: 'Book næste møde' }));
    expect(
      await screen.findByText(/Du kan læse planen, men ikke ændre den, så du kan ikke indkalde til næste møde/),
    ).toBeVisible();
    expect(screen.queryByRole('button', { name: 'Book mødet' })).toBeNull();
    expect(world.calendar.createCalls).toEqual([]);
  });
});
