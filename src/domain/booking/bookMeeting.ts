/**
 * Book the meeting (booking's workflow, beside delivery's): make the plan's place, create the Teams meeting in the
 * koordinator's calendar, set the app's tab up in the meeting chat, save the plan, and give each person the access
 * the consent says.
 *
 * Each step's result goes into the draft's progress as soon as it is known, so a retry after any failure continues
 * where it stopped: the place is made once (its id is kept), the event is created once (and Graph recognises the
 * kept transactionId if the answer to a create was lost), the tab is pinned once, the plan is saved once. The
 * privacy guard clears the invitation before it leaves, and every access change before it is made.
 */
import * as z from 'zod/mini';
import { syncAccess, type AccessSyncResult } from '../access/syncAccess';
import { askParam, linkHostFor, planDeepLink, planSubEntityId, type LinkTarget } from '../links/planLink';
import type { Meeting, Plan } from '../plan/planDocument';
import { updatePlan } from '../plan/updatePlan';
import type { TenantPolicy } from '../policy';
import type { Calendar, EventDraft } from '../ports/calendar';
import type { Clock } from '../ports/clock';
import type { MeetingChat, TabToPin } from '../ports/meetingChat';
import type { MeetingHost } from '../ports/meetingHost';
import type { Failure } from '../ports/outcome';
import type { PlanAccess } from '../ports/planAccess';
import type { PlanStore, StoredPlan } from '../ports/planStore';
import type { Problem } from '../problems';
import { clearEventDraft, clearUrl, type PrivacyContext } from '../privacy/privacyGuard';
import { participantByEmail } from '../roles/roles';
import { copenhagenDate } from '../time/danishTime';
import { planFromBooking, type BookingDraft } from './bookingDraft';
import { calendarInvitees } from './calendarInvitees';
import { meetingBodyHtml, meetingSubject } from './eventContent';

/** How far the booking got; each step is kept so a retry continues where it stopped and never repeats one. */
export const BookingProgressSchema = z.object({
  /** A new plan's id once its place (container) is made; null until then, and for the next meeting of a plan. */
  planId: z._default(z.nullable(z.string()), null),
  eventId: z.nullable(z.string()),
  joinUrl: z.nullable(z.string()),
  webLink: z.nullable(z.string()),
  chatId: z.nullable(z.string()),
  /** `failed`: the chat could not be found or the pin failed otherwise; `skipped`: the tenant's policy says no. */
  tab: z.nullable(z.enum(['pinned', 'notAllowed', 'failed', 'skipped'])),
  saved: z.boolean(),
});
export type BookingProgress = z.infer<typeof BookingProgressSchema>;

export const noProgress: BookingProgress = {
  planId: null,
  eventId: null,
  joinUrl: null,
  webLink: null,
  chatId: null,
  tab: null,
  saved: false,
};

/** What went wrong while booking, from the Graph adapter, the privacy guard or the plan store. */
export type BookingFailure =
  | { kind: 'port'; step: 'place' | 'event' | 'plan'; failure: Failure }
  | { kind: 'blocked'; reasons: Problem[] }
  | { kind: 'conflict' };

export interface BookingPorts {
  calendar: Calendar;
  meetingChat: MeetingChat;
  planStore: PlanStore;
  planAccess: PlanAccess;
  clock: Clock;
  policy: TenantPolicy;
  location: { appBaseUrl: string; teamsAppId: string };
  host: Pick<MeetingHost, 'kind'>;
}

export interface BookingRequest {
  booking: BookingDraft;
  /** Booking the next meeting of the plan `booking.planId`. */
  nextMeeting: boolean;
  meetingId: string;
  transactionId: string;
  progress: BookingProgress;
  /** The signed-in user (the koordinator): their own access is changed last. */
  myEmail: string;
}

export type BookingStep = 'place' | 'event' | 'chat' | 'plan' | 'access';

export interface BookingCallbacks {
  /** The step about to run, for the progress text. */
  onStep(step: BookingStep): void;
  /** Progress made: write it into the draft at once, so a reload or retry knows. */
  onProgress(progress: BookingProgress): void;
}

export type BookingResult =
  | { ok: true; stored: StoredPlan; progress: BookingProgress; access: AccessSyncResult }
  | { ok: false; failure: BookingFailure; progress: BookingProgress };

/** Saving the next meeting into a plan someone else saved meanwhile: fetch theirs, apply ours again, this often. */
const SAVE_ATTEMPTS = 3;

const TAB_NAME = 'Tovholder';

const withEvent = (plan: Plan, meetingId: string, patch: Partial<Meeting>): Plan => ({
  ...plan,
  meetings: plan.meetings.map((m) => (m.id === meetingId ? { ...m, ...patch } : m)),
});

export const bookMeeting = async (
  ports: BookingPorts,
  request: BookingRequest,
  callbacks: BookingCallbacks,
): Promise<BookingResult> => {
  const now = ports.clock.now();
  const today = copenhagenDate(now);
  const { booking, meetingId } = request;
  let progress = request.progress;
  const advance = (patch: Partial<BookingProgress>) => {
    progress = { ...progress, ...patch };
    callbacks.onProgress(progress);
  };
  const fail = (failure: BookingFailure): BookingResult => ({ ok: false, failure, progress });

  // The plan as it stands (next meeting), so the invitation's follow-up and the save start from the latest version.
  let existing: StoredPlan | null = null;
  let planId: string;
  if (request.nextMeeting) {
    if (booking.planId === null) throw new Error('bookMeeting: the next meeting of which plan?');
    const loaded = await ports.planStore.load(booking.planId);
    if (!loaded.ok) return fail({ kind: 'port', step: 'plan', failure: loaded });
    existing = loaded.value;
    planId = booking.planId;
  } else if (progress.planId !== null) {
    planId = progress.planId;
  } else {
    // A new plan's place first: its address is the plan's id, which the invitation's link carries.
    callbacks.onStep('place');
    const reserved = await ports.planStore.reserve(booking.caseReference.trim());
    if (!reserved.ok) return fail({ kind: 'port', step: 'place', failure: reserved });
    planId = reserved.value;
    advance({ planId });
  }
  const ids = { planId, meetingId, now };
  const build = (base: Plan | null): Plan =>
    base?.meetings.some((m) => m.id === meetingId)
      ? base // an earlier attempt saved it already
      : planFromBooking(booking, ids, base);
  const plan = build(existing?.plan ?? null);
  const meeting = plan.meetings.find((m) => m.id === meetingId);
  if (!meeting) throw new Error('bookMeeting: the booked meeting is missing from the plan');
  const ctx: PrivacyContext = { plan, policy: ports.policy, today };
  const linkTarget: LinkTarget = {
    appBaseUrl: ports.location.appBaseUrl,
    teamsAppId: ports.location.teamsAppId,
    host: linkHostFor(ports.host.kind),
  };

  // Everyone invited reads the invitation and sees the meeting's tab, also those the plan is not shared with: the
  // links say whom to ask for access.
  const ask = plan.participants.find((p) => p.id === meeting.roles.koordinator)?.name ?? null;
  if (progress.eventId === null) {
    callbacks.onStep('event');
    const link = planDeepLink(linkTarget, plan.id, ctx, ask);
    const event: EventDraft = {
      subject: meetingSubject(plan.caseReference),
      bodyHtml: meetingBodyHtml({
        caseReference: plan.caseReference,
        agenda: meeting.agenda,
        start: meeting.start,
        planUrl: link.ok ? link.value : '',
        followUp: meeting.minutes.followUp,
      }),
      start: meeting.start,
      end: meeting.end,
      // The citizen and relatives are not calendar attendees: the attendee list is seen by many (calendarInvitees).
      attendees: calendarInvitees(plan, meeting).invited.map(({ person, required }) => ({
        email: person.email ?? '',
        name: person.name,
        required,
      })),
      transactionId: request.transactionId,
    };
    const verdict = clearEventDraft(event, ctx);
    if (verdict.verdict === 'blocked') return fail({ kind: 'blocked', reasons: verdict.reasons });
    const created = await ports.calendar.createEvent(verdict.cleared);
    if (!created.ok) return fail({ kind: 'port', step: 'event', failure: created });
    advance({ eventId: created.value.eventId, joinUrl: created.value.joinUrl, webLink: created.value.webLink });
  }

  if (progress.tab === null) {
    callbacks.onStep('chat');
    // The tab and its chat are a convenience: any failure here is explained in the confirmation, never fatal.
    const chat = progress.joinUrl ? await ports.meetingChat.findChatId(progress.joinUrl) : null;
    const chatId = chat?.ok ? chat.value : null;
    if (chatId === null) advance({ tab: 'failed' });
    else if (!ports.policy.pinTab) advance({ chatId, tab: 'skipped' });
    else {
      const base = ports.location.appBaseUrl.replace(/\/+$/, '');
      const contentUrl = clearUrl(`${base}/meeting.html?planId=${encodeURIComponent(plan.id)}${askParam(ask)}`, ctx);
      const websiteUrl = clearUrl(`${base}/plans.html?planId=${encodeURIComponent(plan.id)}${askParam(ask)}`, ctx);
      if (contentUrl.verdict === 'blocked' || websiteUrl.verdict === 'blocked') advance({ chatId, tab: 'failed' });
      else {
        const tab: TabToPin = {
          displayName: TAB_NAME,
          teamsAppId: ports.location.teamsAppId,
          entityId: planSubEntityId(plan.id, ask),
          contentUrl: contentUrl.cleared,
          websiteUrl: websiteUrl.cleared,
        };
        const pinned = await ports.meetingChat.pinTab(chatId, tab);
        advance({ chatId, tab: pinned.ok ? pinned.value : 'failed' });
      }
    }
  }

  callbacks.onStep('plan');
  const eventFields: Partial<Meeting> = {
    eventId: progress.eventId,
    transactionId: request.transactionId,
    joinUrl: progress.joinUrl,
    chatId: progress.chatId,
  };
  const booked = (candidate: Plan): boolean =>
    candidate.meetings.some((m) => m.id === meetingId && m.eventId === progress.eventId);
  let stored: StoredPlan;
  if (existing) {
    // Someone else may save the plan meanwhile: the booking is applied again on top of their version, and our own
    // earlier save that got through although its answer was lost is recognised.
    const saved = await updatePlan(
      ports.planStore,
      existing,
      (current) => (booked(current) ? null : withEvent(build(current), meetingId, eventFields)),
      { attempts: SAVE_ATTEMPTS, now: () => ports.clock.now() },
    );
    if (!saved.ok)
      return saved.kind === 'conflict'
        ? fail({ kind: 'conflict' })
        : fail({ kind: 'port', step: 'plan', failure: saved });
    stored = saved.stored;
  } else {
    const created = await ports.planStore.save(withEvent(plan, meetingId, eventFields), null);
    if (created.ok) stored = created.value;
    else if (created.kind === 'conflict' && booked(created.current.plan)) stored = created.current;
    else if (created.kind === 'conflict') return fail({ kind: 'conflict' });
    else return fail({ kind: 'port', step: 'plan', failure: created });
  }
  advance({ saved: true });

  // Access as the consent says: a failure here is shown per person and finished at the next opening.
  callbacks.onStep('access');
  const access = await syncAccess(
    { store: ports.planStore, access: ports.planAccess, clock: ports.clock, policy: ports.policy },
    stored,
    { me: participantByEmail(stored.plan, request.myEmail)?.id ?? null },
  );
  return { ok: true, stored: access.stored, progress, access };
};
