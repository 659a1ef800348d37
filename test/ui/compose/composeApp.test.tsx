import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Plan } from '../../../src/domain/plan/planDocument';
import { ComposeApp } from '../../../src/surfaces/compose/ComposeApp';
import { AppShell } from '../../../src/ui/shell/AppShell';
import { demoPlan } from '../../support/builders';
import { InMemoryPlanStore } from '../../support/fakes/InMemoryPlanStore';
import { shellServices } from '../shell/shellHarness';
import { FakeAppointment } from './FakeAppointment';

/** Mette Larsen (koordinator) opens the pane in a new Outlook appointment, 1 December 2026 13.00–14.30. */
const openPane = (options: { plans?: Plan[]; appointment?: FakeAppointment; store?: InMemoryPlanStore } = {}) => {
  const store = options.store ?? new InMemoryPlanStore(options.plans ?? [demoPlan()]);
  const appointment = options.appointment ?? new FakeAppointment();
  const { services } = shellServices({ store });
  const view = render(
    <AppShell services={{ ...services, appointment }}>
      <ComposeApp />
    </AppShell>,
  );
  return { store, appointment, view, user: userEvent.setup() };
};

const choosePlan = async (user: ReturnType<typeof userEvent.setup>, caseReference: string) => {
  await user.selectOptions(await screen.findByRole('combobox', { name: 'Plan' }), caseReference);
};

beforeEach(() => sessionStorage.clear());

describe('Outlook: "Gør til indsatsplansmøde"', () => {
  it("writes the plan's people, a subject with only the case reference, and the agenda into the appointment", async () => {
    const { appointment, user } = openPane();
    await choosePlan(user, 'KI-2026-014');
    await user.click(screen.getByRole('button', { name: 'Skriv ind i mødet' }));
    await screen.findByText(/Mødet er nu et indsatsplansmøde for KI-2026-014/);

    expect(appointment.subject).toBe('Koordinerende indsatsplansmøde – KI-2026-014');
    expect(appointment.bodyHtml).toContain('Dagsorden');
    expect(appointment.bodyHtml).toContain('13.00–13.05 Stamoplysninger');
    expect(appointment.bodyHtml).toContain('planId=plan-ki-2026-014');
    expect(appointment.bodyHtml + appointment.subject).not.toMatch(/Jens|Holm/);
    const invited = appointment.attendees.map((a) => a.email);
    expect(invited).toContain('karen.skov@regionms.example');
    expect(invited).toContain('ole.bak@laegehuset-sundby.example');
    expect(invited).not.toContain('mette.larsen@sundby-kommune.example'); // the organiser is not her own guest
  });

  it('links the meeting to the plan: the plan gets the next meeting at the appointment’s time, follow-up carried over', async () => {
    const { store, user } = openPane();
    await choosePlan(user, 'KI-2026-014');
    await user.click(screen.getByRole('button', { name: 'Skriv ind i mødet' }));
    await screen.findByText(/Mødet er nu et indsatsplansmøde/);

    const plan = store.current('plan-ki-2026-014').plan;
    expect(plan.meetings).toHaveLength(2);
    const next = plan.meetings[1];
    expect(next?.start).toBe('2026-12-01T12:00:00.000Z');
    expect(next?.end).toBe('2026-12-01T13:30:00.000Z');
    expect(next?.minutes.followUp.length).toBeGreaterThan(0);
    expect(next?.roles.koordinator).toBe('p-peter'); // the named next tovholder convenes
  });

  it('moves the upcoming meeting when the pane is used again, instead of adding a second one', async () => {
    const { store, user } = openPane();
    await choosePlan(user, 'KI-2026-014');
    await user.click(screen.getByRole('button', { name: 'Skriv ind i mødet' }));
    await screen.findByText(/Mødet er nu et indsatsplansmøde/);
    await user.click(screen.getByRole('button', { name: 'Skriv igen' }));
    await choosePlan(user, 'KI-2026-014');
    await user.click(screen.getByRole('button', { name: 'Skriv ind i mødet' }));
    await screen.findByText(/Planens kommende møde har fået mødets tidspunkt/);
    expect(store.current('plan-ki-2026-014').plan.meetings).toHaveLength(2);
  });

  it('creates a new plan from the case reference, with the organiser as koordinator and the people already invited', async () => {
    const appointment = new FakeAppointment(undefined, undefined, [
      { email: 'jonas.berg@sundby-kommune.example', name: 'Jonas Berg', required: true },
      { email: 'ole.bak@laegehuset-sundby.example', name: 'Ole Bak', required: false },
    ]);
    const { store, user } = openPane({ plans: [], appointment });
    await user.click(screen.getByRole('radio', { name: 'Ny plan' }));
    await user.type(screen.getByRole('textbox', { name: /Sagsreference/ }), 'KI-2026-031');
    await user.click(screen.getByRole('button', { name: 'Skriv ind i mødet' }));
    await screen.findByText(/Mødet er nu et indsatsplansmøde for KI-2026-031/);

    const listed = await store.list();
    const plan = (listed.ok ? listed.value.plans : []).find((x) => x.plan.caseReference === 'KI-2026-031')!.plan;
    expect(plan.participants.map((p) => [p.name, p.reach])).toEqual([
      ['Mette Larsen', 'inTenant'],
      ['Jonas Berg', 'inTenant'],
      ['Ole Bak', 'emailOnly'],
    ]);
    expect(plan.meetings[0]?.roles.koordinator).toBe(plan.participants[0]?.id);
    expect(appointment.subject).toBe('Koordinerende indsatsplansmøde – KI-2026-031');
  });

  it('warns about a CPR number typed as the case reference and writes nothing', async () => {
    const { appointment, store, user } = openPane({ plans: [] });
    await user.click(screen.getByRole('radio', { name: 'Ny plan' }));
    await user.type(screen.getByRole('textbox', { name: /Sagsreference/ }), '010203-1234');
    expect(await screen.findByText(/indeholder et CPR-nummer/)).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Skriv ind i mødet' }));
    expect(appointment.subject).toBe('');
    expect(store.saveCalls).toEqual([]);
  });

  it('says a plan with that case reference exists instead of overwriting it', async () => {
    const { store, user } = openPane();
    await user.click(screen.getByRole('radio', { name: 'Ny plan' }));
    await user.type(screen.getByRole('textbox', { name: /Sagsreference/ }), 'KI-2026-014');
    await user.click(screen.getByRole('button', { name: 'Skriv ind i mødet' }));
    expect((await screen.findByRole('alert')).textContent).toContain(
      'Der findes allerede en plan med sagsreferencen KI-2026-014',
    );
    expect(store.current('plan-ki-2026-014').plan.meetings).toHaveLength(1);
  });

  it('writes nothing into the appointment when the plan cannot be saved, and says what to do', async () => {
    const store = new InMemoryPlanStore([demoPlan()]).failNext();
    const { appointment, user } = openPane({ store });
    await choosePlan(user, 'KI-2026-014');
    await user.click(screen.getByRole('button', { name: 'Skriv ind i mødet' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Planen kunne ikke gemmes');
    expect(appointment.subject).toBe('');
    expect(appointment.attendees).toEqual([]);
  });

  it("tells the user when Outlook refuses the change, and keeps the plan's save", async () => {
    const { appointment, store, user } = openPane({ appointment: new FakeAppointment().refuseNextWrite() });
    await choosePlan(user, 'KI-2026-014');
    await user.click(screen.getByRole('button', { name: 'Skriv ind i mødet' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Outlook tog ikke imod ændringen');
    expect(store.current('plan-ki-2026-014').plan.meetings).toHaveLength(2);
    expect(appointment.subject).toBe('');
  });

  it('keeps the chosen plan when the pane is closed and opened again', async () => {
    const first = openPane();
    await choosePlan(first.user, 'KI-2026-014');
    first.view.unmount();
    openPane();
    await waitFor(() =>
      expect((screen.getByRole('combobox', { name: 'Plan' }) as HTMLSelectElement).value).toBe('plan-ki-2026-014'),
    );
  });
});
