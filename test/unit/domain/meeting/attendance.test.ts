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

  it('makes a declined invitation an afbud with room for written input, unless fremmøde was already marked', () => {
    const marked = setAttendance(meeting, p.ole.id, { kind: 'present' });
    const m = applyResponses(plan, marked, [
      { email: p.karen.email!, response: 'declined' },
      { email: p.ole.email!, response: 'declined' },
      { email: p.mette.email!, response: 'accepted' },
    ]);
    expect(m.invitees.map((i) => [i.participantId, i.attendance])).toEqual([
      [p.jens.id, { kind: 'unknown' }],
      [p.mette.id, { kind: 'unknown' }],
      // Ole said at the door that he came after all: what was marked stands.
      [p.ole.id, { kind: 'present' }],
      [p.karen.id, { kind: 'apologies', writtenInput: '' }],
    ]);
    // Written input already typed is kept when the answers are read again.
    const written = setWrittenInput(m, p.karen.id, 'Kan ikke komme, men støtter planen.');
    expect(apologies(applyResponses(plan, written, [{ email: p.karen.email!, response: 'declined' }]))).toEqual([
      { participantId: p.karen.id, writtenInput: 'Kan ikke komme, men støtter planen.' },
    ]);
  });

  it('takes the afbud back when someone who declined accepts after all, unless they wrote something', () => {
    const declined = applyResponses(plan, meeting, [
      { email: p.karen.email!, response: 'declined' },
      { email: p.ole.email!, response: 'declined' },
    ]);
    const oleWrote = setWrittenInput(declined, p.ole.id, 'Prøvesvarene er fine.');
    const m = applyResponses(plan, oleWrote, [
      { email: p.karen.email!, response: 'accepted' },
      { email: p.ole.email!, response: 'tentative' },
    ]);
    expect(m.invitees.find((i) => i.participantId === p.karen.id)?.attendance).toEqual({ kind: 'unknown' });
    // Ole's written input is his to withdraw: nothing typed is thrown away.
    expect(apologies(m)).toEqual([{ participantId: p.ole.id, writtenInput: 'Prøvesvarene er fine.' }]);
  });
});
