import { describe, expect, it } from 'vitest';
import {
  draftForNextMeeting,
  emptyBookingDraft,
  parseBookingDraft,
  planFromBooking,
  withDuration,
  withStart,
  type BookingDraft,
} from '../../../../src/domain/booking/bookingDraft';
import { bookingProblems, isValidEmail } from '../../../../src/domain/booking/bookingProblems';
import { PlanSchema } from '../../../../src/domain/plan/planDocument';
import { copenhagenInstant } from '../../../../src/domain/time/danishTime';
import { aConsent, aParticipant, demoIds, demoPeople as p, demoPlan } from '../../../support/builders';

const now = copenhagenInstant('2027-03-01', '10:00');
const good = (): BookingDraft =>
  withStart(
    {
      ...emptyBookingDraft(),
      caseReference: 'KI-2027-002',
      citizenName: 'Jens Holm',
      participants: [p.jens, p.mette, p.jonas, p.aisha, p.ole],
      roles: { koordinator: p.mette.id, moedeleder: p.jonas.id, referent: p.aisha.id },
      consent: aConsent(),
    },
    copenhagenInstant('2027-03-04', '13:00').toISOString(),
  );
const codesOf = (draft: BookingDraft) => bookingProblems(draft, now).map((x) => x.code);

describe('checking a booking', () => {
  it('finds nothing wrong with a complete booking', () => {
    expect(bookingProblems(good(), now)).toEqual([]);
  });

  it('names the invalid e-mail address in the message', () => {
    const draft = {
      ...good(),
      participants: [...good().participants, aParticipant({ id: 'x', name: 'Kim Ny', email: 'kim.ny@kommune' })],
    };
    const problems = bookingProblems(draft, now);
    expect(problems).toEqual([
      expect.objectContaining({ code: 'booking.invalidEmail', severity: 'error', field: 'participants.x.email' }),
    ]);
    expect(problems[0]?.message.da).toContain('"kim.ny@kommune" er ikke en gyldig e-mailadresse');
  });

  it.each(['mette.larsen@sundby-kommune.example', 'ole.bak@laegehuset-sundby.example', 'a+b@c.dk'])(
    'accepts %s',
    (email) => {
      expect(isValidEmail(email)).toBe(true);
    },
  );
  it.each(['mette', 'mette@', '@sundby.dk', 'mette larsen@sundby.dk', 'a@b', 'a@b..dk', 'a@@b.dk'])(
    'refuses %s',
    (email) => {
      expect(isValidEmail(email)).toBe(false);
    },
  );

  it('refuses the same person twice by e-mail in any case', () => {
    const again = aParticipant({
      id: 'p-mette-2',
      name: 'Mette L.',
      email: 'METTE.LARSEN@sundby-kommune.example',
      userId: null,
    });
    const problems = bookingProblems({ ...good(), participants: [...good().participants, again] }, now);
    expect(problems.map((x) => [x.code, x.field])).toEqual([
      ['booking.duplicateParticipant', 'participants.p-mette-2'],
    ]);
    expect(problems[0]?.message.da).toBe('Mette L. er med to gange (samme person som Mette Larsen). Fjern den ene.');
  });

  it('refuses the same person twice by user id', () => {
    const again = aParticipant({
      id: 'p-k2',
      name: 'Karen S',
      email: 'karen@regionms.example',
      userId: p.karen.userId,
    });
    expect(codesOf({ ...good(), participants: [...good().participants, p.karen, again] })).toEqual([
      'booking.duplicateParticipant',
    ]);
  });

  it('requires a koordinator', () => {
    expect(codesOf({ ...good(), roles: { ...good().roles, koordinator: null } })).toEqual(['roles.noKoordinator']);
  });

  it('calmly warns when mødeleder and referent are the same person', () => {
    const problems = bookingProblems({ ...good(), roles: { ...good().roles, referent: p.jonas.id } }, now);
    expect(problems.map((x) => [x.code, x.severity])).toEqual([['roles.sameChairAndMinuteTaker', 'warning']]);
  });

  it('requires participants', () => {
    expect(codesOf({ ...good(), participants: [] })).toEqual(['booking.noParticipants']);
  });

  it('reminds that the citizen is not a participant', () => {
    expect(codesOf({ ...good(), participants: good().participants.filter((x) => x.sector !== 'borger') })).toEqual([
      'booking.noCitizen',
    ]);
  });

  it('refuses a start in the past, saying when it was', () => {
    const problems = bookingProblems(withStart(good(), copenhagenInstant('2027-02-26', '13:00').toISOString()), now);
    expect(problems.map((x) => x.code)).toEqual(['booking.startInPast']);
    expect(problems[0]?.message.da).toContain('fredag 26. februar 2027 kl. 13.00');
  });

  it('refuses an end before the start', () => {
    const draft = { ...good(), end: copenhagenInstant('2027-03-04', '12:00').toISOString() };
    expect(bookingProblems(draft, now)).toEqual([
      expect.objectContaining({ code: 'booking.endBeforeStart', field: 'end' }),
    ]);
  });

  it('asks for a time when none is chosen', () => {
    expect(codesOf({ ...good(), start: null, end: null })).toEqual(['booking.noTime']);
  });

  it('refuses a missing, too long or odd case reference', () => {
    expect(codesOf({ ...good(), caseReference: '  ' })).toEqual(['booking.caseReferenceMissing']);
    expect(codesOf({ ...good(), caseReference: 'K'.repeat(61) })).toEqual(['booking.caseReferenceTooLong']);
    const odd = bookingProblems({ ...good(), caseReference: 'KI<2027>#2' }, now);
    expect(odd.map((x) => x.code)).toEqual(['booking.caseReferenceCharacters']);
    expect(odd[0]?.message.da).toContain('< > #');
  });

  it('accepts case references with Danish letters, slashes, dots and underscores', () => {
    expect(codesOf({ ...good(), caseReference: 'Sag ÆØÅ-2027/03.1_b' })).toEqual([]);
  });

  it('books without a consent, but warns that the minutes cannot be sent', () => {
    const problems = bookingProblems({ ...good(), consent: null }, now);
    expect(problems.map((x) => [x.code, x.severity])).toEqual([['consent.missing', 'warning']]);
  });
});

describe('the booking draft', () => {
  it('moves the end with the length', () => {
    const draft = withDuration(good(), 60);
    expect(draft.end).toBe(copenhagenInstant('2027-03-04', '14:00').toISOString());
  });

  it('survives a round trip through session storage, and a stale one is ignored', () => {
    expect(parseBookingDraft(JSON.parse(JSON.stringify(good())))).toEqual(good());
    expect(parseBookingDraft({ caseReference: 'x' })).toBeNull();
  });

  it('starts the next meeting from the plan: same people, the next tovholder as koordinator, the valid consent', () => {
    const plan = demoPlan();
    const draft = draftForNextMeeting(plan, copenhagenInstant('2026-11-20', '10:00'), '2026-11-20');
    expect(draft.planId).toBe(demoIds.planId);
    expect(draft.caseReference).toBe('KI-2026-014');
    expect(draft.participants).toEqual(plan.participants);
    expect(draft.roles).toEqual({ koordinator: p.peter.id, moedeleder: p.jonas.id, referent: p.aisha.id });
    expect(draft.required[p.lise.id]).toBe(false);
    expect(draft.consent).toEqual(plan.consent);
  });

  it('does not carry an expired consent into the next booking', () => {
    const plan = { ...demoPlan(), consent: aConsent({ validUntil: '2026-11-01' }) };
    expect(draftForNextMeeting(plan, copenhagenInstant('2026-11-20', '10:00'), '2026-11-20').consent).toBeNull();
  });

  it('makes a new plan with one meeting from a booking', () => {
    const plan = planFromBooking(good(), { planId: 'plan-new', meetingId: 'm1', now });
    expect(PlanSchema.parse(plan)).toEqual(plan);
    expect(plan.meetings).toHaveLength(1);
    expect(plan.meetings[0]).toMatchObject({ id: 'm1', roles: good().roles, start: good().start, end: good().end });
    expect(plan.meetings[0]?.invitees.map((i) => i.participantId)).toEqual(good().participants.map((x) => x.id));
  });

  it('appends the next meeting to an existing plan with the previous efforts to follow up', () => {
    const existing = demoPlan();
    const draft = withStart(
      draftForNextMeeting(existing, copenhagenInstant('2026-11-20', '10:00'), '2026-11-20'),
      copenhagenInstant('2026-12-01', '09:00').toISOString(),
    );
    const plan = planFromBooking(
      draft,
      { planId: existing.id, meetingId: 'm2', now: copenhagenInstant('2026-11-20', '10:00') },
      existing,
    );
    expect(plan.meetings.map((m) => m.id)).toEqual([demoIds.meetingId, 'm2']);
    expect(plan.meetings[1]?.minutes.followUp).toHaveLength(5);
    expect(plan.meetings[1]?.roles.koordinator).toBe(p.peter.id);
    expect(PlanSchema.safeParse(plan).success).toBe(true);
  });
});
