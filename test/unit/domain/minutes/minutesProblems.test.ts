import { describe, expect, it } from 'vitest';
import { defaultNextMeetingBy, latestNextMeetingBy } from '../../../../src/domain/minutes/defaultNextMeeting';
import { minutesProblems } from '../../../../src/domain/minutes/minutesProblems';
import type { Minutes, Plan } from '../../../../src/domain/plan/planDocument';
import { aConsent, aFollowUp, aGoal, aMeeting, anEffort, aPlan, demoPeople as p } from '../../../support/builders';

/** A meeting on 4 March 2027 whose referat is complete, so each test breaks exactly one thing. */
const goodMinutes = (): Partial<Minutes> => ({
  goals: [aGoal({ id: 'g1', text: 'Jens beholder sin lejlighed' })],
  efforts: [
    anEffort({ id: 'e1', what: 'Søge enkeltydelse', goalId: 'g1', ownerId: p.aisha.id, due: '2027-03-31' }),
    anEffort({ id: 'e2', what: 'Tage bad før næste møde', goalId: 'g1', ownerId: p.jens.id, due: '2027-06-04' }),
  ],
  nextTovholderId: p.mette.id,
  nextMeetingBy: '2027-06-04',
  acceptance: 'iMoedet',
});
const planWith = (minutes: Partial<Minutes>, consent = aConsent({ recipients: [] })): Plan =>
  aPlan()
    .withConsent(consent)
    .withMeeting(
      aMeeting()
        .startingAt('2027-03-04')
        .withMinutes({ ...goodMinutes(), ...minutes }),
    )
    .build();
const problemsOf = (minutes: Partial<Minutes>, today = '2027-03-04', consent = aConsent()) => {
  const plan = planWith(minutes, consent);
  return minutesProblems(plan, plan.meetings[0]!, today);
};
const codes = (minutes: Partial<Minutes>, today?: string) => problemsOf(minutes, today).map((x) => x.code);

describe('what stands in the way of sending the referat', () => {
  it('finds nothing in complete minutes', () => {
    expect(problemsOf({})).toEqual([]);
  });

  it('marks an effort without text at its text field', () => {
    const problems = problemsOf({
      efforts: [anEffort({ id: 'e9', what: '  ', ownerId: p.mette.id, due: '2027-04-01' })],
    });
    expect(problems).toEqual([
      expect.objectContaining({ code: 'effort.noText', severity: 'error', field: 'efforts.e9.what' }),
    ]);
  });

  it('marks an effort without owner at its owner field, naming the effort', () => {
    const problems = problemsOf({
      efforts: [anEffort({ id: 'e9', what: 'Søge bolig', ownerId: null, due: '2027-04-01' })],
    });
    expect(problems).toEqual([
      expect.objectContaining({ code: 'effort.noOwner', severity: 'error', field: 'efforts.e9.ownerId' }),
    ]);
    expect(problems[0]?.message.da).toBe(
      'Indsatsen "Søge bolig" har ingen ansvarlig. Vælg én navngiven person blandt deltagerne (borgeren kan også være ansvarlig).',
    );
  });

  it('refuses an owner who is not a participant', () => {
    const problems = problemsOf({
      efforts: [anEffort({ id: 'e9', what: 'Søge bolig', ownerId: 'p-gone', due: '2027-04-01' })],
    });
    expect(problems.map((x) => [x.code, x.field])).toEqual([['effort.ownerNotParticipant', 'efforts.e9.ownerId']]);
  });

  it('accepts the citizen as owner of their own task', () => {
    expect(codes({ efforts: [anEffort({ what: 'Tage bad', ownerId: p.jens.id, due: '2027-04-01' })] })).toEqual([]);
  });

  it('flags a due date in the past, unless the effort is done', () => {
    const late = anEffort({ id: 'e9', what: 'Søge bolig', ownerId: p.mette.id, due: '2027-03-01' });
    expect(problemsOf({ efforts: [late] })).toEqual([
      expect.objectContaining({ code: 'effort.dueInPast', field: 'efforts.e9.due' }),
    ]);
    expect(problemsOf({ efforts: [late] })[0]?.message.da).toContain('mandag 1. marts 2027');
    expect(codes({ efforts: [{ ...late, status: 'udfoert' }] })).toEqual([]);
  });

  it('reminds, without blocking, that an effort has no due date', () => {
    const problems = problemsOf({ efforts: [anEffort({ what: 'Søge bolig', ownerId: p.mette.id, due: null })] });
    expect(problems.map((x) => [x.code, x.severity])).toEqual([['effort.noDue', 'warning']]);
  });

  it('requires a next tovholder who is a participant', () => {
    expect(problemsOf({ nextTovholderId: null })).toEqual([
      expect.objectContaining({ code: 'minutes.noNextTovholder', severity: 'error', field: 'nextTovholderId' }),
    ]);
    expect(codes({ nextTovholderId: 'p-gone' })).toEqual(['minutes.nextTovholderNotParticipant']);
  });

  it('requires a date for the next meeting', () => {
    expect(codes({ nextMeetingBy: null })).toEqual(['minutes.noNextMeetingDate']);
  });

  it('refuses a next meeting date in the past', () => {
    expect(problemsOf({ nextMeetingBy: '2027-03-03' })).toEqual([
      expect.objectContaining({ code: 'minutes.nextMeetingInPast', severity: 'error', field: 'nextMeetingBy' }),
    ]);
  });

  it('warns when the next meeting is more than six months out', () => {
    expect(codes({ nextMeetingBy: '2027-09-04' })).toEqual([]);
    const problems = problemsOf({ nextMeetingBy: '2027-09-05' });
    expect(problems).toEqual([expect.objectContaining({ code: 'minutes.nextMeetingTooLate', severity: 'warning' })]);
    expect(problems[0]?.message.da).toContain('senest lørdag 4. september 2027');
  });

  it('warns when the mødeleder is also the referent', () => {
    const plan = aPlan()
      .withMeeting(aMeeting().withRoles({ moedeleder: p.jonas.id, referent: p.jonas.id }).withMinutes(goodMinutes()))
      .build();
    expect(minutesProblems(plan, plan.meetings[0]!, '2027-03-04')).toEqual([
      expect.objectContaining({ code: 'roles.sameChairAndMinuteTaker', severity: 'warning', field: 'roles.referent' }),
    ]);
  });

  it('blocks sending when the consent is missing, expired or withdrawn', () => {
    const missing = aPlan().withConsent(null).withMeeting(aMeeting().withMinutes(goodMinutes())).build();
    expect(minutesProblems(missing, missing.meetings[0]!, '2027-03-04').map((x) => [x.code, x.severity])).toEqual([
      ['consent.missing', 'error'],
    ]);
    expect(problemsOf({}, '2027-03-04', aConsent({ validUntil: '2027-03-01' })).map((x) => x.code)).toEqual([
      'consent.expired',
    ]);
    expect(problemsOf({}, '2027-03-04', aConsent({ withdrawnOn: '2027-03-04' })).map((x) => x.code)).toEqual([
      'consent.withdrawn',
    ]);
  });

  it('asks for a status on every effort carried over from last time', () => {
    const followUp = [aFollowUp({ effortId: 'old1', what: 'Søge enkeltydelse', status: null })];
    expect(problemsOf({ followUp })).toEqual([
      expect.objectContaining({ code: 'followUp.noStatus', severity: 'warning', field: 'followUp.old1.status' }),
    ]);
    expect(codes({ followUp: [{ ...followUp[0]!, status: 'udfoert' }] })).toEqual([]);
  });

  it('writes every message in Danish and English', () => {
    const problems = problemsOf({
      efforts: [anEffort({ what: '', ownerId: null, due: '2026-01-01' })],
      nextTovholderId: null,
      nextMeetingBy: null,
      goals: [aGoal({ text: '' })],
    });
    expect(problems.length).toBeGreaterThanOrEqual(5);
    for (const x of problems) {
      expect(x.message.da).not.toBe(x.message.en);
      expect(x.message.da.length).toBeGreaterThan(20);
      expect(x.message.en.length).toBeGreaterThan(20);
    }
  });
});

describe('the next meeting date', () => {
  it('defaults to three months after the meeting', () => {
    const meeting = aMeeting().startingAt('2026-09-03').build();
    expect(defaultNextMeetingBy(meeting)).toBe('2026-12-03');
  });

  it('moves a default deadline that falls on a weekend back to the Friday before', () => {
    // 30 November 2026 + 3 months is Sunday 28 February 2027; 29 November + 3 months is Saturday 27 February.
    expect(defaultNextMeetingBy(aMeeting().startingAt('2026-11-30').build())).toBe('2027-02-26');
    expect(defaultNextMeetingBy(aMeeting().startingAt('2026-11-29').build())).toBe('2027-02-26');
    expect(defaultNextMeetingBy(aMeeting().startingAt('2026-12-01').build())).toBe('2027-03-01');
  });

  it('uses the Copenhagen date of a meeting just after midnight', () => {
    const meeting = aMeeting().startingAt('2027-03-31', '00:30').build();
    expect(defaultNextMeetingBy(meeting)).toBe('2027-06-30');
    expect(latestNextMeetingBy(meeting)).toBe('2027-09-30');
  });

  it('judges minutes that went out by the day they were sent, not by how much time has passed since', () => {
    const plan = planWith({});
    const meeting = plan.meetings[0]!;
    // Three months on, the effort due 31 March and the next meeting by 4 June have both passed.
    expect(minutesProblems(plan, meeting, '2027-06-20').map((x) => x.code)).toEqual([
      'effort.dueInPast',
      'effort.dueInPast',
      'minutes.nextMeetingInPast',
    ]);
    const sent = {
      ...meeting,
      delivery: {
        deliveryId: 'tovholder-1',
        startedAt: '2027-03-04T13:40:00Z',
        recipients: [],
        sentMinutes: meeting.minutes,
      },
    };
    expect(minutesProblems(plan, sent, '2027-06-20')).toEqual([]);
  });
});
