/**
 * Outlook's appointment compose form for tests, stood in by office-addin-mock: the unit tests of OfficeAppointment
 * and the compose pane's test through the real adapter use the same one.
 */
import { OfficeMockObject } from 'office-addin-mock';
import { OfficeAppointment, type OfficeApi } from '../../../src/adapters/office/officeAppointment';

export type Recipient = { emailAddress: string; displayName: string };
export type Callback<T> = (result: { status: string; value?: T; error?: { code: number; message: string } }) => void;

const ok = <T>(callback: Callback<T>, value?: T) => callback({ status: 'succeeded', value });

/** A recipients field of the form (required or optional attendees): read, and added to. */
const recipients = (initial: Recipient[]) => ({
  value: initial,
  getAsync(callback: Callback<Recipient[]>) {
    ok(callback, this.value);
  },
  addAsync(added: Recipient[], callback: Callback<void>) {
    this.value = [...this.value, ...added];
    ok(callback);
  },
});

/**
 * Outlook's appointment compose item as office-addin-mock stands it in: Mailbox 1.1 getAsync/setAsync/addAsync
 * with callbacks, and the body as HTML.
 */
export const outlookWith = (initial: {
  subject?: string;
  body?: string;
  required?: Recipient[];
  optional?: Recipient[];
  failSubject?: boolean;
  /** The times chosen in the form (default Thursday 4 March 2027 13.00–14.30 Copenhagen). */
  start?: string;
  end?: string;
}) => {
  const data = {
    AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
    CoercionType: { Html: 'html', Text: 'text' },
    context: {
      mailbox: {
        item: {
          subject: {
            value: initial.subject ?? '',
            getAsync(callback: Callback<string>) {
              ok(callback, this.value);
            },
            setAsync(subject: string, callback: Callback<void>) {
              if (initial.failSubject)
                return callback({ status: 'failed', error: { code: 9041, message: 'The item is read-only.' } });
              this.value = subject;
              ok(callback);
            },
          },
          body: {
            value: initial.body ?? '',
            coercion: '',
            getAsync(coercion: string, callback: Callback<string>) {
              ok(callback, this.value);
            },
            setAsync(html: string, options: { coercionType: string }, callback: Callback<void>) {
              this.value = html;
              this.coercion = options.coercionType;
              ok(callback);
            },
          },
          requiredAttendees: recipients(initial.required ?? []),
          optionalAttendees: recipients(initial.optional ?? []),
          start: {
            getAsync(callback: Callback<Date>) {
              ok(callback, new Date(initial.start ?? '2027-03-04T12:00:00.000Z'));
            },
          },
          end: {
            getAsync(callback: Callback<Date>) {
              ok(callback, new Date(initial.end ?? '2027-03-04T13:30:00.000Z'));
            },
          },
        },
      },
    },
  };
  // 'outlook': Outlook's API has no load/sync, properties are read through callbacks.
  const office = new OfficeMockObject(
    data,
    'outlook' as ConstructorParameters<typeof OfficeMockObject>[1],
  ) as unknown as OfficeApi & {
    context: { mailbox: { item: Office.AppointmentCompose & typeof data.context.mailbox.item } };
  };
  const item = office.context.mailbox.item;
  return { item, appointment: new OfficeAppointment(item, office) };
};
