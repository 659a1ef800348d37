import type { Translation } from '../../translation';
import type { compose as da } from '../compose';

// English: fetched only by a page shown in English (src/ui/i18n/i18n.ts); Danish is in ../compose.ts.
export const compose: Translation<typeof da> = {
  title: 'Make it an indsatsplansmøde',
  intro:
    "Choose the citizen's plan, and Tovholder writes participants, subject and agenda into the meeting and links the meeting to the plan.",
  noAppointment:
    'This pane works only in an Outlook appointment form. Open a new meeting and choose "Make it an indsatsplansmøde" again.',
  which: 'Which plan?',
  existing: 'Existing plan',
  new: 'New plan',
  plan: 'Plan',
  pickPlan: 'Choose a plan',
  noPlans: 'There are no plans yet. Choose "New plan".',
  plansLoading: 'Fetching plans …',
  plansFailed: 'The plans could not be fetched: {{message}}',
  unreadable: '{{count}} plan(s) could not be read and are not shown.',
  caseReference: 'Case reference',
  caseReferenceHint:
    "Only the case reference goes into the invitation – never the citizen's name or CPR number, because many people read invitations.",
  citizenName: "Citizen's name (optional)",
  citizenNameHint: 'Kept only in the plan, never in the invitation.',
  preview: 'What goes into the meeting',
  subject: 'Subject',
  attendees: 'Attendees',
  attendeesCount: '{{count}} attendees from the plan',
  noEmail: '{{name}} has no e-mail address and is not invited.',
  agenda: "Agenda in the meeting's text, timed from the meeting's start",
  newPlanAttendees: 'The plan is created with you as coordinator and the attendees already on the meeting.',
  write: 'Write into the meeting',
  writing: 'Writing into the meeting …',
  done: 'The meeting is now an indsatsplansmøde for {{caseReference}}. Send the invitation in Outlook when you are ready.',
  teamsHint: 'Remember to turn on "Teams meeting" if it is not on already.',
  updatedMeeting: "The plan's upcoming meeting now has this meeting's time.",
  openPlan: 'Open the plan',
  again: 'Write again',
  errors: {
    times:
      "The meeting's time could not be read from Outlook: {{message}}. Choose start and end in the meeting and try again.",
    endBeforeStart: 'The meeting ends before it starts. Correct the time in the meeting and try again.',
    save: 'The plan could not be saved: {{message}}. Nothing was written into the meeting. Try again in a moment.',
    planExists: 'A plan with the case reference {{caseReference}} already exists. Choose it under "Existing plan".',
    conflict: 'Someone else changed the plan at the same time. Try again – the pane fetches the newest version.',
    write: 'Outlook did not accept the change: {{message}}. The plan is saved; try "Write into the meeting" again.',
    blocked: 'The text was not written in, because it would reveal information about the citizen:',
    link: 'The link to the plan could not be made: {{message}}',
    choosePlan: 'Choose a plan first.',
  },
};
