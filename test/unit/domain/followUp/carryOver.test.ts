import { describe, expect, it } from 'vitest';
import { carryOver, followUpProblems, startNextMeeting } from '../../../../src/domain/followUp/carryOver';
import { PlanSchema, type Plan } from '../../../../src/domain/plan/planDocument';
import { copenhagenInstant } from '../../../../src/domain/time/danishTime';
import { aFollowUp, demoIds, demoPeople as p, demoPlan } from '../../../support/builders';

const next = (plan: Plan = demoPlan()) =>
  startNextMeeting(plan, {
    id: 'm-2026-12-01',
    start: copenhagenInstant('2026-12-01', '09:00').toISOString(),
    end: copenhagenInstant('2026-12-01', '10:30').toISOString(),
    now: new Date('2026-11-20T10:00:00Z'),
  });

describe('carrying the plan into the next meeting', () => {
  it('brings every earlier effort into opfølgning, unmarked unless already done or ongoing', () => {
    const entries = carryOver(demoPlan().meetings[0]!.minutes);
    expect(entries.map((e) => [e.effortId, e.status])).toEqual([
      [demoIds.efforts.huslejerestance, null],
      [demoIds.efforts.behandlingsplan, 'iGang'],
      [demoIds.efforts.medicin, null],
      [demoIds.efforts.praktik, null],
      [demoIds.efforts.bad, null],
    ]);
    expect(entries[4]).toEqual({
      effortId: demoIds.efforts.bad,
      what: 'Tage bad og rydde op i køkkenet før næste møde',
      ownerId: p.jens.id,
      status: null,
      note: '',
    });
  });

  it('presets an effort marked udført between meetings', () => {
    const plan = demoPlan();
    plan.meetings[0]!.minutes.efforts[0]!.status = 'udfoert';
    expect(carryOver(plan.meetings[0]!.minutes)[0]?.status).toBe('udfoert');
  });

  it('invites the same people, with answers and attendance reset', () => {
    const meeting = next();
    expect(meeting.invitees.map((i) => i.participantId)).toEqual(
      demoPlan().meetings[0]!.invitees.map((i) => i.participantId),
    );
    expect(meeting.invitees.every((i) => i.attendance.kind === 'unknown' && i.response === 'none')).toBe(true);
    expect(meeting.invitees.find((i) => i.participantId === p.lise.id)?.required).toBe(false);
  });

  it('makes the named next tovholder the koordinator and keeps mødeleder and referent', () => {
    expect(next().roles).toEqual({ koordinator: p.peter.id, moedeleder: p.jonas.id, referent: p.aisha.id });
  });

  it('starts with the standard agenda for its length and a blank referat with the follow-up list', () => {
    const meeting = next();
    expect(meeting.agenda.map((i) => i.minutes)).toEqual([5, 35, 15, 20, 15]);
    expect(meeting.agendaSteps).toEqual([]);
    expect(meeting.minutes.efforts).toEqual([]);
    expect(meeting.minutes.goals).toEqual([]);
    expect(meeting.minutes.followUp).toHaveLength(5);
    expect(meeting.minutes.acceptance).toBe('afventer');
  });

  it('gives a plan that is still a valid document', () => {
    const plan = demoPlan();
    expect(PlanSchema.safeParse({ ...plan, meetings: [...plan.meetings, next(plan)] }).success).toBe(true);
  });

  it('drops a role whose holder has left the plan', () => {
    const plan = demoPlan();
    const withoutAisha = { ...plan, participants: plan.participants.filter((x) => x.id !== p.aisha.id) };
    const meeting = next(withoutAisha);
    expect(meeting.roles.referent).toBeNull();
    expect(meeting.invitees.some((i) => i.participantId === p.aisha.id)).toBe(false);
  });

  it('invites every participant of a plan with no earlier meeting, with nothing to follow up', () => {
    const plan = { ...demoPlan(), meetings: [] };
    const meeting = next(plan);
    expect(meeting.invitees).toHaveLength(plan.participants.length);
    expect(meeting.minutes.followUp).toEqual([]);
    expect(meeting.roles.koordinator).toBeNull();
  });
});

describe('follow-up problems', () => {
  it('asks for a status on unmarked efforts and a note on changed ones', () => {
    const problems = followUpProblems([
      aFollowUp({ effortId: 'a', what: 'Søge enkeltydelse', status: null }),
      aFollowUp({ effortId: 'b', status: 'aendret', note: ' ' }),
      aFollowUp({ effortId: 'c', status: 'aendret', note: 'Boligstøtte i stedet' }),
      aFollowUp({ effortId: 'd', status: 'droppet' }),
    ]);
    expect(problems.map((x) => [x.code, x.field])).toEqual([
      ['followUp.noStatus', 'followUp.a.status'],
      ['followUp.changedWithoutNote', 'followUp.b.note'],
    ]);
    expect(problems[0]?.message.da).toBe(
      'Opfølgning: "Søge enkeltydelse" er ikke markeret. Vælg udført, i gang, ændret eller droppet.',
    );
  });
});
