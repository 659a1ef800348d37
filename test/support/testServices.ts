/**
 * One way to give a surface its ports in a test: every port a fake that refuses nothing and records what it is
 * asked, a settable clock, and the signed-in user — each replaceable. The UI harnesses (plans, meeting, shell) and
 * the composition tests build on it, so a new port is added here once.
 */
import { defaultPolicy } from '../../src/domain/policy';
import type { Clock } from '../../src/domain/ports/clock';
import type { MinutesTransport } from '../../src/domain/ports/minutesTransport';
import { failure } from '../../src/domain/ports/outcome';
import type { CurrentUser, Services } from '../../src/ui/services/services';
import { HOME_TENANT, demoPeople } from './builders';
import { FakeCalendar } from './fakes/FakeCalendar';
import { FakeMeetingChat } from './fakes/FakeMeetingChat';
import { FakePeopleDirectory } from './fakes/FakePeopleDirectory';
import { InMemoryPlanAccess } from './fakes/InMemoryPlanAccess';
import { InMemoryPlanStore } from './fakes/InMemoryPlanStore';
import { quietHost } from './fakes/quietHost';

/** A clock the test moves (the Clock port; use fake timers where a test waits on real time). */
export class SettableClock implements Clock {
  constructor(private time: Date) {}
  now(): Date {
    return new Date(this.time.getTime());
  }
  set(time: Date): void {
    this.time = time;
  }
}

/** A transport for surfaces that never send: every look says "not in this test". */
export const noTransport: MinutesTransport = {
  prepare: async () => ({ chats: new Map(), drafts: new Map() }),
  send: async () => new Map(),
  look: async ({ chats }) => ({
    chats: new Map(chats.map((chat) => [chat.key, failure('failed', 'NotInTest', 'no transport in this test')])),
    mails: new Map(),
  }),
  removeCopies: async () => new Map(),
  discardDrafts: async () => undefined,
};

/** A demo person as the signed-in user. */
export const signedInAs = (who: keyof typeof demoPeople): CurrentUser => {
  const person = demoPeople[who];
  return { userId: person.userId, name: person.name, email: person.email ?? '', tenantId: HOME_TENANT };
};

export const testServices = (overrides: Partial<Services> = {}): Services => ({
  me: signedInAs('mette'),
  host: quietHost('standalone'),
  clock: new SettableClock(new Date('2027-03-01T09:00:00Z')),
  policy: defaultPolicy,
  location: { appBaseUrl: 'http://localhost:5300', teamsAppId: 'tovholder-local' },
  planStore: new InMemoryPlanStore([]),
  planAccess: new InMemoryPlanAccess(),
  legacyPlans: null,
  calendar: new FakeCalendar(),
  people: new FakePeopleDirectory([]),
  meetingChat: new FakeMeetingChat(),
  transport: noTransport,
  logger: { log: () => undefined },
  appointment: null,
  ...overrides,
});
