/**
 * Services for shell tests: a host whose theme the test changes like Teams would, plans in an InMemoryPlanStore,
 * and every other port a fake that the shell never touches.
 */
import type { Frame, MeetingHost, Theme } from '../../../src/domain/ports/meetingHost';
import type { Plan } from '../../../src/domain/plan/planDocument';
import type { Services } from '../../../src/ui/services/services';
import { testServices } from '../../support/testServices';
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
  const services: Services = testServices({
    host: options.host ?? new ScriptedHost(),
    clock: { now: () => new Date('2026-11-27T09:00:00Z') },
    planStore: store,
  });
  return { services, store };
};
