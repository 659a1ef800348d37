import { describe, expect, it } from 'vitest';
import { confirmSummary, sendBlockers } from '../../../../src/domain/minutes/readyToSend';
import { demoPlan } from '../../../support/builders';

describe('when "Send referat" becomes available', () => {
  it('waits for the joint summary to be confirmed', () => {
    const plan = demoPlan();
    const meeting = { ...plan.meetings[0]!, summaryConfirmedAt: null };
    expect(sendBlockers(plan, meeting, '2026-09-03').map((x) => x.code)).toEqual(['minutes.summaryNotConfirmed']);
    expect(sendBlockers(plan, confirmSummary(meeting, new Date('2026-09-03T12:25:00Z')), '2026-09-03')).toEqual([]);
  });

  it('lists only errors, not warnings, as blockers', () => {
    const plan = demoPlan();
    const meeting = {
      ...plan.meetings[0]!,
      roles: { ...plan.meetings[0]!.roles, referent: plan.meetings[0]!.roles.moedeleder },
    };
    expect(sendBlockers(plan, meeting, '2026-09-03')).toEqual([]);
  });

  it('is blocked when the consent has been withdrawn', () => {
    const plan = { ...demoPlan(), consent: { ...demoPlan().consent!, withdrawnOn: '2026-09-03' } };
    expect(sendBlockers(plan, plan.meetings[0]!, '2026-09-03').map((x) => x.code)).toEqual(['consent.withdrawn']);
  });
});
