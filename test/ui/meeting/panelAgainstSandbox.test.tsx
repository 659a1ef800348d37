/**
 * The side panel's own save path (useMeetingPlan: debounced save with If-Match, 412, merge, clash resolver) on the
 * real Graph plan store against a real sandbox process. The mødeleder's save is made through Graph too, so the
 * panel's next save gets the sandbox's own 412. The store is only watched (each save's outcome is noted), never
 * stubbed.
 */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { GraphPlanStore } from '../../../src/adapters/graph/graphPlanStore';
import type { Plan } from '../../../src/domain/plan/planDocument';
import type { PlanStore, SaveOutcome, StoredPlan } from '../../../src/domain/ports/planStore';
import { aPlanPlace, plansAs, upn } from '../../integration/graph/graphSandbox';
import { startSandbox, type RunningSandbox } from '../../support/sandboxProcess';
import { aMeetingWorld, people, renderMeeting, todaysPlan } from './meetingHarness';

// jsdom has no ResizeObserver; Fluent's MessageBar measures itself with one to pick its layout.
globalThis.ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
} as unknown as typeof ResizeObserver;

let sandbox: RunningSandbox;
let chair: GraphPlanStore;

beforeAll(async () => {
  sandbox = await startSandbox();
  chair = plansAs(sandbox, upn.jonas).planStore;
});
afterAll(async () => {
  await sandbox?.stop();
});
beforeEach(() => sessionStorage.clear());

/** Saves once the typing rests (long enough that a busy machine does not save mid-word), no polling. */
const TIMING = { saveDelayMs: 400, pollMs: 60 * 60000, retryMs: 50 };

/** The referent's store, as the panel gets it, noting what each save came back with. */
const watched = (store: PlanStore) => {
  const outcomes: string[] = [];
  const watchedStore: PlanStore = {
    list: () => store.list(),
    load: (planId) => store.load(planId),
    reserve: (caseReference) => store.reserve(caseReference),
    save: async (plan, eTag): Promise<SaveOutcome> => {
      const outcome = await store.save(plan, eTag);
      outcomes.push(outcome.ok ? 'saved' : outcome.kind);
      return outcome;
    },
  };
  return { store: watchedStore, outcomes };
};

let counter = 0;
/** A plan of its own in the sandbox for each test, with one effort, saved by the referent. */
const storedPlan = async (): Promise<{ plan: Plan; referent: ReturnType<typeof watched> }> => {
  counter += 1;
  const caseReference = `KI-2027-2${String(counter).padStart(2, '0')}`;
  const id = await aPlanPlace(sandbox, upn.aisha, caseReference, [{ user: upn.jonas, role: 'manager' }]);
  const plan = todaysPlan((p) => {
    p.id = id;
    p.caseReference = caseReference;
    const minutes = p.meetings[0]!.minutes;
    minutes.efforts = [
      {
        id: 'e-rest',
        what: 'Søge enkeltydelse',
        goalId: null,
        ownerId: people.aisha.id,
        due: '2027-04-01',
        status: 'aaben',
      },
    ];
    // Given, so the editor's own default-filling save does not come first.
    minutes.nextMeetingBy = '2027-06-04';
  });
  const referent = watched(plansAs(sandbox, upn.aisha).planStore);
  const created = await referent.store.save(plan, null);
  if (!created.ok) throw new Error(`could not store the plan: ${JSON.stringify(created)}`);
  referent.outcomes.length = 0;
  return { plan, referent };
};

/** The mødeleder's panel saves a change, through Graph, on the version it read. */
const chairSaves = async (planId: string, change: (plan: Plan) => void): Promise<StoredPlan> => {
  const loaded = await chair.load(planId);
  if (!loaded.ok) throw new Error('the chair could not read the plan');
  const plan = structuredClone(loaded.value.plan);
  change(plan);
  const saved = await chair.save(plan, loaded.value.eTag);
  if (!saved.ok) throw new Error(`the chair could not save: ${JSON.stringify(saved)}`);
  return saved.value;
};

const stored = async (planId: string): Promise<Plan['meetings'][number]['minutes']> => {
  const loaded = await chair.load(planId);
  if (!loaded.ok) throw new Error('could not read the plan');
  return loaded.value.plan.meetings[0]!.minutes;
};

describe('the side panel saving to the sandbox while the mødeleder saves the same plan', () => {
  it('meets a real 412, merges field by field without asking, and the store ends with both', async () => {
    const user = userEvent.setup();
    const { plan, referent } = await storedPlan();
    const world = aMeetingWorld({ plan });
    world.services.planStore = referent.store;
    renderMeeting(world, TIMING, plan.id);
    await screen.findByRole('button', { name: 'Tilføj udfordring' });

    await chairSaves(
      plan.id,
      (p) => void p.meetings[0]!.minutes.goals.push({ id: 'g-bolig', text: 'Beholder lejligheden' }),
    );
    await user.click(screen.getByRole('button', { name: 'Tilføj udfordring' }));
    await user.keyboard('Huslejerestance');

    await waitFor(
      async () => {
        const minutes = await stored(plan.id);
        expect(minutes.challenges.map((c) => c.text)).toEqual(['Huslejerestance']);
        expect(minutes.goals.map((g) => g.text)).toEqual(['Beholder lejligheden']);
      },
      { timeout: 10_000 },
    );
    // The store holds both a moment before the panel has the answer to its save: wait for that too.
    await waitFor(() => expect(referent.outcomes.slice(1)).toContain('saved'), { timeout: 10_000 });
    expect(referent.outcomes[0]).toBe('conflict');
    // The mødeleder's goal is in this panel too, and nothing waits for a choice.
    expect(await screen.findByDisplayValue('Beholder lejligheden')).toBeTruthy();
    expect(await screen.findByText('Alt er gemt', {}, { timeout: 10_000 })).toBeTruthy();
  });

  it('shows both versions of a field both changed, keeps the other words in the store until the choice, then saves it', async () => {
    const user = userEvent.setup();
    const { plan, referent } = await storedPlan();
    const world = aMeetingWorld({ plan });
    world.services.planStore = referent.store;
    renderMeeting(world, TIMING, plan.id);
    const what = await screen.findByRole('textbox', { name: 'Hvad' });

    await chairSaves(plan.id, (p) => {
      p.meetings[0]!.minutes.efforts[0]!.what = 'Søge enkeltydelse til huslejen';
      p.meetings[0]!.minutes.acceptance = 'iMoedet';
    });
    await user.type(what, ' i april');

    const resolver = (
      await screen.findByText('En anden har ændret det samme samtidig', {}, { timeout: 10_000 })
    ).closest('section') as HTMLElement;
    expect(within(resolver).getByText('Søge enkeltydelse i april')).toBeTruthy();
    expect(within(resolver).getByText('Søge enkeltydelse til huslejen')).toBeTruthy();
    expect(referent.outcomes).toEqual(['conflict']);
    expect((await stored(plan.id)).efforts[0]!.what).toBe('Søge enkeltydelse til huslejen');

    await user.click(within(resolver).getByRole('radio', { name: 'Behold min' }));
    await user.click(within(resolver).getByRole('button', { name: 'Gem valgene' }));
    await waitFor(
      async () => {
        const minutes = await stored(plan.id);
        expect(minutes.efforts[0]!.what).toBe('Søge enkeltydelse i april');
        // The other change of the mødeleder's save was merged, not lost.
        expect(minutes.acceptance).toBe('iMoedet');
      },
      { timeout: 10_000 },
    );
  });
});
