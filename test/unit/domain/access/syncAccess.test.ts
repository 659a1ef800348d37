import { describe, expect, it } from 'vitest';
import { accessSummary, syncAccess } from '../../../../src/domain/access/syncAccess';
import { planIdOf } from '../../../../src/domain/plan/planAddress';
import type { Plan } from '../../../../src/domain/plan/planDocument';
import { failure } from '../../../../src/domain/ports/outcome';
import type { Clock } from '../../../../src/domain/ports/clock';
import { copenhagenInstant } from '../../../../src/domain/time/danishTime';
import {
  HOME_TENANT,
  aConsent,
  aMeeting,
  aPlan,
  demoPeople as p,
  organisationRecipient,
} from '../../../support/builders';
import { InMemoryPlanAccess } from '../../../support/fakes/InMemoryPlanAccess';
import { InMemoryPlanStore } from '../../../support/fakes/InMemoryPlanStore';

const PLAN_ID = planIdOf({ tenantId: HOME_TENANT, containerId: 'b!plan-ki-2027-031' });
const KAREN_GUEST = 'karen.skov_regionms.example#EXT#@sundbykommune.onmicrosoft.com';
const clock: Clock = { now: () => copenhagenInstant('2027-03-01', '10:00') };
const policy = { cardDetail: 'summary' as const, pinTab: true };

const covering = aConsent({
  recipients: [
    'Sundby Rusmiddelcenter',
    'Socialpsykiatrien Sundby',
    'Borgerservice Sundby',
    'Distriktspsykiatrien Sundby',
  ].map(organisationRecipient),
});

const planWith = (over: Partial<Plan> = {}): Plan => ({
  ...aPlan()
    .withId(PLAN_ID)
    .withParticipants([p.jens, p.mette, p.jonas, p.aisha, p.karen, p.mikkel])
    .withConsent(covering)
    .withMeeting(
      aMeeting()
        .startingAt('2027-03-04')
        .withRoles({ koordinator: 'p-mette', moedeleder: 'p-jonas', referent: 'p-aisha' }),
    )
    .build(),
  ...over,
});

const world = (plan: Plan = planWith()) => {
  const store = new InMemoryPlanStore([plan]);
  const accounts = new Map(
    [p.mette, p.jonas, p.aisha, p.mikkel].map((person) => [person.email ?? '', person.email ?? '']),
  );
  accounts.set(p.karen.email ?? '', KAREN_GUEST);
  const access = new InMemoryPlanAccess(accounts).create(PLAN_ID, p.mette.email ?? '');
  const deps = { store, access, clock, policy, newSyncId: () => 'sync-1' };
  return { store, access, deps };
};

describe('giving each person the access the plan says (syncAccess)', () => {
  it('gives the consent covered their roles — the region referent through her guest account — and Mikkel nothing', async () => {
    const { store, access, deps } = world();
    const result = await syncAccess(deps, store.current(PLAN_ID), { me: 'p-mette' });
    expect(result.outcome).toBe('synced');
    expect(access.roles(PLAN_ID)).toEqual({
      'mette.larsen@sundby-kommune.example': 'owner',
      'jonas.berg@sundby-kommune.example': 'manager',
      'aisha.khan@sundby-kommune.example': 'manager',
      [KAREN_GUEST.toLowerCase()]: 'reader',
    });
    const record = store.current(PLAN_ID).plan.access;
    expect(record?.entries.find((e) => e.participantId === 'p-karen')).toMatchObject({
      role: 'reader',
      principal: KAREN_GUEST,
      status: 'applied',
    });
    expect(record?.entries.find((e) => e.participantId === 'p-mikkel')).toMatchObject({
      role: null,
      status: 'applied',
    });
  });

  it('asks Graph nothing when the record already holds what is wanted, and changes nothing when run again', async () => {
    const { store, access, deps } = world();
    await syncAccess(deps, store.current(PLAN_ID), { me: 'p-mette' });
    const changes = access.applied.length;
    const reads = access.grantReads;
    const again = await syncAccess(deps, store.current(PLAN_ID), { me: 'p-mette' });
    expect(again.outcome).toBe('inSync');
    expect(access.grantReads).toBe(reads);
    const thorough = await syncAccess(deps, store.current(PLAN_ID), { me: 'p-mette', thorough: true });
    expect(thorough.outcome).toBe('synced');
    expect(access.applied).toHaveLength(changes);
  });

  it('takes away access given by hand to someone the consent does not name', async () => {
    const { store, access, deps } = world();
    access.grantByHand(PLAN_ID, 'mikkel.sorensen@sundby-kommune.example', 'reader');
    await syncAccess(deps, store.current(PLAN_ID), { me: 'p-mette', thorough: true });
    expect(access.roles(PLAN_ID)['mikkel.sorensen@sundby-kommune.example']).toBeUndefined();
  });

  it('leaves only the koordinator when the consent is withdrawn', async () => {
    const { store, access, deps } = world();
    await syncAccess(deps, store.current(PLAN_ID), { me: 'p-mette' });
    const withdrawn = store.saveAsSomeoneElse({
      ...store.current(PLAN_ID).plan,
      consent: { ...covering, withdrawnOn: '2027-02-20' },
    });
    const result = await syncAccess(deps, withdrawn, { me: 'p-mette' });
    expect(result.outcome).toBe('synced');
    expect(access.roles(PLAN_ID)).toEqual({ 'mette.larsen@sundby-kommune.example': 'owner' });
  });

  it('writes the change ahead: a change cut short is marked pending and finished by the next manager', async () => {
    const { store, access, deps } = world();
    // The apply never answers, as when the tab is closed mid-change.
    const cut = {
      ...deps,
      access: {
        ...access,
        grants: access.grants.bind(access),
        principals: access.principals.bind(access),
        apply: () => new Promise<never>(() => {}),
      },
    };
    void syncAccess(cut, store.current(PLAN_ID), { me: 'p-mette' });
    await new Promise((resolve) => setTimeout(resolve, 20));
    const ahead = store.current(PLAN_ID).plan.access;
    expect(ahead?.entries.find((e) => e.participantId === 'p-jonas')?.status).toBe('pending');
    const finished = await syncAccess(deps, store.current(PLAN_ID), { me: 'p-jonas' });
    expect(finished.outcome).toBe('synced');
    expect(access.roles(PLAN_ID)['jonas.berg@sundby-kommune.example']).toBe('manager');
  });

  it('reports per person what failed and keeps the rest: a guest without an account, a throttled change', async () => {
    const { store, access, deps } = world();
    access.accounts.delete(p.karen.email ?? '');
    access.failNext('p-jonas');
    const result = await syncAccess(deps, store.current(PLAN_ID), { me: 'p-mette' });
    expect(result.outcome).toBe('partly');
    const byId = Object.fromEntries(result.people.map((x) => [x.participantId, x]));
    expect(byId['p-karen']).toMatchObject({ status: 'failed' });
    expect(byId['p-karen']?.error).toContain('noGuestAccount');
    expect(byId['p-jonas']).toMatchObject({ status: 'failed' });
    expect(byId['p-aisha']).toMatchObject({ status: 'applied' });
    expect(access.roles(PLAN_ID)['aisha.khan@sundby-kommune.example']).toBe('manager');
  });

  it('never removes the creator, who stays principal owner when the tovholder role moves on, and says so', async () => {
    const { store, access, deps } = world();
    const moved = planWith();
    const meeting = moved.meetings[0]!;
    const handedOn = store.saveAsSomeoneElse({
      ...moved,
      consent: {
        ...covering,
        recipients: covering.recipients.filter(
          (r) => r.kind !== 'organisation' || r.organisation !== 'Sundby Rusmiddelcenter',
        ),
      },
      meetings: [{ ...meeting, roles: { ...meeting.roles, koordinator: 'p-jonas', moedeleder: null } }],
    });
    const result = await syncAccess(deps, handedOn, { me: 'p-jonas' });
    expect(access.roles(PLAN_ID)['mette.larsen@sundby-kommune.example']).toBe('owner');
    expect(result.people.find((x) => x.participantId === 'p-mette')).toMatchObject({
      status: 'notPossible',
      error: 'principalOwner',
    });
    expect(access.roles(PLAN_ID)['jonas.berg@sundby-kommune.example']).toBe('owner');
    // The creator can still open it: she is not named among those shut out.
    expect(accessSummary(result.stored.plan).notYet).not.toContain('p-mette');
    expect(accessSummary(result.stored.plan).opens).toContain('p-mette');
  });

  it('names as shut out only those wanted a role who hold none, not someone whose change of role failed', async () => {
    const { store, access, deps } = world();
    const first = await syncAccess(deps, store.current(PLAN_ID), { me: 'p-mette' });
    expect(accessSummary(first.stored.plan)).toEqual({
      opens: expect.arrayContaining(['p-mette', 'p-jonas', 'p-aisha', 'p-karen']),
      notYet: [],
    });
    // Aisha made koordinator; her upgrade to owner is refused this time (as a manager cannot make herself owner).
    access.failNext('p-aisha', failure('forbidden', 'accessDenied', 'Access denied', 403));
    const meeting = first.stored.plan.meetings[0]!;
    const changed = store.saveAsSomeoneElse({
      ...first.stored.plan,
      meetings: [{ ...meeting, roles: { ...meeting.roles, koordinator: 'p-aisha' } }],
    });
    const second = await syncAccess(deps, changed, { me: 'p-mette' });
    expect(second.people.find((x) => x.participantId === 'p-aisha')?.status).toBe('failed');
    expect(accessSummary(second.stored.plan).notYet).not.toContain('p-aisha');
    expect(accessSummary(second.stored.plan).opens).toContain('p-aisha');
  });

  it('does nothing for a reader, who cannot change access: the next owner or manager who opens the plan will', async () => {
    const { store, deps } = world();
    const result = await syncAccess(deps, { ...store.current(PLAN_ID), myRole: 'reader' }, { me: 'p-karen' });
    expect(result.outcome).toBe('cannotManage');
    expect(store.current(PLAN_ID).plan.access).toBeNull();
  });
});
