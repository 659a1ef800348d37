import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { GraphCalendar } from '../../../src/adapters/graph/graphCalendar';
import type { GraphClient, GraphClientOptions } from '../../../src/adapters/graph/graphClient';
import { GraphMeetingChat } from '../../../src/adapters/graph/graphMeetingChat';
import { SANDBOX_TEAMS_APP_ID } from '../../../src/app/config';
import type { BookingDraft } from '../../../src/domain/booking/bookingDraft';
import { defaultPolicy } from '../../../src/domain/policy';
import type { Clock } from '../../../src/domain/ports/clock';
import { copenhagenInstant } from '../../../src/domain/time/danishTime';
import {
  bookMeeting,
  type BookingPorts,
  type BookingRequest,
  type BookingResult,
} from '../../../src/domain/booking/bookMeeting';
import {
  fromBookingDraft,
  newId,
  toBookingDraft,
  withStartTime,
  type FormDraft,
} from '../../../src/surfaces/plans/booking/formDraft';
import { consentCovering, demoPeople } from '../../support/builders';
import { startSandbox, type RunningSandbox } from '../../support/sandboxProcess';
import {
  clearFaults,
  graphAs,
  inSandbox,
  injectFault,
  inspect,
  plansAs,
  resetStats,
  stats,
  upn,
} from '../graph/graphSandbox';

/**
 * Issue 4 against the sandbox: the whole booking as "Book mødet" runs it (bookMeeting with the real Graph adapters
 * signed in as Mette, the koordinator), checked in what each person's calendar and the meeting chat really hold.
 */

let sandbox: RunningSandbox;
const TODAY = '2027-02-25';
/** Thursday 4 March 2027 13.00 Copenhagen (winter time); each test books its own hour that day or later. */
const DAY = '2027-03-04';
const clock: Clock = { now: () => copenhagenInstant(TODAY, '10:00') };
const p = demoPeople;
const IN_TENANT = [upn.mette, upn.jonas, upn.aisha, upn.peter];

interface SeenEvent {
  subject: string;
  bodyPreview: string;
  body: { content: string };
  transactionId: string | null;
  isOnlineMeeting: boolean;
  onlineMeetingProvider: string;
  onlineMeeting: { joinUrl: string } | null;
  start: { dateTime: string };
  attendees: { emailAddress: { address: string; name: string }; type: string }[];
}

interface SeenChat {
  id: string;
  chatType: string;
  tabs: { displayName: string; teamsAppId: string; configuration: { entityId: string; contentUrl: string } }[];
}

const calendarOf = async (user: string, subject: string): Promise<SeenEvent[]> =>
  (
    await inspect<{ events: SeenEvent[] }>(sandbox, `/_sandbox/calendar?user=${encodeURIComponent(user)}`)
  ).events.filter((event) => event.subject === subject);

const meetingChatOf = async (user: string, chatId: string): Promise<SeenChat | undefined> =>
  (await inspect<{ chats: SeenChat[] }>(sandbox, `/_sandbox/chats?user=${encodeURIComponent(user)}`)).chats.find(
    (chat) => chat.id === chatId,
  );

/** The ports as the app composes them for Mette; `onPlanSend` hears the plan's place, document and access. */
const portsFor = (
  graph: GraphClient,
  onPlanSend?: NonNullable<Parameters<typeof plansAs>[2]>['onSend'],
): BookingPorts => {
  const plans = plansAs(sandbox, upn.mette, { legacy: false, ...(onPlanSend ? { onSend: onPlanSend } : {}) });
  return {
    calendar: new GraphCalendar(graph),
    meetingChat: new GraphMeetingChat(graph),
    planStore: plans.planStore,
    planAccess: plans.planAccess,
    clock,
    policy: defaultPolicy,
    location: { appBaseUrl: 'http://127.0.0.1:5300', teamsAppId: SANDBOX_TEAMS_APP_ID },
    host: { kind: 'standalone' },
  };
};

/** What "Book mødet" sends from the form (BookingPage). */
const requestOf = (form: FormDraft): BookingRequest => ({
  booking: toBookingDraft(form),
  nextMeeting: form.nextMeeting,
  meetingId: form.meetingId,
  transactionId: form.transactionId,
  progress: form.progress,
  myEmail: upn.mette,
});

/**
 * What Mette has filled in: four colleagues (one optional), the GP by e-mail, a region psychiatrist in Teams, the
 * citizen and his sister, the roles and the consent, on `DAY` at `time`.
 */
const aFilledInForm = (caseReference: string, time: string) => {
  const participants = [p.mette, p.jonas, p.aisha, p.peter, p.karen, p.ole, p.jens, p.lise].map(inSandbox);
  const booking: BookingDraft = {
    planId: null,
    caseReference,
    citizenName: 'Jens Holm',
    participants,
    roles: { koordinator: p.mette.id, moedeleder: p.jonas.id, referent: p.aisha.id },
    required: { [p.peter.id]: false },
    // The citizen consents to every organisation in the meeting sharing with the others.
    consent: consentCovering(participants, { givenOn: '2027-02-20', validUntil: '2028-02-20' }),
    start: null,
    end: null,
    durationMinutes: 90,
  };
  const form = fromBookingDraft(booking, {
    planId: newId('plan-booking-test'),
    nextMeeting: false,
    consentCarried: false,
    today: TODAY,
  });
  return withStartTime(form, DAY, time);
};

const noCallbacks = { onStep: () => {}, onProgress: () => {} };

const booked = (result: BookingResult) => {
  if (!result.ok) throw new Error(`booking failed: ${JSON.stringify(result.failure)}`);
  return result;
};

beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(async () => {
  await sandbox?.stop();
});
beforeEach(async () => {
  await clearFaults(sandbox);
  await resetStats(sandbox);
});

describe('booking an indsatsplansmøde against the sandbox', () => {
  it('puts the Teams meeting in every in-tenant attendee’s calendar with the join URL, and no name anywhere', async () => {
    const form = aFilledInForm('KI-2027-101', '09:00');
    const result = booked(await bookMeeting(portsFor(graphAs(sandbox, upn.mette)), requestOf(form), noCallbacks));
    const subject = 'Koordinerende indsatsplansmøde – KI-2027-101';

    for (const user of IN_TENANT) {
      const events = await calendarOf(user, subject);
      expect(events, user).toHaveLength(1);
      const [event] = events;
      expect(event?.isOnlineMeeting, user).toBe(true);
      expect(event?.onlineMeetingProvider, user).toBe('teamsForBusiness');
      expect(event?.onlineMeeting?.joinUrl, user).toBe(result.progress.joinUrl);
      expect(event?.start.dateTime.startsWith('2027-03-04T08:00:00'), user).toBe(true);
      // The subject, the body and the attendee list, which many see: the case reference only.
      const seen = `${event?.subject} ${event?.body.content} ${event?.bodyPreview} ${JSON.stringify(event?.attendees)}`;
      expect(seen, user).not.toMatch(/Jens|Holm|Lise/);
    }
    expect(result.progress.joinUrl).toMatch(/^https:\/\/teams\.microsoft\.com\/l\/meetup-join\//);

    const [organisers] = await calendarOf(upn.mette, subject);
    expect(organisers?.transactionId).toBe(form.transactionId);
    // The body: the agenda's five items with their time boxes, and the link to the plan.
    const body = organisers?.body.content ?? '';
    for (const line of [
      '09.00–09.05 Stamoplysninger',
      'Afdækning',
      'Udfordringer',
      'Fælles mål',
      'Opfølgning',
      `planId=${encodeURIComponent(result.stored.plan.id)}`,
    ])
      expect(body).toContain(line);
    // Required and optional as chosen; the GP by e-mail and the region colleague invited, the family not.
    expect(
      Object.fromEntries((organisers?.attendees ?? []).map((a) => [a.emailAddress.address.toLowerCase(), a.type])),
    ).toEqual({
      [upn.mette]: 'required',
      [upn.jonas]: 'required',
      [upn.aisha]: 'required',
      [upn.peter]: 'optional',
      [upn.karen]: 'required',
      [upn.ole]: 'required',
    });
  });

  it('pins the Tovholder tab in the meeting chat, so the plan is beside the call', async () => {
    const form = aFilledInForm('KI-2027-102', '11:00');
    const result = booked(await bookMeeting(portsFor(graphAs(sandbox, upn.mette)), requestOf(form), noCallbacks));
    expect(result.progress.tab).toBe('pinned');

    const chatId = result.progress.chatId ?? '';
    for (const user of [upn.mette, upn.jonas]) {
      const chat = await meetingChatOf(user, chatId);
      expect(chat?.chatType, user).toBe('meeting');
      expect(chat?.tabs, user).toHaveLength(1);
      expect(chat?.tabs[0]?.displayName).toBe('Tovholder');
      expect(chat?.tabs[0]?.teamsAppId).toBe(SANDBOX_TEAMS_APP_ID);
      expect(chat?.tabs[0]?.configuration.contentUrl).toBe(
        `http://127.0.0.1:5300/meeting.html?planId=${encodeURIComponent(result.stored.plan.id)}&ask=Mette%20Larsen`,
      );
    }
  });

  it('saves the plan document with the people, roles, consent and the meeting', async () => {
    const form = aFilledInForm('KI-2027-103', '13:00');
    const result = booked(await bookMeeting(portsFor(graphAs(sandbox, upn.mette)), requestOf(form), noCallbacks));

    const loaded = await plansAs(sandbox, upn.mette).planStore.load(result.stored.plan.id);
    if (!loaded.ok) throw new Error(`the plan was not saved: ${loaded.message}`);
    const plan = loaded.value.plan;
    expect(plan.caseReference).toBe('KI-2027-103');
    expect(plan.citizenName).toBe('Jens Holm');
    expect(plan.participants.map((x) => x.name)).toEqual(form.participants.map((x) => x.name));
    expect(plan.consent?.validUntil).toBe('2028-02-20');
    const [meeting] = plan.meetings;
    expect(meeting?.roles).toEqual({ koordinator: p.mette.id, moedeleder: p.jonas.id, referent: p.aisha.id });
    expect(meeting?.eventId).toBe(result.progress.eventId);
    expect(meeting?.joinUrl).toBe(result.progress.joinUrl);
    expect(meeting?.chatId).toBe(result.progress.chatId);
    expect(meeting?.transactionId).toBe(form.transactionId);
    expect(meeting?.invitees.find((i) => i.participantId === p.peter.id)?.required).toBe(false);
  });

  it('opens the new plan to the people the consent covers, in both organisations, and to nobody else', async () => {
    const form = aFilledInForm('KI-2027-108', '12:00');
    const result = booked(await bookMeeting(portsFor(graphAs(sandbox, upn.mette)), requestOf(form), noCallbacks));
    const planId = result.stored.plan.id;
    expect(result.access.people.filter((x) => x.status !== 'applied' && x.role !== null)).toEqual([]);
    expect(result.access.outcome).toBe('synced');

    const roleOf = async (user: string) => {
      const loaded = await plansAs(sandbox, user).planStore.load(planId);
      return loaded.ok ? loaded.value.myRole : loaded.kind;
    };
    expect(await roleOf(upn.mette)).toBe('owner');
    expect(await roleOf(upn.jonas)).toBe('manager'); // mødeleder
    expect(await roleOf(upn.aisha)).toBe('manager'); // referent
    expect(await roleOf(upn.peter)).toBe('reader');
    // The region psychiatrist, as the guest she now is in Sundby's tenant.
    expect(await roleOf(upn.karen)).toBe('reader');
    // A colleague in the same organisation who is not in the plan: Microsoft 365 itself refuses.
    expect(await roleOf(upn.mikkel)).toMatch(/forbidden|notFound/);
  });

  it('books the meeting in four round trips to Graph (availability, create, chat lookup, pin) besides the plan’s own', async () => {
    const form = aFilledInForm('KI-2027-104', '14:00');
    const graph = graphAs(sandbox, upn.mette);
    let planTrips = 0;
    const ports = portsFor(graph, () => {
      planTrips += 1;
    });
    const emails = form.participants.filter((x) => x.reach === 'inTenant').map((x) => x.email ?? '');
    await resetStats(sandbox);

    const schedule = await ports.calendar.getSchedule({
      emails,
      start: copenhagenInstant(DAY, '08:00').toISOString(),
      end: copenhagenInstant(DAY, '16:00').toISOString(),
      intervalMinutes: 30,
    });
    expect(schedule.ok).toBe(true);
    booked(await bookMeeting(ports, requestOf(form), noCallbacks));

    const counted = await stats(sandbox);
    // The plan's place, its document and who may open it: at most these, whatever the number of people.
    expect(planTrips).toBeGreaterThan(0);
    expect(planTrips).toBeLessThanOrEqual(8);
    expect(counted.requests - planTrips).toBe(4);
  });

  it('makes one meeting when the answer to the create is lost and the booking is tried again', async () => {
    const form = aFilledInForm('KI-2027-105', '15:00');
    const subject = 'Koordinerende indsatsplansmøde – KI-2027-105';
    // Every attempt of the create reaches Graph, but its answer never comes back: the booking fails…
    await injectFault(sandbox, { route: '^POST /v1\\.0/me/events$', kind: 'dropAfter', count: 10 });
    const ports = portsFor(graphAs(sandbox, upn.mette, { maxRetries: 1 }));
    const first = await bookMeeting(ports, requestOf(form), noCallbacks);
    expect(first.ok).toBe(false);
    expect(first.progress.eventId).toBeNull();
    // The creates did reach Graph: one meeting, whatever the number of attempts.
    expect(await calendarOf(upn.jonas, subject)).toHaveLength(1);

    // …and the koordinator presses "Prøv igen" with the same draft (and transactionId): still one meeting.
    await clearFaults(sandbox);
    const again = booked(await bookMeeting(ports, requestOf({ ...form, progress: first.progress }), noCallbacks));
    for (const user of IN_TENANT) expect(await calendarOf(user, subject), user).toHaveLength(1);
    expect(again.progress.tab).toBe('pinned');
  });
});

describe('the tab where the tenant does not allow it, against the sandbox', () => {
  it('books the meeting and saves the plan when the app may not be added to the chat: the user gets the two clicks', async () => {
    await injectFault(sandbox, { route: 'installedApps', kind: '403', count: 1 });
    const form = aFilledInForm('KI-2027-106', '08:00');
    const result = booked(await bookMeeting(portsFor(graphAs(sandbox, upn.mette)), requestOf(form), noCallbacks));
    expect(result.progress.tab).toBe('notAllowed');
    expect((await meetingChatOf(upn.mette, result.progress.chatId ?? ''))?.tabs).toEqual([]);
    expect(result.stored.plan.meetings[0]?.eventId).toBe(result.progress.eventId);
  });

  it('books the meeting and saves the plan when the meeting chat cannot be looked up', async () => {
    await injectFault(sandbox, { route: 'onlineMeetings', kind: '403', count: 1 });
    const form = aFilledInForm('KI-2027-107', '08:30');
    const result = booked(await bookMeeting(portsFor(graphAs(sandbox, upn.mette)), requestOf(form), noCallbacks));
    expect(result.progress.tab).toBe('failed');
    expect(result.progress.chatId).toBeNull();
    expect(await calendarOf(upn.jonas, 'Koordinerende indsatsplansmøde – KI-2027-107')).toHaveLength(1);
  });
});

describe('Graph refusing the booking, against the sandbox', () => {
  let next = 110;
  const failureOf = async (fault: Parameters<typeof injectFault>[1], options: Partial<GraphClientOptions> = {}) => {
    await injectFault(sandbox, fault);
    const form = aFilledInForm(`KI-2027-${next++}`, '10:00');
    const result = await bookMeeting(
      portsFor(graphAs(sandbox, upn.mette, { maxRetries: 1, ...options })),
      requestOf(form),
      noCallbacks,
    );
    if (result.ok) throw new Error('expected the booking to fail');
    expect(result.progress.eventId).toBeNull();
    return result.failure;
  };

  it('says "forbidden" for the calendar on a 403, so the user is told which permission is missing', async () => {
    expect(await failureOf({ route: '^POST /v1\\.0/me/events$', kind: '403', count: 5 })).toMatchObject({
      kind: 'port',
      step: 'event',
      failure: { kind: 'forbidden', status: 403 },
    });
  });

  it('says "throttled" when Graph keeps answering 429', async () => {
    expect(
      await failureOf({ route: '^POST /v1\\.0/me/events$', kind: '429', count: 5, retryAfterSeconds: 600 }),
    ).toMatchObject({ kind: 'port', step: 'event', failure: { kind: 'throttled' } });
  });

  it('says "failed" when Graph keeps answering 503', async () => {
    expect(await failureOf({ route: '^POST /v1\\.0/me/events$', kind: '503', count: 5 })).toMatchObject({
      kind: 'port',
      step: 'event',
      failure: { kind: 'failed' },
    });
  });

  it('says "failed" when Graph does not answer in time', async () => {
    expect(
      await failureOf({ route: '^POST /v1\\.0/me/events$', kind: 'slow', count: 5, delayMs: 2000 }, { timeoutMs: 300 }),
    ).toMatchObject({ kind: 'port', step: 'event', failure: { kind: 'failed' } });
  });
});
