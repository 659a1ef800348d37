import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { FakeMinutesTransport } from '../../support/fakes/FakeMinutesTransport';
import { aMeetingWorld, people, PLAN_ID, renderMeeting, todaysPlan } from './meetingHarness';

beforeEach(() => sessionStorage.clear());

const MEETING_CHAT = '19:meeting_ki2027003@thread.v2';

/** Minutes with nothing to fix: an effort with owner and date, the next tovholder and date. */
const readyPlan = () =>
  todaysPlan((plan) => {
    const meeting = plan.meetings[0]!;
    meeting.chatId = MEETING_CHAT;
    meeting.minutes.goals = [{ id: 'g-bolig', text: 'Borgeren beholder sin lejlighed' }];
    meeting.minutes.efforts = [
      {
        id: 'e-1',
        what: 'Søge enkeltydelse',
        goalId: 'g-bolig',
        ownerId: people.peter.id,
        due: '2027-04-01',
        status: 'aaben',
      },
    ];
    meeting.minutes.nextTovholderId = people.peter.id;
    meeting.minutes.nextMeetingBy = '2027-06-04';
  });

describe('sending the minutes after the fælles opsummering', () => {
  it('shows who gets them how, previews the card, sends, and tries again for the one that failed', async () => {
    const user = userEvent.setup();
    const transport = new FakeMinutesTransport()
      .withChat(MEETING_CHAT)
      .fail('postMessages', people.peter.id, 'refused');
    const world = aMeetingWorld({ plan: readyPlan() });
    world.services.transport = transport;
    renderMeeting(world);

    await user.click(await screen.findByRole('tab', { name: 'Opsummering' }));
    // The fælles opsummering and the sending load on demand.
    expect((await screen.findByRole('button', { name: 'Send referat' })).getAttribute('aria-disabled')).toBe('true');
    await user.click(screen.getByRole('button', { name: 'Bekræftet med borgeren' }));
    await user.click(screen.getByRole('button', { name: 'Send referat' }));

    const planList = (await screen.findByText('Hvem får referatet hvordan')).nextElementSibling as HTMLElement;
    const row = (name: string) => within(planList).getByText(name).closest('li') as HTMLElement;
    expect(within(row('Peter Nielsen')).getByText('Teams-chat')).toBeTruthy();
    expect(within(row('Ole Bak')).getByText('E-mail')).toBeTruthy();
    expect(within(row('Mødechatten')).getByText('Mødechat')).toBeTruthy();
    // The sender has the plan already, and is told why nothing comes to them.
    expect(within(row('Aisha Khan')).getByText('Intet')).toBeTruthy();
    expect(within(row('Aisha Khan')).getByText(/du får ingen kopi/)).toBeTruthy();
    // What each recipient will get: the e-mail for those outside Teams, the card as Teams renders it for the others.
    expect(screen.getByTitle('E-mailen til Jens Holm')).toBeTruthy();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Forhåndsvis for' }), 'Peter Nielsen – Teams-chat');
    const card = await screen.findByRole('figure', { name: 'Forhåndsvisning af referatkortet til Peter Nielsen' });
    expect(within(card).getAllByText(/Søge enkeltydelse/).length).toBeGreaterThan(0);
    await user.click(screen.getByRole('radio', { name: 'Mørkt tema' }));
    expect(screen.getByRole('figure').getAttribute('data-theme')).toBe('dark');

    await user.click(screen.getByRole('button', { name: 'Send referatet nu' }));
    expect(await screen.findByText(/Referatet er sendt til \d af \d\. Prøv igen/)).toBeTruthy();
    expect(within(row('Peter Nielsen')).getByText('Fejlede')).toBeTruthy();
    expect(transport.mailsTo(people.ole.email!)).toHaveLength(1);
    expect(transport.messagesFor(people.peter.id)).toHaveLength(0);

    await user.click(screen.getByRole('button', { name: 'Prøv igen for dem, der fejlede' }));
    expect(await screen.findByText('Referatet er sendt til alle.')).toBeTruthy();
    expect(transport.messagesFor(people.peter.id)).toHaveLength(1);
    // Nobody got it twice.
    expect(transport.mailsTo(people.ole.email!)).toHaveLength(1);
    await waitFor(() =>
      expect(
        world.store
          .current(PLAN_ID)
          .plan.meetings[0]!.delivery?.recipients.find((r) => r.participantId === people.peter.id)?.status,
      ).toBe('sent'),
    );
  });
});
