/**
 * What is wrong with a booking before it is sent to the calendar. Each message says what to fix, beside the field.
 * The privacy guard checks the case reference for CPR numbers and the citizen's name separately.
 */
import { isCitizenOrRelative, TEXT_MAX } from '../plan/planDocument';
import { roleProblems } from '../roles/roles';
import { problem, type Problem } from '../problems';
import { formatDateTime } from '../time/danishTime';
import type { BookingDraft } from './bookingDraft';

export const CASE_REFERENCE_MAX = 60;

/** Letters (æøå included), digits, space and - / . _ — what case numbers are made of. */
const caseReferencePattern = /^[\p{L}\p{N} ./_-]+$/u;

/** A practical check of an e-mail address: one @, a dot in the domain, no spaces or brackets. */
export const isValidEmail = (email: string): boolean =>
  /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:".]+(\.[^\s@<>()[\]\\,;:".]+)+$/.test(email.trim()) && !email.includes('..');

export const caseReferenceProblems = (caseReference: string): Problem[] => {
  const ref = caseReference.trim();
  if (ref === '') {
    return [
      problem(
        'booking.caseReferenceMissing',
        'error',
        'caseReference',
        'Skriv en sagsreference, fx initialer og et nummer (KI-2026-014). Den står i invitationen i stedet for borgerens navn.',
        "Enter a case reference, e.g. initials and a number (KI-2026-014). It goes in the invitation instead of the citizen's name.",
      ),
    ];
  }
  if (ref.length > CASE_REFERENCE_MAX) {
    return [
      problem(
        'booking.caseReferenceTooLong',
        'error',
        'caseReference',
        `Sagsreferencen er ${ref.length} tegn; den må højst være ${CASE_REFERENCE_MAX}. Brug en kort reference, fx KI-2026-014.`,
        `The case reference is ${ref.length} characters; it may be at most ${CASE_REFERENCE_MAX}. Use a short reference, e.g. KI-2026-014.`,
      ),
    ];
  }
  if (!caseReferencePattern.test(ref)) {
    const bad = [...new Set([...ref].filter((c) => !caseReferencePattern.test(c)))].join(' ');
    return [
      problem(
        'booking.caseReferenceCharacters',
        'error',
        'caseReference',
        `Sagsreferencen indeholder tegn, der ikke er tilladt: ${bad}. Brug kun bogstaver, tal, mellemrum og - / . _`,
        `The case reference contains characters that are not allowed: ${bad}. Use only letters, digits, spaces and - / . _`,
      ),
    ];
  }
  return [];
};

/** The longest texts the plan document holds (PlanSchema's limits): longer ones could not be saved after booking. */
const NAME_MAX = TEXT_MAX.name;
const ORGANISATION_MAX = TEXT_MAX.organisation;
const EMAIL_MAX = TEXT_MAX.email;
const CITIZEN_NAME_MAX = TEXT_MAX.citizenName;
const CONSENT_TEXT_MAX = TEXT_MAX.consentText;

/**
 * Texts too long for the plan document. Caught here, before the meeting is put in the calendar: found only when
 * the plan is saved, the invitation would already be out and the plan lost.
 */
const lengthProblems = (draft: BookingDraft): Problem[] => {
  const problems: Problem[] = [];
  if (draft.citizenName.trim().length > CITIZEN_NAME_MAX) {
    const length = draft.citizenName.trim().length;
    problems.push(
      problem(
        'booking.citizenNameTooLong',
        'error',
        'citizenName',
        `Borgerens navn er ${length} tegn langt; det må højst være ${CITIZEN_NAME_MAX}. Forkort navnet.`,
        `The citizen's name is ${length} characters long; it may be at most ${CITIZEN_NAME_MAX}. Shorten the name.`,
      ),
    );
  }
  for (const p of draft.participants) {
    if (p.name.length > NAME_MAX) {
      problems.push(
        problem(
          'booking.nameTooLong',
          'error',
          `participants.${p.id}.name`,
          `Navnet er ${p.name.length} tegn langt; det må højst være ${NAME_MAX}. Forkort navnet, eller fjern personen og tilføj den igen.`,
          `The name is ${p.name.length} characters long; it may be at most ${NAME_MAX}. Shorten the name, or remove the person and add them again.`,
        ),
      );
    }
    // An over-long name is not repeated in the messages about the same person's other fields.
    const who = p.name.length > NAME_MAX ? 'personen' : p.name;
    const whoEn = p.name.length > NAME_MAX ? 'the person' : p.name;
    if (p.email !== null && p.email.length > EMAIL_MAX) {
      problems.push(
        problem(
          'booking.emailTooLong',
          'error',
          `participants.${p.id}.email`,
          `E-mailadressen for ${who} er ${p.email.length} tegn lang; den må højst være ${EMAIL_MAX}. Fjern personen, og tilføj den igen med den rigtige adresse.`,
          `The e-mail address of ${whoEn} is ${p.email.length} characters long; it may be at most ${EMAIL_MAX}. Remove the person and add them again with the right address.`,
        ),
      );
    }
    if (p.organisation.length > ORGANISATION_MAX) {
      problems.push(
        problem(
          'booking.organisationTooLong',
          'error',
          `participants.${p.id}.organisation`,
          `Organisationen for ${who} er ${p.organisation.length} tegn lang; den må højst være ${ORGANISATION_MAX}. Forkort den: fjern personen, og tilføj den igen med et kortere navn på organisationen.`,
          `The organisation of ${whoEn} is ${p.organisation.length} characters long; it may be at most ${ORGANISATION_MAX}. Shorten it: remove the person and add them again with a shorter organisation name.`,
        ),
      );
    }
  }
  if (draft.consent && draft.consent.information.length > CONSENT_TEXT_MAX) {
    const length = draft.consent.information.length;
    problems.push(
      problem(
        'booking.consentTextTooLong',
        'error',
        'consent.information',
        `Beskrivelsen af, hvilke oplysninger samtykket gælder, er ${length} tegn; den må højst være ${CONSENT_TEXT_MAX}. Forkort den, og henvis til journalen for detaljer.`,
        `The description of the information the consent covers is ${length} characters; it may be at most ${CONSENT_TEXT_MAX}. Shorten it and refer to the case record for details.`,
      ),
    );
  }
  for (const r of draft.consent?.recipients ?? []) {
    if (r.kind !== 'organisation' || r.organisation.length <= ORGANISATION_MAX) continue;
    const length = r.organisation.length;
    const start = `${r.organisation.slice(0, 30).trim()} …`;
    problems.push(
      problem(
        'booking.consentOrganisationTooLong',
        'error',
        'consent.recipients',
        `Samtykket omfatter organisationen "${start}", hvis navn er ${length} tegn langt; det må højst være ${ORGANISATION_MAX}. Fjern fluebenet ved den under "Hvem må få oplysningerne", forkort organisationens navn hos deltageren, og sæt fluebenet ved det korte navn.`,
        `The consent covers the organisation "${start}", whose name is ${length} characters long; it may be at most ${ORGANISATION_MAX}. Untick it under "Who may receive the information", shorten the organisation's name for the participant, and tick the short name.`,
      ),
    );
  }
  if (draft.consent && draft.consent.purpose.length > CONSENT_TEXT_MAX) {
    const length = draft.consent.purpose.length;
    problems.push(
      problem(
        'booking.consentTextTooLong',
        'error',
        'consent.purpose',
        `Formålet med samtykket er ${length} tegn; det må højst være ${CONSENT_TEXT_MAX}. Forkort det.`,
        `The purpose of the consent is ${length} characters; it may be at most ${CONSENT_TEXT_MAX}. Shorten it.`,
      ),
    );
  }
  return problems;
};

const participantProblems = (draft: BookingDraft): Problem[] => {
  if (draft.participants.length === 0) {
    return [
      problem(
        'booking.noParticipants',
        'error',
        'participants',
        'Der er ingen deltagere. Søg deltagerne frem, eller tilføj dem med e-mailadresse.',
        'There are no participants. Search for the participants, or add them by e-mail address.',
      ),
    ];
  }
  const problems: Problem[] = [];
  const seenEmail = new Map<string, string>();
  const seenUser = new Map<string, string>();
  for (const p of draft.participants) {
    const email = p.email?.trim() ?? '';
    if (email === '') {
      if (!isCitizenOrRelative(p)) {
        problems.push(
          problem(
            'booking.noEmail',
            'warning',
            `participants.${p.id}.email`,
            `${p.name} har ingen e-mailadresse og får hverken invitation eller referat. Tilføj adressen.`,
            `${p.name} has no e-mail address and will get neither the invitation nor the minutes. Add the address.`,
          ),
        );
      }
    } else if (!isValidEmail(email)) {
      problems.push(
        problem(
          'booking.invalidEmail',
          'error',
          `participants.${p.id}.email`,
          `"${email}" er ikke en gyldig e-mailadresse (${p.name}). Ret adressen, fx navn@kommune.dk.`,
          `"${email}" is not a valid e-mail address (${p.name}). Correct the address, e.g. name@example.org.`,
        ),
      );
    }
    const emailKey = email.toLowerCase();
    const twiceBy = (emailKey && seenEmail.get(emailKey)) || (p.userId && seenUser.get(p.userId)) || null;
    if (twiceBy !== null) {
      problems.push(
        problem(
          'booking.duplicateParticipant',
          'error',
          `participants.${p.id}`,
          `${p.name} er med to gange (samme person som ${twiceBy}). Fjern den ene.`,
          `${p.name} is listed twice (the same person as ${twiceBy}). Remove one of them.`,
        ),
      );
    } else {
      if (emailKey) seenEmail.set(emailKey, p.name);
      if (p.userId) seenUser.set(p.userId, p.name);
    }
  }
  if (!draft.participants.some((p) => p.sector === 'borger')) {
    problems.push(
      problem(
        'booking.noCitizen',
        'warning',
        'participants',
        'Borgeren er ikke med som deltager. Tilføj borgeren, så borgeren kan få referatet og have sine egne opgaver i planen — også hvis borgeren ikke deltager i mødet.',
        'The citizen is not a participant. Add the citizen so they can receive the minutes and have their own tasks in the plan — even if they do not attend.',
      ),
    );
  }
  return problems;
};

const timeProblems = (draft: BookingDraft, now: Date): Problem[] => {
  if (draft.start === null || Number.isNaN(Date.parse(draft.start))) {
    return [
      problem('booking.noTime', 'error', 'start', 'Vælg et tidspunkt for mødet.', 'Choose a time for the meeting.'),
    ];
  }
  const start = new Date(draft.start);
  const problems: Problem[] = [];
  if (start.getTime() < now.getTime()) {
    problems.push(
      problem(
        'booking.startInPast',
        'error',
        'start',
        `Starttidspunktet (${formatDateTime(start, 'da')}) er allerede passeret. Vælg et tidspunkt i fremtiden.`,
        `The start (${formatDateTime(start, 'en')}) has already passed. Choose a time in the future.`,
      ),
    );
  }
  if (draft.end === null || Number.isNaN(Date.parse(draft.end)) || Date.parse(draft.end) <= start.getTime()) {
    problems.push(
      problem(
        'booking.endBeforeStart',
        'error',
        'end',
        'Mødet slutter før det begynder. Vælg et sluttidspunkt efter starten, eller angiv mødets længde.',
        'The meeting ends before it starts. Choose an end after the start, or set the length of the meeting.',
      ),
    );
  }
  return problems;
};

const consentProblem = (draft: BookingDraft): Problem[] =>
  draft.consent === null
    ? [
        problem(
          'consent.missing',
          'warning',
          'consent',
          'Samtykke mangler. Mødet kan bookes, men referatet kan ikke sendes, før borgerens samtykke er registreret.',
          "Consent missing. The meeting can be booked, but the minutes cannot be sent until the citizen's consent is recorded.",
        ),
      ]
    : [];

/** Every problem with the draft, at `now`. Errors block booking; warnings are shown calmly beside the field. */
export const bookingProblems = (draft: BookingDraft, now: Date): Problem[] => [
  ...caseReferenceProblems(draft.caseReference),
  ...participantProblems(draft),
  ...lengthProblems(draft),
  ...(draft.participants.length > 0 ? roleProblems(draft, draft.roles) : []),
  ...timeProblems(draft, now),
  ...consentProblem(draft),
];
