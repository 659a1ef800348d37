import type { Cleared } from '../privacy/cleared';
import type { Outcome } from './outcome';

export type Availability = 'free' | 'tentative' | 'busy' | 'oof' | 'workingElsewhere' | 'unknown';

export interface ScheduleRequest {
  emails: string[];
  /** ISO instants. */
  start: string;
  end: string;
  intervalMinutes: number;
}

/** One row per e-mail: a slot per interval. Unknown or external addresses are all `unknown`, never `free`. */
export interface ScheduleRow {
  email: string;
  slots: Availability[];
}

export interface EventAttendee {
  email: string;
  name: string;
  required: boolean;
}

export interface EventDraft {
  subject: string;
  /** HTML body: the agenda and a link to the plan. Never anything sensitive. */
  bodyHtml: string;
  start: string;
  end: string;
  attendees: EventAttendee[];
  /** Re-used on retry so Graph de-duplicates the create. */
  transactionId: string;
}

export type EventPatch = Partial<Pick<EventDraft, 'subject' | 'bodyHtml' | 'start' | 'end' | 'attendees'>>;

export interface CreatedEvent {
  eventId: string;
  joinUrl: string | null;
  webLink: string | null;
}

export interface AttendeeResponse {
  email: string;
  /** 'organizer': the one who sent the invitation (Graph's `organizer`); they have nothing to answer. */
  response: 'none' | 'accepted' | 'tentative' | 'declined' | 'organizer';
}

/** Kalender: the organiser's calendar through Graph. */
export interface Calendar {
  getSchedule(request: ScheduleRequest): Promise<Outcome<ScheduleRow[]>>;
  createEvent(draft: Cleared<EventDraft>): Promise<Outcome<CreatedEvent>>;
  updateEvent(eventId: string, patch: Cleared<EventPatch>): Promise<Outcome<void>>;
  getResponses(eventId: string): Promise<Outcome<AttendeeResponse[]>>;
}
