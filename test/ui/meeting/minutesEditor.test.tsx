import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { copenhagenInstant } from '../../../src/domain/time/danishTime';
import { aMeetingWorld, currentMinutes, people, renderMeeting, secondMeetingPlan, todaysPlan } from './meetingHarness';

beforeEach(() => sessionStorage.clear());

const planWithGoals = () =>
  todaysPlan((plan) => {
    plan.meetings[0]!.minutes.goals = [
      { id: 'g-bolig', text: 'Jens beholder sin lejlighed' },
      { id: 'g-rus', text: 'Jens drikker mindre' },
      { id: 'g-job', text: 'Jens har noget at stå op til' },
    ];
  });

const goalTexts = () =>
  screen.getAllByRole('textbox', { name: /^Mål \d$/ }).map((box) => (box as HTMLTextAreaElement).value);

describe('the referent writing the minutes in the side panel', () => {
  it('adds an effort with an owner and a due date, and the plan in the store gets it', async () => {
    const user = userEvent.setup();
    const world = aMeetingWorld();
    renderMeeting(world);

    await user.click(await screen.findByRole('button', { name: 'Tilføj indsats' }));
    // The new effort's "Hvad" has the focus, so the referent can type at once.
    await user.keyboard('Søge boligstøtte');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Ansvarlig' }), 'Peter Nielsen');
    fireEvent.change(screen.getByLabelText('Senest'), { target: { value: '2027-04-15' } });

    await waitFor(() =>
      expect(currentMinutes(world).efforts).toEqual([
        expect.objectContaining({ what: 'Søge boligstøtte', ownerId: people.peter.id, due: '2027-04-15' }),
      ]),
    );
    expect(await screen.findByText('Alt er gemt')).toBeVisible();
  });

  it('puts an effort owned by the citizen among the citizen’s own tasks', async () => {
    const user = userEvent.setup();
    const world = aMeetingWorld();
    renderMeeting(world);
    await user.click(await screen.findByRole('button', { name: 'Tilføj opgave til Jens Holm' }));
    await user.keyboard('Tage bad før næste møde');
    const tasks = screen.getByRole('region', { name: 'Borgerens egne opgaver' });
    expect(within(tasks).getByDisplayValue('Tage bad før næste møde')).toBeVisible();
    await waitFor(() =>
      expect(currentMinutes(world).efforts).toEqual([
        expect.objectContaining({ what: 'Tage bad før næste møde', ownerId: people.jens.id }),
      ]),
    );
  });

  it('reorders the shared goals by keyboard, announcing each move and keeping focus on the moved goal', async () => {
    const user = userEvent.setup();
    const world = aMeetingWorld({ plan: planWithGoals() });
    renderMeeting(world);

    const down = await screen.findByRole('button', { name: 'Flyt ned (mål 1)' });
    down.focus();
    await user.keyboard('{Enter}');

    expect(goalTexts()).toEqual(['Jens drikker mindre', 'Jens beholder sin lejlighed', 'Jens har noget at stå op til']);
    expect(screen.getByText('"Jens beholder sin lejlighed" er flyttet til plads 2 af 3')).toBeVisible();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Flyt ned (mål 2)' }));

    // Once more: now at the bottom, where "Flyt ned" is disabled, focus stays on the goal's "Flyt op".
    await user.keyboard('{Enter}');
    expect(goalTexts()).toEqual(['Jens drikker mindre', 'Jens har noget at stå op til', 'Jens beholder sin lejlighed']);
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Flyt op (mål 3)' }));
    await waitFor(() => expect(currentMinutes(world).goals.map((g) => g.id)).toEqual(['g-rus', 'g-job', 'g-bolig']));
  });

  it('reorders the shared goals with the pointer, by dragging a goal by its handle onto another', async () => {
    const world = aMeetingWorld({ plan: planWithGoals() });
    renderMeeting(world);
    await screen.findByRole('button', { name: 'Flyt ned (mål 1)' });
    const itemOf = (n: number) => screen.getByRole('textbox', { name: `Mål ${n}` }).closest('li') as HTMLElement;
    // What the browser's drag carries (jsdom has no DataTransfer of its own).
    const carried = new Map<string, string>();
    const dataTransfer = {
      effectAllowed: 'none',
      dropEffect: 'none',
      setData: (type: string, value: string) => void carried.set(type, value),
      getData: (type: string) => carried.get(type) ?? '',
    };
    const handle = screen.getByTitle('Træk for at flytte mål 3');
    expect(handle.getAttribute('draggable')).toBe('true');

    // "Jens har noget at stå op til" is dragged up onto the first goal.
    fireEvent.dragStart(handle, { dataTransfer });
    fireEvent.dragOver(itemOf(2), { dataTransfer });
    fireEvent.dragOver(itemOf(1), { dataTransfer });
    fireEvent.drop(itemOf(1), { dataTransfer });
    fireEvent.dragEnd(handle, { dataTransfer });

    expect(goalTexts()).toEqual(['Jens har noget at stå op til', 'Jens beholder sin lejlighed', 'Jens drikker mindre']);
    expect(screen.getByText('"Jens har noget at stå op til" er flyttet til plads 1 af 3')).toBeVisible();
    await waitFor(() => expect(currentMinutes(world).goals.map((g) => g.id)).toEqual(['g-job', 'g-bolig', 'g-rus']));

    // And down again: dropped on the last goal, it takes the last place.
    fireEvent.dragStart(screen.getByTitle('Træk for at flytte mål 1'), { dataTransfer });
    fireEvent.dragOver(itemOf(3), { dataTransfer });
    fireEvent.drop(itemOf(3), { dataTransfer });
    expect(goalTexts()).toEqual(['Jens beholder sin lejlighed', 'Jens drikker mindre', 'Jens har noget at stå op til']);
    await waitFor(() => expect(currentMinutes(world).goals.map((g) => g.id)).toEqual(['g-bolig', 'g-rus', 'g-job']));
  });

  it("marks the previous meeting's efforts udført, i gang, ændret or droppet, asking what changed", async () => {
    const user = userEvent.setup();
    const world = aMeetingWorld({ plan: secondMeetingPlan() });
    renderMeeting(world);
    const previous = await screen.findByRole('region', { name: 'Indsatser fra sidste møde' });
    const job = within(previous).getByRole('group', { name: 'Afklaringsforløb i jobcentret' });
    const support = within(previous).getByRole('group', { name: 'Bostøtte to gange om ugen' });
    // Marked i gang between the meetings, so it arrives with that status; the other is not yet gone through.
    expect(within(job).getByRole('combobox', { name: 'Status' })).toHaveProperty('value', 'iGang');
    expect(within(support).getByRole('combobox', { name: 'Status' })).toHaveProperty('value', '');
    expect(
      within(job)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Ikke gennemgået', 'Udført', 'I gang', 'Ændret', 'Droppet']);

    await user.selectOptions(within(job).getByRole('combobox', { name: 'Status' }), 'Udført');
    await user.selectOptions(within(support).getByRole('combobox', { name: 'Status' }), 'Ændret');
    // "Ændret" without a word on what changed is marked under the note, without stopping anything.
    expect(await within(support).findByText(/er markeret som ændret\. Skriv kort, hvad der er ændret\./)).toBeVisible();
    await user.type(within(support).getByRole('textbox', { name: 'Note' }), 'Nu én gang om ugen');
    await waitFor(() => expect(within(support).queryByText(/er markeret som ændret/)).toBeNull());
    await waitFor(() =>
      expect(currentMinutes(world).followUp).toEqual([
        expect.objectContaining({ effortId: 'e-job', status: 'udfoert' }),
        expect.objectContaining({ effortId: 'e-bo', status: 'aendret', note: 'Nu én gang om ugen' }),
      ]),
    );
  });

  it('marks an effort without owner inline without stopping the typing, and lists it before "Send referat"', async () => {
    const user = userEvent.setup();
    const world = aMeetingWorld({
      plan: todaysPlan((plan) => void (plan.meetings[0]!.minutes.nextTovholderId = people.peter.id)),
    });
    renderMeeting(world);

    await user.click(await screen.findByRole('button', { name: 'Tilføj indsats' }));
    await user.keyboard('Ringe til udlejeren om en afdragsordning');
    // Every character arrived although the effort has had a problem since it was added.
    expect(screen.getByRole('textbox', { name: 'Hvad' })).toHaveProperty(
      'value',
      'Ringe til udlejeren om en afdragsordning',
    );
    // The problems under the fields follow once the typing rests.
    expect(await screen.findByText(/har ingen ansvarlig\. Vælg én navngiven person/)).toBeVisible();
    const owner = screen.getByRole('combobox', { name: 'Ansvarlig' });
    expect(owner.getAttribute('aria-invalid')).toBe('true');

    await user.click(screen.getByRole('tab', { name: 'Opsummering' }));
    await user.click(await screen.findByRole('button', { name: 'Bekræftet med borgeren' }));
    const send = screen.getByRole('button', { name: 'Send referat' });
    expect(send.getAttribute('aria-disabled')).toBe('true');
    const list = screen.getByText('Ret dette, før referatet kan sendes').closest('[id="send-problems"]') as HTMLElement;
    const link = within(list).getByRole('link', { name: /har ingen ansvarlig/ });

    // The link opens the referat and puts the cursor in the owner field.
    await user.click(link);
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('combobox', { name: 'Ansvarlig' })));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Ansvarlig' }), 'Aisha Khan');
    await user.click(screen.getByRole('tab', { name: 'Opsummering' }));
    expect((await screen.findByRole('button', { name: 'Send referat' })).getAttribute('aria-disabled')).toBeNull();
  });

  it('marks the citizen’s name in an effort, which the chat rule keeps out of the card, right where it was typed', async () => {
    const user = userEvent.setup();
    const world = aMeetingWorld();
    renderMeeting(world);
    await user.click(await screen.findByRole('button', { name: 'Tilføj indsats' }));
    await user.keyboard('Jens Holm skal søge boligstøtte');
    const what = screen.getByRole('textbox', { name: 'Hvad' });
    expect(what).toHaveProperty('value', 'Jens Holm skal søge boligstøtte');
    // The problems under the fields follow once the typing rests.
    expect(await screen.findByText(/indeholder borgerens navn/)).toBeVisible();
    expect(what.getAttribute('aria-invalid')).toBe('true');
    await user.click(screen.getByRole('tab', { name: 'Opsummering' }));
    await screen.findByRole('link', { name: /indeholder borgerens navn/ });
  });

  it('marks an owner who is not a participant, a due date passed and no next tovholder inline; only "Send referat" waits', async () => {
    const user = userEvent.setup();
    const world = aMeetingWorld({
      plan: todaysPlan((plan) => {
        const minutes = plan.meetings[0]!.minutes;
        minutes.efforts = [
          // Owned by someone who has left the plan since, and due before today (4 March 2027).
          { id: 'e-1', what: 'Søge boligstøtte', goalId: null, ownerId: 'p-gone', due: '2027-02-01', status: 'aaben' },
        ];
        minutes.nextMeetingBy = '2027-06-04';
      }),
    });
    renderMeeting(world);
    const row = await screen.findByRole('group', { name: 'Indsats 1' });
    const owner = within(row).getByRole('combobox', { name: 'Ansvarlig' }) as HTMLSelectElement;
    expect(owner.selectedOptions[0]?.textContent).toBe('Ukendt person (ikke længere deltager)');
    expect(await within(row).findByText(/er ikke deltager i planen\. Vælg en af deltagerne/)).toBeVisible();
    expect(owner.getAttribute('aria-invalid')).toBe('true');
    expect(within(row).getByText(/er allerede passeret\. Vælg en ny frist/)).toBeVisible();
    expect(within(row).getByLabelText('Senest').getAttribute('aria-invalid')).toBe('true');
    const tovholder = screen.getByRole('combobox', { name: /^Næste tovholder/ });
    expect(screen.getByText(/Der er ingen næste tovholder\. Vælg den deltager/)).toBeVisible();
    expect(tovholder.getAttribute('aria-invalid')).toBe('true');

    // Typing goes on regardless.
    await user.type(within(row).getByRole('textbox', { name: 'Hvad' }), ' i april');
    expect(within(row).getByRole('textbox', { name: 'Hvad' })).toHaveProperty('value', 'Søge boligstøtte i april');

    // "Send referat" waits, with the list of what to fix.
    await user.click(screen.getByRole('tab', { name: 'Opsummering' }));
    await user.click(await screen.findByRole('button', { name: 'Bekræftet med borgeren' }));
    expect(screen.getByRole('button', { name: 'Send referat' }).getAttribute('aria-disabled')).toBe('true');
    const list = screen.getByText('Ret disse 3 ting, før referatet kan sendes').closest('[id="send-problems"]');
    const links = within(list as HTMLElement)
      .getAllByRole('link')
      .map((l) => l.textContent);
    expect(links).toEqual([
      expect.stringMatching(/^Den ansvarlige for indsatsen .*Søge boligstøtte i april.* er ikke deltager/),
      expect.stringMatching(/^Fristen for indsatsen .*Søge boligstøtte i april.* er allerede passeret/),
      expect.stringMatching(/^Der er ingen næste tovholder/),
    ]);
  });

  it('proposes the next meeting three months on, and warns past six months without holding the send back', async () => {
    const world = aMeetingWorld();
    renderMeeting(world);
    // Today's meeting is 4 March 2027: by 4 June 2027 (a Friday).
    const by = await screen.findByLabelText(/^Næste møde senest/);
    await waitFor(() => expect(by).toHaveProperty('value', '2027-06-04'));
    await waitFor(() => expect(currentMinutes(world).nextMeetingBy).toBe('2027-06-04'));

    fireEvent.change(by, { target: { value: '2027-10-01' } });
    expect(await screen.findByText(/Næste møde er mere end 6 måneder ude/)).toBeVisible();
    // A warning, not an error: the field is not marked invalid, and it is not among what blocks the send.
    expect(by.getAttribute('aria-invalid')).toBeNull();
    await waitFor(() => expect(currentMinutes(world).nextMeetingBy).toBe('2027-10-01'));
  });

  it('marks a CPR number in a challenge under that challenge, where the tenant sends challenges in full', async () => {
    const user = userEvent.setup();
    const world = aMeetingWorld();
    world.services.policy = { ...world.services.policy, cardDetail: 'full' };
    renderMeeting(world);
    await user.click(await screen.findByRole('button', { name: 'Tilføj udfordring' }));
    await user.keyboard('Huslejerestance, jf. 010190-1234');
    const challenge = screen.getByRole('textbox', { name: 'Udfordring 1' });
    expect(challenge).toHaveProperty('value', 'Huslejerestance, jf. 010190-1234');
    await waitFor(() => expect(challenge.getAttribute('aria-invalid')).toBe('true'));
    const field = challenge.closest('[class*="fui-Field"]') as HTMLElement;
    expect(within(field).getByText(/CPR-nummer/)).toBeVisible();
  });

  it('brings back unsaved text after a reload of the panel', async () => {
    const user = userEvent.setup();
    const world = aMeetingWorld();
    // A save delay far beyond the test: the text is only in session storage when the panel goes away.
    const slow = { saveDelayMs: 60 * 60000, pollMs: 60 * 60000 };
    const first = renderMeeting(world, slow);
    await user.click(await screen.findByRole('button', { name: 'Tilføj udfordring' }));
    await user.keyboard('Huslejerestance på tre måneder');
    first.unmount();
    expect(currentMinutes(world).challenges).toEqual([]);

    renderMeeting(world, slow);
    expect(await screen.findByDisplayValue('Huslejerestance på tre måneder')).toBeVisible();
    expect(screen.getByText('Det, du skrev før siden blev genindlæst, er hentet frem igen.')).toBeVisible();
  });

  it('brings back text typed just before the page was reloaded (written when the page is left, not per key)', async () => {
    const user = userEvent.setup();
    const world = aMeetingWorld();
    const slow = { saveDelayMs: 60 * 60000, pollMs: 60 * 60000 };
    const first = renderMeeting(world, slow);
    await user.click(await screen.findByRole('button', { name: 'Tilføj udfordring' }));
    await user.keyboard('Huslejerestance');
    // A reload: the browser fires pagehide and then drops the page — React never unmounts, no timer runs.
    fireEvent(window, new Event('pagehide'));
    const left = { ...sessionStorage };
    sessionStorage.clear();
    first.unmount();
    for (const [key, value] of Object.entries(left)) sessionStorage.setItem(key, value);

    renderMeeting(world, slow);
    expect(await screen.findByDisplayValue('Huslejerestance')).toBeVisible();
    expect(screen.getByText('Det, du skrev før siden blev genindlæst, er hentet frem igen.')).toBeVisible();
  });

  it('keeps the text on this device when the network drops, and saves it when the store answers again', async () => {
    const user = userEvent.setup();
    const world = aMeetingWorld();
    world.store.failNext();
    renderMeeting(world);
    await user.click(await screen.findByRole('button', { name: 'Tilføj udfordring' }));
    await user.keyboard('Daglig brug af hash');
    await waitFor(() =>
      expect(currentMinutes(world).challenges).toEqual([expect.objectContaining({ text: 'Daglig brug af hash' })]),
    );
    expect(world.store.saveCalls.map((c) => c.outcome)).toContain('failed');
  });
});

describe('who drives the agenda', () => {
  it('gives the mødeleder "Næste punkt", which moves every panel to the next item', async () => {
    const user = userEvent.setup();
    const world = aMeetingWorld({ as: 'jonas' });
    renderMeeting(world);
    expect(await screen.findByText('Stamoplysninger')).toBeVisible();
    // 20 minutes into a 5-minute item: said calmly, in whole minutes.
    expect(screen.getByText('15 min over')).toBeVisible();

    await user.click(screen.getByRole('button', { name: 'Næste punkt' }));
    expect(await screen.findByText('Afdækning')).toBeVisible();
    expect(screen.getByText('35 min tilbage')).toBeVisible();
    await waitFor(() =>
      expect(world.store.current('plan-ki-2027-003').plan.meetings[0]!.agendaSteps.map((s) => s.key)).toEqual([
        'stamoplysninger',
        'afdaekning',
      ]),
    );
  });

  it('fits the items still to come into the time that is left once an item has run over', async () => {
    const user = userEvent.setup();
    // 13.00–14.30. Stamoplysninger (5 min) from 13.00, afdækning (35 min) from 13.05: at 13.50 it is 10 min over.
    const world = aMeetingWorld({
      as: 'jonas',
      at: '13:50',
      plan: todaysPlan(
        (p) =>
          void (p.meetings[0]!.agendaSteps = [
            { key: 'stamoplysninger', at: copenhagenInstant('2027-03-04', '13:00').toISOString() },
            { key: 'afdaekning', at: copenhagenInstant('2027-03-04', '13:05').toISOString() },
          ]),
      ),
    });
    renderMeeting(world);
    const clock = await screen.findByRole('region', { name: 'Dagsorden' });
    expect(within(clock).getByText('Afdækning')).toBeVisible();
    expect(within(clock).getByText('10 min over')).toBeVisible();
    expect(within(clock).getByText('40 min til mødet slutter')).toBeVisible();
    await user.click(within(clock).getByText('Resten af mødet'));
    // 40 minutes for udfordringer, mål and opfølgning (planned 15 + 20 + 15 = 50), in proportion.
    expect(within(clock).getByText('Udfordringer: nu 12 min (planlagt 15 min)')).toBeVisible();
    expect(within(clock).getByText('Fælles mål og prioritering: nu 16 min (planlagt 20 min)')).toBeVisible();
    expect(within(clock).getByText('Opfølgning: nu 12 min (planlagt 15 min)')).toBeVisible();

    // "Næste punkt" at once: udfordringer's own box now counts, and the two after it share what is left.
    await user.click(within(clock).getByRole('button', { name: 'Næste punkt' }));
    expect(await within(clock).findByText('Udfordringer')).toBeVisible();
    expect(within(clock).getByText('15 min tilbage')).toBeVisible();
    expect(within(clock).getByText('Fælles mål og prioritering: nu 14 min (planlagt 20 min)')).toBeVisible();
    expect(within(clock).getByText('Opfølgning: nu 11 min (planlagt 15 min)')).toBeVisible();
  });

  it('shows a reader where the meeting is, without "Næste punkt" and without fields to write in', async () => {
    const world = aMeetingWorld({ as: 'peter' });
    renderMeeting(world);
    expect(await screen.findByText('Stamoplysninger')).toBeVisible();
    expect(screen.getByText('Du læser med')).toBeVisible();
    expect(screen.queryByRole('button', { name: 'Næste punkt' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Tilføj indsats' })).toBeNull();
    expect(screen.getByText('Referenten skriver referatet. Du kan følge med her.')).toBeVisible();
  });
});
