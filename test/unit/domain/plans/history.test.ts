import { describe, expect, it } from 'vitest';
import { addGoal, moveGoal, removeEffort, updateEffort } from '../../../../src/domain/minutes/editMinutes';
import { minutesDiff, planHistory } from '../../../../src/domain/plans/history';
import { demoIds, demoPeople as p, demoPlan, aMeeting, anEffort, aGoal } from '../../../support/builders';

const before = () => demoPlan().meetings[0]!.minutes;
const { goals, efforts } = demoIds;

describe('what changed since the meeting before', () => {
  it('finds nothing in the same minutes', () => {
    expect(minutesDiff(before(), before()).unchanged).toBe(true);
  });

  it('sees goals added, removed and reprioritised', () => {
    let after = moveGoal(before(), goals.aktivitet, 0);
    after = addGoal(after, { id: 'g-ny', text: 'Jens får styr på økonomien' });
    after = { ...after, goals: after.goals.filter((g) => g.id !== goals.rusmidler) };
    const diff = minutesDiff(before(), after);
    expect(diff.goals.added.map((g) => g.text)).toEqual(['Jens får styr på økonomien']);
    expect(diff.goals.removed.map((g) => g.id)).toEqual([goals.rusmidler]);
    expect(diff.goals.reordered).toBe(true);
    expect(diff.unchanged).toBe(false);
  });

  it('does not call a removed goal a reprioritisation of the others', () => {
    const after = { ...before(), goals: before().goals.filter((g) => g.id !== goals.rusmidler) };
    expect(minutesDiff(before(), after).goals.reordered).toBe(false);
  });

  it('sees efforts added, removed, and a new owner, due date or status', () => {
    let after = updateEffort(before(), efforts.praktik, { ownerId: p.lars.id, due: '2027-01-15' });
    after = updateEffort(after, efforts.behandlingsplan, { status: 'udfoert' });
    after = removeEffort(after, efforts.medicin);
    after = { ...after, efforts: [...after.efforts, anEffort({ id: 'e-ny', what: 'Budget med Jens' })] };
    const diff = minutesDiff(before(), after);
    expect(diff.efforts.added.map((e) => e.id)).toEqual(['e-ny']);
    expect(diff.efforts.removed.map((e) => e.id)).toEqual([efforts.medicin]);
    expect(diff.efforts.changed).toEqual([
      {
        id: efforts.behandlingsplan,
        what: 'Lave behandlingsplan for alkohol og hash sammen med Jens',
        status: { from: 'iGang', to: 'udfoert' },
      },
      {
        id: efforts.praktik,
        what: 'Finde et praktiksted med få timer om ugen',
        owner: { from: p.peter.id, to: p.lars.id },
        due: { from: '2026-11-15', to: '2027-01-15' },
      },
    ]);
  });

  it('recognises the same goal and effort written again at the next meeting under new ids', () => {
    const again = {
      ...before(),
      goals: before().goals.map((g) => aGoal({ id: `new-${g.id}`, text: g.text })),
      efforts: before().efforts.map((e) => ({ ...e, id: `new-${e.id}`, goalId: e.goalId && `new-${e.goalId}` })),
    };
    expect(minutesDiff(before(), again).unchanged).toBe(true);
  });
});

describe('the history of a plan', () => {
  it('lists each held meeting with the change since the one before, and leaves out meetings not yet held', () => {
    const plan = demoPlan();
    const second = aMeeting()
      .withId('m2')
      .startingAt('2026-12-01')
      .withMinutes({ ...before(), nextTovholderId: p.mette.id })
      .build(plan.participants);
    const future = aMeeting().withId('m3').startingAt('2027-03-01').build(plan.participants);
    const history = planHistory(
      { ...plan, meetings: [...plan.meetings, second, future] },
      new Date('2026-12-10T00:00:00Z'),
    );
    expect(history.map((h) => h.meetingId)).toEqual([demoIds.meetingId, 'm2']);
    expect(history[0]?.diff).toBeNull();
    expect(history[1]?.diff?.nextTovholder).toEqual({ from: p.peter.id, to: p.mette.id });
  });

  it('shows the referat as it was sent, not as edited later', () => {
    const plan = demoPlan();
    const meeting = plan.meetings[0]!;
    const sent = { ...meeting.minutes, acceptance: 'afventer' as const };
    const withDelivery = {
      ...plan,
      meetings: [
        { ...meeting, delivery: { deliveryId: 'd1', startedAt: meeting.end, recipients: [], sentMinutes: sent } },
      ],
    };
    const [entry] = planHistory(withDelivery, new Date('2026-12-01T00:00:00Z'));
    expect(entry?.sent).toBe(true);
    expect(entry?.minutes.acceptance).toBe('afventer');
  });
});
