/**
 * Services for shell tests: a host whose theme the test changes like Teams would, plans in an InMemoryPlanStore,
 * and every other port a fake that the shell never touches.
 */
import { defaultPolicy } from '../../../src/domain/policy';
import type { Frame, MeetingHost, Theme } from '../../../src/domain/ports/meetingHost';
import { failure } from '../../../src/domain/ports/outcome';
import type { Plan } from '../../../src/domain/plan/planDocument';
import type { Services } from '../../../src/ui/services/services';
import { HOME_TENANT } from '../../support/builders';
import { FakeCalendar } from '../../support/fakes/FakeCalendar';
import { FakeMeetingChat } from '../../support/fakes/FakeMeetingChat';
import { FakePeopleDirectory } from '../../support/fakes/FakePeopleDirectory';
import { InMemoryPlanStore } from '../../support/fakes/InMemoryPlanStore';

/** A host that changes theme when told, as Teams' theme handler does during a meeting. */
export class ScriptedHost implements MeetingHost {
  readonly kind = 'standalone' as const;
  private readonly listeners = new Set<(theme: Theme) => void>();
  constructor(
    private current: Theme = 'light',
    private readonly lang = 'da-DK',
    private readonly where: Frame = 'sidePanel',
  ) {}
  frame = () => this.where;
  theme = () => this.current;
  onThemeChange(listener: (theme: Theme) => void) {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  locale = () => this.lang;
  shareToStage = async () => 'notSupported' as const;
  openLink = async () => undefined;
  changeTheme(theme: Theme) {
    this.current = theme;
    for (const listener of this.listeners) listener(theme);
  }
}

export const shellServices = (options: { host?: MeetingHost; plans?: Plan[]; store?: InMemoryPlanStore } = {}) => {
  const store = options.store ?? new InMemoryPlanStore(options.plans ?? []);
  const services: Services = {
    me: {
      userId: 'user-mette-larsen',
      name: 'Mette Larsen',
      email: 'mette.larsen@sundby-kommune.example',
      tenantId: HOME_TENANT,
    },
    host: options.host ?? new ScriptedHost(),
    clock: { now: () => new Date('2026-11-27T09:00:00Z') },
    policy: defaultPolicy,
    location: { appBaseUrl: 'http://localhost:5300', teamsAppId: 'tovholder-local' },
    planStore: store,
    calendar: new FakeCalendar(),
    people: new FakePeopleDirectory([]),
    meetingChat: new FakeMeetingChat(),
    transport: {
      prepare: async () => ({ chats: new Map(), drafts: new Map() }),
      send: async () => new Map(),
      look: async ({ chats }) => ({
        chats: new Map(chats.map((chat) => [chat.key, failure('failed', 'NotInTest', 'not used by the shell')])),
        mails: new Map(),
      }),
      removeCopies: async () => new Map(),
      discardDrafts: async () => undefined,
    },
    logger: { log: () => undefined },
    appointment: null,
  };
  return { services, store };
};
