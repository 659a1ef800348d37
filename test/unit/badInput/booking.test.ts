/**
 * Bad input when booking an indsatsplansmøde: every case gets a clear Danish message beside the field it concerns,
 * saying what is wrong and how to fix it. Booking is refused on errors; warnings are shown calmly.
 */
import { describe, expect, it } from 'vitest';
import {
  emptyBookingDraft,
  parseBookingDraft,
  planFromBooking,
  withStart,
  type BookingDraft,
} from '../../../src/domain/booking/bookingDraft';
import { bookingProblems } from '../../../src/domain/booking/bookingProblems';
import { meetingBodyHtml, meetingSubject } from '../../../src/domain/booking/eventContent';
import { PlanSchema, type Participant } from '../../../src/domain/plan/planDocument';
import { defaultPolicy } from '../../../src/domain/policy';
import type { Problem } from '../../../src/domain/problems';
import { privacyWarningsForField } from '../../../src/domain/privacy/fieldWarnings';
import { clearEventDraft } from '../../../src/domain/privacy/privacyGuard';
import { copenhagenInstant } from '../../../src/domain/time/danishTime';
import { FormDraftSchema, fromBookingDraft } from '../../../src/surfaces/plans/booking/formDraft';
import { aConsent, aParticipant, demoPeople as p } from '../../support/builders';
import { LONG, TEN_THOUSAND } from './hostileText';

const now = copenhagenInstant('2027-03-01', '10:00');

/** A booking with nothing wrong, so each case below shows exactly the problem it introduces. */
const goodDraft = (): BookingDraft =>
  withStart(
    {
      ...emptyBookingDraft(),
      planId: null,
      caseReference: 'KI-2027-002',
      citizenName: 'Jens Holm',
      participants: [p.jens, p.mette, p.jonas, p.aisha, p.ole],
      roles: { koordinator: p.mette.id, moedeleder: p.jonas.id, referent: p.aisha.id },
      consent: aConsent(),
    },
    copenhagenInstant('2027-03-04', '13:00').toISOString(),
  );

const withParticipant = (extra: Participant) => (d: BookingDraft) => ({
  ...d,
  participants: [...d.participants, extra],
});
const external = (email: string | null, over: Partial<Participant> = {}) =>
  withParticipant(aParticipant({ id: 'p-ny', name: 'Kim Ny', email, reach: 'emailOnly', ...over }));

interface Case {
  change: (draft: BookingDraft) => BookingDraft;
  code: string;
  field: string;
  severity: Problem['severity'];
  /** What the Danish message must say (what is wrong, and how to fix it). */
  says: RegExp;
}

const cases: Record<string, Case> = {
  // Invalid e-mail addresses.
  'an address without a domain': {
    change: external('kim.ny@'),
    code: 'booking.invalidEmail',
    field: 'participants.p-ny.email',
    severity: 'error',
    says: /"kim\.ny@" er ikke en gyldig e-mailadresse \(Kim Ny\)\. Ret adressen/,
  },
  'an address with a space': {
    change: external('kim ny@sundby.dk'),
    code: 'booking.invalidEmail',
    field: 'participants.p-ny.email',
    severity: 'error',
    says: /"kim ny@sundby\.dk" er ikke en gyldig e-mailadresse/,
  },
  'an address with two @': {
    change: external('kim@@sundby.dk'),
    code: 'booking.invalidEmail',
    field: 'participants.p-ny.email',
    severity: 'error',
    says: /er ikke en gyldig e-mailadresse/,
  },
  'an address without a dot in the domain': {
    change: external('kim@sundby'),
    code: 'booking.invalidEmail',
    field: 'participants.p-ny.email',
    severity: 'error',
    says: /"kim@sundby" er ikke en gyldig e-mailadresse/,
  },
  'an address with two dots in a row': {
    change: external('kim..ny@sundby.dk'),
    code: 'booking.invalidEmail',
    field: 'participants.p-ny.email',
    severity: 'error',
    says: /er ikke en gyldig e-mailadresse/,
  },
  'two addresses in one field': {
    change: external('kim@sundby.dk; ole@sundby.dk'),
    code: 'booking.invalidEmail',
    field: 'participants.p-ny.email',
    severity: 'error',
    says: /er ikke en gyldig e-mailadresse/,
  },
  'HTML in the address': {
    change: external('<script>alert(1)</script>@sundby.dk'),
    code: 'booking.invalidEmail',
    field: 'participants.p-ny.email',
    severity: 'error',
    says: /er ikke en gyldig e-mailadresse/,
  },
  'a markdown link as the address': {
    change: external('[kim](mailto:kim@evil.example)'),
    code: 'booking.invalidEmail',
    field: 'participants.p-ny.email',
    severity: 'error',
    says: /er ikke en gyldig e-mailadresse/,
  },
  'a professional with no address': {
    change: external(null),
    code: 'booking.noEmail',
    field: 'participants.p-ny.email',
    severity: 'warning',
    says: /Kim Ny har ingen e-mailadresse og får hverken invitation eller referat\. Tilføj adressen\./,
  },
  // The same person twice.
  'the same person added twice': {
    change: withParticipant({ ...p.mette, id: 'p-mette-igen' }),
    code: 'booking.duplicateParticipant',
    field: 'participants.p-mette-igen',
    severity: 'error',
    says: /Mette Larsen er med to gange \(samme person som Mette Larsen\)\. Fjern den ene\./,
  },
  'the same address in capitals and with spaces': {
    change: withParticipant({
      ...p.mette,
      id: 'p-mette-2',
      name: 'METTE LARSEN',
      email: '  Mette.Larsen@Sundby-Kommune.example ',
    }),
    code: 'booking.duplicateParticipant',
    field: 'participants.p-mette-2',
    severity: 'error',
    says: /METTE LARSEN er med to gange \(samme person som Mette Larsen\)/,
  },
  'the same directory user under another address': {
    change: withParticipant({ ...p.mette, id: 'p-mette-alias', email: 'ml@sundby-kommune.example' }),
    code: 'booking.duplicateParticipant',
    field: 'participants.p-mette-alias',
    severity: 'error',
    says: /er med to gange/,
  },
  // Times.
  'a start in the past': {
    change: (d) => withStart(d, copenhagenInstant('2027-02-25', '13:00').toISOString()),
    code: 'booking.startInPast',
    field: 'start',
    severity: 'error',
    says: /Starttidspunktet \(torsdag 25\. februar 2027 kl\. 13\.00\) er allerede passeret\. Vælg et tidspunkt i fremtiden\./,
  },
  'a start decades ago': {
    change: (d) => withStart(d, copenhagenInstant('1999-12-31', '23:00').toISOString()),
    code: 'booking.startInPast',
    field: 'start',
    severity: 'error',
    says: /fredag 31\. december 1999 kl\. 23\.00\) er allerede passeret/,
  },
  'an end before the start': {
    change: (d) => ({ ...d, end: copenhagenInstant('2027-03-04', '12:00').toISOString() }),
    code: 'booking.endBeforeStart',
    field: 'end',
    severity: 'error',
    says: /Mødet slutter før det begynder\. Vælg et sluttidspunkt efter starten/,
  },
  'an end equal to the start': {
    change: (d) => ({ ...d, end: d.start }),
    code: 'booking.endBeforeStart',
    field: 'end',
    severity: 'error',
    says: /Mødet slutter før det begynder/,
  },
  'no time chosen': {
    change: (d) => ({ ...d, start: null, end: null }),
    code: 'booking.noTime',
    field: 'start',
    severity: 'error',
    says: /Vælg et tidspunkt for mødet\./,
  },
  'a start that is not a date': {
    change: (d) => ({ ...d, start: '2027-13-45T99:00' }),
    code: 'booking.noTime',
    field: 'start',
    severity: 'error',
    says: /Vælg et tidspunkt for mødet\./,
  },
  // Roles and consent.
  'no koordinator': {
    change: (d) => ({ ...d, roles: { ...d.roles, koordinator: null } }),
    code: 'roles.noKoordinator',
    field: 'roles.koordinator',
    severity: 'error',
    says: /Mødet har ingen koordinator\. Vælg den deltager, der indkalder og følger op\./,
  },
  'the same person as mødeleder and referent': {
    change: (d) => ({ ...d, roles: { ...d.roles, referent: p.jonas.id } }),
    code: 'roles.sameChairAndMinuteTaker',
    field: 'roles.referent',
    severity: 'warning',
    says: /Samme person er både mødeleder og referent/,
  },
  'no consent recorded': {
    change: (d) => ({ ...d, consent: null }),
    code: 'consent.missing',
    field: 'consent',
    severity: 'warning',
    says: /Samtykke mangler\. Mødet kan bookes, men referatet kan ikke sendes/,
  },
  // The case reference: the only thing about the citizen that goes into the invitation.
  'an empty case reference': {
    change: (d) => ({ ...d, caseReference: ' \n\t ' }),
    code: 'booking.caseReferenceMissing',
    field: 'caseReference',
    severity: 'error',
    says: /Skriv en sagsreference, fx initialer og et nummer \(KI-2026-014\)/,
  },
  'a 10 000-character case reference': {
    change: (d) => ({ ...d, caseReference: TEN_THOUSAND }),
    code: 'booking.caseReferenceTooLong',
    field: 'caseReference',
    severity: 'error',
    says: /Sagsreferencen er 10000 tegn; den må højst være 60\. Brug en kort reference/,
  },
  'markdown in the case reference': {
    change: (d) => ({ ...d, caseReference: '**KI**-[2026](http://evil.example)' }),
    code: 'booking.caseReferenceCharacters',
    field: 'caseReference',
    severity: 'error',
    says: /Sagsreferencen indeholder tegn, der ikke er tilladt: \* \[ \] \( : \)\. Brug kun bogstaver, tal, mellemrum og - \/ \. _/,
  },
  'HTML in the case reference': {
    change: (d) => ({ ...d, caseReference: '<b>KI-2026-014</b>' }),
    code: 'booking.caseReferenceCharacters',
    field: 'caseReference',
    severity: 'error',
    says: /indeholder tegn, der ikke er tilladt: < >/,
  },
  'a mention in the case reference': {
    change: (d) => ({ ...d, caseReference: '<at id="0">Peter</at> KI-1' }),
    code: 'booking.caseReferenceCharacters',
    field: 'caseReference',
    severity: 'error',
    says: /indeholder tegn, der ikke er tilladt: < = "/,
  },
  'an emoji in the case reference': {
    change: (d) => ({ ...d, caseReference: 'KI-2026-014 🎉' }),
    code: 'booking.caseReferenceCharacters',
    field: 'caseReference',
    severity: 'error',
    says: /indeholder tegn, der ikke er tilladt: 🎉/,
  },
  // Texts that the plan document cannot hold (found when saving, after the meeting was already in the calendar).
  'a 10 000-character participant name': {
    change: external('kim.ny@post.example', { name: TEN_THOUSAND }),
    code: 'booking.nameTooLong',
    field: 'participants.p-ny.name',
    severity: 'error',
    says: /Navnet er 10000 tegn langt; det må højst være 200\. Forkort navnet/,
  },
  'a 400-character e-mail address': {
    change: external(`${'k'.repeat(380)}@post.example`),
    code: 'booking.emailTooLong',
    field: 'participants.p-ny.email',
    severity: 'error',
    says: /E-mailadressen for Kim Ny er 393 tegn lang; den må højst være 320\. Fjern personen, og tilføj den igen/,
  },
  'a 10 000-character organisation': {
    change: external('kim.ny@post.example', { organisation: LONG(10000) }),
    code: 'booking.organisationTooLong',
    field: 'participants.p-ny.organisation',
    severity: 'error',
    says: /Organisationen for Kim Ny er 10000 tegn lang; den må højst være 200\. Forkort den/,
  },
  "a 10 000-character citizen's name": {
    change: (d) => ({ ...d, citizenName: TEN_THOUSAND }),
    code: 'booking.citizenNameTooLong',
    field: 'citizenName',
    severity: 'error',
    says: /Borgerens navn er 10000 tegn langt; det må højst være 200\. Forkort navnet/,
  },
  'a 10 000-character consent description': {
    change: (d) => ({ ...d, consent: aConsent({ information: LONG(10000) }) }),
    code: 'booking.consentTextTooLong',
    field: 'consent.information',
    severity: 'error',
    says: /Beskrivelsen af, hvilke oplysninger samtykket gælder, er 10000 tegn; den må højst være 2000\. Forkort den/,
  },
  'a consent covering an organisation whose name is 10 000 characters': {
    change: (d) => ({
      ...d,
      consent: aConsent({ recipients: [{ kind: 'organisation', organisation: LONG(10000) }] }),
    }),
    code: 'booking.consentOrganisationTooLong',
    field: 'consent.recipients',
    severity: 'error',
    says: /hvis navn er 10000 tegn langt; det må højst være 200\. Fjern fluebenet ved den under "Hvem må få oplysningerne", forkort/,
  },
  'a 10 000-character consent purpose': {
    change: (d) => ({ ...d, consent: aConsent({ purpose: LONG(10000) }) }),
    code: 'booking.consentTextTooLong',
    field: 'consent.purpose',
    severity: 'error',
    says: /Formålet med samtykket er 10000 tegn; det må højst være 2000\. Forkort det/,
  },
};

describe('bad input when booking gets a clear Danish message beside the field', () => {
  it.each(Object.entries(cases))('%s', (_name, c) => {
    const problems = bookingProblems(c.change(goodDraft()), now);
    expect(problems).toEqual([
      expect.objectContaining({ code: c.code, field: c.field, severity: c.severity, message: expect.anything() }),
    ]);
    expect(problems[0]?.message.da).toMatch(c.says);
    expect(problems[0]?.message.en.length).toBeGreaterThan(0);
  });

  it('holds nothing against the booking the cases start from', () => {
    expect(bookingProblems(goodDraft(), now)).toEqual([]);
  });
});

describe('what bad input may not cause', () => {
  it.each([
    ['Danish letters in the case reference', 'KØ-Århus-2026/7'],
    ['dots, slashes and underscores', 'sag_2026.14/b'],
  ])('%s is a good case reference', (_name, caseReference) => {
    expect(bookingProblems({ ...goodDraft(), caseReference }, now)).toEqual([]);
  });

  it('keeps names with æøå, hyphens and emoji as typed, and the plan holds them', () => {
    const name = 'Søren Ærø-Åberg 🌈';
    const draft = external('soeren@post.example', { name, organisation: 'Bostøtten Ø 🏠' })(goodDraft());
    expect(bookingProblems(draft, now)).toEqual([]);
    const plan = planFromBooking(draft, { planId: 'plan-x', meetingId: 'm-x', now });
    expect(PlanSchema.parse(plan).participants.find((x) => x.id === 'p-ny')?.name).toBe(name);
  });

  it('accepts names and consent texts at the longest the plan document holds', () => {
    const draft = external('kim.ny@post.example', { name: LONG(200), organisation: LONG(200) })({
      ...goodDraft(),
      citizenName: LONG(200),
      consent: aConsent({ information: LONG(2000), purpose: LONG(2000) }),
    });
    expect(bookingProblems(draft, now)).toEqual([]);
    expect(PlanSchema.safeParse(planFromBooking(draft, { planId: 'plan-x', meetingId: 'm-x', now })).success).toBe(
      true,
    );
  });
});

describe('nothing typed is lost: a draft with too long texts still comes back after a reload', () => {
  const tooLong = (): BookingDraft =>
    external(`${'k'.repeat(380)}@post.example`, { name: TEN_THOUSAND, organisation: LONG(10000) })({
      ...goodDraft(),
      citizenName: TEN_THOUSAND,
      consent: aConsent({
        information: LONG(10000),
        purpose: LONG(10000),
        recipients: [{ kind: 'organisation', organisation: LONG(10000) }],
      }),
    });

  it('the booking draft', () => {
    const draft = tooLong();
    expect(parseBookingDraft(JSON.parse(JSON.stringify(draft)))).toEqual(draft);
  });

  it("the booking form's session draft", () => {
    const form = fromBookingDraft(tooLong(), {
      planId: 'plan-x',
      nextMeeting: false,
      consentCarried: false,
      today: '2027-03-01',
    });
    expect(FormDraftSchema.safeParse(JSON.parse(JSON.stringify(form))).success).toBe(true);
  });
});

describe('a CPR number or the name in the case reference never reaches the invitation', () => {
  const ctx = (citizenName = 'Jens Holm') => ({
    plan: { citizenName, participants: [p.jens, p.mette] },
    policy: defaultPolicy,
  });
  const invitation = (caseReference: string) => ({
    subject: meetingSubject(caseReference),
    bodyHtml: meetingBodyHtml({
      caseReference,
      agenda: [],
      start: '2027-03-04T12:00:00.000Z',
      planUrl: '',
      followUp: [],
    }),
    start: '2027-03-04T12:00:00.000Z',
    end: '2027-03-04T13:30:00.000Z',
    attendees: [],
    transactionId: 'tx-1',
  });
  const planCtx = {
    plan: planFromBooking(goodDraft(), { planId: 'x', meetingId: 'm', now }),
    policy: defaultPolicy,
    today: '2027-03-01',
  };

  it.each([
    ['with a dash', 'KI 010190-1234'],
    ['without a dash', 'KI 0101901234'],
    ['with a space', '010190 1234'],
  ])('warns while typing a CPR number %s, and the invitation is blocked', (_name, caseReference) => {
    expect(privacyWarningsForField(caseReference, 'caseReference', ctx())[0]?.message.da).toBe(
      'Sagsreferencen indeholder et CPR-nummer — brug initialer og et løbenummer, fx KI-2026-014.',
    );
    const verdict = clearEventDraft(invitation(caseReference), planCtx);
    expect(verdict.verdict).toBe('blocked');
    expect(verdict.verdict === 'blocked' && verdict.reasons.map((r) => r.message.da)).toContain(
      'Emnefeltet indeholder et CPR-nummer — brug sagsreferencen.',
    );
  });

  it.each([
    ['the full name', 'Jens Holm 2026'],
    ['the surname in capitals', 'HOLM-2026-1'],
  ])('blocks %s of the citizen in the case reference', (_name, caseReference) => {
    expect(privacyWarningsForField(caseReference, 'caseReference', ctx())[0]?.code).toBe('privacy.citizenName');
    expect(clearEventDraft(invitation(caseReference), planCtx).verdict).toBe('blocked');
  });

  it('lets a ten-digit case number that is not a date through (no false alarm)', () => {
    expect(privacyWarningsForField('KI 9913451234', 'caseReference', ctx())).toEqual([]);
    expect(clearEventDraft(invitation('KI 9913451234'), planCtx).verdict).toBe('allowed');
  });
});
