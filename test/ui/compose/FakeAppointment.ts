import type { AppointmentAttendee, AppointmentItem } from '../../../src/domain/ports/appointmentItem';
import { failure, success, type Failure, type Outcome } from '../../../src/domain/ports/outcome';

/** The Outlook appointment being composed, in memory: what the pane wrote, and a refusal when the test asks. */
export class FakeAppointment implements AppointmentItem {
  subject = '';
  bodyHtml = '';
  attendees: AppointmentAttendee[] = [];
  private refusal: Failure | null = null;

  constructor(
    readonly start = '2026-12-01T12:00:00.000Z',
    readonly end = '2026-12-01T13:30:00.000Z',
    attendees: AppointmentAttendee[] = [],
  ) {
    this.attendees = attendees;
  }

  /** The next write is refused, as Outlook refuses a read-only item. */
  refuseNextWrite(message = 'The item is read-only.'): this {
    this.refusal = failure('failed', '9041', message);
    return this;
  }

  private refused(): Failure | null {
    const refusal = this.refusal;
    this.refusal = null;
    return refusal;
  }

  async getSubject(): Promise<Outcome<string>> {
    return success(this.subject);
  }
  async setSubject(subject: string): Promise<Outcome<void>> {
    const refusal = this.refused();
    if (refusal) return refusal;
    this.subject = subject;
    return success(undefined);
  }
  async setBodyHtml(html: string): Promise<Outcome<void>> {
    const refusal = this.refused();
    if (refusal) return refusal;
    this.bodyHtml = html;
    return success(undefined);
  }
  async getAttendees(): Promise<Outcome<AppointmentAttendee[]>> {
    return success([...this.attendees]);
  }
  async addAttendees(attendees: AppointmentAttendee[]): Promise<Outcome<void>> {
    const refusal = this.refused();
    if (refusal) return refusal;
    const known = new Set(this.attendees.map((a) => a.email.toLowerCase()));
    this.attendees.push(...attendees.filter((a) => !known.has(a.email.toLowerCase())));
    return success(undefined);
  }
  async getTimes(): Promise<Outcome<{ start: string; end: string }>> {
    return success({ start: this.start, end: this.end });
  }
}
