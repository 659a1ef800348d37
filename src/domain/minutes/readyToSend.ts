/**
 * "Send referat" becomes available when the referat has no errors and the fælles opsummering has been read aloud
 * and confirmed with the citizen.
 */
import type { Meeting, Plan } from '../plan/planDocument';
import { errorsIn, problem, type Problem } from '../problems';
import { minutesProblems } from './minutesProblems';

export const confirmSummary = (meeting: Meeting, now: Date): Meeting => ({
  ...meeting,
  summaryConfirmedAt: now.toISOString(),
});

/** The errors that keep "Send referat" disabled, in the order to fix them; empty when it may be sent. */
export const sendBlockers = (plan: Plan, meeting: Meeting, today: string): Problem[] => [
  ...errorsIn(minutesProblems(plan, meeting, today)),
  ...(meeting.summaryConfirmedAt === null
    ? [
        problem(
          'minutes.summaryNotConfirmed',
          'error',
          'summaryConfirmedAt',
          'Den fælles opsummering er ikke bekræftet. Læs planen op for alle, bekræft den med borgeren, og tryk "Bekræftet med borgeren".',
          'The joint summary has not been confirmed. Read the plan aloud to everyone, confirm it with the citizen, and press "Confirmed with the citizen".',
        ),
      ]
    : []),
];
