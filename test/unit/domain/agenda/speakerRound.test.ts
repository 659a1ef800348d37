import { describe, expect, it } from 'vitest';
import { roundProgress, speakerOrder } from '../../../../src/domain/agenda/speakerRound';
import { aMeeting, aPlan, aRoundEntry, demoPeople as p } from '../../../support/builders';

const plan = aPlan()
  .withParticipants([p.jens, p.lise, p.jonas, p.mette, p.aisha, p.ole, p.birgitte])
  .withMeeting(
    aMeeting()
      .withRoles({ koordinator: p.mette.id, moedeleder: p.jonas.id, referent: p.aisha.id })
      .withAttendance(p.ole.id, { kind: 'apologies', writtenInput: 'Blodprøverne er fine.' })
      .withAttendance(p.birgitte.id, { kind: 'absent' }),
  )
  .build();
const meeting = plan.meetings[0]!;

describe('the speaker round in afdækning', () => {
  it('starts with the koordinator, lets the citizen close, and ends with the written input from afbud', () => {
    expect(speakerOrder(plan, meeting).map((t) => t.participantId)).toEqual([
      p.mette.id,
      p.jonas.id,
      p.aisha.id,
      p.lise.id,
      p.jens.id,
      p.ole.id,
    ]);
  });

  it('lets the citizen open the round when they want to', () => {
    const order = speakerOrder(plan, meeting, { citizenFirst: true }).map((t) => t.participantId);
    expect(order[0]).toBe(p.jens.id);
    expect(order[1]).toBe(p.mette.id);
  });

  it("has the koordinator read out the GP's written input at the GP's turn", () => {
    const gpTurn = speakerOrder(plan, meeting).find((t) => t.participantId === p.ole.id);
    expect(gpTurn).toEqual({ participantId: p.ole.id, writtenInput: 'Blodprøverne er fine.', speakerId: p.mette.id });
  });

  it('gives no turn to someone absent without written input', () => {
    expect(speakerOrder(plan, meeting).some((t) => t.participantId === p.birgitte.id)).toBe(false);
  });

  it('tracks progress and whose turn is next', () => {
    const turns = speakerOrder(plan, meeting);
    const round = [aRoundEntry(p.mette.id, { done: true }), aRoundEntry(p.jonas.id, { done: false })];
    expect(roundProgress(turns, round)).toEqual({ done: 1, total: 6, next: p.jonas.id, complete: false });
    const everyone = turns.map((t) => aRoundEntry(t.participantId, { done: true }));
    expect(roundProgress(turns, everyone)).toMatchObject({ done: 6, next: null, complete: true });
  });
});
