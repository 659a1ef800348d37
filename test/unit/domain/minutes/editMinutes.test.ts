import { describe, expect, it } from 'vitest';
import {
  addChallenge,
  addEffort,
  addGoal,
  citizenTasks,
  moveGoal,
  removeChallenge,
  removeEffort,
  removeGoal,
  setAcceptance,
  setFollowUp,
  setNextMeetingBy,
  setNextTovholder,
  setRoundEntry,
  updateEffort,
  updateGoal,
} from '../../../../src/domain/minutes/editMinutes';
import { emptyMinutes } from '../../../../src/domain/minutes/emptyMinutes';
import { MinutesSchema } from '../../../../src/domain/plan/planDocument';
import { aFollowUp, demoPeople as p } from '../../../support/builders';

const threeGoals = () =>
  [
    { id: 'bolig', text: 'Bolig' },
    { id: 'rus', text: 'Mindre alkohol' },
    { id: 'job', text: 'Noget at stå op til' },
  ].reduce(addGoal, emptyMinutes());
const order = (m: ReturnType<typeof emptyMinutes>) => m.goals.map((g) => g.id);

describe('editing the referat', () => {
  it("starts empty, awaiting the citizen's acceptance, and is a valid document", () => {
    const minutes = emptyMinutes();
    expect(minutes.acceptance).toBe('afventer');
    expect(MinutesSchema.parse(minutes)).toEqual(minutes);
  });

  it('adds goals in priority order and moves one up, down or to a position', () => {
    const m = threeGoals();
    expect(order(m)).toEqual(['bolig', 'rus', 'job']);
    expect(order(moveGoal(m, 'job', 'up'))).toEqual(['bolig', 'job', 'rus']);
    expect(order(moveGoal(m, 'bolig', 'down'))).toEqual(['rus', 'bolig', 'job']);
    expect(order(moveGoal(m, 'job', 0))).toEqual(['job', 'bolig', 'rus']);
  });

  it('leaves the order alone when moving the top goal further up or past the end', () => {
    const m = threeGoals();
    expect(order(moveGoal(m, 'bolig', 'up'))).toEqual(['bolig', 'rus', 'job']);
    expect(order(moveGoal(m, 'bolig', 99))).toEqual(['rus', 'job', 'bolig']);
  });

  it('never changes the minutes it was given', () => {
    const m = threeGoals();
    moveGoal(m, 'job', 0);
    updateGoal(m, 'job', 'Praktik');
    expect(order(m)).toEqual(['bolig', 'rus', 'job']);
    expect(m.goals[2]?.text).toBe('Noget at stå op til');
  });

  it('keeps the efforts of a removed goal, without a goal', () => {
    let m = threeGoals();
    m = addEffort(m, { id: 'e1', what: 'Søge enkeltydelse', goalId: 'bolig', ownerId: p.aisha.id });
    m = addEffort(m, { id: 'e2', what: 'Behandlingsplan', goalId: 'rus', ownerId: p.mette.id });
    m = removeGoal(m, 'bolig');
    expect(order(m)).toEqual(['rus', 'job']);
    expect(m.efforts.map((e) => [e.id, e.goalId])).toEqual([
      ['e1', null],
      ['e2', 'rus'],
    ]);
  });

  it('adds an open effort with defaults, updates and removes it', () => {
    let m = addEffort(emptyMinutes(), { id: 'e1' });
    expect(m.efforts[0]).toEqual({ id: 'e1', what: '', goalId: null, ownerId: null, due: null, status: 'aaben' });
    m = updateEffort(m, 'e1', { what: 'Finde praktiksted', ownerId: p.peter.id, due: '2027-05-01' });
    expect(m.efforts[0]).toMatchObject({ what: 'Finde praktiksted', ownerId: p.peter.id, due: '2027-05-01' });
    expect(removeEffort(m, 'e1').efforts).toEqual([]);
  });

  it("lists the citizen's own tasks", () => {
    let m = addEffort(emptyMinutes(), { id: 'e1', ownerId: p.jens.id, what: 'Tage bad' });
    m = addEffort(m, { id: 'e2', ownerId: p.mette.id });
    expect(citizenTasks(m, p.jens.id).map((e) => e.id)).toEqual(['e1']);
  });

  it('adds and removes challenges', () => {
    const m = addChallenge(emptyMinutes(), { id: 'c1', text: 'Huslejerestance' });
    expect(m.challenges).toHaveLength(1);
    expect(removeChallenge(m, 'c1').challenges).toEqual([]);
  });

  it("fills in a participant's part of the round, creating it the first time", () => {
    let m = setRoundEntry(emptyMinutes(), p.karen.id, { relation: 'Kontaktperson' });
    m = setRoundEntry(m, p.karen.id, { done: true });
    expect(m.round).toEqual([
      { participantId: p.karen.id, relation: 'Kontaktperson', currentWork: '', challenges: '', done: true },
    ]);
  });

  it('marks an effort from last time as ændret with a note', () => {
    const m = setFollowUp(emptyMinutes([aFollowUp({ effortId: 'old1' })]), 'old1', {
      status: 'aendret',
      note: 'Nu søges boligstøtte i stedet',
    });
    expect(m.followUp[0]).toMatchObject({ status: 'aendret', note: 'Nu søges boligstøtte i stedet' });
  });

  it('records acceptance, next tovholder and next meeting date', () => {
    const m = setNextMeetingBy(
      setNextTovholder(setAcceptance(emptyMinutes(), 'accepteretSenere'), p.peter.id),
      '2027-06-04',
    );
    expect(m).toMatchObject({
      acceptance: 'accepteretSenere',
      nextTovholderId: p.peter.id,
      nextMeetingBy: '2027-06-04',
    });
  });
});
