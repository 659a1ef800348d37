import { describe, expect, it } from 'vitest';
import { bookMeeting, noProgress, type BookingProgress } from '../../../../src/domain/booking/bookMeeting';
import { emptyBookingDraft, type BookingDraft } from '../../../../src/domain/booking/bookingDraft';
import { failure } from '../../../../src/domain/ports/outcome';
import { copenhagenInstant } from '../../../../src/domain/time/danishTime';
import { aConsent, demoPeople as p, organisationRecipient } from '../../../support/builders';
import { FakeCalendar } from '../../../support/fakes/FakeCalendar';
import { FakeMeetingChat } from '../../../support/fakes/FakeMeetingChat';
import { InMemoryPlanAccess } from '../../../support/fakes/InMemoryPlanAccess';
import { InMemoryPlanStore } from '../../../support/fakes/InMemoryPlanStore';

const NOW = copenhagenInstant('2027-03-01', '09:00');
const KAREN_GUEST = 'karen.skov_regionms.example#EXT#@sundbykommune.onmicrosoft.com';

const booking = (): BookingDraft => ({
  ...emptyBookingDraft(),
  caseReference: 'KI-2027-031',
  citizenName: 'Jens Holm',
  participants: [p.mette, p.jonas, p.karen, p.mikkel, p.jens],
  roles: { koordinator: 'p-mette', moedeleder: 'p-jonas', referent: 'p-karen' },
  consent: aConsent({
    recipients: ['Sundby Rusmiddelcenter', 'Socialpsykiatrien Sundby', 'Distriktspsykiatrien Sundby'].map(
      organisationRecipient,
    ),
  }),
  start: copenhagenInstant('2027-03-04', '13:00').toISOString(),
  end: copenhagenInstant('2027-03-04', '14:30').toISOString(),
  durationMinutes: 90,
});

const world = () => {
  const store = new InMemoryPlanStore([]);
  const accounts = new Map([p.mette, p.jonas, p.mikkel].map((x) => [x.email ?? '', x.email ?? '']));
  accounts.set(p.karen.email ?? '', KAREN_GUEST);
  const access = new InMemoryPlanAccess(accounts);
  const reserve = store.reserve.bind(store);
  store.reserve = async (caseReference) => {
    const made = await reserve(caseReference);
    if (made.ok) access.create(made.value, p.mette.email ?? '');
    return made;
  };
  const calendar = new FakeCalendar();
  const ports = {
    calendar,
    meetingChat: new FakeMeetingChat(),
    planStore: store,
    planAccess: access,
    clock: { now: () => NOW },
    policy: { cardDetail: 'summary' as const, pinTab: true },
    location: { appBaseUrl: 'https://tovholder.example', teamsAppId: 'app-1' },
    host: { kind: 'teams' as const },
  };
  return { store, access, calendar, ports };
};

const request = (progress: BookingProgress = noProgress) => ({
  booking: booking(),
  nextMeeting: false,
  meetingId: 'm-1',
  transactionId: 'tx-1',
  progress,
  myEmail: p.mette.email ?? '',
});

const quiet = { onStep: () => undefined, onProgress: () => undefined };

describe("booking a new plan's first meeting makes its place and gives access as the consent says", () => {
  it('saves the plan in a container of its own and gives the region referent access through her guest account, Mikkel none', async () => {
    const { store, access, calendar, ports } = world();
    const result = await bookMeeting(ports, request(), quiet);
    if (!result.ok) throw new Error(`booking failed: ${JSON.stringify(result.failure)}`);
    const planId = result.stored.plan.id;
    expect(store.current(planId).plan.meetings[0]?.eventId).not.toBeNull();
    expect(access.roles(planId)).toEqual({
      'mette.larsen@sundby-kommune.example': 'owner',
      'jonas.berg@sundby-kommune.example': 'manager',
      [KAREN_GUEST.toLowerCase()]: 'manager',
    });
    expect(result.access.outcome).toBe('synced');
    // The invitation's link names the tovholder to ask, for those the plan is not shared with.
    expect(calendar.createCalls[0]?.bodyHtml).toContain(encodeURIComponent(encodeURIComponent('Mette Larsen')));
  });

  it('makes the place once: a retry after the calendar failed uses the same one', async () => {
    const { store, ports } = world();
    let progress = noProgress;
    // The fake's other methods kept (a spread would drop its class methods).
    const failingCalendar: typeof ports.calendar = Object.assign(
      Object.create(ports.calendar) as typeof ports.calendar,
      {
        createEvent: async () => failure('failed', 'serviceNotAvailable', 'busy', 503),
      },
    );
    const first = await bookMeeting({ ...ports, calendar: failingCalendar }, request(), {
      onStep: () => undefined,
      onProgress: (next) => {
        progress = next;
      },
    });
    expect(first.ok).toBe(false);
    expect(progress.planId).not.toBeNull();
    const second = await bookMeeting(ports, request(progress), quiet);
    expect(second.ok && second.stored.plan.id).toBe(progress.planId);
    expect(store.reserveCalls).toEqual(['KI-2027-031']);
  });

  it('books the meeting even when someone cannot be given access yet, and says who', async () => {
    const { access, ports } = world();
    access.accounts.delete(p.karen.email ?? '');
    const result = await bookMeeting(ports, request(), quiet);
    expect(result.ok && result.access.outcome).toBe('partly');
    expect(result.ok && result.access.people.find((x) => x.participantId === 'p-karen')?.status).toBe('failed');
  });
});
