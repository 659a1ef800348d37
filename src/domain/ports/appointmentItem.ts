import type { Cleared } from '../privacy/cleared';
import type { Outcome } from './outcome';

export interface AppointmentAttendee {
  email: string;
  name: string;
  required: boolean;
}

/** The Outlook appointment being composed (Office.js), or a standalone one in local mode. */
export interface AppointmentItem {
  getSubject(): Promise<Outcome<string>>;
  setSubject(subject: Cleared<string>): Promise<Outcome<void>>;
  setBodyHtml(html: Cleared<string>): Promise<Outcome<void>>;
  getAttendees(): Promise<Outcome<AppointmentAttendee[]>>;
  /** The attendee list is seen by every attendee, delegate and anyone the invitation is forwarded to. */
  addAttendees(attendees: Cleared<AppointmentAttendee[]>): Promise<Outcome<void>>;
  getTimes(): Promise<Outcome<{ start: string; end: string }>>;
}
