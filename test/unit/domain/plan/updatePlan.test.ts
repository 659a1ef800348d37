import { describe, expect, it } from 'vitest';
import { updatePlan } from '../../../../src/domain/plan/updatePlan';
import { aPlan } from '../../../support/builders';
import { InMemoryPlanStore } from '../../../support/fakes/InMemoryPlanStore';

const now = () => new Date('2027-03-01T10:00:00Z');

describe('the one way to change a stored plan (updatePlan)', () => {
  it('saves with the eTag in hand and stamps the time', async () => {
    const store = new InMemoryPlanStore([aPlan().withId('p1').withCitizenName('Jens Holm').build()]);
    const result = await updatePlan(store, store.current('p1'), (plan) => ({ ...plan, citizenName: 'Jens H.' }), {
      now,
    });
    expect(result).toMatchObject({ ok: true, changed: true, reapplied: false });
    expect(store.current('p1').plan).toMatchObject({ citizenName: 'Jens H.', updatedAt: '2027-03-01T10:00:00.000Z' });
  });

  it('applies the change again on a version someone saved meanwhile, so both changes are kept', async () => {
    const store = new InMemoryPlanStore([aPlan().withId('p1').withCaseReference('KI-1').build()]);
    const inHand = store.current('p1');
    store.saveAsSomeoneElse({ ...inHand.plan, caseReference: 'KI-2' });
    const result = await updatePlan(store, inHand, (plan) => ({ ...plan, citizenName: 'Ny' }), { now });
    expect(result).toMatchObject({ ok: true, reapplied: true });
    expect(store.current('p1').plan).toMatchObject({ caseReference: 'KI-2', citizenName: 'Ny' });
  });

  it('writes nothing when the change says there is nothing to do', async () => {
    const store = new InMemoryPlanStore([aPlan().withId('p1').build()]);
    const result = await updatePlan(store, store.current('p1'), () => null, { now });
    expect(result).toMatchObject({ ok: true, changed: false });
    expect(store.saveCalls).toEqual([]);
  });

  it('gives up after its attempts with the newest version, and never overwrites it', async () => {
    const store = new InMemoryPlanStore([aPlan().withId('p1').build()]);
    let n = 0;
    const busy = {
      save: async (plan: Parameters<typeof store.save>[0], eTag: string | null) => {
        store.saveAsSomeoneElse({ ...store.current('p1').plan, caseReference: `KI-${++n}` });
        return store.save(plan, eTag);
      },
    };
    const result = await updatePlan(busy, store.current('p1'), (plan) => ({ ...plan, citizenName: 'Mine' }), {
      attempts: 3,
      now,
    });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.kind).toBe('conflict');
    expect(store.current('p1').plan.citizenName).not.toBe('Mine');
  });
});
