import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { demoIds } from '../../support/builders';
import { aUser, aPlansWorld, people, renderPlansTab } from './plansHarness';

beforeEach(() => sessionStorage.clear());

const BANNER = 'Du er tovholder for KI-2026-014 — indkald senest 3. december';

/** "Book næste møde" in the banner (the plan's card has one too). */
const bannerButton = async () =>
  within(await screen.findByRole('group', { name: BANNER })).getByRole('button', { name: 'Book næste møde' });

describe('the next tovholder between meetings', () => {
  it('tells Peter he is the tovholder for KI-2026-014 and by when he must convene', async () => {
    renderPlansTab(aPlansWorld({ as: 'peter' }));
    await screen.findByRole('group', { name: BANNER });
  });

  it('shows no banner to someone who is not the next tovholder', async () => {
    renderPlansTab(aPlansWorld({ as: 'mette' }));
    await screen.findByRole('heading', { name: 'KI-2026-014' });
    expect(screen.queryByText(/Du er tovholder for/)).toBeNull();
  });

  it('opens booking in one click with the same people, the roles, the consent and the follow-up carried over', async () => {
    const user = aUser();
    renderPlansTab(aPlansWorld({ as: 'peter' }));
    await user.click(await bannerButton());

    await screen.findByRole('heading', { name: 'Book næste møde for KI-2026-014' });
    const invited = screen.getByRole('list', { name: 'Inviterede (14)' });
    for (const person of [people.jens, people.lise, people.mette, people.karen, people.ole, people.mikkel]) {
      expect(within(invited).getByText(person.name)).toBeVisible();
    }
    // The named next tovholder convenes, so he is koordinator; chair and minute-taker stay.
    expect((screen.getByRole('combobox', { name: 'Koordinator' }) as HTMLSelectElement).value).toBe(people.peter.id);
    expect((screen.getByRole('combobox', { name: 'Mødeleder' }) as HTMLSelectElement).value).toBe(people.jonas.id);
    expect((screen.getByRole('combobox', { name: 'Referent' }) as HTMLSelectElement).value).toBe(people.aisha.id);
    expect(
      screen.getByText(
        'Samtykket givet torsdag 3. september 2026 (skriftligt) gælder til fredag 3. september 2027 og føres med til næste møde.',
      ),
    ).toBeVisible();
    const followUp = screen.getByRole('list', { name: 'Opfølgning fra sidste møde' });
    expect(within(followUp).getAllByRole('listitem')).toHaveLength(5);
    expect(within(followUp).getByText('Finde et praktiksted med få timer om ugen')).toBeVisible();
    expect(within(followUp).getByText('Tage bad og rydde op i køkkenet før næste møde')).toBeVisible();
  });

  it('books the next meeting into the plan with the previous efforts as its follow-up', async () => {
    const user = aUser();
    const world = aPlansWorld({ as: 'peter' });
    renderPlansTab(world);
    await user.click(await bannerButton());
    // The best time the week grid offers: everyone in the organisation free.
    const best = await screen.findByRole('list', { name: 'Bedste tider' });
    await user.click(within(best).getAllByRole('button')[0] as HTMLElement);
    await user.click(screen.getByRole('button', { name: 'Book mødet' }));

    await screen.findByRole('heading', { name: 'Mødet er booket' });
    const plan = world.store.current(demoIds.planId).plan;
    expect(plan.meetings).toHaveLength(2);
    const next = plan.meetings[1];
    expect(next?.roles).toEqual({
      koordinator: people.peter.id,
      moedeleder: people.jonas.id,
      referent: people.aisha.id,
    });
    expect(next?.minutes.followUp.map((f) => f.effortId)).toEqual(Object.values(demoIds.efforts));
    expect(next?.eventId).toBe(world.calendar.created[0]?.eventId);
    expect(next?.chatId).not.toBeNull();
    expect(plan.consent?.validUntil).toBe('2027-09-03');
  });
});
