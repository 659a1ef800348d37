import { describe, expect, it } from 'vitest';
import {
  consentRunsOut,
  myOpenEfforts,
  nextMeetingDate,
  planOverview,
  setEffortStatus,
  tovholderDuties,
  upcomingMeeting,
} from '../../../../src/domain/plans/myWork';
import { startNextMeeting } from '../../../../src/domain/followUp/carryOver';
import type { Plan } from '../../../../src/domain/plan/planDocument';
import { copenhagenInstant } from '../../../../src/domain/time/danishTime';
import { aConsent, aMeeting, anEffort, aPlan, demoIds, demoPeople as p, demoPlan } from '../../../support/builders';

const withNextMeetingBooked = (plan: Plan, date: string): Plan => ({
  ...plan,
  meetings: [
    ...plan.meetings,
    startNextMeeting(plan, {
      id: 'm-next',
      start: copenhagenInstant(date, '09:00').toISOString(),
      end: copenhagenInstant(date, '10:30').toISOString(),
      now: copenhagenInstant('2026-11-01', '10:00'),
    }),
  ],
});

/** Midday in Copenhagen on `date`: the clock's instant the plans tab is looked at. */
const noonOn = (date: string): Date => copenhagenInstant(date, '12:00');

describe('my open efforts across plans', () => {
  const otherPlan = aPlan()
    .withId('plan-other')
    .withCaseReference('KI-2026-020')
    .withMeeting(
      aMeeting()
        .startingAt('2026-10-01')
        .withMinutes({
          efforts: [
            anEffort({ id: 'o1', what: 'Ansøgning om boligstøtte', ownerId: p.aisha.id, due: '2026-10-10' }),
            anEffort({ id: 'o2', what: 'Ringe til udlejer', ownerId: p.aisha.id, due: null }),
            anEffort({ id: 'o3', what: 'Afsluttet', ownerId: p.aisha.id, due: '2026-09-01', status: 'udfoert' }),
          ],
        }),
    )
    .build();

  it('lists overdue first, then by due date, those without a date last, and leaves out what is done', () => {
    const mine = myOpenEfforts([demoPlan(), otherPlan], 'Aisha.Khan@sundby-kommune.example', '2026-10-05');
    expect(mine.map((m) => [m.caseReference, m.effort.id, m.overdue])).toEqual([
      ['KI-2026-014', demoIds.efforts.huslejerestance, true],
      ['KI-2026-020', 'o1', false],
      ['KI-2026-020', 'o2', false],
    ]);
    expect(mine[0]?.goal?.text).toBe('Jens beholder sin lejlighed');
  });

  it('is empty for someone with no efforts or not in the plan', () => {
    expect(myOpenEfforts([demoPlan()], p.sofie.email!, '2026-10-05')).toEqual([]);
    expect(myOpenEfforts([demoPlan()], 'stranger@example.org', '2026-10-05')).toEqual([]);
  });

  it('keeps showing the plan in force on the day the next meeting is held, until its referat is written', () => {
    const plan = withNextMeetingBooked(demoPlan(), '2026-12-01');
    expect(myOpenEfforts([plan], p.peter.email!, '2026-12-01').map((m) => m.effort.id)).toEqual([
      demoIds.efforts.praktik,
    ]);
  });

  it("drops an effort marked udført from the tab, and the next meeting's follow-up starts from it", () => {
    const plan = setEffortStatus(demoPlan(), demoIds.efforts.praktik, 'udfoert');
    expect(myOpenEfforts([plan], p.peter.email!, '2026-10-05')).toEqual([]);
    const next = withNextMeetingBooked(plan, '2026-12-01').meetings[1]!;
    expect(next.minutes.followUp.find((f) => f.effortId === demoIds.efforts.praktik)?.status).toBe('udfoert');
  });

  it('leaves the plan alone when the effort is unknown', () => {
    const plan = demoPlan();
    expect(setEffortStatus(plan, 'nope', 'iGang')).toBe(plan);
  });
});

describe('the next tovholder', () => {
  it('Peter Nielsen must convene KI-2026-014 by 3 December', () => {
    expect(tovholderDuties([demoPlan()], 'peter.nielsen@sundby-kommune.example', noonOn('2026-11-20'))).toEqual([
      {
        planId: demoIds.planId,
        caseReference: 'KI-2026-014',
        meetingId: demoIds.meetingId,
        convenBy: '2026-12-03',
        overdue: false,
      },
    ]);
  });

  it('is overdue after the date', () => {
    expect(tovholderDuties([demoPlan()], p.peter.email!, noonOn('2026-12-04'))[0]?.overdue).toBe(true);
  });

  it('has no duty once the next meeting is booked', () => {
    expect(
      tovholderDuties([withNextMeetingBooked(demoPlan(), '2026-12-01')], p.peter.email!, noonOn('2026-11-20')),
    ).toEqual([]);
  });

  it("is nobody else's duty", () => {
    expect(tovholderDuties([demoPlan()], p.mette.email!, noonOn('2026-11-20'))).toEqual([]);
  });
});

describe('consent running out', () => {
  it('is found when the consent expires before the next meeting (due by the referat), with both dates', () => {
    const plan = { ...demoPlan(), consent: aConsent({ validUntil: '2026-11-30' }) };
    expect(consentRunsOut(plan, noonOn('2026-11-01'))).toEqual({ until: '2026-11-30', nextMeeting: '2026-12-03' });
  });

  it('measures against the booked meeting when there is one', () => {
    const plan = {
      ...withNextMeetingBooked(demoPlan(), '2026-11-25'),
      consent: aConsent({ validUntil: '2026-11-30' }),
    };
    expect(consentRunsOut(plan, noonOn('2026-11-01'))).toBeNull();
  });

  it('leaves a missing, expired or withdrawn consent to the badge', () => {
    for (const consent of [null, aConsent({ withdrawnOn: '2026-10-01' }), aConsent({ validUntil: '2026-10-31' })])
      expect(consentRunsOut({ ...demoPlan(), consent }, noonOn('2026-11-01'))).toBeNull();
  });

  it('is quiet while the consent covers the next meeting', () => {
    expect(consentRunsOut(demoPlan(), noonOn('2026-11-01'))).toBeNull();
  });
});

describe('the plan overview', () => {
  it('shows case reference, next meeting date, tovholder and consent state', () => {
    expect(planOverview(demoPlan(), p.peter.email!, noonOn('2026-11-01'))).toEqual({
      planId: demoIds.planId,
      caseReference: 'KI-2026-014',
      nextMeetingStart: null,
      nextMeetingBy: '2026-12-03',
      tovholder: p.peter,
      consent: 'valid',
      iAmTovholder: true,
      myOpenEfforts: 1,
    });
  });

  it('shows the booked meeting and its koordinator once booked', () => {
    const overview = planOverview(
      withNextMeetingBooked(demoPlan(), '2026-12-01'),
      p.mette.email!,
      noonOn('2026-11-01'),
    );
    expect(overview.nextMeetingStart).toBe(copenhagenInstant('2026-12-01', '09:00').toISOString());
    expect(overview.tovholder?.name).toBe('Peter Nielsen');
    expect(overview.iAmTovholder).toBe(false);
  });

  it('shows a meeting booked for later the same day as the next meeting, not as "not booked"', () => {
    // Booked for 1 December 09:00–10:30; Mette looks at the plans tab at 08:00 that morning.
    const plan = withNextMeetingBooked(demoPlan(), '2026-12-01');
    const overview = planOverview(plan, p.mette.email!, copenhagenInstant('2026-12-01', '08:00'));
    expect(overview.nextMeetingStart).toBe(copenhagenInstant('2026-12-01', '09:00').toISOString());
    expect(overview.tovholder?.name).toBe('Peter Nielsen');
    expect(upcomingMeeting(plan, copenhagenInstant('2026-12-01', '08:59'))?.id).toBe('m-next');
  });

  it('no longer shows a meeting held earlier today as the next one, and offers to book the one after', () => {
    const plan = withNextMeetingBooked(demoPlan(), '2026-12-01');
    const afternoon = copenhagenInstant('2026-12-01', '15:00');
    expect(upcomingMeeting(plan, afternoon)).toBeNull();
    expect(planOverview(plan, p.mette.email!, afternoon).nextMeetingStart).toBeNull();
    expect(nextMeetingDate(plan, afternoon)).toBeNull();
  });

  it("dates the next meeting by today's later meeting, so consent is measured against it", () => {
    const plan = withNextMeetingBooked(demoPlan(), '2026-12-01');
    expect(nextMeetingDate(plan, copenhagenInstant('2026-12-01', '08:00'))).toBe('2026-12-01');
  });
});
