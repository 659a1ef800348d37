import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Plan } from '../../../src/domain/plan/planDocument';
import { setEffortStatus } from '../../../src/domain/plans/myWork';
import { aConsent, aMeeting, aPlan, demoIds, demoPlan } from '../../support/builders';
import { aUser, aPlansWorld, people, renderPlansTab } from './plansHarness';

beforeEach(() => sessionStorage.clear());

/** The demo plan with one more effort for Peter, due after the one he is already late with. */
const planWithTwoEffortsForPeter = (): Plan => {
  const plan = demoPlan();
  const meeting = plan.meetings[0];
  if (!meeting) throw new Error('the demo plan has a meeting');
  meeting.minutes.efforts.push({
    id: 'e-cv',
    what: 'Skrive CV sammen med Jens',
    goalId: demoIds.goals.aktivitet,
    ownerId: people.peter.id,
    due: '2026-12-10',
    status: 'aaben',
  });
  return plan;
};

const effortItems = async () =>
  within(await screen.findByRole('list', { name: 'Mine indsatser' })).getAllByRole('listitem');

describe('my efforts between meetings', () => {
  it('lists my open efforts across plans with the overdue one first', async () => {
    renderPlansTab(aPlansWorld({ as: 'peter', plans: [planWithTwoEffortsForPeter()] }));
    const [first, second] = await effortItems();
    expect(within(first as HTMLElement).getByText('Finde et praktiksted med få timer om ugen')).toBeVisible();
    expect(within(first as HTMLElement).getByText('Overskredet')).toBeVisible();
    expect(within(first as HTMLElement).getByText('Frist 15. november 2026')).toBeVisible();
    expect(within(second as HTMLElement).getByText('Skrive CV sammen med Jens')).toBeVisible();
    expect(within(second as HTMLElement).queryByText('Overskredet')).toBeNull();
  });

  it('saves "Udført" to the plan, so the next meeting\'s follow-up starts from it', async () => {
    const user = aUser();
    const world = aPlansWorld({ as: 'peter' });
    renderPlansTab(world);
    await user.click(
      await screen.findByRole('button', { name: 'Markér "Finde et praktiksted med få timer om ugen" som udført' }),
    );

    expect(
      await screen.findByText('"Finde et praktiksted med få timer om ugen" er markeret som udført.'),
    ).toBeVisible();
    const efforts = world.store.current(demoIds.planId).plan.meetings[0]?.minutes.efforts;
    expect(efforts?.find((e) => e.id === demoIds.efforts.praktik)?.status).toBe('udfoert');
    await waitFor(() => expect(screen.getByText('Du har ingen åbne indsatser.')).toBeVisible());
  });

  it('saves "I gang" on top of a version someone else saved meanwhile, keeping their change', async () => {
    const user = aUser();
    const world = aPlansWorld({ as: 'peter' });
    renderPlansTab(world);
    const button = await screen.findByRole('button', {
      name: 'Markér "Finde et praktiksted med få timer om ugen" som i gang',
    });
    // Aisha marks her own effort done from her tab after Peter's tab loaded the plan.
    const theirs = setEffortStatus(
      world.store.current(demoIds.planId).plan,
      demoIds.efforts.huslejerestance,
      'udfoert',
    );
    world.store.saveAsSomeoneElse(theirs);
    await user.click(button);

    expect(await screen.findByText(/er markeret som i gang\. Planen var ændret af en anden/)).toBeVisible();
    const efforts = world.store.current(demoIds.planId).plan.meetings[0]?.minutes.efforts ?? [];
    expect(efforts.find((e) => e.id === demoIds.efforts.praktik)?.status).toBe('iGang');
    expect(efforts.find((e) => e.id === demoIds.efforts.huslejerestance)?.status).toBe('udfoert');
    expect(world.store.saveCalls.map((c) => c.outcome)).toEqual(['conflict', 'saved']);
  });

  it('says what went wrong and keeps the effort open when the save fails', async () => {
    const user = aUser();
    const world = aPlansWorld({ as: 'peter' });
    world.store.failNext();
    renderPlansTab(world);
    await user.click(
      await screen.findByRole('button', { name: 'Markér "Finde et praktiksted med få timer om ugen" som udført' }),
    );
    expect(await screen.findByText(/Ændringen blev ikke gemt: Microsoft 365 svarede ikke i tide/)).toBeVisible();
    expect(
      world.store
        .current(demoIds.planId)
        .plan.meetings[0]?.minutes.efforts.find((e) => e.id === demoIds.efforts.praktik)?.status,
    ).toBe('aaben');
  });
});

describe('the consent on the home screen', () => {
  it('says "Samtykke mangler" for a plan without consent', async () => {
    const plan = aPlan()
      .withCaseReference('KI-2026-020')
      .withParticipants([people.jens, people.peter, people.mette])
      .withConsent(null)
      .withMeeting(aMeeting().startingAt('2026-10-01'))
      .build();
    renderPlansTab(aPlansWorld({ as: 'peter', plans: [plan] }));
    const card = await screen.findByRole('article', { name: 'KI-2026-020' });
    expect(within(card).getByText('Samtykke mangler')).toBeVisible();
  });

  it('warns when the consent runs out before the booked next meeting', async () => {
    const plan = aPlan()
      .withCaseReference('KI-2026-021')
      .withParticipants([people.jens, people.peter, people.mette])
      .withConsent(aConsent({ givenOn: '2026-03-03', validUntil: '2027-03-03' }))
      .withMeeting(aMeeting().startingAt('2026-12-02'))
      .withMeeting(aMeeting().startingAt('2027-03-04'))
      .build();
    renderPlansTab(aPlansWorld({ as: 'peter', plans: [plan], at: '2026-12-10 09:00' }));
    const card = await screen.findByRole('article', { name: 'KI-2026-021' });
    expect(
      within(card).getByText('Samtykket udløber 3. marts 2027 — før næste møde. Indhent nyt samtykke.'),
    ).toBeVisible();
  });
});
