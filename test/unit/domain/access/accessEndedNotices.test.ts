import { describe, expect, it } from 'vitest';
import { accessEndedMail, noticesDue } from '../../../../src/domain/access/accessEndedNotices';
import { syncAccess } from '../../../../src/domain/access/syncAccess';
import { planIdOf } from '../../../../src/domain/plan/planAddress';
import type { Plan } from '../../../../src/domain/plan/planDocument';
import type { StoredPlan } from '../../../../src/domain/ports/planStore';
import { clearAccessEndedNotice } from '../../../../src/domain/privacy/privacyGuard';
import { copenhagenInstant } from '../../../../src/domain/time/danishTime';
import {
  HOME_TENANT,
  aConsent,
  aMeeting,
  aPlan,
  demoPeople as p,
  organisationRecipient,
} from '../../../support/builders';
import { FakeMinutesTransport } from '../../../support/fakes/FakeMinutesTransport';
import { InMemoryPlanAccess } from '../../../support/fakes/InMemoryPlanAccess';
import { InMemoryPlanStore } from '../../../support/fakes/InMemoryPlanStore';

const PLAN_ID = planIdOf({ tenantId: HOME_TENANT, containerId: 'b!plan-ki-2027-061' });
const clock = { now: () => copenhagenInstant('2027-03-01', '10:00') };
const policy = { cardDetail: 'summary' as const, pinTab: true };
const covering = aConsent({
  recipients: ['Sundby Rusmiddelcenter', 'Socialpsykiatrien Sundby', 'Borgerservice Sundby'].map(organisationRecipient),
});

const plan = (): Plan =>
  aPlan()
    .withId(PLAN_ID)
    .withCaseReference('KI-2027-061')
    .withParticipants([p.jens, p.mette, p.jonas, p.aisha, p.mikkel])
    .withConsent(covering)
    .withMeeting(
      aMeeting()
        .startingAt('2027-03-04')
        .withRoles({ koordinator: 'p-mette', moedeleder: 'p-jonas', referent: 'p-aisha' }),
    )
    .build();

/** A plan whose roles were given, then the consent withdrawn: the state the koordinator opens next. */
const withdrawnWorld = async () => {
  const store = new InMemoryPlanStore([plan()]);
  const access = new InMemoryPlanAccess(
    new Map([p.mette, p.jonas, p.aisha, p.mikkel].map((x) => [x.email ?? '', x.email ?? ''])),
  ).create(PLAN_ID, p.mette.email ?? '');
  const transport = new FakeMinutesTransport();
  const deps = { store, access, clock, policy, notices: async () => transport };
  const given = await syncAccess(deps, store.current(PLAN_ID), { me: 'p-mette' });
  const withdrawn = store.saveAsSomeoneElse({
    ...given.stored.plan,
    consent: { ...covering, withdrawnOn: '2027-02-28' },
  });
  return { store, access, transport, deps, withdrawn };
};

describe('telling people their access ended (issue 14.2)', () => {
  it('tells each person whose access the withdrawn consent ended, once, without anything of the plan', async () => {
    const { store, access, transport, deps, withdrawn } = await withdrawnWorld();
    const result = await syncAccess(deps, withdrawn, { me: 'p-mette' });
    expect(access.roles(PLAN_ID)).toEqual({ 'mette.larsen@sundby-kommune.example': 'owner' });
    for (const person of [p.jonas, p.aisha]) {
      const mails = transport.mailsTo(person.email ?? '');
      expect(mails, person.name).toHaveLength(1);
      expect(mails[0]?.subject).toBe('Din adgang til indsatsplanen KI-2027-061 er ophørt');
      expect(mails[0]?.html).toContain('Spørg tovholderen, Mette Larsen');
      expect(mails[0]?.html).not.toMatch(/Jens|Holm/);
      expect(mails[0]?.mark).toBe('notice');
    }
    // The tovholder keeps the plan; Mikkel never had it; the citizen has no role to lose.
    for (const person of [p.mette, p.mikkel, p.jens])
      expect(transport.mailsTo(person.email ?? ''), person.name).toEqual([]);
    const told = (store.current(PLAN_ID).plan.access?.entries ?? []).filter((e) => e.endedNoticeAt !== null);
    expect(told.map((e) => e.participantId).sort()).toEqual(['p-aisha', 'p-jonas']);
    expect(noticesDue(result.stored.plan, '2027-03-01')).toEqual([]);

    // Opened again: nobody is told twice.
    await syncAccess(deps, store.current(PLAN_ID), { me: 'p-mette' });
    expect(transport.mailsTo(p.jonas.email ?? '')).toHaveLength(1);
  });

  it('sends nothing twice when the answer to the send was lost: the next attempt finds it sent', async () => {
    const { store, transport, deps, withdrawn } = await withdrawnWorld();
    transport.fail('sendMails', 'p-jonas', 'lostAnswer');
    await syncAccess(deps, withdrawn, { me: 'p-mette' });
    expect(transport.mailsTo(p.jonas.email ?? '')).toHaveLength(1);
    expect(
      store.current(PLAN_ID).plan.access?.entries.find((e) => e.participantId === 'p-jonas')?.endedNoticeAt,
    ).toBeNull();

    await syncAccess(deps, store.current(PLAN_ID), { me: 'p-mette' });
    expect(transport.mailsTo(p.jonas.email ?? '')).toHaveLength(1);
    expect(
      store.current(PLAN_ID).plan.access?.entries.find((e) => e.participantId === 'p-jonas')?.endedNoticeAt,
    ).not.toBeNull();
  });

  it('the guard lets the notice go only to someone whose access ended, and only as a notice', async () => {
    const { withdrawn } = await withdrawnWorld();
    const stored: StoredPlan = withdrawn;
    const ctx = { plan: stored.plan, policy, today: '2027-03-01' };
    const mail = accessEndedMail(stored.plan, 'p-jonas');
    if (!mail) throw new Error('no notice for Jonas');
    expect(clearAccessEndedNotice(mail, ctx, 'p-jonas').verdict).toBe('allowed');
    expect(clearAccessEndedNotice({ ...mail, mark: 'purview' }, ctx, 'p-jonas').verdict).toBe('blocked');
    // Someone who still has access (the tovholder) is not told it ended.
    const mettes = accessEndedMail(stored.plan, 'p-mette');
    if (!mettes) throw new Error('no notice for Mette');
    expect(clearAccessEndedNotice(mettes, ctx, 'p-mette').verdict).toBe('blocked');
    // And the citizen's name never rides along.
    expect(clearAccessEndedNotice({ ...mail, html: `${mail.html}<p>Jens Holm</p>` }, ctx, 'p-jonas').verdict).toBe(
      'blocked',
    );
  });
});
