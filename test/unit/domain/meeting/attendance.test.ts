import { describe, expect, it } from 'vitest';
import { applyResponses, apologies, setAttendance, setWrittenInput } from '../../../../src/domain/meeting/attendance';
import { aMeeting, aPlan, demoPeople as p } from '../../../support/builders';

const plan = aPlan().withParticipants([p.jens, p.mette, p.ole, p.karen]).withMeeting(aMeeting()).build();
const meeting = plan.meetings[0]!;

describe('attendance and answers', () => {
  it('records afbud with the written input the koordinator will present', () => {
    const m = setWrittenInput(meeting, p.ole.id, 'Blodprøverne er fine.');
    expect(apologies(m)).toEqual([{ participantId: p.ole.id, writtenInput: 'Blodprøverne er fine.' }]);
  });

  it('marks someone present or absent', () => {
    const m = setAttendance(setAttendance(meeting, p.karen.id, { kind: 'present' }), p.mette.id, { kind: 'absent' });
    expect(m.invitees.map((i) => i.attendance.kind)).toEqual(['unknown', 'absent', 'unknown', 'present']);
  });

  it('takes the answers to the invitation from the event, matching e-mail in any case', () => {
    const m = applyResponses(plan, meeting, [
      { email: 'KAREN.SKOV@regionms.example', response: 'declined' },
      { email: p.mette.email!, response: 'accepted' },
      { email: 'someone.else@example.org', response: 'accepted' },
    ]);
    expect(m.invitees.map((i) => [i.participantId, i.response])).toEqual([
      [p.jens.id, 'none'],
      [p.mette.id, 'accepted'],
      [p.ole.id, 'none'],
      [p.karen.id, 'declined'],
    ]);
  });
});
