import type { Minutes } from '../../../src/domain/plan/planDocument';
import { aGoal, anEffort, demoPeople as p } from '../../support/builders';

/** Minutes with nothing wrong in them: one goal, one effort with owner and due date, the next tovholder and date. */
export const validMinutes = (): Partial<Minutes> => ({
  goals: [aGoal({ id: 'g1', text: 'Borgeren beholder sin lejlighed' })],
  efforts: [
    anEffort({
      id: 'e1',
      what: 'Søge om hjælp til huslejerestancen',
      goalId: 'g1',
      ownerId: p.aisha.id,
      due: '2027-04-01',
    }),
  ],
  nextTovholderId: p.peter.id,
  nextMeetingBy: '2027-06-04',
});
