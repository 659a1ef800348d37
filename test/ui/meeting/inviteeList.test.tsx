import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { success } from '../../../src/domain/ports/outcome';
import { aMeetingWorld, people, PLAN_ID, renderMeeting, todaysPlan } from './meetingHarness';

beforeEach(() => sessionStorage.clear());

const rowOf = async (name: string) => (await screen.findByText(name)).closest('li') as HTMLElement;

describe('who has answered the invitation, on the details tab', () => {
  it('shows Mette, who sent the invitation, as the organiser and not as "Har ikke svaret"', async () => {
    const plan = todaysPlan((p) => void (p.meetings[0]!.eventId = 'event-ki-2027-003'));
    const world = aMeetingWorld({ as: 'mette', frame: 'content', at: '10:00', plan });
    // What the calendar reads from the event: the organiser's own answer is "organizer" (Graph's responseStatus).
    world.services.calendar.getResponses = async () =>
      success([
        { email: people.mette.email!, response: 'organizer' },
        { email: people.peter.email!, response: 'accepted' },
        { email: people.jonas.email!, response: 'none' },
      ]);
    renderMeeting(world);

    const mette = await rowOf('Mette Larsen');
    expect(await within(mette).findByText('Organisator (har indkaldt)')).toBeVisible();
    expect(within(mette).queryByText('Har ikke svaret')).toBeNull();
    expect(within(await rowOf('Jonas Berg')).getByText('Har ikke svaret')).toBeVisible();
    expect(within(await rowOf('Peter Nielsen')).getByText('Har takket ja')).toBeVisible();
    // Kept in the plan, so the organiser reads as such for everyone who opens the tab.
    await waitFor(() =>
      expect(
        world.store.current(PLAN_ID).plan.meetings[0]!.invitees.find((i) => i.participantId === people.mette.id)
          ?.response,
      ).toBe('organizer'),
    );
  });

  it('does not wait for an answer from the citizen, who gets no calendar invitation', async () => {
    renderMeeting(aMeetingWorld({ as: 'mette', frame: 'content', at: '10:00' }));
    const jens = await rowOf(people.jens.name);
    expect(within(jens).getByText('Ingen kalenderinvitation – får tid og sted på anden vis')).toBeVisible();
    expect(within(jens).queryByText('Har ikke svaret')).toBeNull();
    expect(within(await rowOf('Jonas Berg')).getByText('Har ikke svaret')).toBeVisible();
  });
});
