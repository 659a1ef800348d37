import type { Event } from '@microsoft/microsoft-graph-types';
import * as z from 'zod/mini';
import type {
  AttendeeResponse,
  Availability,
  Calendar,
  CreatedEvent,
  EventAttendee,
  EventDraft,
  EventPatch,
  ScheduleRequest,
  ScheduleRow,
} from '../../domain/ports/calendar';
import { failure, success, type Outcome } from '../../domain/ports/outcome';
import type { Cleared } from '../../domain/privacy/cleared';
import { copenhagenOffsetMinutes } from '../../domain/time/danishTime';
import { batchResult, sendBatch, type BatchItem } from './graphBatch';
import { query, type GraphClient } from './graphClient';

/**
 * Kalender: free/busy, and the indsatsplansmøde itself as a Teams meeting in the organiser's calendar.
 * Times go to Graph as Copenhagen wall-clock time in Windows' name for that zone, so Outlook shows the meeting in
 * the zone it was planned in; answers come back in the same zone (Prefer: outlook.timezone).
 */

/** Windows' name for Europe/Copenhagen, which Graph's calendar API understands everywhere. */
export const GRAPH_TIME_ZONE = 'Romance Standard Time';
const PREFER_TIME_ZONE = { Prefer: `outlook.timezone="${GRAPH_TIME_ZONE}"` };

/** getSchedule takes at most 20 schedules per request and a window under 62 days. */
export const SCHEDULES_PER_REQUEST = 20;
const MAX_SCHEDULE_WINDOW_MS = 62 * 24 * 60 * 60 * 1000;

const pad = (value: number, width = 2): string => String(value).padStart(width, '0');

/** An instant as Copenhagen wall-clock time, the way Graph's dateTimeTimeZone wants it. */
export const toCopenhagenDateTime = (instant: string): { dateTime: string; timeZone: string } => {
  const date = new Date(instant);
  const local = new Date(date.getTime() + copenhagenOffsetMinutes(date) * 60000);
  const dateTime =
    `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}` +
    `T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}`;
  return { dateTime, timeZone: GRAPH_TIME_ZONE };
};

const AVAILABILITY: Record<string, Availability> = {
  '0': 'free',
  '1': 'tentative',
  '2': 'busy',
  '3': 'oof',
  '4': 'workingElsewhere',
};

const ScheduleResponseSchema = z.object({
  value: z.array(
    z.object({
      scheduleId: z.string(),
      availabilityView: z.nullish(z.string()),
      error: z.nullish(z.object({ message: z.nullish(z.string()), responseCode: z.nullish(z.string()) })),
    }),
  ),
});

const CreatedEventSchema = z.object({
  id: z.string().check(z.minLength(1)),
  webLink: z.nullish(z.string()),
  onlineMeeting: z.nullish(z.object({ joinUrl: z.nullish(z.string()) })),
});

const ResponsesSchema = z.object({
  attendees: z.array(
    z.object({
      emailAddress: z.nullish(z.object({ address: z.nullish(z.string()) })),
      status: z.nullish(z.object({ response: z.nullish(z.string()) })),
    }),
  ),
  organizer: z.nullish(z.object({ emailAddress: z.nullish(z.object({ address: z.nullish(z.string()) })) })),
});

const RESPONSE: Record<string, AttendeeResponse['response']> = {
  accepted: 'accepted',
  tentativelyAccepted: 'tentative',
  declined: 'declined',
  organizer: 'organizer',
};

const attendeesJson = (attendees: EventAttendee[]): NonNullable<Event['attendees']> =>
  attendees.map((attendee) => ({
    emailAddress: { address: attendee.email, name: attendee.name },
    type: attendee.required ? 'required' : 'optional',
  }));

const eventJson = (fields: EventPatch): Event => ({
  ...(fields.subject === undefined ? {} : { subject: fields.subject }),
  ...(fields.bodyHtml === undefined ? {} : { body: { contentType: 'html', content: fields.bodyHtml } }),
  ...(fields.start === undefined ? {} : { start: toCopenhagenDateTime(fields.start) }),
  ...(fields.end === undefined ? {} : { end: toCopenhagenDateTime(fields.end) }),
  ...(fields.attendees === undefined ? {} : { attendees: attendeesJson(fields.attendees) }),
});

const eventPath = (eventId: string): string => `/me/events/${encodeURIComponent(eventId)}`;

export class GraphCalendar implements Calendar {
  constructor(private readonly graph: GraphClient) {}

  /**
   * All schedules in one round trip: chunks of 20 addresses, each its own getSchedule request, all in one $batch.
   * An address Graph cannot answer for (external, unknown) is `unknown` in every slot — never `free`.
   */
  async getSchedule(request: ScheduleRequest): Promise<Outcome<ScheduleRow[]>> {
    const start = Date.parse(request.start);
    const end = Date.parse(request.end);
    if (!(end > start) || request.intervalMinutes <= 0) {
      return failure('invalid', 'invalidWindow', 'Slutningen skal ligge efter starten');
    }
    if (end - start >= MAX_SCHEDULE_WINDOW_MS) {
      return failure('invalid', 'windowTooLong', 'Ledig/optaget kan kun slås op for under 62 dage ad gangen');
    }
    const slotCount = Math.ceil((end - start) / (request.intervalMinutes * 60000));
    const emails = [...new Set(request.emails.map((email) => email.trim()).filter(Boolean))];
    if (emails.length === 0) return success([]);

    const items: BatchItem[] = [];
    for (let index = 0; index < emails.length; index += SCHEDULES_PER_REQUEST) {
      items.push({
        id: `schedule-${index / SCHEDULES_PER_REQUEST}`,
        method: 'POST',
        path: '/me/calendar/getSchedule',
        headers: PREFER_TIME_ZONE,
        body: {
          schedules: emails.slice(index, index + SCHEDULES_PER_REQUEST),
          startTime: toCopenhagenDateTime(request.start),
          endTime: toCopenhagenDateTime(request.end),
          availabilityViewInterval: request.intervalMinutes,
        },
        // Reading free/busy changes nothing: safe to repeat.
        idempotent: true,
      });
    }
    const results = await sendBatch(this.graph, items);
    const views = new Map<string, string | null>();
    for (const item of items) {
      const outcome = batchResult(results, item.id, ScheduleResponseSchema, 'POST /me/calendar/getSchedule');
      if (!outcome.ok) return outcome;
      for (const schedule of outcome.value.value) {
        views.set(schedule.scheduleId.toLowerCase(), schedule.error ? null : (schedule.availabilityView ?? null));
      }
    }
    const rows = emails.map((email): ScheduleRow => {
      const view = views.get(email.toLowerCase()) ?? null;
      const slots = Array.from({ length: slotCount }, (_, slot): Availability => {
        const code = view?.[slot];
        return code === undefined ? 'unknown' : (AVAILABILITY[code] ?? 'unknown');
      });
      return { email, slots };
    });
    // Rows come back for every address asked for, in the order asked (duplicates included).
    const byEmail = new Map(rows.map((row) => [row.email.toLowerCase(), row.slots]));
    return success(
      request.emails.map((email) => ({
        email,
        slots: byEmail.get(email.trim().toLowerCase()) ?? Array<Availability>(slotCount).fill('unknown'),
      })),
    );
  }

  /**
   * A Teams meeting (isOnlineMeeting, teamsForBusiness). The draft's transactionId makes a retried create —
   * by the client's retries (GraphClient.send), or by the user pressing again after a dropped connection — return
   * the first event.
   */
  async createEvent(draft: Cleared<EventDraft>): Promise<Outcome<CreatedEvent>> {
    const body: Event = {
      ...eventJson(draft),
      isOnlineMeeting: true,
      onlineMeetingProvider: 'teamsForBusiness',
      transactionId: draft.transactionId,
    };
    const outcome = await this.graph.request(
      { method: 'POST', path: '/me/events', headers: PREFER_TIME_ZONE, body, idempotent: true },
      CreatedEventSchema,
    );
    if (!outcome.ok) return outcome;
    return success({
      eventId: outcome.value.id,
      joinUrl: outcome.value.onlineMeeting?.joinUrl ?? null,
      webLink: outcome.value.webLink ?? null,
    });
  }

  async updateEvent(eventId: string, patch: Cleared<EventPatch>): Promise<Outcome<void>> {
    const outcome = await this.graph.send({
      method: 'PATCH',
      path: eventPath(eventId),
      headers: PREFER_TIME_ZONE,
      body: eventJson(patch),
    });
    return outcome.ok ? success(undefined) : outcome;
  }

  async getResponses(eventId: string): Promise<Outcome<AttendeeResponse[]>> {
    const outcome = await this.graph.request(
      { method: 'GET', path: `${eventPath(eventId)}${query({ $select: 'attendees,organizer' })}` },
      ResponsesSchema,
    );
    if (!outcome.ok) return outcome;
    // The organiser sent the invitation and has nothing to answer (Graph's responseStatus 'organizer'), also when
    // they are on the attendee list themselves.
    const organizer = outcome.value.organizer?.emailAddress?.address?.toLowerCase() ?? null;
    const answers = outcome.value.attendees.flatMap((attendee): AttendeeResponse[] => {
      const email = attendee.emailAddress?.address;
      if (!email || email.toLowerCase() === organizer) return [];
      return [{ email, response: RESPONSE[attendee.status?.response ?? ''] ?? 'none' }];
    });
    const organizerEmail = outcome.value.organizer?.emailAddress?.address;
    return success(organizerEmail ? [{ email: organizerEmail, response: 'organizer' }, ...answers] : answers);
  }
}
