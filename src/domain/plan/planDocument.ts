import * as z from 'zod/mini';

/**
 * The stored plan document (indsatsplan): the one place the citizen's name lives.
 * Everything outside the store (calendar, chat, e-mail, URLs, logs) carries only the case reference.
 *
 * Dates without time are `YYYY-MM-DD` (a Danish calendar day). Instants are ISO 8601 UTC strings.
 */

export const SCHEMA_VERSION = 1 as const;

/** The longest texts the document holds, named so the booking form can flag a text too long to save before booking. */
export const TEXT_MAX = { name: 200, organisation: 200, email: 320, citizenName: 200, consentText: 2000 } as const;

/** A calendar date that exists: 2027-02-30 or 2027-13-01 is refused, never read as another day. */
const isRealDate = (value: string): boolean => {
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
};
const isoDate = z
  .string()
  .check(
    z.regex(/^\d{4}-\d{2}-\d{2}$/, 'dato skal være ÅÅÅÅ-MM-DD'),
    z.refine(
      isRealDate,
      'datoen findes ikke i kalenderen (fx 30. februar eller 13. måned): ret den til en rigtig dato',
    ),
  );
const isoInstant = z.iso.datetime({ offset: true });
const id = z.string().check(z.minLength(1), z.maxLength(100));
/** A plan's id: its address `<tenantId>~<containerId>` (planAddress.ts), or an id from before containers. */
export const PLAN_ID_MAX = 200;
const planId = z.string().check(z.minLength(1), z.maxLength(PLAN_ID_MAX));

/** Sektor: which service the participant comes from. */
export const SectorSchema = z.enum([
  'regionPsykiatri', // region psykiatri
  'rusmiddelbehandling', // kommunal rusmiddelbehandling
  'socialpsykiatri', // socialpsykiatri / bostøtte
  'sagsbehandler',
  'jobcenter',
  'egenLaege', // egen læge
  'botilbud',
  'borger',
  'paaroerende', // pårørende
  'andet',
]);
export type Sector = z.infer<typeof SectorSchema>;

/**
 * How we reach a person: in our own tenant, federated Teams user in another tenant,
 * or e-mail only (no Teams).
 */
export const ReachSchema = z.enum(['inTenant', 'federated', 'emailOnly']);
export type Reach = z.infer<typeof ReachSchema>;

/** Deltager: a person around the citizen, or the citizen (sector `borger`) and relatives (`paaroerende`). */
export const ParticipantSchema = z.object({
  id,
  name: z.string().check(z.minLength(1), z.maxLength(TEXT_MAX.name)),
  email: z.nullable(z.string().check(z.maxLength(TEXT_MAX.email))),
  organisation: z.string().check(z.maxLength(TEXT_MAX.organisation)),
  sector: SectorSchema,
  reach: ReachSchema,
  /** Entra object id, when the person is a Teams user (in-tenant or federated). */
  userId: z._default(z.nullable(z.string()), null),
  /** Home tenant id for federated users. */
  tenantId: z._default(z.nullable(z.string()), null),
});
export type Participant = z.infer<typeof ParticipantSchema>;

/** The citizen (borger) and relatives (pårørende): the people the case is about, not the professionals around them. */
export const isCitizenOrRelative = (person: Pick<Participant, 'sector'>): boolean =>
  person.sector === 'borger' || person.sector === 'paaroerende';

/** Roller at one meeting. Each role is one participant id (or null when not yet chosen). */
export const RolesSchema = z.object({
  koordinator: z.nullable(id),
  moedeleder: z.nullable(id), // mødeleder
  referent: z.nullable(id),
});
export type Roles = z.infer<typeof RolesSchema>;
export type RoleName = keyof Roles;

/** Fremmøde: present, absent, or afbud with written input presented by the koordinator. */
export const AttendanceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('unknown') }),
  z.object({ kind: z.literal('present') }),
  z.object({ kind: z.literal('absent') }),
  z.object({ kind: z.literal('apologies'), writtenInput: z.string().check(z.maxLength(20000)) }),
]);
export type Attendance = z.infer<typeof AttendanceSchema>;

export const InviteeSchema = z.object({
  participantId: id,
  required: z.boolean(),
  attendance: AttendanceSchema,
  /** Answer to the invitation, read from the event; 'organizer' for the one who sent it (they do not answer). */
  response: z._default(z.enum(['none', 'accepted', 'tentative', 'declined', 'organizer']), 'none'),
});
export type Invitee = z.infer<typeof InviteeSchema>;

/** Samtykke: specific consent from the citizen to share information. */
export const ConsentRecipientSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('organisation'), organisation: z.string().check(z.minLength(1), z.maxLength(200)) }),
  z.object({ kind: z.literal('participant'), participantId: id }),
]);
export type ConsentRecipient = z.infer<typeof ConsentRecipientSchema>;

export const ConsentSchema = z.object({
  /** Which information may be shared. */
  information: z.string().check(z.maxLength(TEXT_MAX.consentText)),
  recipients: z.array(ConsentRecipientSchema),
  purpose: z.string().check(z.maxLength(TEXT_MAX.consentText)),
  form: z.enum(['mundtligt', 'skriftligt']),
  givenOn: isoDate,
  validUntil: z.nullable(isoDate),
  withdrawnOn: z.nullable(isoDate),
});
export type Consent = z.infer<typeof ConsentSchema>;

/** The five items of the meeting (dagsorden). */
export const AgendaItemKeySchema = z.enum([
  'stamoplysninger',
  'afdaekning', // afdækning, holds the speaker round
  'udfordringer',
  'maal', // fælles mål og prioritering
  'opfoelgning', // opfølgning
]);
export type AgendaItemKey = z.infer<typeof AgendaItemKeySchema>;

export const AgendaItemSchema = z.object({
  key: AgendaItemKeySchema,
  /** Who leads the item. */
  lead: z.enum(['koordinator', 'behandlere']),
  /** Time box in whole minutes. */
  minutes: z.int().check(z.minimum(0), z.maximum(600)),
});
export type AgendaItem = z.infer<typeof AgendaItemSchema>;

/** When the mødeleder moved to an item ("Næste punkt"): the timer is derived from these, so it survives reloads. */
export const AgendaStepSchema = z.object({ key: AgendaItemKeySchema, at: isoInstant });
export type AgendaStep = z.infer<typeof AgendaStepSchema>;

export const RoundEntrySchema = z.object({
  participantId: id,
  relation: z.string().check(z.maxLength(20000)),
  currentWork: z.string().check(z.maxLength(20000)),
  challenges: z.string().check(z.maxLength(20000)),
  done: z.boolean(),
});
export type RoundEntry = z.infer<typeof RoundEntrySchema>;

export const TextItemSchema = z.object({ id, text: z.string().check(z.maxLength(20000)) });
/** Udfordring. */
export type Challenge = z.infer<typeof TextItemSchema>;
/** Fælles mål; the array order is the priority. */
export type Goal = z.infer<typeof TextItemSchema>;

export const EffortStatusSchema = z.enum(['aaben', 'iGang', 'udfoert']);
export type EffortStatus = z.infer<typeof EffortStatusSchema>;

/** Indsats: what, why (goal), one named owner (a participant, the citizen included), by when. */
export const EffortSchema = z.object({
  id,
  what: z.string().check(z.maxLength(20000)),
  goalId: z.nullable(id),
  ownerId: z.nullable(id),
  due: z.nullable(isoDate),
  status: EffortStatusSchema,
});
export type Effort = z.infer<typeof EffortSchema>;

/** Status of an earlier effort at the next meeting (opfølgning). */
export const FollowUpStatusSchema = z.enum(['udfoert', 'iGang', 'aendret', 'droppet']);
export type FollowUpStatus = z.infer<typeof FollowUpStatusSchema>;

export const FollowUpEntrySchema = z.object({
  effortId: id,
  what: z.string().check(z.maxLength(20000)),
  ownerId: z.nullable(id),
  status: z.nullable(FollowUpStatusSchema),
  note: z.string().check(z.maxLength(20000)),
});
export type FollowUpEntry = z.infer<typeof FollowUpEntrySchema>;

/** Borgerens accept af planen. */
export const AcceptanceSchema = z.enum(['iMoedet', 'afventer', 'accepteretSenere', 'ikkeAccepteret']);
export type Acceptance = z.infer<typeof AcceptanceSchema>;

export const MinutesSchema = z.object({
  round: z.array(RoundEntrySchema),
  challenges: z.array(TextItemSchema),
  goals: z.array(TextItemSchema),
  efforts: z.array(EffortSchema),
  followUp: z.array(FollowUpEntrySchema),
  acceptance: AcceptanceSchema,
  nextTovholderId: z.nullable(id),
  /** The date by which the next tovholder must have held the next meeting. */
  nextMeetingBy: z.nullable(isoDate),
});
export type Minutes = z.infer<typeof MinutesSchema>;

export const RecipientDeliverySchema = z.object({
  participantId: id,
  channel: z.enum(['chat', 'email', 'meetingChat']),
  status: z.enum(['pending', 'unknown', 'sent', 'failed', 'skipped']),
  /** Chat id or message id once known. */
  chatId: z.nullable(z.string()),
  messageId: z.nullable(z.string()),
  error: z.nullable(z.string()),
  at: z.nullable(isoInstant),
  /**
   * E-mail only: what the e-mail carries and how it is protected (`MailMark`: purview, tls, or only a notice of new
   * minutes), so the history says who got only a notice and a retry never sends a draft made under another rule.
   * Added after v1, hence optional.
   */
  mark: z.optional(z.enum(['purview', 'tls', 'notice'])),
});
export type RecipientDelivery = z.infer<typeof RecipientDeliverySchema>;

export const DeliverySchema = z.object({
  deliveryId: id,
  startedAt: isoInstant,
  recipients: z.array(RecipientDeliverySchema),
  /** The minutes exactly as sent, kept read-only for the history. */
  sentMinutes: z.nullable(MinutesSchema),
});
export type Delivery = z.infer<typeof DeliverySchema>;

/**
 * One copy of the plan as a letter ("Din plan") sent to the citizen or a relative through the organisation's Digital
 * Post, outside the app, and marked here: to whom, when, by whom.
 */
export const PlanCopySchema = z.object({
  participantId: id,
  sentAt: isoInstant,
  sentBy: z.object({
    participantId: z.nullable(id),
    name: z.string().check(z.minLength(1), z.maxLength(TEXT_MAX.name)),
  }),
  via: z.literal('digitalPost'),
});
export type PlanCopy = z.infer<typeof PlanCopySchema>;

export const MeetingSchema = z.object({
  id,
  start: isoInstant,
  end: isoInstant,
  /** Graph event id in the organiser's calendar. */
  eventId: z.nullable(z.string()),
  /** The transactionId used to create the event, so a retried create never makes two. */
  transactionId: z.nullable(z.string()),
  joinUrl: z.nullable(z.string()),
  chatId: z.nullable(z.string()),
  invitees: z.array(InviteeSchema),
  roles: RolesSchema,
  agenda: z.array(AgendaItemSchema),
  agendaSteps: z.array(AgendaStepSchema),
  /** When the mødeleder closed the last item; absent or null while the agenda runs (added after v1, hence optional). */
  agendaEndedAt: z.optional(z.nullable(isoInstant)),
  minutes: MinutesSchema,
  /** Fælles opsummering read aloud and confirmed. */
  summaryConfirmedAt: z.nullable(isoInstant),
  delivery: z.nullable(DeliverySchema),
  /** The plan after this meeting as letters by Digital Post (PlanCopySchema); added after v1, hence optional. */
  planCopies: z.optional(z.array(PlanCopySchema)),
});
export type Meeting = z.infer<typeof MeetingSchema>;

/** Adgang: the role Microsoft 365 gives a participant on the plan's container (or none). */
export const AccessRoleSchema = z.enum(['owner', 'manager', 'reader']);
export type AccessRole = z.infer<typeof AccessRoleSchema>;

/**
 * One person's access as the app last set it (or is about to): written ahead before the permissions change, like
 * the delivery record, so an interrupted change is finished — never left half done in silence — by the next
 * owner or manager who opens the plan.
 *
 * `pending` about to be set; `applied` Microsoft 365 holds it; `failed` refused, tried again at the next change or
 * opening; `notPossible` cannot be given through Microsoft 365 (no account: the citizen, relatives, people reached
 * by e-mail), with the reason in `error`.
 */
export const AccessEntrySchema = z.object({
  participantId: id,
  /** The role wanted; null: no access (removed, or never given). */
  role: z.nullable(AccessRoleSchema),
  /** The account in the plan's tenant that holds the permission: a user principal name (a guest's, for others). */
  principal: z.nullable(z.string().check(z.maxLength(400))),
  /** The container permission's id once known. */
  permissionId: z.nullable(z.string().check(z.maxLength(400))),
  status: z.enum(['pending', 'applied', 'failed', 'notPossible']),
  error: z.nullable(z.string().check(z.maxLength(500))),
  at: z.nullable(isoInstant),
  /** When the person was told (without content) that their access ended; set once. */
  endedNoticeAt: z._default(z.nullable(isoInstant), null),
});
export type AccessEntry = z.infer<typeof AccessEntrySchema>;

export const AccessRecordSchema = z.object({
  syncId: id,
  startedAt: isoInstant,
  entries: z.array(AccessEntrySchema),
});
export type AccessRecord = z.infer<typeof AccessRecordSchema>;

export const PlanSchema = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  id: planId,
  /** Sagsreference, e.g. "KI-2026-014": the only identifier that may leave the store. */
  caseReference: z.string().check(z.minLength(1), z.maxLength(60)),
  /** Borgerens navn: kept only in the plan document. */
  citizenName: z.string().check(z.maxLength(TEXT_MAX.citizenName)),
  participants: z.array(ParticipantSchema),
  consent: z.nullable(ConsentSchema),
  /** Meetings in chronological order; the last is the current or next one. */
  meetings: z.array(MeetingSchema),
  createdAt: isoInstant,
  updatedAt: isoInstant,
  /** Who can open the plan, as last set in Microsoft 365 (added after v1, hence the default). */
  access: z._default(z.nullable(AccessRecordSchema), null),
});
export type Plan = z.infer<typeof PlanSchema>;
