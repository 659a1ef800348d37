import type {
  AttendeeResponse,
  Calendar,
  CreatedEvent,
  EventDraft,
  EventPatch,
  ScheduleRequest,
  ScheduleRow,
} from '../../../src/domain/ports/calendar';
import type { Availability } from '../../../src/domain/ports/calendar';
import { success, type Failure, type Outcome } from '../../../src/domain/ports/outcome';
import type { Cleared } from '../../../src/domain/privacy/cleared';

/** A busy block in someone's calendar. */
export interface BusyBlock {
  email: string;
  start: string;
  end: string;
  availability?: Availability;
}

/**
 * An organiser's calendar in memory. Behaves like Graph where the surfaces notice: a create with a
 * transactionId seen before returns the same event (so a retry never makes two), and addresses it does not
 * know are `unknown`, never `free`. Failures can be queued per operation to act out 429s, 403s and timeouts.
 */
export class FakeCalendar implements Calendar {
  readonly created: { eventId: string; draft: EventDraft }[] = [];
  readonly createCalls: EventDraft[] = [];
  readonly scheduleCalls: ScheduleRequest[] = [];
  private readonly knownEmails: Set<string>;
  private readonly busy: BusyBlock[];
  private readonly failures: { create: Failure[]; schedule: Failure[] } = { create: [], schedule: [] };
  private heldSchedules: (() => void)[] | null = null;

  constructor(options: { knownEmails?: string[]; busy?: BusyBlock[] } = {}) {
    this.knownEmails = new Set((options.knownEmails ?? []).map((e) => e.toLowerCase()));
    this.busy = options.busy ?? [];
  }

  /** The next create (or schedule) call fails with this, once. */
  failNext(operation: 'create' | 'schedule', failure: Failure): this {
    this.failures[operation].push(failure);
    return this;
  }

  /**
   * getSchedule answers nothing until `release()`, to see what shows while free/busy is being fetched. Calls made
   * while held are answered on release; calls after it at once.
   */
  holdSchedule(): { release(): void } {
    const waiting: (() => void)[] = [];
    this.heldSchedules = waiting;
    return {
      release: () => {
        if (this.heldSchedules === waiting) this.heldSchedules = null;
        for (const answer of waiting.splice(0)) answer();
      },
    };
  }

  async getSchedule(request: ScheduleRequest): Promise<Outcome<ScheduleRow[]>> {
    this.scheduleCalls.push(request);
    const held = this.heldSchedules;
    if (held) await new Promise<void>((answer) => held.push(answer));
    const failure = this.failures.schedule.shift();
    if (failure) return failure;
    const start = Date.parse(request.start);
    const count = Math.ceil((Date.parse(request.end) - start) / (request.intervalMinutes * 60000));
    return success(
      request.emails.map((email) => ({
        email,
        slots: Array.from({ length: count }, (_, i) => {
          if (!this.knownEmails.has(email.toLowerCase())) return 'unknown' as const;
          const from = start + i * request.intervalMinutes * 60000;
          const to = from + request.intervalMinutes * 60000;
          const block = this.busy.find(
            (b) =>
              b.email.toLowerCase() === email.toLowerCase() && Date.parse(b.start) < to && Date.parse(b.end) > from,
          );
          return block ? (block.availability ?? 'busy') : ('free' as const);
        }),
      })),
    );
  }

  async createEvent(draft: Cleared<EventDraft>): Promise<Outcome<CreatedEvent>> {
    this.createCalls.push(draft);
    const failure = this.failures.create.shift();
    if (failure) return failure;
    const existing = this.created.find((c) => c.draft.transactionId === draft.transactionId);
    const eventId = existing?.eventId ?? `event-${this.created.length + 1}`;
    if (!existing) this.created.push({ eventId, draft });
    return success({
      eventId,
      joinUrl: `https://teams.example/l/meetup-join/${eventId}`,
      webLink: `https://outlook.example/calendar/item/${eventId}`,
    });
  }

  async updateEvent(eventId: string, patch: Cleared<EventPatch>): Promise<Outcome<void>> {
    const event = this.created.find((c) => c.eventId === eventId);
    if (event) Object.assign(event.draft, patch);
    return success(undefined);
  }

  async getResponses(eventId: string): Promise<Outcome<AttendeeResponse[]>> {
    const event = this.created.find((c) => c.eventId === eventId);
    return success((event?.draft.attendees ?? []).map((a) => ({ email: a.email, response: 'none' as const })));
  }
}
