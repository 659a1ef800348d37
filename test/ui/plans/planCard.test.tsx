import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { startNextMeeting } from '../../../src/domain/followUp/carryOver';
import type { Plan } from '../../../src/domain/plan/planDocument';
import { copenhagenInstant } from '../../../src/domain/time/danishTime';
import { demoPlan } from '../../support/builders';
import { aPlansWorld, renderPlansTab } from './plansHarness';

beforeEach(() => sessionStorage.clear());

/** KI-2026-014 with its next meeting booked for Friday 27 November 2026, 14.00–15.30. */
const bookedForThisAfternoon = (): Plan => {
  const plan = demoPlan();
  return {
    ...plan,
    meetings: [
      ...plan.meetings,
      startNextMeeting(plan, {
        id: 'm-next',
        start: copenhagenInstant('2026-11-27', '14:00').toISOString(),
        end: copenhagenInstant('2026-11-27', '15:30').toISOString(),
        now: copenhagenInstant('2026-11-20', '10:00'),
      }),
    ],
  };
};

/** The value next to "Næste møde" on the plan's card. */
const nextMeetingOnCard = async (): Promise<string> => {
  const card = await screen.findByRole('article', { name: 'KI-2026-014' });
  const term = within(card).getByText('Næste møde');
  return term.nextElementSibling?.textContent ?? '';
};

describe("the plan's card on the plans tab", () => {
  it('shows a meeting booked for this afternoon as the next meeting in the morning, not "Ikke booket"', async () => {
    renderPlansTab(aPlansWorld({ as: 'mette', plans: [bookedForThisAfternoon()], at: '2026-11-27 10:00' }));
    expect(await nextMeetingOnCard()).toBe('fredag 27. november 2026 kl. 14.00');
    const card = screen.getByRole('article', { name: 'KI-2026-014' });
    expect(within(card).queryByRole('button', { name: 'Book næste møde' })).toBeNull();
  });

  it('once that meeting has been held, says the next one is not booked and offers to book it', async () => {
    renderPlansTab(aPlansWorld({ as: 'mette', plans: [bookedForThisAfternoon()], at: '2026-11-27 16:00' }));
    expect(await nextMeetingOnCard()).toMatch(/^Ikke booket/);
    const card = screen.getByRole('article', { name: 'KI-2026-014' });
    expect(within(card).getByRole('button', { name: 'Book næste møde' })).toBeEnabled();
  });

  it('names the plan by its case reference, with next meeting, tovholder and consent, and never the citizen', async () => {
    renderPlansTab(aPlansWorld({ as: 'mette', plans: [demoPlan()], at: '2026-11-27 10:00' }));
    const card = await screen.findByRole('article', { name: 'KI-2026-014' });
    const value = (term: string) => within(card).getByText(term).nextElementSibling?.textContent ?? '';
    expect(value('Næste møde')).toBe('Ikke booket — senest 3. december 2026');
    // The next tovholder named in the last referat convenes the next meeting.
    expect(value('Tovholder')).toBe('Peter Nielsen');
    expect(value('Samtykke')).toBe('Samtykke gælder til 3. september 2027');
    expect(card.textContent).not.toMatch(/Jens|Holm/);
  });

  it('says the consent runs out before the date the next meeting must be held by, and what to do', async () => {
    const plan = demoPlan();
    const soon = { ...plan, consent: plan.consent && { ...plan.consent, validUntil: '2026-12-01' } };
    renderPlansTab(aPlansWorld({ as: 'mette', plans: [soon], at: '2026-11-27 10:00' }));
    const card = await screen.findByRole('article', { name: 'KI-2026-014' });
    expect(
      within(card).getByText('Samtykket udløber 1. december 2026 — før næste møde. Indhent nyt samtykke.'),
    ).toBeVisible();
  });
});
