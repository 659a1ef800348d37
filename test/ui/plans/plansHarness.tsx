/**
 * Renders the plans tab the way src/app does (AppShell + PlansApp) with injected fakes: plans in an
 * InMemoryPlanStore, a calendar, directory and meeting chat in memory, and a clock the test sets.
 * The default day is Friday 27 November 2026, between the demo plan's meeting (3 September) and the date the
 * next one must be held by (3 December).
 */
import { configure, render, type RenderResult } from '@testing-library/react';
import userEvent, { PointerEventsCheckLevel } from '@testing-library/user-event';
import { defaultPolicy, type TenantPolicy } from '../../../src/domain/policy';
import type { DirectoryPerson } from '../../../src/domain/ports/peopleDirectory';
import type { Participant, Plan } from '../../../src/domain/plan/planDocument';
import { copenhagenInstant } from '../../../src/domain/time/danishTime';
import { PlansApp } from '../../../src/surfaces/plans/PlansApp';
import type { Services } from '../../../src/ui/services/services';
import { SettableClock, testServices } from '../../support/testServices';
import { AppShell } from '../../../src/ui/shell/AppShell';
import { demoPeople, demoPlan, HOME_TENANT } from '../../support/builders';
import { FakeCalendar, type BusyBlock } from '../../support/fakes/FakeCalendar';
import { FakeMeetingChat } from '../../support/fakes/FakeMeetingChat';
import { FakePeopleDirectory } from '../../support/fakes/FakePeopleDirectory';
import { FakeTaskList } from '../../support/fakes/FakeTaskList';
import { InMemoryPlanStore } from '../../support/fakes/InMemoryPlanStore';

export const people = demoPeople;

// The booking page is a long form: role queries that also compute visibility for every element are slow in jsdom,
// so these tests skip the visibility check (nothing in the plans tab hides content with CSS) and wait longer.
configure({ asyncUtilTimeout: 5000, defaultHidden: true });

/** The directory of Sundby Kommune as the demo tenant seeds it (in-tenant colleagues and federated region staff). */
export const directory = (): DirectoryPerson[] =>
  Object.values(demoPeople)
    .filter((p: Participant) => p.reach !== 'emailOnly' && p.email)
    .map((p) => ({
      userId: p.userId,
      name: p.name,
      email: p.email as string,
      organisation: p.organisation,
      jobTitle: null,
      inTenant: p.reach === 'inTenant',
      // What GraphPeopleDirectory reads from the department (Kriminalforsorgen stays "andet").
      sector: p.sector,
    }));

export interface PlansWorld {
  store: InMemoryPlanStore;
  calendar: FakeCalendar;
  directory: FakePeopleDirectory;
  meetingChat: FakeMeetingChat;
  /** The signed-in user's own To Do list. */
  tasks: FakeTaskList;
  services: Services;
}

export interface WorldOptions {
  plans?: Plan[];
  as?: keyof typeof demoPeople;
  /** Copenhagen wall clock "YYYY-MM-DD HH:MM". */
  at?: string;
  busy?: BusyBlock[];
  pinAllowed?: boolean;
  policy?: TenantPolicy;
}

export const aPlansWorld = (options: WorldOptions = {}): PlansWorld => {
  const store = new InMemoryPlanStore(options.plans ?? [demoPlan()]);
  const [day, time] = (options.at ?? '2026-11-27 10:00').split(' ') as [string, string];
  const person = demoPeople[options.as ?? 'peter'];
  const inTenant = Object.values(demoPeople).filter((p) => p.reach === 'inTenant' && p.email);
  const calendar = new FakeCalendar({ knownEmails: inTenant.map((p) => p.email as string), busy: options.busy ?? [] });
  const people = new FakePeopleDirectory(directory(), {
    userId: person.userId,
    name: person.name,
    email: person.email ?? '',
    organisation: person.organisation,
    jobTitle: null,
    inTenant: true,
  });
  const meetingChat = new FakeMeetingChat({ pinAllowed: options.pinAllowed ?? true });
  const tasks = new FakeTaskList();
  const services: Services = testServices({
    me: { userId: person.userId, name: person.name, email: person.email ?? '', tenantId: HOME_TENANT },
    clock: new SettableClock(copenhagenInstant(day, time)),
    policy: options.policy ?? defaultPolicy,
    planStore: store,
    calendar,
    people,
    meetingChat,
    tasks,
  });
  return { store, calendar, directory: people, meetingChat, tasks, services };
};

/** The plans tab in the app shell, as the user opens it. */
export const renderPlansTab = (world: PlansWorld, planId: string | null = null): RenderResult =>
  render(
    <AppShell services={world.services} languageSwitch={false}>
      <PlansApp planId={planId} />
    </AppShell>,
  );

/**
 * A user at the keyboard and mouse. The pointer-events check reads computed styles up the tree on every click,
 * which in jsdom means walking every Fluent style rule: correct but slow, and nothing here disables pointer events.
 */
export const aUser = () => userEvent.setup({ pointerEventsCheck: PointerEventsCheckLevel.Never });
