import type { AppointmentAttendee, AppointmentItem } from '../../domain/ports/appointmentItem';
import { failure, success, type Outcome } from '../../domain/ports/outcome';
import type { Cleared } from '../../domain/privacy/cleared';

/** The parts of the Office namespace the adapter uses (the global `Office`, or office-addin-mock in tests). */
export type OfficeApi = Pick<typeof Office, 'AsyncResultStatus' | 'CoercionType'>;

/**
 * Our block in the body is fenced, so using the pane again replaces it instead of adding a second agenda,
 * and everything else in the body (the Teams join information Outlook inserted, the organiser's own text) stays.
 */
export const BODY_START = '<!--tovholder:start-->';
export const BODY_END = '<!--tovholder:end-->';

const call = <T>(office: OfficeApi, run: (callback: (result: Office.AsyncResult<T>) => void) => void) =>
  new Promise<Outcome<T>>((resolve) => {
    try {
      run((result) => {
        if (result.status === office.AsyncResultStatus.Failed) {
          const error = result.error as Office.Error | undefined;
          resolve(
            failure('failed', String(error?.code ?? 'OfficeError'), error?.message ?? 'Outlook refused the change.'),
          );
        } else resolve(success(result.value));
      });
    } catch (error) {
      // Office.js throws synchronously for an API the client does not support (an older Outlook).
      resolve(failure('failed', 'OfficeUnsupported', error instanceof Error ? error.message : String(error)));
    }
  });

const toAttendee =
  (required: boolean) =>
  (detail: Office.EmailAddressDetails): AppointmentAttendee => ({
    email: detail.emailAddress,
    name: detail.displayName || detail.emailAddress,
    required,
  });

/** Replaces our earlier block, or puts the new one first, keeping the rest of the body. */
export const mergeBody = (current: string, ours: string): string => {
  const block = `${BODY_START}${ours}${BODY_END}`;
  const start = current.indexOf(BODY_START);
  const end = current.indexOf(BODY_END, start);
  if (start >= 0 && end > start) return current.slice(0, start) + block + current.slice(end + BODY_END.length);
  return block + current;
};

/** Outlook's appointment compose form through Office.js (Mailbox 1.1+ APIs only). */
export class OfficeAppointment implements AppointmentItem {
  constructor(
    private readonly item: Office.AppointmentCompose,
    private readonly office: OfficeApi,
  ) {}

  getSubject(): Promise<Outcome<string>> {
    return call(this.office, (cb) => this.item.subject.getAsync(cb));
  }

  setSubject(subject: Cleared<string>): Promise<Outcome<void>> {
    return call(this.office, (cb) => this.item.subject.setAsync(subject, cb));
  }

  async setBodyHtml(html: Cleared<string>): Promise<Outcome<void>> {
    const coercionType = this.office.CoercionType.Html;
    const current = await call<string>(this.office, (cb) => this.item.body.getAsync(coercionType, cb));
    if (!current.ok) return current;
    const merged = mergeBody(current.value, html);
    return call(this.office, (cb) => this.item.body.setAsync(merged, { coercionType }, cb));
  }

  async getAttendees(): Promise<Outcome<AppointmentAttendee[]>> {
    const required = await call<Office.EmailAddressDetails[]>(this.office, (cb) =>
      this.item.requiredAttendees.getAsync(cb),
    );
    if (!required.ok) return required;
    const optional = await call<Office.EmailAddressDetails[]>(this.office, (cb) =>
      this.item.optionalAttendees.getAsync(cb),
    );
    if (!optional.ok) return optional;
    return success([...required.value.map(toAttendee(true)), ...optional.value.map(toAttendee(false))]);
  }

  /** Adds only addresses not already on the invitation (Outlook would otherwise list a person twice). */
  async addAttendees(attendees: Cleared<AppointmentAttendee[]>): Promise<Outcome<void>> {
    const present = await this.getAttendees();
    if (!present.ok) return present;
    const known = new Set(present.value.map((a) => a.email.toLowerCase()));
    const fresh = attendees.filter((a) => {
      const key = a.email.toLowerCase();
      if (known.has(key)) return false;
      known.add(key);
      return true;
    });
    const details = (required: boolean) =>
      fresh.filter((a) => a.required === required).map((a) => ({ emailAddress: a.email, displayName: a.name }));
    for (const [required, recipients] of [
      [true, this.item.requiredAttendees],
      [false, this.item.optionalAttendees],
    ] as const) {
      const list = details(required);
      if (list.length === 0) continue;
      const added = await call<void>(this.office, (cb) => recipients.addAsync(list, cb));
      if (!added.ok) return added;
    }
    return success(undefined);
  }

  async getTimes(): Promise<Outcome<{ start: string; end: string }>> {
    const start = await call<Date>(this.office, (cb) => this.item.start.getAsync(cb));
    if (!start.ok) return start;
    const end = await call<Date>(this.office, (cb) => this.item.end.getAsync(cb));
    if (!end.ok) return end;
    return success({ start: new Date(start.value).toISOString(), end: new Date(end.value).toISOString() });
  }
}
