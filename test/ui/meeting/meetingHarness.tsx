/**
 * Renders the meeting surface the way src/app does (AppShell + MeetingApp) with injected fakes: the plan in an
 * InMemoryPlanStore, a clock the test sets, and a host that says which frame we are in.
 */
import { configure, render } from '@testing-library/react';
import { MeetingApp } from '../../../src/surfaces/meeting/MeetingApp';
import type { MeetingPlanTiming } from '../../../src/surfaces/meeting/useMeetingPlan';
import type { StageSharing } from '../../../src/domain/meeting/stageSharing';
import type { Frame, MeetingHost, ShareResult, Theme } from '../../../src/domain/ports/meetingHost';
import { startNextMeeting } from '../../../src/domain/followUp/carryOver';
import type { Plan } from '../../../src/domain/plan/planDocument';
import { copenhagenInstant } from '../../../src/domain/time/danishTime';
import { AppShell } from '../../../src/ui/shell/AppShell';
import type { Services } from '../../../src/ui/services/services';
import { SettableClock, testServices } from '../../support/testServices';
import { aMeeting, aPlan, demoPeople, HOME_TENANT } from '../../support/builders';
import { InMemoryPlanStore } from '../../support/fakes/InMemoryPlanStore';

// Saves and merges run on real (short) timers; a busy CI machine gets more than the default second to show them.
configure({ asyncUtilTimeout: 5000 });

export const PLAN_ID = 'plan-ki-2027-003';
export const people = demoPeople;

/** Today's meeting, 4 March 2027 13.00–14.30: Mette koordinator, Jonas mødeleder, Aisha referent; Peter reads. */
export const todaysPlan = (change: (plan: Plan) => void = () => {}): Plan => {
  const plan = aPlan()
    .withId(PLAN_ID)
    .withCaseReference('KI-2027-003')
    .withParticipants([people.jens, people.mette, people.jonas, people.aisha, people.peter, people.ole])
    .withMeeting(
      aMeeting()
        .withId('m-2027-03-04')
        .startingAt('2027-03-04', '13:00')
        .lasting(90)
        .withRoles({ koordinator: people.mette.id, moedeleder: people.jonas.id, referent: people.aisha.id }),
    )
    .build();
  change(plan);
  return plan;
};

/**
 * Today's plan as the second meeting of the plan: the first was held 3 December 2026, where Peter took
 * "Afklaringsforløb i jobcentret" (marked i gang since) and Jonas "Bostøtte to gange om ugen". Today's meeting was
 * booked from it (startNextMeeting), so its referat follows those efforts up.
 */
export const secondMeetingPlan = (): Plan =>
  todaysPlan((plan) => {
    const today = plan.meetings[0]!;
    const earlier = {
      ...structuredClone(today),
      id: 'm-2026-12-03',
      start: copenhagenInstant('2026-12-03', '13:00').toISOString(),
      end: copenhagenInstant('2026-12-03', '14:30').toISOString(),
    };
    earlier.minutes.efforts = [
      {
        id: 'e-job',
        what: 'Afklaringsforløb i jobcentret',
        goalId: null,
        ownerId: people.peter.id,
        due: '2027-02-01',
        status: 'iGang',
      },
      {
        id: 'e-bo',
        what: 'Bostøtte to gange om ugen',
        goalId: null,
        ownerId: people.jonas.id,
        due: '2027-02-15',
        status: 'aaben',
      },
    ];
    const next = startNextMeeting(
      { ...plan, meetings: [earlier] },
      { id: today.id, start: today.start, end: today.end, now: new Date(earlier.end) },
    );
    plan.meetings = [earlier, next];
  });

export { SettableClock };

export class FakeMeetingHost implements MeetingHost {
  readonly kind = 'standalone' as const;
  readonly shared: string[] = [];
  /** The sharing protocol asked for with each share. */
  readonly protocols: StageSharing[] = [];
  constructor(
    private readonly currentFrame: Frame,
    private readonly shareResult: ShareResult = 'shared',
  ) {}
  frame(): Frame {
    return this.currentFrame;
  }
  theme(): Theme {
    return 'light';
  }
  onThemeChange(): () => void {
    return () => {};
  }
  locale(): string {
    return 'da-DK';
  }
  async shareToStage(url: string, prefer: StageSharing): Promise<ShareResult> {
    this.shared.push(url);
    this.protocols.push(prefer);
    return this.shareResult;
  }
  async openLink(): Promise<void> {}
}

export interface MeetingWorld {
  store: InMemoryPlanStore;
  clock: SettableClock;
  host: FakeMeetingHost;
  services: Services;
}

export const aMeetingWorld = (
  options: { plan?: Plan; as?: keyof typeof demoPeople; frame?: Frame; at?: string; store?: InMemoryPlanStore } = {},
): MeetingWorld => {
  const store = options.store ?? new InMemoryPlanStore([options.plan ?? todaysPlan()]);
  const clock = new SettableClock(copenhagenInstant('2027-03-04', options.at ?? '13:20'));
  const host = new FakeMeetingHost(options.frame ?? 'sidePanel');
  const person = demoPeople[options.as ?? 'aisha'];
  const services: Services = testServices({
    me: { userId: person.userId, name: person.name, email: person.email ?? '', tenantId: HOME_TENANT },
    host,
    clock,
    location: { appBaseUrl: 'http://localhost:5300', teamsAppId: 'app-id' },
    planStore: store,
  });
  return { store, clock, host, services };
};

/** Fast saves so tests need no fake timers; polling off unless asked for. */
export const FAST: MeetingPlanTiming = { saveDelayMs: 30, pollMs: 60 * 60000, retryMs: 50 };

export const renderMeeting = (world: MeetingWorld, timing: MeetingPlanTiming = FAST, planId: string = PLAN_ID) =>
  render(
    <AppShell services={world.services} languageSwitch={false}>
      <MeetingApp planId={planId} timing={timing} />
    </AppShell>,
  );

export const currentMinutes = (world: MeetingWorld) => {
  const { plan } = world.store.current(PLAN_ID);
  const meeting = plan.meetings[plan.meetings.length - 1];
  if (!meeting) throw new Error('no meeting');
  return meeting.minutes;
};
