import { describe, expect, it } from 'vitest';
import {
  StandaloneAppointment,
  type AppointmentState,
} from '../../../../src/adapters/standalone/standaloneAppointment';
import type { AppointmentAttendee } from '../../../../src/domain/ports/appointmentItem';
import type { Cleared } from '../../../../src/domain/privacy/cleared';

const empty: AppointmentState = {
  subject: '',
  bodyHtml: '',
  attendees: [],
  start: '2027-03-04T12:00:00.000Z',
  end: '2027-03-04T13:30:00.000Z',
};

/** A session storage as the browser keeps it across a reload of the tab. */
const memoryStorage = (): Storage => {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (key) => items.get(key) ?? null,
    key: (index) => [...items.keys()][index] ?? null,
    removeItem: (key) => void items.delete(key),
    setItem: (key, value) => void items.set(key, value),
  };
};

/** Attendees as the privacy guard (clearAppointmentAttendees) hands them on; the guard has its own tests. */
const cleared = (attendees: AppointmentAttendee[]) => attendees as Cleared<AppointmentAttendee[]>;

describe('the standalone appointment (local stand-in for Outlook)', () => {
  it('shows what the pane wrote, as the page re-renders on each change', async () => {
    const appointment = new StandaloneAppointment(empty);
    const subjects: string[] = [];
    appointment.subscribe((state) => subjects.push(state.subject));
    await appointment.setSubject('Koordinerende indsatsplansmøde – KI-2026-014' as Cleared<string>);
    await appointment.setBodyHtml('<h2>Dagsorden</h2>' as Cleared<string>);
    expect(subjects).toEqual([
      'Koordinerende indsatsplansmøde – KI-2026-014',
      'Koordinerende indsatsplansmøde – KI-2026-014',
    ]);
    expect(appointment.snapshot().bodyHtml).toBe('<h2>Dagsorden</h2>');
  });

  it('does not invite the same address twice, whatever its case', async () => {
    const appointment = new StandaloneAppointment(empty);
    await appointment.addAttendees(
      cleared([{ email: 'karen.skov@regionms.example', name: 'Karen Skov', required: true }]),
    );
    await appointment.addAttendees(
      cleared([
        { email: 'Karen.Skov@regionms.example', name: 'Karen Skov', required: true },
        { email: 'ole.bak@laegehuset-sundby.example', name: 'Ole Bak', required: false },
      ]),
    );
    const attendees = await appointment.getAttendees();
    expect(attendees.ok && attendees.value.map((a) => a.email)).toEqual([
      'karen.skov@regionms.example',
      'ole.bak@laegehuset-sundby.example',
    ]);
  });

  it('keeps the appointment across a reload of the page', async () => {
    const storage = memoryStorage();
    await new StandaloneAppointment(empty, storage).setSubject('Møde om KI-2026-014' as Cleared<string>);
    const reloaded = new StandaloneAppointment(empty, storage);
    expect(await reloaded.getSubject()).toEqual({ ok: true, value: 'Møde om KI-2026-014' });
  });
});
