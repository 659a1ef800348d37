/**
 * Where a piece of outbound text comes from, in words the user knows (feltnavne), and how to fix a finding there.
 * The privacy guard's messages are built from these: "Emnefeltet indeholder et CPR-nummer — brug sagsreferencen."
 */

export interface Words {
  da: string;
  en: string;
}

export interface FieldLabel {
  /** Definite form, starts a sentence: "Emnefeltet", "Indsatsens tekst". */
  label: Words;
  /** What to do about a CPR number found there. */
  fixCpr: Words;
  /** What to do about the citizen's name found there. */
  fixName: Words;
}

const useCaseReference: Words = { da: 'brug sagsreferencen', en: 'use the case reference' };
const removeCpr: Words = {
  da: 'fjern CPR-nummeret; det hører kun hjemme i journalen',
  en: 'remove the CPR number; it belongs only in the case record',
};
const writeTheCitizen: Words = {
  da: 'skriv »borgeren« i stedet for navnet',
  en: 'write "the citizen" instead of the name',
};
const fixTheMinutes: Words = {
  da: 'ret teksterne i referatet, så der står »borgeren« i stedet for navnet',
  en: 'edit the texts in the minutes so they say "the citizen" instead of the name',
};
const removeCprFromMinutes: Words = {
  da: 'fjern CPR-nummeret fra teksterne i referatet',
  en: 'remove the CPR number from the texts in the minutes',
};

const reference = (da: string, en: string): FieldLabel => ({
  label: { da, en },
  fixCpr: useCaseReference,
  fixName: useCaseReference,
});
const minutesText = (da: string, en: string): FieldLabel => ({
  label: { da, en },
  fixCpr: removeCpr,
  fixName: writeTheCitizen,
});
const rendered = (da: string, en: string): FieldLabel => ({
  label: { da, en },
  fixCpr: removeCprFromMinutes,
  fixName: fixTheMinutes,
});

export const fieldLabels = {
  // What goes into the calendar and the Outlook appointment.
  subject: reference('Emnefeltet', 'The subject field'),
  eventBody: reference('Mødeindkaldelsens tekst', 'The invitation text'),
  eventAttendees: {
    label: { da: 'Mødeindkaldelsens deltagerliste', en: "The invitation's attendee list" },
    fixCpr: removeCpr,
    fixName: {
      da: 'invitér ikke borgeren og de pårørende gennem kalenderen; giv dem tid og sted på anden vis',
      en: 'do not invite the citizen and relatives through the calendar; give them the time and place another way',
    },
  },
  appointmentSubject: reference('Aftalens emne', "The appointment's subject"),
  appointmentBody: reference('Aftalens tekst', "The appointment's text"),
  caseReference: {
    label: { da: 'Sagsreferencen', en: 'The case reference' },
    fixCpr: {
      da: 'brug initialer og et løbenummer, fx KI-2026-014',
      en: 'use initials and a serial number, e.g. KI-2026-014',
    },
    fixName: {
      da: 'brug initialer og et løbenummer, fx KI-2026-014',
      en: 'use initials and a serial number, e.g. KI-2026-014',
    },
  },
  // What the referent writes, which the card and the e-mail carry.
  effort: minutesText('Indsatsens tekst', "The effort's text"),
  goal: minutesText('Målets tekst', "The goal's text"),
  challenge: minutesText('Udfordringens tekst', "The challenge's text"),
  followUpNote: minutesText('Opfølgningens note', 'The follow-up note'),
  roundNote: minutesText('Notatet fra runden', 'The note from the round'),
  writtenInput: minutesText('Det skriftlige input', 'The written input'),
  // What the app renders from the minutes.
  chatMessage: rendered('Chatbeskeden', 'The chat message'),
  card: rendered('Referatkortet', 'The minutes card'),
  mention: rendered('Omtalen (@-nævnelsen)', 'The mention'),
  mailSubject: rendered('E-mailens emne', "The e-mail's subject"),
  mailBody: rendered('E-mailens tekst', "The e-mail's text"),
  // My own efforts in my Microsoft To Do, which syncs to my phone and is read outside the consent's purpose.
  task: {
    label: { da: 'Opgaven til Microsoft To Do', en: 'The Microsoft To Do task' },
    fixCpr: {
      da: 'fjern CPR-nummeret fra indsatsens tekst i planen',
      en: "remove the CPR number from the effort's text in the plan",
    },
    fixName: {
      da: 'ret indsatsens tekst i planen, så der står »borgeren« i stedet for navnet',
      en: 'edit the effort\'s text in the plan so it says "the citizen" instead of the name',
    },
  },
  // Links and diagnostics.
  link: {
    label: { da: 'Linket', en: 'The link' },
    fixCpr: {
      da: 'links må kun bære plan-id og sagsreference',
      en: 'links may carry only the plan id and case reference',
    },
    fixName: {
      da: 'links må kun bære plan-id og sagsreference',
      en: 'links may carry only the plan id and case reference',
    },
  },
  logEntry: {
    label: { da: 'Logposten', en: 'The log entry' },
    fixCpr: { da: 'log kun id’er og antal', en: 'log only ids and counts' },
    fixName: { da: 'log kun id’er og antal', en: 'log only ids and counts' },
  },
  text: minutesText('Teksten', 'The text'),
} satisfies Record<string, FieldLabel>;

export type FieldKind = keyof typeof fieldLabels;

const isFieldKind = (field: string): field is FieldKind => Object.hasOwn(fieldLabels, field);

/** Paths into the minutes ("meetings.m1.minutes.efforts.e3.what") name their kind by the list they are in. */
const pathKinds: [RegExp, FieldKind][] = [
  [/(^|\.)efforts\./, 'effort'],
  [/(^|\.)goals\./, 'goal'],
  [/(^|\.)challenges\./, 'challenge'],
  [/(^|\.)followUp\./, 'followUpNote'],
  [/(^|\.)round\./, 'roundNote'],
  [/(^|\.)attendance\b|writtenInput/, 'writtenInput'],
  [/(^|\.)caseReference$/, 'caseReference'],
];

/** The kind of a field given by name ("subject") or by path; plain "text" when nothing fits. */
export const fieldKindOf = (field: string): FieldKind => {
  if (isFieldKind(field)) return field;
  return pathKinds.find(([pattern]) => pattern.test(field))?.[1] ?? 'text';
};
