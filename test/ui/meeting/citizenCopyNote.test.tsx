import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Plan } from '../../../src/domain/plan/planDocument';
import { aMeetingWorld, people, renderMeeting, secondMeetingPlan } from './meetingHarness';

beforeEach(() => sessionStorage.clear());

/** The plan with the first meeting's letter marked as sent to the citizen by Mette on 5 December 2026. */
const withLetterSent = (): Plan => {
  const plan = secondMeetingPlan();
  plan.meetings[0]!.planCopies = [
    {
      participantId: people.jens.id,
      sentAt: '2026-12-05T09:00:00.000Z',
      sentBy: { participantId: people.mette.id, name: 'Mette Larsen' },
      via: 'digitalPost',
    },
  ];
  return plan;
};

describe('whether the citizen received the last plan, at the next meeting', () => {
  it('is said in the afdækning (the round) when the letter was not marked as sent', async () => {
    const user = userEvent.setup();
    renderMeeting(aMeetingWorld({ plan: secondMeetingPlan() }));
    await user.click(await screen.findByRole('tab', { name: 'Runde' }));
    expect(
      await screen.findByText(
        'Borgeren har ikke fået planen fra mødet 3. december 2026: den er ikke markeret som sendt med Digital Post.',
      ),
    ).toBeVisible();
  });

  it('says when and by whom it was sent, in the round', async () => {
    const user = userEvent.setup();
    renderMeeting(aMeetingWorld({ plan: withLetterSent() }));
    await user.click(await screen.findByRole('tab', { name: 'Runde' }));
    const said = 'Borgeren fik planen fra mødet 3. december 2026 med Digital Post (5. december 2026, Mette Larsen).';
    expect(await screen.findByText(said)).toBeVisible();
  });

  it('says it in the details tab before the meeting too', async () => {
    renderMeeting(aMeetingWorld({ plan: withLetterSent(), as: 'mette', frame: 'content', at: '10:00' }));
    expect(
      await screen.findByText(
        'Borgeren fik planen fra mødet 3. december 2026 med Digital Post (5. december 2026, Mette Larsen).',
      ),
    ).toBeVisible();
  });

  it('says nothing at the plan’s first meeting', async () => {
    const user = userEvent.setup();
    const first = secondMeetingPlan();
    first.meetings = [first.meetings[1]!];
    renderMeeting(aMeetingWorld({ plan: first }));
    await user.click(await screen.findByRole('tab', { name: 'Runde' }));
    await screen.findByRole('heading', { name: /Runden/ });
    expect(screen.queryByText(/fået planen|fik planen/)).toBeNull();
  });
});
