/**
 * The words on the minutes card and in the minutes e-mail, Danish first. Cards are built outside the UI (in the
 * delivery pipeline and by `npm run card`), so their text lives here rather than in the i18n catalogue.
 * Every value is plain text: the builders escape it like user text.
 */
import type { Acceptance, EffortStatus, FollowUpStatus } from '../domain/plan/planDocument';
import type { ConsentState } from '../domain/consent/consentStatus';
import type { Lang } from '../domain/problems';

type AttendanceKind = 'present' | 'absent' | 'apologies' | 'unknown';

export interface CardText {
  title: string;
  meetingTime: (date: string, from: string, to: string) => string;
  shortened: string;
  yourTasks: string;
  yourTasksNone: string;
  youAreNextTovholder: (by: string | null) => string;
  participants: string;
  roles: { koordinator: string; moedeleder: string; referent: string };
  attendance: Record<AttendanceKind, string>;
  citizen: string;
  relative: string;
  noOrganisation: string;
  consent: string;
  consentState: Record<ConsentState, string>;
  consentForm: { mundtligt: string; skriftligt: string };
  consentGiven: (form: string, givenOn: string) => string;
  consentValidUntil: (date: string) => string;
  consentWithdrawn: (date: string) => string;
  consentCovers: string;
  consentInformation: string;
  consentPurpose: string;
  round: string;
  roundRelation: string;
  roundCurrentWork: string;
  roundChallenges: string;
  writtenInput: string;
  roundCollapsed: string;
  challenges: string;
  goals: string;
  noGoals: string;
  efforts: string;
  noEfforts: string;
  effortDue: (date: string) => string;
  effortNoDue: string;
  effortNoOwner: string;
  effortGoal: (n: number) => string;
  effortStatus: Record<EffortStatus, string>;
  citizenTasks: string;
  citizenTasksNone: string;
  acceptance: string;
  acceptanceState: Record<Acceptance, string>;
  nextSteps: string;
  nextTovholder: string;
  nextTovholderLine: (name: string, by: string) => string;
  nextTovholderMissing: string;
  nextMeeting: string;
  nextMeetingLine: (date: string) => string;
  nextMeetingMissing: string;
  followUp: string;
  followUpStatus: Record<FollowUpStatus, string>;
  followUpNotAssessed: string;
  moreInPlan: (count: number) => string;
  openPlan: string;
  summaryNote: string;
  deliveryMarker: (marker: string) => string;
  fallbackText: (caseReference: string) => string;
  chatIntro: (caseReference: string, date: string) => string;
  chatOwners: string;
  chatNextTovholder: (by: string) => string;
  mailSubject: (caseReference: string, date: string) => string;
  mailOpenPlan: string;
  /** How the e-mail travels, said at its top (the tenant's mail protection). */
  mailProtection: { purview: string; tls: string };
}

const da: CardText = {
  title: 'Referat · Koordinerende indsatsplansmøde',
  meetingTime: (date, from, to) => `${date} kl. ${from}–${to}`,
  shortened: 'Referatet er forkortet — se hele planen i Tovholder',
  yourTasks: 'Dine opgaver',
  yourTasksNone: 'Du har ingen opgaver i denne plan.',
  youAreNextTovholder: (by) => (by ? `Du er næste tovholder: indkald senest ${by}` : 'Du er næste tovholder'),
  participants: 'Deltagere',
  roles: { koordinator: 'Koordinator', moedeleder: 'Mødeleder', referent: 'Referent' },
  attendance: { present: 'til stede', absent: 'fraværende', apologies: 'afbud', unknown: 'fremmøde ikke noteret' },
  citizen: 'Borgeren',
  relative: 'Pårørende',
  noOrganisation: 'uden organisation',
  consent: 'Samtykke',
  consentState: {
    valid: 'Samtykke givet',
    missing: 'Intet samtykke registreret',
    expired: 'Samtykket er udløbet',
    withdrawn: 'Samtykket er trukket tilbage',
    notYetValid: 'Samtykket gælder endnu ikke',
  },
  consentForm: { mundtligt: 'mundtligt', skriftligt: 'skriftligt' },
  consentGiven: (form, givenOn) => `${form}, givet ${givenOn}`,
  consentValidUntil: (date) => `gyldigt til ${date}`,
  consentWithdrawn: (date) => `trukket tilbage ${date}`,
  consentCovers: 'Omfatter',
  consentInformation: 'Oplysninger',
  consentPurpose: 'Formål',
  round: 'Runden',
  roundRelation: 'Relation til borgeren',
  roundCurrentWork: 'Arbejder med nu',
  roundChallenges: 'Udfordringer',
  writtenInput: 'Skriftligt input fra afbud',
  roundCollapsed: 'Runden og udfordringerne står i planen i Tovholder.',
  challenges: 'Udfordringer',
  goals: 'Fælles mål i prioriteret rækkefølge',
  noGoals: 'Der er ikke skrevet fælles mål.',
  efforts: 'Indsatser',
  noEfforts: 'Der er ikke aftalt indsatser.',
  effortDue: (date) => `senest ${date}`,
  effortNoDue: 'ingen dato',
  effortNoOwner: 'ingen ansvarlig',
  effortGoal: (n) => `mål ${n}`,
  effortStatus: { aaben: 'åben', iGang: 'i gang', udfoert: 'udført' },
  citizenTasks: 'Borgerens egne opgaver',
  citizenTasksNone: 'Borgeren har ingen egne opgaver i denne plan.',
  acceptance: 'Borgerens accept',
  acceptanceState: {
    iMoedet: 'Borgeren accepterede planen i mødet.',
    afventer: 'Borgerens accept af planen afventer.',
    accepteretSenere: 'Borgeren har accepteret planen efter mødet.',
    ikkeAccepteret: 'Borgeren har ikke accepteret planen.',
  },
  nextSteps: 'Videre forløb',
  nextTovholder: 'Næste tovholder',
  nextTovholderLine: (name, by) => `${name} — indkald senest ${by}`,
  nextTovholderMissing: 'Der er ikke valgt en næste tovholder.',
  nextMeeting: 'Næste møde',
  nextMeetingLine: (date) => `senest ${date}`,
  nextMeetingMissing: 'Dato for næste møde er ikke fastsat.',
  followUp: 'Opfølgning på sidste plan',
  followUpStatus: { udfoert: 'udført', iGang: 'i gang', aendret: 'ændret', droppet: 'droppet' },
  followUpNotAssessed: 'ikke vurderet',
  moreInPlan: (count) => `… og ${count} mere i planen i Tovholder`,
  openPlan: 'Åbn planen i Tovholder',
  summaryNote: 'Chatten viser et resumé uden følsomme oplysninger. Hele planen står i Tovholder.',
  deliveryMarker: (marker) => `Referat-id: ${marker}`,
  fallbackText: (caseReference) =>
    `Referat fra koordinerende indsatsplansmøde ${caseReference}. Åbn planen i Tovholder.`,
  chatIntro: (caseReference, date) => `Referat fra koordinerende indsatsplansmøde ${caseReference}, ${date}.`,
  chatOwners: 'Opgaver til',
  chatNextTovholder: (by) => `Næste tovholder (indkald senest ${by})`,
  mailSubject: (caseReference, date) => `Referat: Koordinerende indsatsplansmøde – ${caseReference} – ${date}`,
  mailOpenPlan: 'Åbn planen i Tovholder',
  mailProtection: {
    purview:
      'Denne e-mail sendes krypteret (Microsoft Purview-meddelelseskryptering), fordi den indeholder personoplysninger. Videresend den ikke.',
    tls: 'Denne e-mail sendes over en krypteret forbindelse (tvungen TLS) til din organisation, fordi den indeholder personoplysninger. Videresend den ikke.',
  },
};

const en: CardText = {
  title: 'Minutes · Coordinated care plan meeting',
  meetingTime: (date, from, to) => `${date}, ${from}–${to}`,
  shortened: 'The minutes are shortened — see the whole plan in Tovholder',
  yourTasks: 'Your tasks',
  yourTasksNone: 'You have no tasks in this plan.',
  youAreNextTovholder: (by) =>
    by ? `You are the next coordinator: convene the meeting by ${by}` : 'You are the next coordinator',
  participants: 'Participants',
  roles: { koordinator: 'Coordinator', moedeleder: 'Chair', referent: 'Minute-taker' },
  attendance: { present: 'present', absent: 'absent', apologies: 'sent apologies', unknown: 'attendance not noted' },
  citizen: 'The citizen',
  relative: 'Relative',
  noOrganisation: 'no organisation',
  consent: 'Consent',
  consentState: {
    valid: 'Consent given',
    missing: 'No consent recorded',
    expired: 'The consent has expired',
    withdrawn: 'The consent has been withdrawn',
    notYetValid: 'The consent does not apply yet',
  },
  consentForm: { mundtligt: 'oral', skriftligt: 'written' },
  consentGiven: (form, givenOn) => `${form}, given ${givenOn}`,
  consentValidUntil: (date) => `valid until ${date}`,
  consentWithdrawn: (date) => `withdrawn ${date}`,
  consentCovers: 'Covers',
  consentInformation: 'Information',
  consentPurpose: 'Purpose',
  round: 'The round',
  roundRelation: 'Relation to the citizen',
  roundCurrentWork: 'Working on now',
  roundChallenges: 'Challenges',
  writtenInput: 'Written input from those who sent apologies',
  roundCollapsed: 'The round and the challenges are in the plan in Tovholder.',
  challenges: 'Challenges',
  goals: 'Shared goals in order of priority',
  noGoals: 'No shared goals were written.',
  efforts: 'Efforts',
  noEfforts: 'No efforts were agreed.',
  effortDue: (date) => `by ${date}`,
  effortNoDue: 'no date',
  effortNoOwner: 'no owner',
  effortGoal: (n) => `goal ${n}`,
  effortStatus: { aaben: 'open', iGang: 'in progress', udfoert: 'done' },
  citizenTasks: "The citizen's own tasks",
  citizenTasksNone: 'The citizen has no tasks of their own in this plan.',
  acceptance: "The citizen's acceptance",
  acceptanceState: {
    iMoedet: 'The citizen accepted the plan in the meeting.',
    afventer: "The citizen's acceptance of the plan is pending.",
    accepteretSenere: 'The citizen accepted the plan after the meeting.',
    ikkeAccepteret: 'The citizen has not accepted the plan.',
  },
  nextSteps: 'Next steps',
  nextTovholder: 'Next coordinator (tovholder)',
  nextTovholderLine: (name, by) => `${name} — convene by ${by}`,
  nextTovholderMissing: 'No next coordinator has been chosen.',
  nextMeeting: 'Next meeting',
  nextMeetingLine: (date) => `by ${date}`,
  nextMeetingMissing: 'No date has been set for the next meeting.',
  followUp: 'Follow-up on the previous plan',
  followUpStatus: { udfoert: 'done', iGang: 'in progress', aendret: 'changed', droppet: 'dropped' },
  followUpNotAssessed: 'not assessed',
  moreInPlan: (count) => `… and ${count} more in the plan in Tovholder`,
  openPlan: 'Open the plan in Tovholder',
  summaryNote: 'The chat shows a summary without sensitive information. The whole plan is in Tovholder.',
  deliveryMarker: (marker) => `Minutes id: ${marker}`,
  fallbackText: (caseReference) =>
    `Minutes of coordinated care plan meeting ${caseReference}. Open the plan in Tovholder.`,
  chatIntro: (caseReference, date) => `Minutes of coordinated care plan meeting ${caseReference}, ${date}.`,
  chatOwners: 'Tasks for',
  chatNextTovholder: (by) => `Next coordinator (convene by ${by})`,
  mailSubject: (caseReference, date) => `Minutes: Coordinated care plan meeting – ${caseReference} – ${date}`,
  mailProtection: {
    purview:
      'This e-mail is sent encrypted (Microsoft Purview Message Encryption) because it contains personal data. Do not forward it.',
    tls: 'This e-mail is sent over an encrypted connection (enforced TLS) to your organisation because it contains personal data. Do not forward it.',
  },
  mailOpenPlan: 'Open the plan in Tovholder',
};

export const cardText: Record<Lang, CardText> = { da, en };
