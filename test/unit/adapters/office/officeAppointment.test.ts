import { describe, expect, it } from 'vitest';
import { BODY_END, BODY_START } from '../../../../src/adapters/office/officeAppointment';
import type { AppointmentAttendee } from '../../../../src/domain/ports/appointmentItem';
import type { Cleared } from '../../../../src/domain/privacy/cleared';
import { outlookWith } from '../../../support/fakes/outlookAppointmentMock';

const cleared = (text: string) => text as Cleared<string>;
const clearedAttendees = (attendees: AppointmentAttendee[]) => attendees as Cleared<AppointmentAttendee[]>;

describe('the Outlook appointment through Office.js', () => {
  it('writes the privacy-safe subject into the appointment', async () => {
    const { item, appointment } = outlookWith({ subject: 'Møde' });
    expect(await appointment.getSubject()).toEqual({ ok: true, value: 'Møde' });
    expect((await appointment.setSubject(cleared('Koordinerende indsatsplansmøde – KI-2026-014'))).ok).toBe(true);
    expect(item.subject.value).toBe('Koordinerende indsatsplansmøde – KI-2026-014');
  });

  it("puts the agenda first as HTML and keeps the Teams join information and the organiser's own text", async () => {
    const teamsBlock =
      '<div>Microsoft Teams-møde <a href="https://teams.microsoft.com/l/meetup-join/x">Deltag</a></div>';
    const { item, appointment } = outlookWith({ body: `<p>Husk tolk.</p>${teamsBlock}` });
    await appointment.setBodyHtml(cleared('<h2>Dagsorden</h2>'));
    expect(item.body.coercion).toBe('html');
    expect(item.body.value).toBe(`${BODY_START}<h2>Dagsorden</h2>${BODY_END}<p>Husk tolk.</p>${teamsBlock}`);
  });

  it('replaces its own agenda when the pane is used again, instead of adding a second one', async () => {
    const { item, appointment } = outlookWith({ body: '<p>Husk tolk.</p>' });
    await appointment.setBodyHtml(cleared('<p>første</p>'));
    await appointment.setBodyHtml(cleared('<p>anden</p>'));
    expect(item.body.value).toBe(`${BODY_START}<p>anden</p>${BODY_END}<p>Husk tolk.</p>`);
  });

  it('adds required and optional attendees, and nobody who is already invited', async () => {
    const { item, appointment } = outlookWith({
      required: [{ emailAddress: 'jonas.berg@sundby-kommune.example', displayName: 'Jonas Berg' }],
    });
    await appointment.addAttendees(
      clearedAttendees([
        { email: 'Jonas.Berg@sundby-kommune.example', name: 'Jonas Berg', required: true },
        { email: 'karen.skov@regionms.example', name: 'Karen Skov', required: true },
        { email: 'lise.holm@post.example', name: 'Lise Holm', required: false },
      ]),
    );
    expect(item.requiredAttendees.value.map((r) => r.emailAddress)).toEqual([
      'jonas.berg@sundby-kommune.example',
      'karen.skov@regionms.example',
    ]);
    expect(item.optionalAttendees.value).toEqual([
      { emailAddress: 'lise.holm@post.example', displayName: 'Lise Holm' },
    ]);
    const attendees = await appointment.getAttendees();
    expect(attendees.ok && attendees.value.map((a) => `${a.name}:${a.required}`)).toEqual([
      'Jonas Berg:true',
      'Karen Skov:true',
      'Lise Holm:false',
    ]);
  });

  it('reads the times the organiser chose in the form', async () => {
    const { appointment } = outlookWith({});
    expect(await appointment.getTimes()).toEqual({
      ok: true,
      value: { start: '2027-03-04T12:00:00.000Z', end: '2027-03-04T13:30:00.000Z' },
    });
  });

  it("turns Outlook's refusal into a failed outcome instead of throwing", async () => {
    const { appointment } = outlookWith({ failSubject: true });
    const outcome = await appointment.setSubject(cleared('Koordinerende indsatsplansmøde – KI-2026-014'));
    expect(outcome).toMatchObject({ ok: false, kind: 'failed', code: '9041', message: 'The item is read-only.' });
  });
});
