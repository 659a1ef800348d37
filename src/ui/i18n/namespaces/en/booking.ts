import type { Translation } from '../../translation';
import type { booking as da } from '../booking';

// English: fetched only by a page shown in English (src/ui/i18n/i18n.ts); Danish is in ../booking.ts.
export const booking: Translation<typeof da> = {
  titleNew: 'Book a new care plan meeting',
  titleNext: 'Book the next meeting for {{caseReference}}',
  intro:
    'Fill in the case, the participants and the time. What you type is kept in this tab as you go, so nothing is lost if the page reloads.',
  restored: 'Your draft has been restored. You can carry on where you left off.',
  restoredPartly:
    'Your draft has been restored, but this could not be read and has been reset: {{parts}}. Check it and fill it in again before booking.',
  restoredParts: {
    participants: 'the participants (one or more are missing)',
    consent: 'the consent',
    time: 'the time',
    length: 'the length of the meeting',
    caseReference: 'the case reference',
    citizenName: "the citizen's name",
    roles: 'the roles',
    other: 'other details',
  },
  back: 'Back to my plans',
  discard: 'Discard the draft',
  discardConfirm: 'The draft has been discarded.',
  case: {
    heading: 'The case',
    caseReference: 'Case reference',
    caseReferenceHint:
      'For example initials and a number: KI-2026-014. The case reference appears in the calendar invitation, which many people can see (delegates, forwarded invitations). So never write a name or CPR number here.',
    citizenName: "Citizen's name",
    citizenNameHint: 'Kept only in the plan. The name never goes into the calendar, the meeting chat or e-mails.',
  },
  participants: {
    heading: 'Participants',
    searchLabel: 'Search the directory',
    searchHint: 'Type at least two letters of a name or an e-mail address.',
    searching: 'Searching …',
    found_one: '{{count}} person found',
    found_other: '{{count}} people found',
    noneFound: 'No one found for "{{query}}". Add the person by e-mail below.',
    add: 'Add',
    addNamed: 'Add {{name}}',
    alreadyAdded: 'Added',
    searchFailed: 'The search did not work just now. Try again, or add the person by e-mail below.',
    searchForbidden:
      'Tovholder is not allowed to search your address book ({{code}}). Ask your IT department for the permission, and until then add the person by e-mail below.',
    searchThrottled:
      'Microsoft 365 is busy right now. Wait a minute and search again, or add the person by e-mail below.',
    addedStatus: '{{name}} has been added as a participant.',
    removedStatus: '{{name}} has been removed.',
    externalHeading: 'Add a person outside the directory',
    externalIntro: 'For example the GP, the citizen or a relative. They get the invitation by e-mail.',
    name: 'Name',
    email: 'E-mail',
    emailHintOptional: 'May be left out for the citizen and relatives if they should not get the invitation.',
    organisation: 'Organisation',
    sector: 'Sector',
    addExternal: 'Add participant',
    listHeading: 'Invited ({{count}})',
    none: 'There are no participants yet.',
    optional: 'Optional attendance',
    remove: 'Remove {{name}}',
    outsideTenant: 'Outside the organisation',
    federated: 'Teams in another organisation',
    emailOnly: 'E-mail only',
    noEmail: 'No e-mail: will not get the invitation',
    errors: {
      nameMissing: "Enter the person's name.",
      emailMissing: "Enter the person's e-mail address so they get the invitation.",
      emailInvalid: '"{{email}}" is not a valid e-mail address. It should look like this: name@example.com.',
      duplicate: '{{name}} is already a participant. The same person can only be included once.',
    },
  },
  roles: {
    heading: 'Roles',
    intro:
      'The coordinator convenes and follows up. The chair runs the meeting, and the minute-taker writes the minutes.',
    choose: 'Choose a participant',
    none: 'None yet',
  },
  consent: {
    heading: 'Consent',
    missing:
      "Consent missing. You can still book the meeting, but the minutes cannot be sent until the citizen's consent is recorded.",
    record: 'Record consent',
    carried:
      'The consent given on {{givenOn}} ({{form}}) is valid until {{validUntil}} and is carried over to the next meeting.',
    carriedNoEnd:
      'The consent given on {{givenOn}} ({{form}}) has no end date and is carried over to the next meeting.',
    notCarried: "The plan's consent no longer applies: {{reason}} Record a new consent.",
    edit: 'Edit the consent',
    remove: 'Remove the consent',
    information: 'Which information may be shared',
    informationHint: 'For example health, substance use, housing, finances and employment.',
    recipients: 'Who may receive the information',
    recipientsHint: 'Organisations and named persons. Relatives must be named.',
    recipientsNone: 'Add participants first; then you can choose them here.',
    person: '{{name}} (person)',
    purpose: 'Purpose',
    purposeHint: 'For example to coordinate the support around the citizen.',
    form: 'Form',
    oral: 'Oral',
    written: 'Written',
    givenOn: 'Given on',
    validUntil: 'Valid until',
    validUntilHint: 'Leave empty if the consent applies until it is withdrawn.',
  },
  time: {
    heading: 'Time',
    length: 'Length of the meeting',
    lengthOption: '{{minutes}} minutes',
    date: 'Date',
    start: 'Start',
    end: 'End',
    findHeading: 'Find a time',
    findIntro:
      "Free time is fetched for the participants in your organisation. We cannot see other people's calendars; they are shown as unknown.",
    previousWeek: 'Previous week',
    nextWeek: 'Next week',
    week: 'Week {{week}}: {{from}} – {{to}}',
    loading: 'Fetching free time …',
    noInTenant:
      'None of the participants are in your organisation, so free time cannot be fetched. Choose the time yourself.',
    unknownPeople: 'Unknown availability: {{names}}.',
    best: 'Best times',
    noSlots: 'No free times this week. Try next week.',
    everyoneFree: 'everyone known is free',
    busy_one: '{{count}} busy',
    busy_other: '{{count}} busy',
    unknown_one: '{{count}} unknown',
    unknown_other: '{{count}} unknown',
    choose: 'Choose {{when}}',
    chosen: 'Chosen: {{when}}',
    gridCaption:
      'Availability this week. Each cell is a meeting start: ✓ means everyone known is free, a number that so many are busy. Choose a cell to use the time.',
    gridTime: 'Time',
    slotLabel: '{{when}}: {{summary}}',
    past: 'past',
    scheduleForbidden:
      "Tovholder is not allowed to see the participants' free time in your Microsoft 365 ({{code}}). Ask your IT department for the permission, or choose the date and time yourself above.",
    scheduleThrottled:
      'Microsoft 365 is busy right now, so free time could not be fetched. Press "Fetch again" in a minute, or choose the date and time yourself above.',
    scheduleFailed:
      'Free time could not be fetched: Microsoft 365 did not answer in time, or an error happened at Microsoft. Press "Fetch again" in a moment, or choose the date and time yourself above.',
    scheduleRetry: 'Fetch again',
  },
  agenda: {
    heading: 'Agenda',
    intro: 'The five items with their time, which go into the invitation with a link to the plan.',
    minutes: '{{minutes}} min.',
    followUpHeading: 'Follow-up from the last meeting',
    followUpIntro:
      "The last meeting's efforts are reviewed under the current situation: done, ongoing, changed or dropped.",
    followUpNone: 'There were no efforts at the last meeting.',
    owner: 'Responsible: {{name}}',
    noOwner: 'No one responsible',
    status: {
      aaben: 'Not started',
      iGang: 'Ongoing',
      udfoert: 'Done',
      aendret: 'Changed',
      droppet: 'Dropped',
    },
  },
  submit: {
    book: 'Book the meeting',
    booking: 'Booking …',
    fixFirst: 'Fix this before the meeting can be booked:',
    steps: {
      place: 'Making room for the plan in Microsoft 365 …',
      event: 'Creating the meeting in the calendar …',
      chat: "Setting up the Tovholder tab in the meeting's chat …",
      plan: 'Saving the plan …',
      access: 'Giving access to those the consent covers …',
    },
  },
  failure: {
    title: 'The meeting is not booked yet',
    partTitle: 'The meeting has been created, but the plan is not saved',
    throttled:
      'Microsoft 365 is busy right now and asked us to wait. Wait a minute and press "Try again". No second meeting will be created.',
    failed:
      'Microsoft 365 did not answer in time, or an error happened at Microsoft. Press "Try again" in a moment. No second meeting will be created.',
    forbidden:
      'Tovholder does not have permission {{what}} in your Microsoft 365. Ask your IT department to grant the app the permission ({{code}}). Your draft is kept.',
    unauthorized:
      'You have been signed out. Close the tab, open Tovholder again and try again. Your draft is kept in the tab.',
    notFound:
      'Microsoft 365 could not find what we were looking for ({{code}}). Try again; if it persists, contact IT.',
    invalid: 'Microsoft 365 refused the details ({{code}}). Check the date, time and e-mail addresses, and try again.',
    blocked: 'The invitation was stopped because it would contain personal data: {{reasons}}',
    conflict:
      'Someone else saved the plan at the same time. We fetched their changes and tried again, but it did not work. Press "Try again".',
    whatEvent: 'to create meetings in the calendar',
    whatPlan: 'to save plans in SharePoint Embedded (see "Check setup")',
    retry: 'Try again',
  },
  done: {
    title: 'The meeting is booked',
    when: '{{caseReference}}: {{when}}.',
    invited_one: 'The invitation has been sent to {{count}} participant.',
    invited_other: 'The invitation has been sent to {{count}} participants.',
    toldInPerson:
      '{{names}} do not get the calendar invitation: the attendee list is seen by many and would show who the case is about. Give them the time and place another way, e.g. in a letter or a call.',
    join: 'Open the Teams meeting',
    tabPinned: "The Tovholder tab is set up in the meeting's chat, so the agenda is ready when the meeting starts.",
    tabManual:
      "The tab could not be set up automatically. Here is how, in two clicks: Open the meeting's chat → + → Tovholder.",
    consentMissing: 'Remember: Consent missing. The minutes can only be sent once the consent is recorded.',
    access_one:
      "{{count}} person can open the plan — those the citizen's consent covers. Microsoft 365 refuses everyone else.",
    access_other:
      "{{count}} people can open the plan — those the citizen's consent covers. Microsoft 365 refuses everyone else.",
    accessNotYet:
      '{{names}} cannot open the plan yet. Tovholder tries again the next time the plan is opened; see "Who can open the plan" under the plan.',
    home: 'To my plans',
  },
  problems: {
    caseReferenceMissing: 'Enter a case reference, for example KI-2026-014.',
    noParticipants: 'Add at least one participant.',
    timeMissing: 'Choose the date, start and end of the meeting.',
  },
};
