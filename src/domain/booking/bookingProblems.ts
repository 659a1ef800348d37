/**
 * What is wrong with a booking before it is sent to the calendar. Each message says what to fix, beside the field.
 * The privacy guard checks the case reference for CPR numbers and the citizen's name separately.
 */
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
      if (p.sector !== 'borger' && p.sector !== 'paaroerende') {
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
  ...(draft.participants.length > 0 ? roleProblems(draft, draft.roles) : []),
  ...timeProblems(draft, now),
  ...consentProblem(draft),
];
