import type { Ctx, GraphResponse, Router } from '../router';
import type { EventRecord, State, UserRecord } from '../store';
import { badRequest } from './errors';
import { calendarOf, readAttendees } from './events';
import type { Json } from './odata';
import { copenhagenParts, formatDateTimeTimeZone, parseDuration, preferredZone, readDateTimeTimeZone } from './time';
import { userByMail } from './users';
import { asObject, rejectUnknownProperties } from './validation';

/**
 * Scheduling: free/busy (POST /me/calendar/getSchedule) and suggested meeting times (POST /me/findMeetingTimes),
 * both read-only, from the events in each calendar (events.ts). Working hours are Mon–Fri 08–16 Copenhagen.
 */

export const WORK_START_HOUR = 8;
export const WORK_END_HOUR = 16;
const MAX_SCHEDULES = 20;
const MAX_SCHEDULE_DAYS = 62;

type Availability = 'free' | 'tentative' | 'busy' | 'oof' | 'workingElsewhere' | 'unknown';
const RANK: Record<Availability, number> = { free: 0, workingElsewhere: 0, unknown: 0, tentative: 1, busy: 2, oof: 3 };
const DIGIT: Record<Availability, string> = {
  free: '0',
  workingElsewhere: '0',
  unknown: '0',
  tentative: '1',
  busy: '2',
  oof: '3',
};

const busyItems = (state: State, user: UserRecord, start: number, end: number): EventRecord[] =>
  calendarOf(state, user.id).filter(
    (event) => !event.isCancelled && event.showAs !== 'free' && event.start < end && event.end > start,
  );

/** The worst status of `user` over [start, end). */
const statusOver = (state: State, user: UserRecord, start: number, end: number): Availability => {
  let worst: Availability = 'free';
  for (const event of busyItems(state, user, start, end)) {
    const show = event.showAs === 'unknown' ? 'busy' : event.showAs;
    if (RANK[show] > RANK[worst]) worst = show;
  }
  return worst;
};

const workingHours = (): Json => ({
  daysOfWeek: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'],
  startTime: `${String(WORK_START_HOUR).padStart(2, '0')}:00:00.0000000`,
  endTime: `${String(WORK_END_HOUR).padStart(2, '0')}:00:00.0000000`,
  timeZone: { name: 'Romance Standard Time' },
});

/** Whose free/busy the caller may see: users of their own tenant with a calendar. */
const scheduleUser = (state: State, me: UserRecord, address: string): UserRecord | { error: Json } => {
  const user = userByMail(state, address);
  if (!user || user.kind === 'emailOnly') {
    return {
      error: {
        message: `The recipient '${address}' was not found in the directory.`,
        responseCode: 'ErrorMailRecipientNotFound',
      },
    };
  }
  if (user.tenantId !== me.tenantId) {
    return {
      error: {
        message: `Free/busy information for '${address}' is not shared with your organization (external tenant).`,
        responseCode: 'ErrorNoFreeBusyAccess',
      },
    };
  }
  return user;
};

const getSchedule = (ctx: Ctx): GraphResponse => {
  const state = ctx.sandbox.store.state;
  const body = ctx.json();
  rejectUnknownProperties(
    body,
    ['schedules', 'startTime', 'endTime', 'availabilityViewInterval'],
    'microsoft.graph.getSchedule',
  );
  const zone = preferredZone(ctx.req.headers['prefer']);
  if (!Array.isArray(body.schedules) || body.schedules.length === 0) {
    throw badRequest(
      "The 'schedules' parameter is required and must list at least one SMTP address.",
      'ErrorInvalidParameter',
    );
  }
  if (body.schedules.length > MAX_SCHEDULES) {
    throw badRequest(
      `Your request can't be completed. At most ${MAX_SCHEDULES} schedules can be requested at once; got ${body.schedules.length}.`,
      'ErrorInvalidParameter',
    );
  }
  if (!body.schedules.every((schedule) => typeof schedule === 'string')) {
    throw badRequest("'schedules' must be a collection of SMTP addresses (strings).", 'RequestBodyRead');
  }
  const start = readDateTimeTimeZone(body.startTime, 'startTime');
  const end = readDateTimeTimeZone(body.endTime, 'endTime');
  if (end <= start) throw badRequest('The end time must be after the start time.', 'ErrorInvalidParameter');
  if (end - start >= MAX_SCHEDULE_DAYS * 86_400_000) {
    throw badRequest(
      `Your request can't be completed. The time window must be shorter than ${MAX_SCHEDULE_DAYS} days.`,
      'ErrorInvalidParameter',
    );
  }
  const interval = body.availabilityViewInterval === undefined ? 30 : body.availabilityViewInterval;
  if (typeof interval !== 'number' || !Number.isInteger(interval) || interval < 5 || interval > 1440) {
    throw badRequest(
      "'availabilityViewInterval' must be a whole number of minutes from 5 to 1440.",
      'ErrorInvalidParameter',
    );
  }
  const step = interval * 60_000;
  const value = (body.schedules as string[]).map((address) => {
    const found = scheduleUser(state, ctx.me, address);
    if ('error' in found) {
      return { scheduleId: address, availabilityView: '', scheduleItems: [], error: found.error };
    }
    let view = '';
    for (let slot = start; slot < end; slot += step)
      view += DIGIT[statusOver(state, found, slot, Math.min(end, slot + step))];
    const items = busyItems(state, found, start, end)
      .sort((a, b) => a.start - b.start)
      .map((event) => ({
        isPrivate: event.sensitivity === 'private',
        status: event.showAs,
        subject: event.sensitivity === 'private' ? '' : event.subject,
        location: event.sensitivity === 'private' ? '' : event.location,
        isMeeting: event.attendees.length > 0,
        isRecurring: false,
        isException: false,
        isReminderSet: true,
        start: formatDateTimeTimeZone(event.start, zone),
        end: formatDateTimeTimeZone(event.end, zone),
      }));
    return { scheduleId: address, availabilityView: view, scheduleItems: items, workingHours: workingHours() };
  });
  return {
    status: 200,
    headers: zone !== 'UTC' ? { 'Preference-Applied': `outlook.timezone="${zone}"` } : {},
    body: { '@odata.context': `${ctx.graphBase}/$metadata#Collection(microsoft.graph.scheduleInformation)`, value },
  };
};

/** Is `ms` inside Copenhagen working hours (Mon–Fri 08–16) for a slot of `length`? */
const withinWorkingHours = (ms: number, length: number): boolean => {
  const from = copenhagenParts(ms);
  const to = copenhagenParts(ms + length - 1);
  if (from.weekday === 0 || from.weekday === 6) return false;
  if (from.day !== to.day) return false;
  return from.hour >= WORK_START_HOUR && to.hour < WORK_END_HOUR;
};

const SCORE: Record<Availability, number> = {
  free: 100,
  workingElsewhere: 100,
  tentative: 50,
  unknown: 50,
  busy: 0,
  oof: 0,
};

const findMeetingTimes = (ctx: Ctx): GraphResponse => {
  const state = ctx.sandbox.store.state;
  const body = ctx.json();
  rejectUnknownProperties(
    body,
    [
      'attendees',
      'locationConstraint',
      'timeConstraint',
      'meetingDuration',
      'maxCandidates',
      'isOrganizerOptional',
      'returnSuggestionReasons',
      'minimumAttendeePercentage',
    ],
    'microsoft.graph.findMeetingTimes',
  );
  const zone = preferredZone(ctx.req.headers['prefer']);
  const rawAttendees = body.attendees === undefined ? [] : body.attendees;
  if (!Array.isArray(rawAttendees)) throw badRequest("'attendees' must be a collection.", 'RequestBodyRead');
  const attendees = readAttendees(rawAttendees).map((attendee) => ({
    ...attendee,
    user: userByMail(state, attendee.address),
  }));
  const duration = typeof body.meetingDuration === 'string' ? parseDuration(body.meetingDuration) : 30 * 60_000;
  if (duration <= 0) throw badRequest("'meetingDuration' must be positive.", 'ErrorInvalidParameter');
  const maxCandidates = typeof body.maxCandidates === 'number' ? Math.max(0, Math.floor(body.maxCandidates)) : 20;
  const minimumPercentage = typeof body.minimumAttendeePercentage === 'number' ? body.minimumAttendeePercentage : 50;
  const organizerOptional = body.isOrganizerOptional === true;
  const constraint = asObject(body.timeConstraint);
  const domain = typeof constraint?.activityDomain === 'string' ? constraint.activityDomain : 'work';
  let slots: { start: number; end: number }[];
  if (constraint && Array.isArray(constraint.timeSlots) && constraint.timeSlots.length) {
    slots = constraint.timeSlots.map((raw, index) => {
      const slot = asObject(raw);
      return {
        start: readDateTimeTimeZone(slot?.start, `timeSlots[${index}].start`),
        end: readDateTimeTimeZone(slot?.end, `timeSlots[${index}].end`),
      };
    });
  } else {
    slots = [{ start: ctx.now, end: ctx.now + 5 * 86_400_000 }];
  }
  const step = 30 * 60_000;
  const suggestions: { start: number; confidence: number; organizer: Availability; each: Availability[] }[] = [];
  let organizerEverFree = false;
  const availabilityOf = (user: UserRecord | undefined, from: number): Availability => {
    const found = user ? scheduleUser(state, ctx.me, user.mail) : { error: {} };
    return 'error' in found ? 'unknown' : statusOver(state, found, from, from + duration);
  };
  for (const window of slots) {
    const first = Math.ceil(Math.max(window.start, ctx.now) / step) * step;
    for (let from = first; from + duration <= window.end; from += step) {
      if ((domain === 'work' || domain === 'unknown') && !withinWorkingHours(from, duration)) continue;
      const organizer = statusOver(state, ctx.me, from, from + duration);
      if (organizer === 'free') organizerEverFree = true;
      if (!organizerOptional && RANK[organizer] >= 2) continue;
      const each = attendees.map((attendee) => availabilityOf(attendee.user, from));
      const required = attendees
        .map((attendee, index) => ({ attendee, availability: each[index] ?? 'unknown' }))
        .filter(({ attendee }) => attendee.type !== 'optional');
      // The organiser counts like a required attendee unless optional, so a tentative organiser ranks lower.
      const scores = [
        ...(organizerOptional ? [] : [SCORE[organizer]]),
        ...required.map((entry) => SCORE[entry.availability]),
      ];
      const confidence = scores.length ? scores.reduce((sum, score) => sum + score, 0) / scores.length : 100;
      if (confidence < minimumPercentage) continue;
      suggestions.push({ start: from, confidence, organizer, each });
    }
  }
  suggestions.sort((a, b) => b.confidence - a.confidence || a.start - b.start);
  const chosen = suggestions.slice(0, maxCandidates);
  let emptySuggestionsReason = '';
  if (chosen.length === 0) {
    if (!organizerEverFree && !organizerOptional) emptySuggestionsReason = 'OrganizerUnavailable';
    else if (attendees.some((attendee) => availabilityOf(attendee.user, ctx.now) === 'unknown'))
      emptySuggestionsReason = 'AttendeesUnavailableOrUnknown';
    else emptySuggestionsReason = 'AttendeesUnavailable';
  }
  const reasons = body.returnSuggestionReasons === true;
  return {
    status: 200,
    headers: zone !== 'UTC' ? { 'Preference-Applied': `outlook.timezone="${zone}"` } : {},
    body: {
      '@odata.context': `${ctx.graphBase}/$metadata#microsoft.graph.meetingTimeSuggestionsResult`,
      emptySuggestionsReason,
      meetingTimeSuggestions: chosen.map((suggestion) => ({
        confidence: suggestion.confidence,
        organizerAvailability: suggestion.organizer,
        ...(reasons
          ? {
              suggestionReason:
                suggestion.confidence === 100
                  ? 'Suggested because it is one of the nearest times when all attendees are available.'
                  : 'Suggested because it is one of the nearest times when most attendees are available.',
            }
          : {}),
        attendeeAvailability: attendees.map((attendee, index) => ({
          attendee: { type: attendee.type, emailAddress: { address: attendee.address } },
          availability: suggestion.each[index] ?? 'unknown',
        })),
        locations: [],
        meetingTimeSlot: {
          start: formatDateTimeTimeZone(suggestion.start, zone),
          end: formatDateTimeTimeZone(suggestion.start + duration, zone),
        },
      })),
    },
  };
};

export const registerScheduling = (router: Router): void => {
  router
    .self('POST', '/calendar/getSchedule', getSchedule, { writes: false })
    .self('POST', '/findMeetingTimes', findMeetingTimes, { writes: false });
};
