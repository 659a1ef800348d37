import { describe, expect, it } from 'vitest';
import { movePlans } from '../../../../src/domain/plan/movePlans';
import { addressOf } from '../../../../src/domain/plan/planAddress';
import type { Plan } from '../../../../src/domain/plan/planDocument';
import { failure } from '../../../../src/domain/ports/outcome';
import { copenhagenInstant } from '../../../../src/domain/time/danishTime';
import { aConsent, aMeeting, aPlan, demoPeople as p, organisationRecipient } from '../../../support/builders';
import { InMemoryLegacyLibrary } from '../../../support/fakes/InMemoryLegacyLibrary';
import { InMemoryPlanAccess } from '../../../support/fakes/InMemoryPlanAccess';
import { InMemoryPlanStore } from '../../../support/fakes/InMemoryPlanStore';

const clock = { now: () => copenhagenInstant('2027-03-01', '10:00') };
const policy = { cardDetail: 'summary' as const, pinTab: true };

const oldPlan = (id: string, caseReference: string): Plan =>
  aPlan()
    .withId(id)
    .withCaseReference(caseReference)
    .withParticipants([p.jens, p.mette, p.jonas, p.mikkel])
    .withConsent(
      aConsent({ recipients: ['Sundby Rusmiddelcenter', 'Socialpsykiatrien Sundby'].map(organisationRecipient) }),
    )
    .withMeeting(
      aMeeting().startingAt('2026-12-01').withRoles({ koordinator: 'p-mette', moedeleder: 'p-jonas', referent: null }),
    )
    .withMeeting(
      aMeeting().startingAt('2027-03-04').withRoles({ koordinator: 'p-mette', moedeleder: 'p-jonas', referent: null }),
    )
    .build();

const world = (plans: Plan[]) => {
  const legacy = new InMemoryLegacyLibrary(plans);
  const store = new InMemoryPlanStore([]);
  const accounts = new Map([p.mette, p.jonas, p.mikkel].map((x) => [x.email ?? '', x.email ?? '']));
  const access = new InMemoryPlanAccess(accounts);
  // The mover (an admin here, Sofie) creates each container and is its principal owner.
  const reserve = store.reserve.bind(store);
  store.reserve = async (caseReference) => {
    const made = await reserve(caseReference);
    if (made.ok) access.create(made.value, 'sofie.dahl@sundby-kommune.example');
    return made;
  };
  return { legacy, store, access, deps: { legacy, store, access, clock, policy } };
};

const mover = { myEmail: 'sofie.dahl@sundby-kommune.example', only: 'all' as const };

describe('moving plans from the old library to containers of their own', () => {
  it("moves only the koordinator's own plans when a koordinator moves, and names whom the others wait for", async () => {
    const other = { ...oldPlan('plan-ki-2026-103', 'KI-2026-103') };
    const theirs: Plan = {
      ...other,
      meetings: other.meetings.map((m) => ({ ...m, roles: { ...m.roles, koordinator: 'p-jonas' } })),
    };
    const { store, deps } = world([oldPlan('plan-ki-2026-101', 'KI-2026-101'), theirs]);
    const report = await movePlans(deps, { myEmail: p.mette.email ?? '', only: 'mine' });
    expect(report.plans.map((x) => [x.caseReference, x.state])).toEqual([
      ['KI-2026-101', 'moved'],
      ['KI-2026-103', 'notMine'],
    ]);
    expect(report.plans[1]).toMatchObject({ koordinator: 'Jonas Berg' });
    expect(store.reserveCalls).toEqual(['KI-2026-101']);
  });

  it('moves each plan with its whole history under its new address, and leaves a pointer where it was', async () => {
    const { legacy, store, access, deps } = world([oldPlan('plan-ki-2026-101', 'KI-2026-101')]);
    const report = await movePlans(deps, mover);
    expect(report.plans).toEqual([
      expect.objectContaining({ caseReference: 'KI-2026-101', state: 'moved', accessProblems: 0 }),
    ]);
    const moved = report.plans[0]?.state === 'moved' ? report.plans[0].planId : '';
    expect(addressOf(moved)).not.toBeNull();
    const copy = store.current(moved).plan;
    expect(copy.meetings).toHaveLength(2);
    expect(copy.caseReference).toBe('KI-2026-101');
    expect(legacy.entry('plan-ki-2026-101')).toMatchObject({ kind: 'moved', pointer: { movedTo: moved } });
    // The consent decides: Mette and Jonas open it, Mikkel (Kriminalforsorgen) does not.
    expect(access.roles(moved)).toMatchObject({
      'mette.larsen@sundby-kommune.example': 'owner',
      'jonas.berg@sundby-kommune.example': 'manager',
    });
    expect(access.roles(moved)['mikkel.sorensen@sundby-kommune.example']).toBeUndefined();
  });

  it('changes nothing when run twice', async () => {
    const { store, access, deps } = world([oldPlan('plan-ki-2026-101', 'KI-2026-101')]);
    await movePlans(deps, mover);
    const changes = access.applied.length;
    const second = await movePlans(deps, mover);
    expect(second.plans.map((x) => x.state)).toEqual(['alreadyMoved']);
    expect(store.reserveCalls).toHaveLength(1);
    expect(access.applied).toHaveLength(changes);
  });

  it('reports a plan whose move fails by its case reference, leaves it readable where it was, and finishes it next time without a second copy', async () => {
    const { legacy, store, deps } = world([
      oldPlan('plan-ki-2026-101', 'KI-2026-101'),
      oldPlan('plan-ki-2026-102', 'KI-2026-102'),
    ]);
    legacy.failPointer.set('plan-ki-2026-102', failure('failed', 'serviceNotAvailable', 'busy', 503));
    const first = await movePlans(deps, mover);
    expect(first.plans.map((x) => [x.caseReference, x.state])).toEqual([
      ['KI-2026-101', 'moved'],
      ['KI-2026-102', 'failed'],
    ]);
    expect(legacy.entry('plan-ki-2026-102')?.kind).toBe('plan');
    const again = await movePlans(deps, mover);
    expect(again.plans.map((x) => [x.caseReference, x.state])).toEqual([
      ['KI-2026-101', 'alreadyMoved'],
      ['KI-2026-102', 'moved'],
    ]);
    // The copy the failed run made was found again, not made twice.
    expect(store.reserveCalls).toEqual(['KI-2026-101', 'KI-2026-102']);
  });

  it('respects the eTag: a plan changed in the old library during the move is copied over before the pointer', async () => {
    const { legacy, store, deps } = world([oldPlan('plan-ki-2026-101', 'KI-2026-101')]);
    legacy.changeBeforePointer.set('plan-ki-2026-101', (plan) => ({ ...plan, citizenName: 'Jens Holm Hansen' }));
    const report = await movePlans(deps, mover);
    const moved = report.plans[0]?.state === 'moved' ? report.plans[0].planId : '';
    expect(store.current(moved).plan.citizenName).toBe('Jens Holm Hansen');
    expect(legacy.entry('plan-ki-2026-101')?.kind).toBe('moved');
  });
});
