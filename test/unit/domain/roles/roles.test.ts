import { describe, expect, it } from 'vitest';
import { handOverRole, permissionsOf, roleProblems, rolesOf } from '../../../../src/domain/roles/roles';
import { demoPeople as p, demoPlan } from '../../../support/builders';

const plan = demoPlan();
const meeting = plan.meetings[0]!;

describe('roles at the meeting', () => {
  it("finds the user's roles by e-mail, whatever the case", () => {
    expect(rolesOf(plan, meeting, 'Jonas.Berg@Sundby-Kommune.example')).toEqual(['moedeleder']);
    expect(rolesOf(plan, meeting, ' mette.larsen@sundby-kommune.example ')).toEqual(['koordinator']);
    expect(rolesOf(plan, meeting, 'sofie.dahl@sundby-kommune.example')).toEqual([]);
    expect(rolesOf(plan, meeting, 'stranger@example.org')).toEqual([]);
  });

  it('lets the mødeleder drive the agenda and the referent write; everyone else reads', () => {
    expect(permissionsOf(plan, meeting, p.jonas.email!)).toEqual({
      driveAgenda: true,
      writeMinutes: false,
      sendMinutes: true,
    });
    expect(permissionsOf(plan, meeting, p.aisha.email!)).toEqual({
      driveAgenda: false,
      writeMinutes: true,
      sendMinutes: true,
    });
    expect(permissionsOf(plan, meeting, p.sofie.email!)).toEqual({
      driveAgenda: false,
      writeMinutes: false,
      sendMinutes: false,
    });
  });

  it('hands the referent role to someone else in the meeting', () => {
    const handed = handOverRole(meeting, 'referent', p.sofie.id);
    expect(handed.roles).toEqual({ koordinator: p.mette.id, moedeleder: p.jonas.id, referent: p.sofie.id });
    expect(rolesOf(plan, handed, p.sofie.email!)).toEqual(['referent']);
    expect(rolesOf(plan, handed, p.aisha.email!)).toEqual([]);
  });

  it('lets the koordinator drive the agenda while there is no mødeleder', () => {
    const noChair = handOverRole(meeting, 'moedeleder', null);
    expect(permissionsOf(plan, noChair, p.mette.email!).driveAgenda).toBe(true);
  });

  it('refuses to book without a koordinator', () => {
    const problems = roleProblems(plan, { koordinator: null, moedeleder: p.jonas.id, referent: p.aisha.id });
    expect(problems).toEqual([
      expect.objectContaining({ code: 'roles.noKoordinator', severity: 'error', field: 'roles.koordinator' }),
    ]);
  });

  it('calmly warns when the mødeleder is also the referent', () => {
    const problems = roleProblems(plan, { koordinator: p.mette.id, moedeleder: p.jonas.id, referent: p.jonas.id });
    expect(problems.map((x) => [x.code, x.severity])).toEqual([['roles.sameChairAndMinuteTaker', 'warning']]);
    expect(problems[0]?.message.da).toContain('både mødeleder og referent');
  });

  it('refuses a role held by someone who is not a participant', () => {
    const problems = roleProblems(plan, { koordinator: p.mette.id, moedeleder: 'p-gone', referent: null });
    expect(problems.map((x) => x.field)).toEqual(['roles.moedeleder']);
  });
});
