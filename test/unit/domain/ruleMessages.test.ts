import { describe, expect, it } from 'vitest';
import { mayReceiveMinutes } from '../../../src/domain/consent/consentStatus';
import { minutesProblems } from '../../../src/domain/minutes/minutesProblems';
import type { Consent, Minutes, Roles } from '../../../src/domain/plan/planDocument';
import type { Problem } from '../../../src/domain/problems';
import { aConsent, aGoal, aMeeting, anEffort, aPlan, demoPeople as p, demoPlan } from '../../support/builders';

/**
 * Every rule the foundation issue names, as the user meets it: a typed problem with its code and severity and a
 * message in Danish and in English. Each rule's own behaviour is tested beside it (minutes/, consent/, roles/);
 * here one table makes sure none of them speaks only one language.
 */
const today = '2027-03-04';
const complete: Partial<Minutes> = {
  goals: [aGoal({ id: 'g1', text: 'Jens beholder sin lejlighed' })],
  efforts: [anEffort({ id: 'e1', what: 'Søge enkeltydelse', goalId: 'g1', ownerId: p.aisha.id, due: '2027-03-31' })],
  nextTovholderId: p.mette.id,
  nextMeetingBy: '2027-06-04',
  acceptance: 'iMoedet',
};
const referatProblems = (
  minutes: Partial<Minutes>,
  { consent = aConsent(), roles = {} }: { consent?: Consent | null; roles?: Partial<Roles> } = {},
): Problem[] => {
  const plan = aPlan()
    .withConsent(consent)
    .withMeeting(
      aMeeting()
        .startingAt(today)
        .withRoles(roles)
        .withMinutes({ ...complete, ...minutes }),
    )
    .build();
  return minutesProblems(plan, plan.meetings[0]!, today);
};
const outsideConsent = (): Problem[] => {
  const answer = mayReceiveMinutes(demoPlan(), p.mikkel.id, today);
  return answer.allowed ? [] : [answer.problem];
};

const rules: [rule: string, code: string, severity: Problem['severity'], problems: () => Problem[]][] = [
  [
    'effort without text',
    'effort.noText',
    'error',
    () => referatProblems({ efforts: [anEffort({ what: ' ', ownerId: p.mette.id, due: '2027-04-01' })] }),
  ],
  [
    'effort without owner',
    'effort.noOwner',
    'error',
    () => referatProblems({ efforts: [anEffort({ what: 'Søge bolig', ownerId: null, due: '2027-04-01' })] }),
  ],
  [
    'owner not a participant',
    'effort.ownerNotParticipant',
    'error',
    () => referatProblems({ efforts: [anEffort({ what: 'Søge bolig', ownerId: 'p-gone', due: '2027-04-01' })] }),
  ],
  ['no next tovholder', 'minutes.noNextTovholder', 'error', () => referatProblems({ nextTovholderId: null })],
  [
    'next date in the past',
    'minutes.nextMeetingInPast',
    'error',
    () => referatProblems({ nextMeetingBy: '2027-03-01' }),
  ],
  [
    'next date more than 6 months out',
    'minutes.nextMeetingTooLate',
    'warning',
    () => referatProblems({ nextMeetingBy: '2027-10-01' }),
  ],
  [
    'mødeleder and referent the same person',
    'roles.sameChairAndMinuteTaker',
    'warning',
    () => referatProblems({}, { roles: { moedeleder: p.jonas.id, referent: p.jonas.id } }),
  ],
  ['consent missing', 'consent.missing', 'error', () => referatProblems({}, { consent: null })],
  [
    'consent expired',
    'consent.expired',
    'error',
    () => referatProblems({}, { consent: aConsent({ validUntil: '2027-03-01' }) }),
  ],
  [
    'consent withdrawn',
    'consent.withdrawn',
    'error',
    () => referatProblems({}, { consent: aConsent({ withdrawnOn: '2027-02-01' }) }),
  ],
  ['recipient outside the consent', 'consent.recipientOutside', 'error', outsideConsent],
];

describe('the rules of the plan, each a typed problem in Danish and English', () => {
  it('finds nothing in complete minutes with a valid consent (so each row below finds only its own rule)', () => {
    expect(referatProblems({})).toEqual([]);
  });

  it.each(rules)('%s: %s (%s)', (_rule, code, severity, problemsOf) => {
    const found = problemsOf().filter((x) => x.code === code);
    expect(found).toHaveLength(1);
    const [finding] = found as [Problem];
    expect(finding.severity).toBe(severity);
    expect(finding.field).not.toBeNull();
    const { da, en } = finding.message;
    expect(da.trim().length).toBeGreaterThan(20);
    expect(en.trim().length).toBeGreaterThan(20);
    expect(da).not.toBe(en);
    // Each in its own language: Danish words in the Danish text, English ones (and no Danish ones) in the English.
    expect(da).toMatch(/\b(er|ikke|og|der|har|til|den|det|samme|mere|end)\b/);
    expect(en).toMatch(/\b(the|is|not|has|no|and|more|than)\b/);
    expect(en).not.toMatch(/\b(ikke|og|er|deltager|samtykket|referatet)\b/);
  });
});
