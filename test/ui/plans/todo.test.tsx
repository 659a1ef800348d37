import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Effort, Plan } from '../../../src/domain/plan/planDocument';
import { failure } from '../../../src/domain/ports/outcome';
import { demoIds, demoPlan } from '../../support/builders';
import { aPlansWorld, aUser, people, renderPlansTab } from './plansHarness';

beforeEach(() => {
  sessionStorage.clear();
  localStorage.clear();
});

const SWITCH = 'Tilføj mine indsatser til Microsoft To Do';
const ADD = 'Tilføj til To Do';

/** The demo plan with more efforts for Peter (praktik is already his). */
const planWithEffortsForPeter = (...extra: Pick<Effort, 'id' | 'what'>[]): Plan => {
  const plan = demoPlan();
  plan.meetings[0]?.minutes.efforts.push(
    ...extra.map((e): Effort => ({
      ...e,
      goalId: demoIds.goals.aktivitet,
      ownerId: people.peter.id,
      due: '2026-12-10',
      status: 'aaben',
    })),
  );
  return plan;
};

const resultOf = async (title: string): Promise<HTMLElement> => {
  const results = await screen.findByRole('list', { name: 'Resultat af Tilføj til To Do' });
  const item = within(results)
    .getAllByRole('listitem')
    .find((li) => within(li).queryByText(title) !== null);
  if (!item) throw new Error(`no result for ${title}`);
  return item;
};

describe('my efforts in my own Microsoft To Do', () => {
  it('is off until I turn it on, and sends nothing meanwhile', async () => {
    const world = aPlansWorld({ as: 'peter' });
    renderPlansTab(world);

    const toggle = await screen.findByRole('switch', { name: SWITCH });
    expect((toggle as HTMLInputElement).checked).toBe(false);
    expect(screen.queryByRole('button', { name: ADD })).toBeNull();
    expect(world.tasks.calls).toEqual([]);
  });

  it('adds only my own open efforts, titled with the case reference and without the name', async () => {
    const user = aUser();
    const world = aPlansWorld({ as: 'peter', plans: [planWithEffortsForPeter({ id: 'e-cv', what: 'Skrive CV' })] });
    renderPlansTab(world);
    await user.click(await screen.findByRole('switch', { name: SWITCH }));
    await user.click(screen.getByRole('button', { name: ADD }));

    expect(
      within(await resultOf('KI-2026-014: Finde et praktiksted med få timer om ugen')).getByText('Tilføjet'),
    ).toBeVisible();
    expect(within(await resultOf('KI-2026-014: Skrive CV')).getByText('Tilføjet')).toBeVisible();
    expect(world.tasks.tasks.map((task) => task.title)).toEqual([
      'KI-2026-014: Finde et praktiksted med få timer om ugen',
      'KI-2026-014: Skrive CV',
    ]);
    expect(world.tasks.tasks.map((task) => task.key)).toEqual([
      `${demoIds.planId}/${demoIds.efforts.praktik}`,
      `${demoIds.planId}/e-cv`,
    ]);
    expect(JSON.stringify(world.tasks.calls)).not.toMatch(/jens|holm/i);
    expect(screen.getByText('2 af 2 indsatser er i din Microsoft To Do.')).toBeVisible();
  });

  it('adds nothing new when I press the button again', async () => {
    const user = aUser();
    const world = aPlansWorld({ as: 'peter' });
    renderPlansTab(world);
    await user.click(await screen.findByRole('switch', { name: SWITCH }));
    await user.click(screen.getByRole('button', { name: ADD }));
    await resultOf('KI-2026-014: Finde et praktiksted med få timer om ugen');
    await user.click(screen.getByRole('button', { name: ADD }));

    expect(await screen.findByText('1 af 1 indsatser er i din Microsoft To Do.')).toBeVisible();
    expect(world.tasks.calls).toHaveLength(2);
    expect(world.tasks.tasks).toHaveLength(1);
  });

  it('refuses an effort that names the citizen, says what to change in Danish, and adds the rest', async () => {
    const user = aUser();
    const world = aPlansWorld({
      as: 'peter',
      plans: [planWithEffortsForPeter({ id: 'e-cv', what: 'Skrive CV sammen med Jens' })],
    });
    renderPlansTab(world);
    await user.click(await screen.findByRole('switch', { name: SWITCH }));
    await user.click(screen.getByRole('button', { name: ADD }));

    const refused = await resultOf('KI-2026-014: Skrive CV sammen med Jens');
    expect(
      within(refused).getByText(
        'Ikke tilføjet: Opgaven til Microsoft To Do indeholder borgerens navn — ret indsatsens tekst i planen, så der står »borgeren« i stedet for navnet.',
      ),
    ).toBeVisible();
    expect(world.tasks.tasks.map((task) => task.title)).toEqual([
      'KI-2026-014: Finde et praktiksted med få timer om ugen',
    ]);
    expect(screen.getByText('1 af 2 indsatser er i din Microsoft To Do.')).toBeVisible();
  });

  it('says what to do when Microsoft To Do has not been allowed yet', async () => {
    const user = aUser();
    const world = aPlansWorld({ as: 'peter' });
    world.tasks.failNext(failure('forbidden', 'Authorization_RequestDenied', 'Tasks.ReadWrite missing', 403));
    renderPlansTab(world);
    await user.click(await screen.findByRole('switch', { name: SWITCH }));
    await user.click(screen.getByRole('button', { name: ADD }));

    expect(
      within(await resultOf('KI-2026-014: Finde et praktiksted med få timer om ugen')).getByText(
        /^Ikke tilføjet: Tovholder har ikke lov til at skrive i din Microsoft To Do/,
      ),
    ).toBeVisible();
  });

  it('asks me to allow it again, not to sign in again, when I declined the To Do permission', async () => {
    const user = aUser();
    const world = aPlansWorld({ as: 'peter' });
    world.tasks.failNext(failure('unauthorized', 'consent_declined', 'The user declined', 401));
    renderPlansTab(world);
    await user.click(await screen.findByRole('switch', { name: SWITCH }));
    await user.click(screen.getByRole('button', { name: ADD }));

    expect(
      within(await resultOf('KI-2026-014: Finde et praktiksted med få timer om ugen')).getByText(
        /^Ikke tilføjet: Tovholder fik ikke adgang til din Microsoft To Do\. Tryk »Tilføj til To Do« igen/,
      ),
    ).toBeVisible();
  });

  it('remembers the choice for me in this session only, and not for another user', async () => {
    const user = aUser();
    const first = renderPlansTab(aPlansWorld({ as: 'peter' }));
    await user.click(await screen.findByRole('switch', { name: SWITCH }));
    first.unmount();

    const again = renderPlansTab(aPlansWorld({ as: 'peter' }));
    expect(((await screen.findByRole('switch', { name: SWITCH })) as HTMLInputElement).checked).toBe(true);
    again.unmount();

    renderPlansTab(aPlansWorld({ as: 'mette' }));
    expect(((await screen.findByRole('switch', { name: SWITCH })) as HTMLInputElement).checked).toBe(false);
    expect(localStorage.length).toBe(0);
  });

  it('offers no switch where there is no task list', async () => {
    const world = aPlansWorld({ as: 'peter' });
    renderPlansTab({ ...world, services: { ...world.services, tasks: null } });
    await screen.findByRole('heading', { name: 'Mine indsatser' });
    expect(screen.queryByRole('switch', { name: SWITCH })).toBeNull();
  });
});
