import * as z from 'zod/mini';
import type { AppointmentAttendee, AppointmentItem } from '../../domain/ports/appointmentItem';
import { success, type Outcome } from '../../domain/ports/outcome';
import type { Cleared } from '../../domain/privacy/cleared';

/** What an Outlook appointment form would hold, for the local compose page to show. */
export interface AppointmentState {
  subject: string;
  bodyHtml: string;
  attendees: AppointmentAttendee[];
  /** ISO instants. */
  start: string;
  end: string;
}

const AppointmentStateSchema = z.object({
  subject: z.string(),
  bodyHtml: z.string(),
  attendees: z.array(z.object({ email: z.string(), name: z.string(), required: z.boolean() })),
  start: z.string(),
  end: z.string(),
});

const STORAGE_KEY = 'tovholder:standaloneAppointment';

/**
 * The appointment being "composed" in local mode: an in-page stand-in for Outlook's form, kept in session
 * storage like a draft, so the compose pane can be tried without Outlook. The page shows it beside the pane.
 */
export class StandaloneAppointment implements AppointmentItem {
  private state: AppointmentState;
  private readonly listeners = new Set<(state: AppointmentState) => void>();

  constructor(
    initial: AppointmentState,
    private readonly storage: Storage | null = null,
  ) {
    this.state = StandaloneAppointment.restore(storage) ?? initial;
  }

  snapshot(): AppointmentState {
    return this.state;
  }

  subscribe(listener: (state: AppointmentState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** What the user types into the stand-in form itself (subject, times). */
  edit(patch: Partial<AppointmentState>): void {
    this.update(patch);
  }

  async getSubject(): Promise<Outcome<string>> {
    return success(this.state.subject);
  }

  async setSubject(subject: Cleared<string>): Promise<Outcome<void>> {
    this.update({ subject });
    return success(undefined);
  }

  async setBodyHtml(html: Cleared<string>): Promise<Outcome<void>> {
    this.update({ bodyHtml: html });
    return success(undefined);
  }

  async getAttendees(): Promise<Outcome<AppointmentAttendee[]>> {
    return success(this.state.attendees.map((attendee) => ({ ...attendee })));
  }

  /** Like Outlook: an address already on the invitation is not added twice. */
  async addAttendees(attendees: Cleared<AppointmentAttendee[]>): Promise<Outcome<void>> {
    const known = new Set(this.state.attendees.map((a) => a.email.toLowerCase()));
    const added = attendees.filter((a) => {
      const key = a.email.toLowerCase();
      if (known.has(key)) return false;
      known.add(key);
      return true;
    });
    this.update({ attendees: [...this.state.attendees, ...added.map((a) => ({ ...a }))] });
    return success(undefined);
  }

  async getTimes(): Promise<Outcome<{ start: string; end: string }>> {
    return success({ start: this.state.start, end: this.state.end });
  }

  private update(patch: Partial<AppointmentState>) {
    this.state = { ...this.state, ...patch };
    try {
      this.storage?.setItem(STORAGE_KEY, JSON.stringify(this.state));
    } catch {
      // storage full or disabled: the form still works for this page view
    }
    for (const listener of this.listeners) listener(this.state);
  }

  private static restore(storage: Storage | null): AppointmentState | null {
    try {
      const raw = storage?.getItem(STORAGE_KEY);
      if (!raw) return null;
      const parsed = AppointmentStateSchema.safeParse(JSON.parse(raw));
      return parsed.success ? parsed.data : null;
    } catch {
      // a damaged draft is ignored; the form starts from the initial state
    }
    return null;
  }
}
