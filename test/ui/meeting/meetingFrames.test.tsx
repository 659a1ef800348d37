import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { success } from '../../../src/domain/ports/outcome';
import {
  FakeMeetingHost,
  aMeetingWorld,
  people,
  PLAN_ID,
  renderMeeting,
  secondMeetingPlan,
  todaysPlan,
} from './meetingHarness';

beforeEach(() => sessionStorage.clear());

const agendaOf = (world: ReturnType<typeof aMeetingWorld>) => world.store.current(PLAN_ID).plan.meetings[0]!.agenda;

describe('the details tab before the meeting', () => {
  it('keeps the time boxes summed to the meeting length when the koordinator changes one', async () => {
    const world = aMeetingWorld({ as: 'mette', frame: 'content', at: '10:00' });
    renderMeeting(world);
    const afdaekning = await screen.findByRole('spinbutton', { name: 'Minutter til Afdækning' });
    fireEvent.change(afdaekning, { target: { value: '45' } });
    fireEvent.blur(afdaekning);
    await waitFor(() => {
      const agenda = agendaOf(world);
      expect(agenda.find((i) => i.key === 'afdaekning')?.minutes).toBe(45);
      expect(agenda.reduce((sum, i) => sum + i.minutes, 0)).toBe(90);
    });
    expect(screen.getByText(/I alt 90 af 90 min/)).toBeVisible();
  });

  it('shows the answers to the invitation, makes a decline an afbud, and takes its written input to the round', async () => {
    const user = userEvent.setup();
    const plan = todaysPlan((p) => void (p.meetings[0]!.eventId = 'event-ki-2027-003'));
    const world = aMeetingWorld({ as: 'mette', frame: 'content', at: '10:00', plan });
    world.services.calendar.getResponses = async () =>
      success([
        { email: people.peter.email!, response: 'accepted' },
        { email: people.ole.email!, response: 'declined' },
      ]);
    const details = renderMeeting(world);

    const ole = (await screen.findByText('Ole Bak')).closest('li') as HTMLElement;
    expect(await within(ole).findByText('Har takket nej')).toBeVisible();
    expect(
      within(screen.getByText('Peter Nielsen').closest('li') as HTMLElement).getByText('Har takket ja'),
    ).toBeVisible();

    // Declining the invitation is sending afbud: the place for Ole's written input is there without a click.
    await waitFor(() =>
      expect((within(ole).getByRole('combobox', { name: 'Fremmøde' }) as HTMLSelectElement).value).toBe('apologies'),
    );
    await user.type(
      within(ole).getByRole('textbox', { name: 'Skriftligt input fra Ole Bak' }),
      'Blodprøverne er fine.',
    );
    await waitFor(() =>
      expect(
        world.store.current(PLAN_ID).plan.meetings[0]!.invitees.find((i) => i.participantId === people.ole.id),
      ).toMatchObject({
        response: 'declined',
        attendance: { kind: 'apologies', writtenInput: 'Blodprøverne er fine.' },
      }),
    );
    details.unmount();

    // In the meeting, the koordinator reads it out at Ole's turn in the round.
    world.services.host = new FakeMeetingHost('sidePanel');
    world.clock.set(new Date('2027-03-04T12:20:00Z'));
    renderMeeting(world);
    await user.click(await screen.findByRole('tab', { name: 'Runde' }));
    // The round's code comes on demand (SidePanel.tsx).
    const turn = (await screen.findByRole('checkbox', { name: /Ole Bak/ })).closest('li') as HTMLElement;
    expect(within(turn).getByText('Skriftligt input (afbud)')).toBeVisible();
    expect(within(turn).getByText('Blodprøverne er fine.')).toBeVisible();
  });

  it('marks a CPR number in written input under the field as it is typed, where the minutes card carries the input', async () => {
    const user = userEvent.setup();
    const plan = todaysPlan((p) => void (p.meetings[0]!.eventId = 'event-ki-2027-003'));
    const world = aMeetingWorld({ as: 'mette', frame: 'content', at: '10:00', plan });
    // The tenant sends the minutes in full (with the round and written input); under the summary policy the
    // written input stays in the plan and nothing is marked.
    world.services.policy = { ...world.services.policy, cardDetail: 'full' };
    world.services.calendar.getResponses = async () => success([{ email: people.ole.email!, response: 'declined' }]);
    renderMeeting(world);
    const ole = (await screen.findByText('Ole Bak')).closest('li') as HTMLElement;
    const input = await within(ole).findByRole('textbox', { name: 'Skriftligt input fra Ole Bak' });
    await user.type(input, 'Prøvesvar for 010190-1234 er fine.');
    expect(await within(ole).findByText(/CPR-nummer/)).toBeVisible();
    expect(input.getAttribute('aria-invalid')).toBe('true');
    // Nothing typed is lost, and taking the number out clears the mark.
    expect((input as HTMLTextAreaElement).value).toBe('Prøvesvar for 010190-1234 er fine.');
    await user.clear(input);
    await user.type(input, 'Prøvesvarene er fine.');
    await waitFor(() => expect(within(ole).queryByText(/CPR-nummer/)).toBeNull());
  });

  it("lists the previous meeting's efforts for follow-up, with their owner and how far they are", async () => {
    renderMeeting(aMeetingWorld({ as: 'mette', frame: 'content', at: '10:00', plan: secondMeetingPlan() }));
    const previous = await screen.findByRole('region', { name: 'Indsatser fra sidste møde' });
    const job = within(previous).getByRole('group', { name: 'Afklaringsforløb i jobcentret' });
    expect(within(job).getByText('Ansvarlig: Peter Nielsen')).toBeVisible();
    expect(within(job).getByText('I gang')).toBeVisible();
    const support = within(previous).getByRole('group', { name: 'Bostøtte to gange om ugen' });
    expect(within(support).getByText('Ansvarlig: Jonas Berg')).toBeVisible();
    expect(within(support).getByText('Ikke gennemgået')).toBeVisible();
    // Before the meeting they are only shown: the referent marks them in the meeting.
    expect(within(previous).queryAllByRole('combobox')).toEqual([]);
  });

  it('says so when the plan has no earlier meeting', async () => {
    renderMeeting(aMeetingWorld({ as: 'mette', frame: 'content', at: '10:00' }));
    const previous = await screen.findByRole('region', { name: 'Indsatser fra sidste møde' });
    expect(within(previous).getByText('Der er ingen indsatser fra et tidligere møde.')).toBeVisible();
  });
});

describe('the stage and "Vis for alle"', () => {
  it('shows the goals and efforts in large type for everyone, with nothing to edit', async () => {
    const plan = todaysPlan((p) => {
      p.meetings[0]!.minutes.goals = [{ id: 'g-1', text: 'Jens beholder sin lejlighed' }];
      p.meetings[0]!.minutes.efforts = [
        {
          id: 'e-1',
          what: 'Søge enkeltydelse',
          goalId: 'g-1',
          ownerId: people.aisha.id,
          due: '2027-04-01',
          status: 'aaben',
        },
        { id: 'e-2', what: 'Tage bad', goalId: 'g-1', ownerId: people.jens.id, due: '2027-06-01', status: 'aaben' },
      ];
    });
    const world = aMeetingWorld({ as: 'peter', frame: 'meetingStage', plan });
    renderMeeting(world);
    await screen.findByRole('heading', { name: 'Fælles mål' });
    expect(screen.getByText('Jens beholder sin lejlighed')).toBeVisible();
    expect(screen.getByText('Søge enkeltydelse')).toBeVisible();
    screen.getByRole('heading', { name: 'Borgerens egne opgaver' });
    expect(screen.getByText('Stamoplysninger')).toBeVisible();
    expect(screen.queryAllByRole('textbox')).toEqual([]);
    expect(screen.queryAllByRole('button')).toEqual([]);
  });

  it('tells an attendee who is not a presenter how to get the view shown', async () => {
    const user = userEvent.setup();
    const world = aMeetingWorld({ as: 'peter' });
    world.services.host = new FakeMeetingHost('sidePanel', 'notPresenter');
    renderMeeting(world);
    await user.click(await screen.findByRole('button', { name: 'Vis for alle' }));
    expect(
      await screen.findByText(
        'Kun præsentatorer kan vise indhold for alle — bed mødelederen om at gøre dig til præsentator',
      ),
    ).toBeVisible();
  });

  it('shares a link that carries the plan id and nothing about the citizen', async () => {
    const user = userEvent.setup();
    const world = aMeetingWorld({ as: 'jonas' });
    renderMeeting(world);
    await user.click(await screen.findByRole('button', { name: 'Vis for alle' }));
    expect(await screen.findByText('Visningen deles nu med alle i mødet.')).toBeVisible();
    expect(world.host.shared).toEqual([`http://localhost:5300/meeting.html?planId=${PLAN_ID}&frame=meetingStage`]);
    // The citizen takes part, and cannot run the app's own copy: a screen share, which everyone can follow.
    expect(world.host.protocols).toEqual(['screenShare']);
  });
});

describe('handing a role over', () => {
  it('lets the mødeleder give the role to another participant', async () => {
    const user = userEvent.setup();
    const world = aMeetingWorld({ as: 'jonas' });
    renderMeeting(world);
    await user.click(await screen.findByRole('button', { name: 'Giv rollen videre (mødeleder)' }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Til' }), 'Peter Nielsen');
    await user.click(screen.getByRole('button', { name: 'Giv videre' }));
    expect(await screen.findByText('Peter Nielsen er nu mødeleder')).toBeVisible();
    // Jonas no longer drives the agenda.
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Næste punkt' })).toBeNull());
    await waitFor(() => expect(world.store.current(PLAN_ID).plan.meetings[0]!.roles.moedeleder).toBe(people.peter.id));
  });
});
