import { describe, expect, it } from 'vitest';
import { mergePlans, valueAt, withValueAt } from '../../../src/domain/plan/mergePlan';
import type { Effort, Plan } from '../../../src/domain/plan/planDocument';
import { PlanSchema } from '../../../src/domain/plan/planDocument';
import { demoIds, demoPeople, demoPlan } from '../../support/builders';

const { efforts, goals } = demoIds;

/** Edit the demo meeting's minutes on a copy. */
const edit = (plan: Plan, change: (minutes: Plan['meetings'][number]['minutes']) => void): Plan => {
  const copy = structuredClone(plan);
  const meeting = copy.meetings[copy.meetings.length - 1];
  if (!meeting) throw new Error('no meeting');
  change(meeting.minutes);
  return copy;
};
const minutesOf = (plan: Plan) => plan.meetings[plan.meetings.length - 1]!.minutes;
const effort = (plan: Plan, id: string) => minutesOf(plan).efforts.find((e) => e.id === id);
const anEffortFor = (id: string, what: string, ownerId: string): Effort => ({
  id,
  what,
  goalId: goals.bolig,
  ownerId,
  due: '2027-01-15',
  status: 'aaben',
});

describe('merging two versions of a plan saved at the same time', () => {
  it('keeps changes to different fields from both sides without asking', () => {
    const base = demoPlan();
    const mine = edit(base, (m) => {
      m.efforts[0]!.what = 'Søge enkeltydelse til huslejerestancen i oktober';
    });
    const theirs = edit(base, (m) => {
      m.efforts[0]!.due = '2026-10-15';
      m.nextMeetingBy = '2026-12-10';
    });
    const { merged, conflicts } = mergePlans(base, mine, theirs);
    expect(conflicts).toEqual([]);
    expect(effort(merged, efforts.huslejerestance)).toMatchObject({
      what: 'Søge enkeltydelse til huslejerestancen i oktober',
      due: '2026-10-15',
    });
    expect(minutesOf(merged).nextMeetingBy).toBe('2026-12-10');
    expect(() => PlanSchema.parse(merged)).not.toThrow();
  });

  it('keeps efforts both people added, each once', () => {
    const base = demoPlan();
    const mine = edit(
      base,
      (m) => void m.efforts.push(anEffortFor('e-mine', 'Ringe til udlejer', demoPeople.aisha.id)),
    );
    const theirs = edit(base, (m) => void m.efforts.push(anEffortFor('e-theirs', 'Booke lægetid', demoPeople.ole.id)));
    const { merged, conflicts } = mergePlans(base, mine, theirs);
    expect(conflicts).toEqual([]);
    expect(minutesOf(merged).efforts.map((e) => e.id)).toEqual([
      ...minutesOf(base).efforts.map((e) => e.id),
      'e-mine',
      'e-theirs',
    ]);
  });

  it('reports the same field changed differently on both sides, holding mine until the user chooses', () => {
    const base = demoPlan();
    const mine = edit(base, (m) => void (m.efforts[1]!.what = 'Behandlingsplan for alkohol'));
    const theirs = edit(base, (m) => void (m.efforts[1]!.what = 'Behandlingsplan for hash'));
    const { merged, conflicts } = mergePlans(base, mine, theirs);
    expect(conflicts).toHaveLength(1);
    const [conflict] = conflicts;
    expect(conflict).toMatchObject({ mine: 'Behandlingsplan for alkohol', theirs: 'Behandlingsplan for hash' });
    expect(effort(merged, efforts.behandlingsplan)?.what).toBe('Behandlingsplan for alkohol');
    // Choosing theirs puts their text in that one field and nowhere else.
    const chosen = withValueAt(merged, conflict!.path, conflict!.theirs);
    expect(effort(chosen, efforts.behandlingsplan)?.what).toBe('Behandlingsplan for hash');
    expect(valueAt(chosen, conflict!.path)).toBe('Behandlingsplan for hash');
  });

  it('takes the other side’s goal order when only they reordered, and reports two different reorderings', () => {
    const base = demoPlan();
    const reversed = edit(base, (m) => void m.goals.reverse());
    const untouched = edit(base, (m) => void (m.acceptance = 'afventer'));
    const one = mergePlans(base, untouched, reversed);
    expect(one.conflicts).toEqual([]);
    expect(minutesOf(one.merged).goals.map((g) => g.id)).toEqual([goals.aktivitet, goals.rusmidler, goals.bolig]);
    expect(minutesOf(one.merged).acceptance).toBe('afventer');

    const rotated = edit(base, (m) => void m.goals.push(m.goals.shift()!));
    const both = mergePlans(base, rotated, reversed);
    expect(both.conflicts.map((c) => c.path[c.path.length - 1])).toEqual(['$order']);
  });

  it('does not let a deletion swallow an edit made on the other side', () => {
    const base = demoPlan();
    const mine = edit(base, (m) => void (m.efforts = m.efforts.filter((e) => e.id !== efforts.praktik)));
    const theirs = edit(base, (m) => void (m.efforts.find((e) => e.id === efforts.praktik)!.due = '2026-12-01'));
    const { conflicts } = mergePlans(base, mine, theirs);
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]).toMatchObject({ mine: undefined, theirs: expect.objectContaining({ due: '2026-12-01' }) });

    const untouched = edit(base, (m) => void (m.acceptance = 'afventer'));
    const deleted = mergePlans(base, mine, untouched);
    expect(deleted.conflicts).toEqual([]);
    expect(effort(deleted.merged, efforts.praktik)).toBeUndefined();
  });

  it('treats a changed attendance as one value, so the written input is never mixed into another kind', () => {
    const base = demoPlan();
    const change = (attendance: Plan['meetings'][number]['invitees'][number]['attendance']) => {
      const copy = structuredClone(base);
      copy.meetings[0]!.invitees.find((i) => i.participantId === demoPeople.ole.id)!.attendance = attendance;
      return copy;
    };
    const mine = change({ kind: 'apologies', writtenInput: 'Blodprøverne er fine, ny tid i november.' });
    const theirs = change({ kind: 'present' });
    const { merged, conflicts } = mergePlans(base, mine, theirs);
    expect(conflicts).toHaveLength(1);
    expect(() => PlanSchema.parse(merged)).not.toThrow();
  });

  it('never reports the save time itself as a conflict', () => {
    const base = demoPlan();
    const mine = { ...base, updatedAt: '2027-03-04T12:10:00.000Z' };
    const theirs = { ...base, updatedAt: '2027-03-04T12:11:00.000Z' };
    const { merged, conflicts } = mergePlans(base, mine, theirs);
    expect(conflicts).toEqual([]);
    expect(merged.updatedAt).toBe('2027-03-04T12:11:00.000Z');
  });
});
