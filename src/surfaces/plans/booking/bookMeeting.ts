/**
 * Book the meeting: create the Teams meeting in the koordinator's calendar, set the app's tab up in the meeting
 * chat, save the plan. Four round trips at most (the free/busy call happened while the form was filled in).
 *
 * Each step's result goes into the draft's progress as soon as it is known, so a retry after any failure
 * continues where it stopped: the event is created once (and Graph recognises the kept transactionId if the
 * answer to a create was lost), the tab is pinned once, the plan is saved once. The privacy guard clears the
 * invitation before it leaves.
 *
 * Port-driven, no React: it could move to src/domain/booking/ when the domain wants an orchestration there.
 */
import { calendarInvitees } from '../../../domain/booking/calendarInvitees';
import { planFromBooking } from '../../../domain/booking/bookingDraft';
import { meetingBodyHtml, meetingSubject } from '../../../domain/booking/eventContent';
import { linkHostFor, planDeepLink, planSubEntityId } from '../../../domain/links/planLink';
import type { Meeting, Plan } from '../../../domain/plan/planDocument';
import type { TenantPolicy } from '../../../domain/policy';
import type { Calendar, EventDraft } from '../../../domain/ports/calendar';
import type { Clock } from '../../../domain/ports/clock';
import type { MeetingChat, TabToPin } from '../../../domain/ports/meetingChat';
import type { MeetingHost } from '../../../domain/ports/meetingHost';
import type { PlanStore, StoredPlan } from '../../../domain/ports/planStore';
import { clearEventDraft, clearUrl, type PrivacyContext } from '../../../domain/privacy/privacyGuard';
import { copenhagenDate } from '../../../domain/time/danishTime';
import type { AppLocation } from '../../../ui/services/services';
import type { BookingFailure } from './failureText';
import { toBookingDraft, type BookingProgress, type FormDraft } from './formDraft';

export interface BookingPorts {
  calendar: Calendar;
  meetingChat: MeetingChat;
  planStore: PlanStore;
  clock: Clock;
  policy: TenantPolicy;
  location: AppLocation;
  host: Pick<MeetingHost, 'kind'>;
}

export type BookingStep = 'event' | 'chat' | 'plan';

export interface BookingCallbacks {
  /** The step about to run, for the progress text. */
  onStep(step: BookingStep): void;
  /** Progress made: write it into the draft at once, so a reload or retry knows. */
  onProgress(progress: BookingProgress): void;
}

export type BookingResult =
  | { ok: true; stored: StoredPlan; progress: BookingProgress }
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
  draft: FormDraft,
  callbacks: BookingCallbacks,
): Promise<BookingResult> => {
  const now = ports.clock.now();
  const today = copenhagenDate(now);
  const booking = toBookingDraft(draft);
  const ids = { planId: draft.planId, meetingId: draft.meetingId, now };
  let progress = draft.progress;
  const advance = (patch: Partial<BookingProgress>) => {
    progress = { ...progress, ...patch };
    callbacks.onProgress(progress);
  };
  const fail = (failure: BookingFailure): BookingResult => ({ ok: false, failure, progress });

  // The plan as it stands (next meeting), so the invitation's follow-up and the save start from the latest version.
  let existing: StoredPlan | null = null;
  if (draft.nextMeeting) {
    const loaded = await ports.planStore.load(draft.planId);
    if (!loaded.ok) return fail({ kind: 'port', step: 'plan', failure: loaded });
    existing = loaded.value;
  }
  const build = (base: Plan | null): Plan =>
    base?.meetings.some((m) => m.id === draft.meetingId)
      ? base // an earlier attempt saved it already
      : planFromBooking(booking, ids, base);
  const plan = build(existing?.plan ?? null);
  const meeting = plan.meetings.find((m) => m.id === draft.meetingId);
  if (!meeting) throw new Error('bookMeeting: the booked meeting is missing from the plan');
  const ctx: PrivacyContext = { plan, policy: ports.policy, today };
  const linkTarget = {
    appBaseUrl: ports.location.appBaseUrl,
    teamsAppId: ports.location.teamsAppId,
    host: linkHostFor(ports.host.kind),
  };

  if (progress.eventId === null) {
    callbacks.onStep('event');
    const link = planDeepLink(linkTarget, plan.id, ctx);
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
      transactionId: draft.transactionId,
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
      const contentUrl = clearUrl(`${base}/meeting.html?planId=${encodeURIComponent(plan.id)}`, ctx);
      const websiteUrl = clearUrl(`${base}/plans.html?planId=${encodeURIComponent(plan.id)}`, ctx);
      if (contentUrl.verdict === 'blocked' || websiteUrl.verdict === 'blocked') advance({ chatId, tab: 'failed' });
      else {
        const tab: TabToPin = {
          displayName: TAB_NAME,
          teamsAppId: ports.location.teamsAppId,
          entityId: planSubEntityId(plan.id),
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
    transactionId: draft.transactionId,
    joinUrl: progress.joinUrl,
    chatId: progress.chatId,
  };
  let toSave = withEvent(plan, draft.meetingId, eventFields);
  let eTag = existing?.eTag ?? null;
  for (let attempt = 1; attempt <= SAVE_ATTEMPTS; attempt++) {
    const saved = await ports.planStore.save(toSave, eTag);
    if (saved.ok) {
      advance({ saved: true });
      return { ok: true, stored: saved.value, progress };
    }
    if (saved.kind !== 'conflict') return fail({ kind: 'port', step: 'plan', failure: saved });
    const current = saved.current;
    // Our own earlier save got through although its answer was lost: nothing more to do.
    if (current.plan.meetings.some((m) => m.id === draft.meetingId && m.eventId === progress.eventId)) {
      advance({ saved: true });
      return { ok: true, stored: current, progress };
    }
    // Someone else saved the plan meanwhile: apply the booking again on top of their version.
    if (!draft.nextMeeting) break;
    toSave = withEvent(build(current.plan), draft.meetingId, eventFields);
    eTag = current.eTag;
  }
  return fail({ kind: 'conflict' });
};
