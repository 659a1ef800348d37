import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Plan } from '../../../src/domain/plan/planDocument';
import { aMeetingWorld, currentMinutes, people, PLAN_ID, renderMeeting, todaysPlan } from './meetingHarness';

beforeEach(() => sessionStorage.clear());

const withEffort = () =>
  todaysPlan((plan) => {
    plan.meetings[0]!.minutes.efforts = [
      {
        id: 'e-rest',
        what: 'Søge enkeltydelse',
        goalId: null,
        ownerId: people.aisha.id,
        due: '2027-04-01',
        status: 'aaben',
      },
    ];
    // The referat editor fills in Næste møde's default when it opens, and saves it. Given here, the only edits are
    // the test's own: on a slow machine that save could otherwise meet the other person's first and merge quietly,
    // before the typing starts (it did, under load).
    plan.meetings[0]!.minutes.nextMeetingBy = '2027-06-04';
  });

/** Another panel's save, made from the version both panels loaded. */
const someoneElseSaves = (world: ReturnType<typeof aMeetingWorld>, change: (plan: Plan) => void) => {
  const theirs = structuredClone(world.store.current(PLAN_ID).plan);
  change(theirs);
  world.store.saveAsSomeoneElse(theirs);
};

const CLASH = 'En anden har ændret det samme samtidig';
// The clash resolver's code comes on demand (EditingBar.tsx): on a loaded machine its first fetch — here, its
// first transform — takes longer than Testing Library's default second.
const LAZY_MS = 10_000;

describe('two people saving the same plan at once', () => {
  it('merges changes to different fields without asking, and keeps both', async () => {
    const user = userEvent.setup();
    const world = aMeetingWorld({ plan: withEffort() });
    renderMeeting(world);
    await screen.findByRole('button', { name: 'Tilføj udfordring' });

    someoneElseSaves(world, (plan) => {
      plan.meetings[0]!.minutes.goals.push({ id: 'g-bolig', text: 'Jens beholder sin lejlighed' });
    });
    await user.click(screen.getByRole('button', { name: 'Tilføj udfordring' }));
    await user.keyboard('Huslejerestance');

    await waitFor(() => {
      const minutes = currentMinutes(world);
      expect(minutes.challenges.map((c) => c.text)).toEqual(['Huslejerestance']);
      expect(minutes.goals.map((g) => g.text)).toEqual(['Jens beholder sin lejlighed']);
    });
    // One refused save, merged without asking; on a slow machine the typing may take more than one save after it.
    const [first, ...rest] = world.store.saveCalls.map((c) => c.outcome);
    expect(first).toBe('conflict');
    expect(rest.length).toBeGreaterThan(0);
    expect(rest.every((outcome) => outcome === 'saved')).toBe(true);
    // The other person's goal shows up in this panel too.
    expect(await screen.findByDisplayValue('Jens beholder sin lejlighed')).toBeVisible();
    expect(screen.queryByText(CLASH)).toBeNull();
  });

  it('shows both versions of a field both changed, overwrites nothing, and saves the version the user picks', async () => {
    const user = userEvent.setup();
    const world = aMeetingWorld({ plan: withEffort() });
    renderMeeting(world);
    const what = await screen.findByRole('textbox', { name: 'Hvad' });

    someoneElseSaves(world, (plan) => {
      plan.meetings[0]!.minutes.efforts[0]!.what = 'Søge enkeltydelse til huslejen';
      plan.meetings[0]!.minutes.acceptance = 'iMoedet';
    });
    await user.type(what, ' i april');
    await user.click(screen.getByRole('button', { name: 'Tilføj udfordring' }));
    await user.keyboard('Huslejerestance');

    const resolver = (await screen.findByText(CLASH, {}, { timeout: LAZY_MS })).closest('section') as HTMLElement;
    expect(within(resolver).getByText('Indsats "Søge enkeltydelse i april": hvad')).toBeVisible();
    expect(within(resolver).getByText('Søge enkeltydelse i april')).toBeVisible();
    expect(within(resolver).getByText('Søge enkeltydelse til huslejen')).toBeVisible();
    // Until the user chooses, the store keeps the other person's words.
    expect(currentMinutes(world).efforts[0]!.what).toBe('Søge enkeltydelse til huslejen');
    expect(screen.getByText('Venter på dit valg – intet er overskrevet')).toBeVisible();

    await user.click(within(resolver).getByRole('radio', { name: 'Brug den gemte' }));
    await user.click(within(resolver).getByRole('button', { name: 'Gem valgene' }));

    await waitFor(() => {
      const minutes = currentMinutes(world);
      expect(minutes.efforts[0]!.what).toBe('Søge enkeltydelse til huslejen');
      expect(minutes.acceptance).toBe('iMoedet');
      expect(minutes.challenges.map((c) => c.text)).toEqual(['Huslejerestance']);
    });
    expect(screen.getByRole('textbox', { name: 'Hvad' })).toHaveProperty('value', 'Søge enkeltydelse til huslejen');
    expect(screen.queryByText(CLASH)).toBeNull();
  });

  it('can keep both texts of a clash, one after the other', async () => {
    const user = userEvent.setup();
    const world = aMeetingWorld({ plan: withEffort() });
    renderMeeting(world);
    const what = await screen.findByRole('textbox', { name: 'Hvad' });
    someoneElseSaves(world, (plan) => void (plan.meetings[0]!.minutes.efforts[0]!.what = 'Søge om hjælp til husleje'));
    // Typed on the end, so the field never passes back through the stored text on the way.
    await user.type(what, ' nu');

    const resolver = (await screen.findByText(CLASH, {}, { timeout: LAZY_MS })).closest('section') as HTMLElement;
    await user.click(within(resolver).getByRole('radio', { name: 'Behold begge' }));
    await user.click(within(resolver).getByRole('button', { name: 'Gem valgene' }));
    await waitFor(() =>
      expect(currentMinutes(world).efforts[0]!.what).toBe('Søge enkeltydelse nu\nSøge om hjælp til husleje'),
    );
  });

  it('picks up what others saved while this panel has nothing unsaved', async () => {
    const world = aMeetingWorld({ as: 'peter' });
    renderMeeting(world, { saveDelayMs: 30, pollMs: 50 });
    await screen.findByText('Du læser med');
    someoneElseSaves(world, (plan) => {
      plan.meetings[0]!.minutes.goals.push({ id: 'g-job', text: 'Jens har noget at stå op til' });
    });
    expect(await screen.findByText('Jens har noget at stå op til')).toBeVisible();
    expect(world.store.saveCalls).toEqual([]);
  });
});
