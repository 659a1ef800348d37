import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { BODY_END, BODY_START } from '../../../src/adapters/office/officeAppointment';
import { ComposeApp } from '../../../src/surfaces/compose/ComposeApp';
import { AppShell } from '../../../src/ui/shell/AppShell';
import { demoPlan } from '../../support/builders';
import { InMemoryPlanStore } from '../../support/fakes/InMemoryPlanStore';
import { outlookWith } from '../../support/fakes/outlookAppointmentMock';
import { shellServices } from '../shell/shellHarness';

/**
 * The compose pane through the real Office.js adapter (OfficeAppointment) over office-addin-mock's Outlook item:
 * what ends up in the appointment form is what Outlook's Mailbox API was told, not what a fake recorded.
 * Mette Larsen (koordinator) opens the pane in an appointment for 1 December 2026 13.00–14.30, where Outlook has
 * already put the Teams join information in the body.
 */
const TEAMS_BLOCK = '<div>Microsoft Teams-møde <a href="https://teams.microsoft.com/l/meetup-join/x">Deltag</a></div>';

const openPaneInOutlook = (options: { failSubject?: boolean } = {}) => {
  const store = new InMemoryPlanStore([demoPlan()]);
  const outlook = outlookWith({
    body: TEAMS_BLOCK,
    start: '2026-12-01T12:00:00.000Z',
    end: '2026-12-01T13:30:00.000Z',
    required: [{ emailAddress: 'jonas.berg@sundby-kommune.example', displayName: 'Jonas Berg' }],
    ...options,
  });
  const { services } = shellServices({ store });
  render(
    <AppShell services={{ ...services, appointment: outlook.appointment }}>
      <ComposeApp />
    </AppShell>,
  );
  return { store, item: outlook.item, user: userEvent.setup() };
};

beforeEach(() => sessionStorage.clear());

describe('"Gør til indsatsplansmøde" in Outlook, through Office.js (office-addin-mock)', () => {
  it('writes the attendees, the privacy-safe subject and the agenda into the appointment, and links the plan', async () => {
    const { item, store, user } = openPaneInOutlook();
    await user.selectOptions(await screen.findByRole('combobox', { name: 'Plan' }), 'KI-2026-014');
    await user.click(screen.getByRole('button', { name: 'Skriv ind i mødet' }));
    await screen.findByText(/Mødet er nu et indsatsplansmøde for KI-2026-014/);

    expect(item.subject.value).toBe('Koordinerende indsatsplansmøde – KI-2026-014');
    expect(item.body.coercion).toBe('html');
    const body = item.body.value;
    expect(body.startsWith(BODY_START)).toBe(true);
    expect(body.endsWith(`${BODY_END}${TEAMS_BLOCK}`)).toBe(true); // Outlook's Teams block stays
    expect(body).toContain('13.00–13.05 Stamoplysninger');
    expect(body).toContain('planId=plan-ki-2026-014');
    expect(`${item.subject.value} ${body}`).not.toMatch(/Jens|Holm/);

    const invited = [...item.requiredAttendees.value, ...item.optionalAttendees.value].map((r) => r.emailAddress);
    expect(invited).toContain('karen.skov@regionms.example');
    expect(invited).toContain('ole.bak@laegehuset-sundby.example');
    // Jonas was already on the invitation: Outlook is not asked to add him twice.
    expect(invited.filter((e) => e === 'jonas.berg@sundby-kommune.example')).toHaveLength(1);
    expect(invited).not.toContain('mette.larsen@sundby-kommune.example');
    expect(invited.join(' ')).not.toMatch(/jens\.holm|lise\.holm/);

    // Linked: the plan holds the next meeting at the times read from the appointment form.
    const next = store.current('plan-ki-2026-014').plan.meetings[1];
    expect(next?.start).toBe('2026-12-01T12:00:00.000Z');
    expect(next?.end).toBe('2026-12-01T13:30:00.000Z');
  });

  it('says in Danish when Outlook refuses the change (a read-only item)', async () => {
    const { item, user } = openPaneInOutlook({ failSubject: true });
    await user.selectOptions(await screen.findByRole('combobox', { name: 'Plan' }), 'KI-2026-014');
    await user.click(screen.getByRole('button', { name: 'Skriv ind i mødet' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Outlook tog ikke imod ændringen');
    expect(item.subject.value).toBe('');
  });
});
