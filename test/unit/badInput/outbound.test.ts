/**
 * CPR numbers and the citizen's name in the texts that leave the plan with the minutes: each is found at its
 * field, with a Danish message saying where and how to fix it, and then nothing is sent to anybody. A consent
 * withdrawn during the meeting stops the sending the same way.
 */
import { describe, expect, it } from 'vitest';
import { deliverMinutes } from '../../../src/domain/delivery/deliverMinutes';
import { minutesPrivacyProblems } from '../../../src/domain/delivery/minutesPrivacyCheck';
import type { Attendance, Meeting, Minutes, Plan } from '../../../src/domain/plan/planDocument';
import type { TenantPolicy } from '../../../src/domain/policy';
import { aFollowUp, aGoal, aMeeting, anEffort, aPlan, demoPeople as p } from '../../support/builders';
import { cardsRenderer } from '../../support/cardsRenderer';
import { FakeMinutesTransport } from '../../support/fakes/FakeMinutesTransport';
import { InMemoryPlanStore } from '../../support/fakes/InMemoryPlanStore';

import { validMinutes } from './validMinutes';

const TODAY = '2027-03-04';
const PLAN_ID = 'plan-outbound';

const planWith = (minutes: Partial<Minutes> = {}, attendance: [string, Attendance][] = []): Plan => {
  const meeting = aMeeting()
    .withId('m1')
    .startingAt(TODAY, '13:00')
    .withRoles({ koordinator: p.mette.id, moedeleder: p.jonas.id, referent: p.aisha.id })
    .withMinutes({ ...validMinutes(), ...minutes });
  for (const [id, a] of attendance) meeting.withAttendance(id, a);
  return aPlan()
    .withId(PLAN_ID)
    .withCitizenName('Jens Holm')
    .withParticipants([p.jens, p.lise, p.mette, p.jonas, p.aisha, p.peter, p.karen, p.ole])
    .withMeeting(meeting)
    .build();
};
const meetingOf = (plan: Plan): Meeting => plan.meetings[0] as Meeting;

const summary: TenantPolicy = { cardDetail: 'summary', pinTab: true };
const full: TenantPolicy = { cardDetail: 'full', pinTab: true };

const REMOVE_CPR = 'fjern CPR-nummeret; det hører kun hjemme i journalen.';
const WRITE_BORGEREN = 'skriv »borgeren« i stedet for navnet.';

interface Case {
  plan: Plan;
  policy: TenantPolicy;
  field: string;
  says: string;
}

const cases: Record<string, Case> = {
  'a CPR number with a dash in an effort': {
    plan: planWith({ efforts: [anEffort({ id: 'e1', what: 'Ring til lægen om 010190-1234', ownerId: p.aisha.id })] }),
    policy: summary,
    field: 'efforts.e1.what',
    says: `Indsatsens tekst indeholder et CPR-nummer — ${REMOVE_CPR}`,
  },
  'a CPR number without a dash in a goal': {
    plan: planWith({ goals: [aGoal({ id: 'g1', text: 'Bolig til 2902921234 inden jul' })] }),
    policy: summary,
    field: 'goals.g1.text',
    says: `Målets tekst indeholder et CPR-nummer — ${REMOVE_CPR}`,
  },
  'a CPR number with an en dash pasted from Word': {
    plan: planWith({ efforts: [anEffort({ id: 'e1', what: 'Cpr: 311299–1234', ownerId: p.aisha.id })] }),
    policy: summary,
    field: 'efforts.e1.what',
    says: `Indsatsens tekst indeholder et CPR-nummer — ${REMOVE_CPR}`,
  },
  'a CPR number in an earlier effort carried into the follow-up': {
    plan: planWith({
      followUp: [aFollowUp({ effortId: 'old1', what: 'Søge pension for 010190 1234', status: 'iGang' })],
    }),
    policy: summary,
    field: 'followUp.old1.what',
    says: `Indsatsens tekst indeholder et CPR-nummer — ${REMOVE_CPR}`,
  },
  'a CPR number in a challenge (full detail)': {
    plan: planWith({ challenges: [{ id: 'c1', text: 'Sagen 010190-1234 er ikke afsluttet' }] }),
    policy: full,
    field: 'challenges.c1.text',
    says: `Udfordringens tekst indeholder et CPR-nummer — ${REMOVE_CPR}`,
  },
  'a CPR number in a round note (full detail)': {
    plan: planWith({
      round: [
        {
          participantId: p.karen.id,
          relation: 'Kontakt',
          currentWork: 'Journal 0101901234',
          challenges: '',
          done: true,
        },
      ],
    }),
    policy: full,
    field: `round.${p.karen.id}.currentWork`,
    says: `Notatet fra runden indeholder et CPR-nummer — ${REMOVE_CPR}`,
  },
  'a CPR number in written input from someone who sent afbud (full detail)': {
    plan: planWith({}, [[p.ole.id, { kind: 'apologies', writtenInput: 'Blodprøver for 010190-1234 er fine' }]]),
    policy: full,
    field: `attendance.${p.ole.id}.writtenInput`,
    says: `Det skriftlige input indeholder et CPR-nummer — ${REMOVE_CPR}`,
  },
  'a CPR number in a follow-up note (full detail)': {
    plan: planWith({
      followUp: [
        aFollowUp({ effortId: 'old1', what: 'Pension', status: 'aendret', note: 'Ny ansøgning, cpr 0101901234' }),
      ],
    }),
    policy: full,
    field: 'followUp.old1.note',
    says: `Opfølgningens note indeholder et CPR-nummer — ${REMOVE_CPR}`,
  },
  "the citizen's name in an effort (summary)": {
    plan: planWith({ efforts: [anEffort({ id: 'e1', what: 'Jens Holm skal i bad', ownerId: p.jens.id })] }),
    policy: summary,
    field: 'efforts.e1.what',
    says: `Indsatsens tekst indeholder borgerens navn — ${WRITE_BORGEREN}`,
  },
  "the citizen's surname in lower case in a goal (summary)": {
    plan: planWith({ goals: [aGoal({ id: 'g1', text: 'familien holm får ro' })] }),
    policy: summary,
    field: 'goals.g1.text',
    says: `Målets tekst indeholder borgerens navn — ${WRITE_BORGEREN}`,
  },
  "the citizen's first name inside markdown in an effort (summary)": {
    plan: planWith({ efforts: [anEffort({ id: 'e1', what: '**Jens** skal ringe', ownerId: p.jens.id })] }),
    policy: summary,
    field: 'efforts.e1.what',
    says: `Indsatsens tekst indeholder borgerens navn — ${WRITE_BORGEREN}`,
  },
};

const deliver = async (plan: Plan, policy: TenantPolicy, today = TODAY) => {
  const transport = new FakeMinutesTransport();
  const result = await deliverMinutes(
    {
      planStore: new InMemoryPlanStore([plan]),
      transport,
      clock: { now: () => new Date(`${today}T14:00:00.000Z`) },
      render: cardsRenderer,
      policy,
      link: { appBaseUrl: 'https://tovholder.example', teamsAppId: 'app-1', host: 'teams' },
      newDeliveryId: () => 'tovholder-delivery-1',
    },
    PLAN_ID,
    { senderParticipantId: p.aisha.id },
  );
  return { result, transport };
};

describe('a CPR number or the name in a text that leaves with the minutes is found at its field', () => {
  it.each(Object.entries(cases))('%s', (_name, c) => {
    const problems = minutesPrivacyProblems(c.plan, meetingOf(c.plan), c.policy.cardDetail);
    expect(problems.map((x) => [x.field, x.severity, x.message.da])).toEqual([[c.field, 'error', c.says]]);
  });

  it.each(Object.entries(cases))('%s: nothing is sent to anybody', async (_name, c) => {
    const { result, transport } = await deliver(c.plan, c.policy);
    expect(result.outcome).toBe('blocked');
    expect(result.problems.map((x) => x.message.da)).toContain(c.says);
    expect(transport.calls).toEqual([]);
  });
});

describe('what may leave', () => {
  it.each([
    ['a street that contains the surname', 'Flytte til Holmegade 4'],
    ['a phone number', 'Ring på 12 34 56 78 eller +45 1234 5678'],
    ['ten digits that are not a date', 'Journalnummer 3213451234'],
  ])('%s gives no alarm, and the minutes are sent', async (_name, what) => {
    const plan = planWith({ efforts: [anEffort({ id: 'e1', what, ownerId: p.aisha.id, due: '2027-04-01' })] });
    expect(minutesPrivacyProblems(plan, meetingOf(plan), 'summary')).toEqual([]);
    const { result, transport } = await deliver(plan, summary);
    expect(result.outcome).toBe('delivered');
    expect(transport.messagesFor(p.karen.id)).toHaveLength(1);
  });

  /**
   * The e-mail puts the owner ("Aisha Khan") and the effort ("Lise Holm følger med") in neighbouring cells; read
   * without a separator that was "KhanLise Holm", the sister's name was no longer hers and "Holm" blocked the mails.
   */
  it("another participant's full name sharing the surname gives no alarm in the e-mail either", async () => {
    const what = 'Lise Holm følger med til lægen';
    const plan = planWith({ efforts: [anEffort({ id: 'e1', what, ownerId: p.aisha.id, due: '2027-04-01' })] });
    expect(minutesPrivacyProblems(plan, meetingOf(plan), 'summary')).toEqual([]);
    const { result, transport } = await deliver(plan, summary);
    expect(transport.mailsTo(p.ole.email ?? '')).toHaveLength(1);
    expect(result.outcome).toBe('delivered');
  });

  it("the citizen's name may go in the card under the full policy, and is sent", async () => {
    const plan = planWith({
      efforts: [anEffort({ id: 'e1', what: 'Jens Holm skal i bad', ownerId: p.jens.id, due: '2027-04-01' })],
    });
    expect(minutesPrivacyProblems(plan, meetingOf(plan), 'full')).toEqual([]);
    const { result } = await deliver(plan, full);
    expect(result.outcome).toBe('delivered');
  });
});

describe('consent withdrawn during the meeting', () => {
  const withdrawnToday = (): Plan => {
    const plan = planWith();
    return { ...plan, consent: plan.consent && { ...plan.consent, withdrawnOn: TODAY } };
  };

  it('sends nothing to anybody and says why, in Danish', async () => {
    const { result, transport } = await deliver(withdrawnToday(), summary);
    expect(result.outcome).toBe('blocked');
    expect(result.problems[0]?.message.da).toMatch(
      /^Borgeren har trukket samtykket tilbage \(torsdag 4\. marts 2027\)\. Der må ikke deles oplysninger, og referatet kan ikke sendes\./,
    );
    expect(transport.calls).toEqual([]);
  });

  it('a consent withdrawn from tomorrow still lets today’s minutes go (it is judged on the day of sending)', async () => {
    const plan = planWith();
    const { result } = await deliver(
      { ...plan, consent: plan.consent && { ...plan.consent, withdrawnOn: '2027-03-05' } },
      summary,
    );
    expect(result.outcome).toBe('delivered');
  });
});
