import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { aMeetingWorld, currentMinutes, people, PLAN_ID, renderMeeting, secondMeetingPlan } from './meetingHarness';

beforeEach(() => sessionStorage.clear());

/** The second meeting of the plan at its end: the referat written, Ole away with afbud. */
const writtenPlan = () => {
  const plan = secondMeetingPlan();
  const meeting = plan.meetings[1]!;
  meeting.invitees = meeting.invitees.map((i) =>
    i.participantId === people.ole.id
      ? { ...i, attendance: { kind: 'apologies', writtenInput: 'Blodprøverne er fine.' } }
      : i,
  );
  meeting.minutes = {
    ...meeting.minutes,
    challenges: [{ id: 'c-1', text: 'Huslejerestance på tre måneder' }],
    goals: [
      { id: 'g-rus', text: 'Borgeren drikker mindre' },
      { id: 'g-bolig', text: 'Borgeren beholder sin lejlighed' },
    ],
    efforts: [
      {
        id: 'e-1',
        what: 'Søge enkeltydelse',
        goalId: 'g-bolig',
        ownerId: people.aisha.id,
        due: '2027-04-01',
        status: 'aaben',
      },
      {
        id: 'e-2',
        what: 'Møde op til samtalerne',
        goalId: 'g-rus',
        ownerId: people.jens.id,
        due: '2027-05-03',
        status: 'aaben',
      },
    ],
    followUp: meeting.minutes.followUp.map((f) =>
      f.effortId === 'e-job'
        ? { ...f, status: 'udfoert' as const }
        : { ...f, status: 'aendret' as const, note: 'Nu én gang om ugen' },
    ),
    acceptance: 'iMoedet',
    nextTovholderId: people.peter.id,
    nextMeetingBy: '2027-06-04',
  };
  return plan;
};

const section = (summary: HTMLElement, name: string) => within(summary).getByRole('region', { name });
const lines = (element: HTMLElement) =>
  within(element)
    .getAllByRole('listitem')
    .map((li) => li.textContent?.replace(/\s+/g, ' ').trim());

describe('the fælles opsummering', () => {
  it('shows the whole plan on one screen, and "Send referat" only once it is confirmed with the citizen', async () => {
    const user = userEvent.setup();
    const world = aMeetingWorld({ at: '14:25', plan: writtenPlan() });
    renderMeeting(world);
    await user.click(await screen.findByRole('tab', { name: 'Opsummering' }));
    const summary = await screen.findByRole('tabpanel', { name: 'Opsummering' });
    // The summary's code comes on demand (SidePanel.tsx).
    await within(summary).findByRole('heading', { name: 'Fælles opsummering' });

    const participants = section(summary, 'Deltagere');
    expect(within(participants).getByText(/^Ole Bak.*\(afbud\)$/)).toBeVisible();
    expect(within(participants).getByText('Mødeleder: Jonas Berg')).toBeVisible();
    expect(within(participants).getByText('Referent: Aisha Khan')).toBeVisible();
    expect(section(summary, 'Samtykke').textContent).not.toBe('Samtykke');
    expect(lines(section(summary, 'Opfølgning på sidste møde'))).toEqual([
      'Afklaringsforløb i jobcentret – Udført',
      'Bostøtte to gange om ugen – Ændret (Nu én gang om ugen)',
    ]);
    expect(lines(section(summary, 'Udfordringer'))).toEqual(['Huslejerestance på tre måneder']);
    // The goals in the order of priority the meeting gave them.
    expect(lines(section(summary, 'Fælles mål'))).toEqual([
      'Borgeren drikker mindre',
      'Borgeren beholder sin lejlighed',
    ]);
    expect(lines(section(summary, 'Hvem gør hvad og hvornår'))).toEqual([
      expect.stringMatching(
        /^Aisha Khan: Søge enkeltydelse ?senest .*1\. april 2027 · for at: Borgeren beholder sin lejlighed$/,
      ),
    ]);
    expect(lines(section(summary, 'Borgerens egne opgaver'))).toEqual([
      expect.stringMatching(
        /^Jens Holm: Møde op til samtalerne ?senest .*3\. maj 2027 · for at: Borgeren drikker mindre$/,
      ),
    ]);
    const next = section(summary, 'Næste møde');
    expect(within(next).getByText('Borgerens accept: Accepteret i mødet')).toBeVisible();
    expect(within(next).getByText(/^Næste tovholder: Peter Nielsen, indkalder senest .*4\. juni 2027$/)).toBeVisible();

    // Read aloud and confirmed with the citizen: then, and only then, the referat can be sent.
    const send = screen.getByRole('button', { name: 'Send referat' });
    expect(send.getAttribute('aria-disabled')).toBe('true');
    expect(screen.getByText('Bekræft opsummeringen med borgeren, så kan referatet sendes.')).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Bekræftet med borgeren' }));
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Send referat' }).getAttribute('aria-disabled')).toBeNull(),
    );
    await waitFor(() => expect(world.store.current(PLAN_ID).plan.meetings[1]!.summaryConfirmedAt).not.toBeNull());
    expect(currentMinutes(world).goals.map((g) => g.id)).toEqual(['g-rus', 'g-bolig']);
  });
});
