/**
 * Bad input in the referat: each case is marked at its field with a clear Danish message, and never blocks typing
 * (it blocks only "Send referat"). Nothing typed is lost: every hostile or long text survives the plan document.
 */
import { describe, expect, it } from 'vitest';
import { updateEffort } from '../../../src/domain/minutes/editMinutes';
import { minutesProblems } from '../../../src/domain/minutes/minutesProblems';
import { parsePlanDocument, serializePlan } from '../../../src/domain/plan/migrations';
import type { Consent, Meeting, Minutes, Plan } from '../../../src/domain/plan/planDocument';
import type { Problem } from '../../../src/domain/problems';
import { aFollowUp, aGoal, aMeeting, anEffort, aPlan, consentCovering, demoPeople as p } from '../../support/builders';
import { validMinutes } from './validMinutes';
import { HOSTILE, LONG, TEN_THOUSAND } from './hostileText';

/** The meeting is held on 4 March 2027; the referent checks the minutes the same day. */
const TODAY = '2027-03-04';

const planWith = (minutes: Partial<Minutes> = {}, change: (plan: Plan) => Plan = (x) => x): Plan =>
  change(
    aPlan()
      .withId('plan-bad-input')
      .withParticipants(6)
      .withMeeting(
        aMeeting()
          .withId('m1')
          .startingAt(TODAY, '13:00')
          .withRoles({ koordinator: p.mette.id, moedeleder: p.jonas.id, referent: p.aisha.id })
          .withMinutes({ ...validMinutes(), ...minutes }),
      )
      .build(),
  );

const meetingOf = (plan: Plan): Meeting => plan.meetings[0] as Meeting;
const effortWith = (over: Parameters<typeof anEffort>[0]) => ({
  efforts: [anEffort({ id: 'e1', goalId: 'g1', ownerId: p.aisha.id, due: '2027-04-01', ...over })],
});
const withConsent = (over: Partial<Consent> | null) => (plan: Plan) => ({
  ...plan,
  consent: over === null ? null : consentCovering(plan.participants, over),
});

interface Case {
  plan: Plan;
  code: string;
  field: string;
  severity: Problem['severity'];
  says: RegExp;
}

const cases: Record<string, Case> = {
  'an effort without text': {
    plan: planWith(effortWith({ what: '' })),
    code: 'effort.noText',
    field: 'efforts.e1.what',
    severity: 'error',
    says: /^En indsats har ingen tekst\. Skriv, hvad der skal gøres, eller slet indsatsen\.$/,
  },
  'an effort of only spaces and line breaks': {
    plan: planWith(effortWith({ what: '  \r\n\t \u00a0 ' })),
    code: 'effort.noText',
    field: 'efforts.e1.what',
    severity: 'error',
    says: /^En indsats har ingen tekst/,
  },
  'an effort without an owner': {
    plan: planWith(effortWith({ ownerId: null })),
    code: 'effort.noOwner',
    field: 'efforts.e1.ownerId',
    severity: 'error',
    says: /^Indsatsen "Søge om hjælp til huslejerestancen" har ingen ansvarlig\. Vælg én navngiven person blandt deltagerne \(borgeren kan også være ansvarlig\)\.$/,
  },
  'a 10 000-character effort without an owner (the message quotes only its start)': {
    plan: planWith(effortWith({ what: TEN_THOUSAND, ownerId: null })),
    code: 'effort.noOwner',
    field: 'efforts.e1.ownerId',
    severity: 'error',
    says: /^Indsatsen "Borgeren ønsker hjælp til økonomien og …" har ingen ansvarlig\. Vælg én navngiven person/,
  },
  'a markdown link as an effort without an owner (quoted as typed)': {
    plan: planWith(effortWith({ what: '[Klik](http://evil.example) **nu**', ownerId: null })),
    code: 'effort.noOwner',
    field: 'efforts.e1.ownerId',
    severity: 'error',
    says: /^Indsatsen "\[Klik\]\(http:\/\/evil\.example\) \*\*nu\*\*" har ingen ansvarlig/,
  },
  'an owner who is not a participant': {
    plan: planWith(effortWith({ ownerId: 'p-someone-else' })),
    code: 'effort.ownerNotParticipant',
    field: 'efforts.e1.ownerId',
    severity: 'error',
    says: /^Den ansvarlige for indsatsen "Søge om hjælp til huslejerestancen" er ikke deltager i planen\. Vælg en af deltagerne, eller tilføj personen som deltager\.$/,
  },
  'an owner removed from the plan during the meeting': {
    plan: planWith({}, (plan) => ({ ...plan, participants: plan.participants.filter((x) => x.id !== p.aisha.id) })),
    code: 'effort.ownerNotParticipant',
    field: 'efforts.e1.ownerId',
    severity: 'error',
    says: /er ikke deltager i planen/,
  },
  'a due date that has passed': {
    plan: planWith(effortWith({ due: '2027-03-01' })),
    code: 'effort.dueInPast',
    field: 'efforts.e1.due',
    severity: 'error',
    says: /^Fristen for indsatsen "Søge om hjælp til huslejerestancen" \(mandag 1\. marts 2027\) er allerede passeret\. Vælg en ny frist, eller markér indsatsen som udført\.$/,
  },
  'a due date last century': {
    plan: planWith(effortWith({ due: '1901-01-01' })),
    code: 'effort.dueInPast',
    field: 'efforts.e1.due',
    severity: 'error',
    says: /\(tirsdag 1\. januar 1901\) er allerede passeret/,
  },
  'an effort without a due date': {
    plan: planWith(effortWith({ due: null })),
    code: 'effort.noDue',
    field: 'efforts.e1.due',
    severity: 'warning',
    says: /^Indsatsen "Søge om hjælp til huslejerestancen" har ingen frist\. Skriv, hvornår den skal være gjort\.$/,
  },
  'a shared goal without text': {
    plan: planWith({ goals: [aGoal({ id: 'g1', text: ' \n ' })] }),
    code: 'goal.noText',
    field: 'goals.g1.text',
    severity: 'warning',
    says: /^Et fælles mål har ingen tekst\. Skriv målet, eller slet det\.$/,
  },
  'no next tovholder': {
    plan: planWith({ nextTovholderId: null }),
    code: 'minutes.noNextTovholder',
    field: 'nextTovholderId',
    severity: 'error',
    says: /^Der er ingen næste tovholder\. Vælg den deltager, der skal indkalde til næste møde\.$/,
  },
  'a next tovholder who is not a participant': {
    plan: planWith({ nextTovholderId: 'p-gone' }),
    code: 'minutes.nextTovholderNotParticipant',
    field: 'nextTovholderId',
    severity: 'error',
    says: /^Den valgte næste tovholder er ikke deltager i planen\. Vælg en af deltagerne\.$/,
  },
  'no date for the next meeting': {
    plan: planWith({ nextMeetingBy: null }),
    code: 'minutes.noNextMeetingDate',
    field: 'nextMeetingBy',
    severity: 'error',
    says: /^Der er ingen dato for næste møde\. Vælg den dato, mødet senest skal holdes \(normalt om 3 måneder\)\.$/,
  },
  'a next meeting date in the past': {
    plan: planWith({ nextMeetingBy: '2026-12-24' }),
    code: 'minutes.nextMeetingInPast',
    field: 'nextMeetingBy',
    severity: 'error',
    says: /^Datoen for næste møde \(torsdag 24\. december 2026\) er allerede passeret\. Vælg en dato efter i dag\.$/,
  },
  'a next meeting seven months out': {
    plan: planWith({ nextMeetingBy: '2027-10-04' }),
    code: 'minutes.nextMeetingTooLate',
    field: 'nextMeetingBy',
    severity: 'warning',
    says: /^Næste møde er mere end 6 måneder ude \(mandag 4\. oktober 2027\)\. Næste møde bør holdes senest \S+ 4\. september 2027\.$/,
  },
  'a next meeting in the year 2099': {
    plan: planWith({ nextMeetingBy: '2099-12-31' }),
    code: 'minutes.nextMeetingTooLate',
    field: 'nextMeetingBy',
    severity: 'warning',
    says: /^Næste møde er mere end 6 måneder ude \(torsdag 31\. december 2099\)/,
  },
  'an earlier effort not marked in the follow-up': {
    plan: planWith({ followUp: [aFollowUp({ effortId: 'old1', what: 'Finde en praktikplads', status: null })] }),
    code: 'followUp.noStatus',
    field: 'followUp.old1.status',
    severity: 'warning',
    says: /^Opfølgning: "Finde en praktikplads" er ikke markeret\. Vælg udført, i gang, ændret eller droppet\.$/,
  },
  'an earlier effort marked changed without saying how': {
    plan: planWith({ followUp: [aFollowUp({ effortId: 'old1', what: 'Finde en praktikplads', status: 'aendret' })] }),
    code: 'followUp.changedWithoutNote',
    field: 'followUp.old1.note',
    severity: 'warning',
    says: /er markeret som ændret\. Skriv kort, hvad der er ændret\.$/,
  },
  // Samtykke.
  'consent withdrawn during the meeting': {
    plan: planWith({}, withConsent({ withdrawnOn: TODAY })),
    code: 'consent.withdrawn',
    field: 'consent',
    severity: 'error',
    says: /^Borgeren har trukket samtykket tilbage \(torsdag 4\. marts 2027\)\. Der må ikke deles oplysninger, og referatet kan ikke sendes\. Tal med borgeren/,
  },
  'consent that ran out the day before': {
    plan: planWith({}, withConsent({ givenOn: '2026-03-03', validUntil: '2027-03-03' })),
    code: 'consent.expired',
    field: 'consent.validUntil',
    severity: 'error',
    says: /^Samtykket udløb onsdag 3\. marts 2027\. Referatet kan ikke sendes\. Indhent et nyt samtykke/,
  },
  'no consent at all': {
    plan: planWith({}, withConsent(null)),
    code: 'consent.missing',
    field: 'consent',
    severity: 'error',
    says: /^Samtykke mangler: der er ikke registreret noget samtykke fra borgeren\./,
  },
  'consent dated in the future': {
    plan: planWith({}, withConsent({ givenOn: '2030-01-01' })),
    code: 'consent.notYetValid',
    field: 'consent.givenOn',
    severity: 'error',
    says: /^Samtykket gælder først fra tirsdag 1\. januar 2030\. Ret datoen/,
  },
};

describe('bad input in the referat is marked at its field with a clear Danish message', () => {
  it.each(Object.entries(cases))('%s', (_name, c) => {
    const problems = minutesProblems(c.plan, meetingOf(c.plan), TODAY);
    expect(problems).toEqual([expect.objectContaining({ code: c.code, field: c.field, severity: c.severity })]);
    expect(problems[0]?.message.da).toMatch(c.says);
  });

  it('finds nothing wrong with the minutes the cases start from', () => {
    const plan = planWith();
    expect(minutesProblems(plan, meetingOf(plan), TODAY)).toEqual([]);
  });
});

describe('what bad input may not cause', () => {
  it('a passed due date on an effort already done is no problem', () => {
    const plan = planWith(effortWith({ due: '2027-01-01', status: 'udfoert' }));
    expect(minutesProblems(plan, meetingOf(plan), TODAY)).toEqual([]);
  });

  it('a due date far in the future is kept and no problem (long-term efforts exist)', () => {
    const plan = planWith(effortWith({ due: '2099-12-31' }));
    expect(minutesProblems(plan, meetingOf(plan), TODAY)).toEqual([]);
  });

  const fields: Record<string, (text: string) => Partial<Minutes>> = {
    'an effort': (text) => effortWith({ what: text }),
    'a goal': (text) => ({ goals: [aGoal({ id: 'g1', text })] }),
    'a challenge': (text) => ({ challenges: [{ id: 'c1', text }] }),
    'a round note': (text) => ({
      round: [{ participantId: p.mette.id, relation: text, currentWork: text, challenges: text, done: false }],
    }),
    'a follow-up note': (text) => ({
      followUp: [aFollowUp({ effortId: 'old1', what: text, status: 'aendret', note: text })],
    }),
  };
  const texts = [...HOSTILE.map((h) => [h.name, h.text] as const), ['10 000 characters', TEN_THOUSAND] as const];

  it.each(Object.keys(fields).flatMap((field) => texts.map(([name, text]) => [field, name, text] as const)))(
    '%s holding %s is stored and read back exactly as typed',
    (field, _name, text) => {
      const plan = planWith((fields[field] as (t: string) => Partial<Minutes>)(text));
      const read = parsePlanDocument(JSON.parse(serializePlan(plan)));
      expect(read.ok && read.plan).toEqual(plan);
    },
  );

  it('typing 10 000 characters into an effort keeps every one of them', () => {
    const minutes = updateEffort(meetingOf(planWith()).minutes, 'e1', { what: LONG(10000) });
    expect(minutes.efforts[0]?.what).toHaveLength(10000);
  });
});
