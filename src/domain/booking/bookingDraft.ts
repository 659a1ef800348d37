/**
 * What the koordinator fills in to book an indsatsplansmøde, kept whole (in session storage) until booked, so nothing
 * typed is lost. Booking the next meeting of a plan starts from that plan: same people, roles, a still-valid consent.
 */
import * as z from 'zod/mini';
import { DEFAULT_MEETING_MINUTES } from '../agenda/standardAgenda';
import { consentStatus } from '../consent/consentStatus';
import { lastHeldMeeting, startNextMeeting } from '../followUp/carryOver';
import { emptyMinutes } from '../minutes/emptyMinutes';
import {
  ConsentSchema,
  ParticipantSchema,
  RolesSchema,
  SCHEMA_VERSION,
  type Meeting,
  type Plan,
} from '../plan/planDocument';

/**
 * A participant as typed into a draft: the plan document's length limits are not applied here, so a draft with a
 * pasted 10 000-character name still comes back after a reload (with the problem shown beside the field by
 * `bookingProblems`) instead of the whole draft being dropped.
 */
export const DraftParticipantSchema = z.extend(ParticipantSchema, {
  name: z.string().check(z.minLength(1)),
  email: z.nullable(z.string()),
  organisation: z.string(),
});

/**
 * Whom the consent covers, as ticked in a draft: an organisation's name comes from a participant as typed, so it has
 * no length limit here either (an over-long one is a problem shown at "Book mødet", not a draft lost on reload).
 */
export const DraftConsentRecipientSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('organisation'), organisation: z.string() }),
  z.object({ kind: z.literal('participant'), participantId: z.string() }),
]);

/** The consent as it may stand in a draft: its texts and recipients without the plan document's length limits. */
export const DraftConsentSchema = z.extend(ConsentSchema, {
  information: z.string(),
  purpose: z.string(),
  recipients: z.array(DraftConsentRecipientSchema),
});

export const BookingDraftSchema = z.object({
  /** The plan being booked for; null for a new plan. */
  planId: z.nullable(z.string()),
  /** Sagsreference: the only thing about the citizen that goes into the invitation. */
  caseReference: z.string(),
  /** Kept in the plan document only. */
  citizenName: z.string(),
  participants: z.array(DraftParticipantSchema),
  roles: RolesSchema,
  /** Required (true) or optional attendee, by participant id; missing means required. */
  required: z.record(z.string(), z.boolean()),
  consent: z.nullable(DraftConsentSchema),
  /** ISO instants; null until a time is chosen. */
  start: z.nullable(z.string()),
  end: z.nullable(z.string()),
  durationMinutes: z.int().check(z.minimum(0), z.maximum(24 * 60)),
});
export type BookingDraft = z.infer<typeof BookingDraftSchema>;

export const emptyBookingDraft = (): BookingDraft => ({
  planId: null,
  caseReference: '',
  citizenName: '',
  participants: [],
  roles: { koordinator: null, moedeleder: null, referent: null },
  required: {},
  consent: null,
  start: null,
  end: null,
  durationMinutes: DEFAULT_MEETING_MINUTES,
});

/** A draft restored from session storage, or null when what was stored is not a draft (an older version). */
export const parseBookingDraft = (json: unknown): BookingDraft | null => {
  const parsed = BookingDraftSchema.safeParse(json);
  return parsed.success ? parsed.data : null;
};

/** Choose a start; the end follows from the chosen length. */
export const withStart = (draft: BookingDraft, start: string): BookingDraft => ({
  ...draft,
  start,
  end: new Date(Date.parse(start) + draft.durationMinutes * 60000).toISOString(),
});

/** Change the length; the end moves with it. */
export const withDuration = (draft: BookingDraft, durationMinutes: number): BookingDraft => {
  const minutes = Math.max(0, Math.round(durationMinutes));
  return {
    ...draft,
    durationMinutes: minutes,
    end: draft.start === null ? draft.end : new Date(Date.parse(draft.start) + minutes * 60000).toISOString(),
  };
};

/**
 * "Book næste møde": participants, roles (the named next tovholder as koordinator) and required flags from the
 * last meeting, and the consent if it is still valid today (otherwise the koordinator records a new one).
 */
export const draftForNextMeeting = (plan: Plan, now: Date, today: string): BookingDraft => {
  const previous = lastHeldMeeting(plan, now) ?? plan.meetings.at(-1) ?? null;
  const preview = startNextMeeting(plan, { id: 'draft', start: now.toISOString(), end: now.toISOString(), now });
  return {
    planId: plan.id,
    caseReference: plan.caseReference,
    citizenName: plan.citizenName,
    participants: plan.participants,
    roles: preview.roles,
    required: Object.fromEntries((previous?.invitees ?? []).map((i) => [i.participantId, i.required])),
    consent: consentStatus(plan.consent, today) === 'valid' ? plan.consent : null,
    start: null,
    end: null,
    durationMinutes: DEFAULT_MEETING_MINUTES,
  };
};

export interface BookingIds {
  planId: string;
  meetingId: string;
  now: Date;
}

/**
 * The plan document after booking: a new plan, or the existing one with the next meeting appended (its follow-up
 * listing the previous efforts). Call only when `bookingProblems` has no errors (start and end are set).
 */
export const planFromBooking = (draft: BookingDraft, ids: BookingIds, existing: Plan | null = null): Plan => {
  if (draft.start === null || draft.end === null) throw new Error('planFromBooking: the draft has no time');
  const now = ids.now.toISOString();
  const base: Plan = existing ?? {
    schemaVersion: SCHEMA_VERSION,
    id: ids.planId,
    caseReference: draft.caseReference.trim(),
    citizenName: draft.citizenName.trim(),
    participants: [],
    consent: null,
    meetings: [],
    createdAt: now,
    updatedAt: now,
    access: null,
  };
  const plan: Plan = {
    ...base,
    caseReference: draft.caseReference.trim(),
    citizenName: draft.citizenName.trim(),
    participants: draft.participants,
    consent: draft.consent ?? base.consent,
  };
  const carried = startNextMeeting(plan, { id: ids.meetingId, start: draft.start, end: draft.end, now: ids.now });
  const meeting: Meeting = {
    ...carried,
    invitees: draft.participants.map((p) => ({
      participantId: p.id,
      required: draft.required[p.id] ?? true,
      attendance: { kind: 'unknown' },
      response: 'none',
    })),
    roles: draft.roles,
    minutes: existing ? carried.minutes : emptyMinutes(),
  };
  return { ...plan, meetings: [...plan.meetings, meeting], updatedAt: now };
};
