/**
 * The booking form's state (kladde), mirrored to session storage on every change so a reload loses nothing.
 * It wraps the domain's booking draft with what the form needs besides: dates and times as typed (a date may be
 * half-written), the consent as typed, the week shown in the time grid, the half-typed external person, and the
 * ids made once per draft (transactionId, plan and meeting ids) with how far the booking got, so a retry
 * continues where it stopped and never books twice.
 */
import * as z from 'zod/mini';
import { DEFAULT_MEETING_MINUTES } from '../../../domain/agenda/standardAgenda';
import { BookingProgressSchema, noProgress } from '../../../domain/booking/bookMeeting';
import { DraftConsentSchema, DraftParticipantSchema, type BookingDraft } from '../../../domain/booking/bookingDraft';
import { RolesSchema, SectorSchema, type Consent, type Participant } from '../../../domain/plan/planDocument';
import { copenhagenDate, copenhagenInstant } from '../../../domain/time/danishTime';

/**
 * The consent as typed; dates are `YYYY-MM-DD` or empty while being written. Its texts have no length limit (the
 * draft's, not the plan document's), so a too-long text is a problem beside the field, never a dropped draft.
 */
export const ConsentDraftSchema = z.extend(
  z.pick(DraftConsentSchema, {
    information: true,
    recipients: true,
    purpose: true,
    form: true,
  }),
  {
    givenOn: z.string(),
    validUntil: z.string(),
  },
);
export type ConsentDraft = z.infer<typeof ConsentDraftSchema>;

export const ExternalEntrySchema = z.object({
  name: z.string(),
  email: z.string(),
  organisation: z.string(),
  sector: SectorSchema,
});
export type ExternalEntry = z.infer<typeof ExternalEntrySchema>;

export const FormDraftSchema = z.object({
  formVersion: z.literal(1),
  /** True when booking the next meeting of an existing plan (then `planId` is that plan). */
  nextMeeting: z.boolean(),
  /**
   * The existing plan's id when booking its next meeting; for a new plan a placeholder made when the draft was
   * started (the plan's real id is its place in Microsoft 365, made by the booking: `progress.planId`).
   */
  planId: z.string().check(z.minLength(1)),
  caseReference: z.string(),
  citizenName: z.string(),
  /** As typed: without the plan document's length limits, so an over-long name survives a reload. */
  participants: z.array(DraftParticipantSchema),
  /** Required (true) or optional, by participant id; missing means required. */
  required: z.record(z.string(), z.boolean()),
  roles: RolesSchema,
  /** Null: no consent recorded (the plan then says "Samtykke mangler"). */
  consent: z.nullable(ConsentDraftSchema),
  /** True while the consent is the plan's own, carried over unchanged. */
  consentCarried: z.boolean(),
  /** Copenhagen wall clock as typed: YYYY-MM-DD and HH:MM, or empty. */
  date: z.string(),
  startTime: z.string(),
  endTime: z.string(),
  lengthMinutes: z.int().check(z.minimum(15), z.maximum(480)),
  /** Monday (YYYY-MM-DD) of the week shown in the time grid. */
  weekStart: z.string(),
  externalEntry: ExternalEntrySchema,
  /** Made once per draft and kept, so Graph recognises a retried create and never makes two events. */
  transactionId: z.string().check(z.minLength(1)),
  meetingId: z.string().check(z.minLength(1)),
  progress: BookingProgressSchema,
});
export type FormDraft = z.infer<typeof FormDraftSchema>;

export const emptyExternalEntry: ExternalEntry = { name: '', email: '', organisation: '', sector: 'egenLaege' };

/** A fresh random id (crypto.randomUUID where there is one; every browser we target has it). */
export const newId = (prefix: string): string => {
  const random =
    typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function'
      ? crypto.randomUUID()
      : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
  return `${prefix}-${random}`;
};

/** Monday of the week a Copenhagen day is in. */
export const mondayOf = (date: string): string => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const day = new Date(Date.UTC(y, m - 1, d));
  const back = (day.getUTCDay() + 6) % 7;
  day.setUTCDate(day.getUTCDate() - back);
  return day.toISOString().slice(0, 10);
};

/** The week to show first: this week until Thursday, else next week (a meeting needs a few days' notice). */
export const firstWeek = (today: string): string => {
  const monday = mondayOf(today);
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  const weekday = (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7;
  if (weekday < 3) return monday;
  const [my, mm, md] = monday.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(my, mm - 1, md + 7)).toISOString().slice(0, 10);
};

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^\d{2}:\d{2}$/;

export const consentToDraft = (consent: Consent): ConsentDraft => ({
  information: consent.information,
  recipients: consent.recipients,
  purpose: consent.purpose,
  form: consent.form,
  givenOn: consent.givenOn,
  validUntil: consent.validUntil ?? '',
});

/** The typed consent as the plan stores it, or null while its given-on date is not a date. */
export const consentFromDraft = (consent: ConsentDraft): Consent | null =>
  ISO_DATE.test(consent.givenOn) && (consent.validUntil === '' || ISO_DATE.test(consent.validUntil))
    ? {
        information: consent.information.trim(),
        recipients: consent.recipients,
        purpose: consent.purpose.trim(),
        form: consent.form,
        givenOn: consent.givenOn,
        validUntil: consent.validUntil === '' ? null : consent.validUntil,
        withdrawnOn: null,
      }
    : null;

/** The instant of a typed Copenhagen date and time, or null while either is incomplete. */
export const instantOf = (date: string, time: string): string | null =>
  ISO_DATE.test(date) && TIME.test(time) ? copenhagenInstant(date, time).toISOString() : null;

/** "HH:MM" of an instant, Copenhagen wall clock. */
export const wallClockTime = (instant: Date): string =>
  new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Copenhagen',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(instant);

/** Set the start; the end follows from the chosen length (so "end before start" only comes from a typed end). */
export const withStartTime = (draft: FormDraft, date: string, startTime: string): FormDraft => {
  const start = instantOf(date, startTime);
  if (start === null) return { ...draft, date, startTime };
  const end = new Date(Date.parse(start) + draft.lengthMinutes * 60000);
  return { ...draft, date, startTime, endTime: copenhagenDate(end) === date ? wallClockTime(end) : draft.endTime };
};

/** The domain's view of the form: what `bookingProblems` and `planFromBooking` judge and build from. */
export const toBookingDraft = (draft: FormDraft): BookingDraft => {
  const start = instantOf(draft.date, draft.startTime);
  const end = instantOf(draft.date, draft.endTime);
  const consent = draft.consent === null ? null : consentFromDraft(draft.consent);
  return {
    planId: draft.nextMeeting ? draft.planId : null,
    caseReference: draft.caseReference,
    citizenName: draft.citizenName,
    participants: draft.participants,
    roles: draft.roles,
    required: draft.required,
    consent,
    start,
    end,
    durationMinutes:
      start !== null && end !== null ? Math.round((Date.parse(end) - Date.parse(start)) / 60000) : draft.lengthMinutes,
  };
};

/** The form for a booking-domain draft (a new plan, or `draftForNextMeeting`). */
export const fromBookingDraft = (
  booking: BookingDraft,
  options: { planId: string; nextMeeting: boolean; consentCarried: boolean; today: string },
): FormDraft => ({
  formVersion: 1,
  nextMeeting: options.nextMeeting,
  planId: options.planId,
  caseReference: booking.caseReference,
  citizenName: booking.citizenName,
  participants: booking.participants,
  required: booking.required,
  roles: booking.roles,
  consent: booking.consent === null ? null : consentToDraft(booking.consent),
  consentCarried: options.consentCarried && booking.consent !== null,
  date: '',
  startTime: '',
  endTime: '',
  lengthMinutes: booking.durationMinutes > 0 ? booking.durationMinutes : DEFAULT_MEETING_MINUTES,
  weekStart: firstWeek(options.today),
  externalEntry: emptyExternalEntry,
  transactionId: newId('tx'),
  meetingId: newId('m'),
  progress: noProgress,
});

/** The signed-in user as the first participant of a new plan (and so its koordinator). */
export const meAsParticipant = (me: {
  userId: string | null;
  name: string;
  email: string;
  tenantId: string | null;
}): Participant => ({
  id: newId('p'),
  name: me.name,
  email: me.email,
  organisation: '',
  sector: 'andet',
  reach: 'inTenant',
  userId: me.userId,
  tenantId: me.tenantId,
});

export { noProgress };
export type { BookingProgress } from '../../../domain/booking/bookMeeting';
