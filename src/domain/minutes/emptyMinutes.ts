import type { FollowUpEntry, Minutes } from '../plan/planDocument';

/**
 * A blank referat. Acceptance starts as `afventer`: nothing is accepted until the citizen says so.
 * `followUp` holds the previous meeting's efforts (opfølgning) when there was one.
 */
export const emptyMinutes = (followUp: FollowUpEntry[] = []): Minutes => ({
  round: [],
  challenges: [],
  goals: [],
  efforts: [],
  followUp,
  acceptance: 'afventer',
  nextTovholderId: null,
  nextMeetingBy: null,
});
