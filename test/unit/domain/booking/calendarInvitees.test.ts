import { describe, expect, it } from 'vitest';
import { calendarInvitees } from '../../../../src/domain/booking/calendarInvitees';
import { demoPlan } from '../../../support/builders';

describe('who is invited through the calendar', () => {
  it('invites the professionals and tells the citizen and the relatives another way', () => {
    const plan = demoPlan();
    const meeting = plan.meetings.at(-1)!;
    const { invited, toldInPerson } = calendarInvitees(plan, meeting);
    const invitedSectors = invited.map(({ person }) => person.sector);
    expect(invitedSectors).not.toContain('borger');
    expect(invitedSectors).not.toContain('paaroerende');
    expect(invited.map(({ person }) => person.name)).toContain('Ole Bak');
    expect(toldInPerson.map((p) => p.name).sort()).toEqual(['Jens Holm', 'Lise Holm']);
  });
});
