import { describe, expect, it } from 'vitest';
import { wantedAccess } from '../../../../src/domain/access/planAccess';
import { addressOf, planIdOf } from '../../../../src/domain/plan/planAddress';
import type { Plan } from '../../../../src/domain/plan/planDocument';
import {
  aConsent,
  aMeeting,
  aPlan,
  demoPeople as p,
  organisationRecipient,
  personRecipient,
} from '../../../support/builders';

const TODAY = '2027-03-01';

/** The demo cast: Mette koordinator, Jonas mødeleder, Aisha referent; the consent leaves Kriminalforsorgen out. */
const thePlan = (
  consent = aConsent({
    recipients: [
      ...[
        'Sundby Rusmiddelcenter',
        'Socialpsykiatrien Sundby',
        'Borgerservice Sundby',
        'Jobcenter Sundby',
        'Distriktspsykiatrien Sundby',
        'Lægehuset Sundby',
      ].map(organisationRecipient),
      personRecipient('p-lise'),
    ],
  }),
): Plan =>
  aPlan()
    .withParticipants([p.jens, p.lise, p.mette, p.jonas, p.aisha, p.peter, p.karen, p.mikkel, p.ole])
    .withConsent(consent)
    .withMeeting(
      aMeeting()
        .startingAt('2027-03-04')
        .withRoles({ koordinator: 'p-mette', moedeleder: 'p-jonas', referent: 'p-aisha' }),
    )
    .build();

const roles = (plan: Plan, today = TODAY) =>
  Object.fromEntries(wantedAccess(plan, today).map((w) => [w.participantId, `${w.role ?? '-'}:${w.reason}`]));

describe('who may open the plan (wantedAccess)', () => {
  it('gives the koordinator ownership, those who write management, everyone else the consent covers reading', () => {
    expect(roles(thePlan())).toMatchObject({
      'p-mette': 'owner:koordinator',
      'p-jonas': 'manager:moedeleder',
      'p-aisha': 'manager:referent',
      'p-peter': 'reader:consent',
      'p-karen': 'reader:consent',
    });
  });

  it('gives nothing to a participant the consent leaves out, to the citizen and relatives, and to people reached by e-mail', () => {
    expect(roles(thePlan())).toMatchObject({
      'p-mikkel': '-:notCovered',
      'p-jens': '-:citizenOrRelative',
      'p-lise': '-:citizenOrRelative',
      'p-ole': '-:noAccount',
    });
  });

  it('leaves only the koordinator once the consent is withdrawn, has expired or is missing', () => {
    for (const consent of [
      aConsent({ recipients: [organisationRecipient('Socialpsykiatrien Sundby')], withdrawnOn: '2027-02-01' }),
      aConsent({ recipients: [organisationRecipient('Socialpsykiatrien Sundby')], validUntil: '2027-02-28' }),
    ]) {
      const wanted = wantedAccess(thePlan(consent), TODAY).filter((w) => w.role !== null);
      expect(wanted).toEqual([{ participantId: 'p-mette', role: 'owner', reason: 'koordinator' }]);
    }
    const withoutConsent = aPlan()
      .withParticipants([p.mette, p.jonas])
      .withConsent(null)
      .withMeeting(aMeeting().withRoles({ koordinator: 'p-mette', moedeleder: 'p-jonas' }))
      .build();
    expect(roles(withoutConsent)).toEqual({ 'p-mette': 'owner:koordinator', 'p-jonas': '-:consentNotValid' });
  });

  it('does not let a role widen the consent: a referent the consent leaves out gets no access', () => {
    const plan = thePlan();
    const meeting = plan.meetings[0]!;
    const withMikkelWriting = {
      ...plan,
      meetings: [{ ...meeting, roles: { ...meeting.roles, referent: 'p-mikkel' } }],
    };
    expect(roles(withMikkelWriting)['p-mikkel']).toBe('-:notCovered');
  });

  it('makes the next tovholder named in the sent minutes a manager, so they can book the next meeting', () => {
    const plan = thePlan();
    const meeting = plan.meetings[0]!;
    const sent = {
      ...plan,
      meetings: [
        {
          ...meeting,
          minutes: { ...meeting.minutes, nextTovholderId: 'p-karen' },
          delivery: {
            deliveryId: 'd1',
            startedAt: '2027-03-04T13:00:00Z',
            recipients: [],
            sentMinutes: { ...meeting.minutes, nextTovholderId: 'p-karen' },
          },
        },
      ],
    };
    expect(roles(sent)['p-karen']).toBe('manager:nextTovholder');
    // Named only in a draft that was never sent: no handover yet.
    const draft = { ...plan, meetings: [{ ...meeting, minutes: { ...meeting.minutes, nextTovholderId: 'p-karen' } }] };
    expect(roles(draft)['p-karen']).toBe('reader:consent');
  });
});

describe('a plan id is its address', () => {
  it('reads back the tenant and the container, and gives null for an id from before containers', () => {
    const id = planIdOf({ tenantId: '11111111-1111-4111-8111-111111111111', containerId: 'b!AbC_12-x' });
    expect(addressOf(id)).toEqual({ tenantId: '11111111-1111-4111-8111-111111111111', containerId: 'b!AbC_12-x' });
    expect(addressOf('plan-ki-2026-014')).toBeNull();
    expect(addressOf('not-a-guid~b!x')).toBeNull();
    expect(addressOf('11111111-1111-4111-8111-111111111111~b!has/slash')).toBeNull();
  });
});
