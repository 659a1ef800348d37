import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../support/sandboxProcess';
import { USERS, copenhagen, signIn, tool, weekdayAhead, type Call } from './graphCall';

/** Booking an indsatsplansmøde the way Graph does it: Teams meeting, attendees' calendars, meeting chat, tab. */

interface GraphEvent {
  id: string;
  subject: string;
  transactionId: string | null;
  isOrganizer: boolean;
  isCancelled: boolean;
  responseStatus: { response: string };
  onlineMeeting: { joinUrl: string } | null;
  start: { dateTime: string; timeZone: string };
  attendees: { emailAddress: { address: string }; status: { response: string } }[];
}

let sandbox: RunningSandbox;
let mette: Call;
let jonas: Call;
let karen: Call;
const day = weekdayAhead(14);

const draft = (transactionId: string) => ({
  subject: 'Koordinerende indsatsplansmøde – KI-2026-099',
  body: { contentType: 'html', content: '<p>Dagsorden</p>' },
  start: copenhagen(day, 6, 30),
  end: copenhagen(day, 7, 30),
  isOnlineMeeting: true,
  onlineMeetingProvider: 'teamsForBusiness',
  transactionId,
  attendees: [USERS.jonas, USERS.aisha, USERS.karen, USERS.ole].map((address) => ({
    emailAddress: { address },
    type: 'required',
  })),
});

const dayView = (call: Call) =>
  call<{ value: GraphEvent[] }>(
    'GET',
    `/me/calendarView?startDateTime=${day}T00:00:00Z&endDateTime=${day}T23:59:59Z&$top=100`,
  );

let created: GraphEvent;

beforeAll(async () => {
  sandbox = await startSandbox();
  mette = await signIn(sandbox, USERS.mette);
  jonas = await signIn(sandbox, USERS.jonas);
  karen = await signIn(sandbox, USERS.karen);
  const reply = await mette<GraphEvent>('POST', '/me/events', draft('tx-booking-1'), {
    Prefer: 'outlook.timezone="Romance Standard Time"',
  });
  expect(reply.status).toBe(201);
  created = reply.body;
});

afterAll(async () => {
  await sandbox?.stop();
});

describe('creating a Teams meeting', () => {
  it('gives a Teams join URL and keeps the organiser’s time zone when asked', () => {
    expect(created.onlineMeeting?.joinUrl).toMatch(
      /^https:\/\/teams\.microsoft\.com\/l\/meetup-join\/19%3[aA]meeting_/,
    );
    expect(created.start).toEqual({ dateTime: `${day}T06:30:00.0000000`, timeZone: 'Romance Standard Time' });
    expect(created.isOrganizer).toBe(true);
    expect(created.responseStatus.response).toBe('organizer');
  });

  it('puts the meeting in every in-tenant attendee’s calendar, under their own event id, not yet answered', async () => {
    const mine = (await dayView(jonas)).body.value.find((event) => event.subject.endsWith('KI-2026-099'));
    expect(mine).toBeDefined();
    expect(mine?.id).not.toBe(created.id);
    expect(mine?.isOrganizer).toBe(false);
    expect(mine?.responseStatus.response).toBe('notResponded');
    expect(mine?.onlineMeeting?.joinUrl).toBe(created.onlineMeeting?.joinUrl);
  });

  it('sends the invitation to the GP who has only e-mail', async () => {
    const mailbox = await tool<{ messages: { subject: string; meetingMessageType?: string }[] }>(
      sandbox,
      'GET',
      `/_sandbox/mailbox?user=${USERS.ole}`,
    );
    expect(
      mailbox.messages.some(
        (mail) => mail.subject.endsWith('KI-2026-099') && mail.meetingMessageType === 'meetingRequest',
      ),
    ).toBe(true);
  });

  it('returns the same event for a retried create with the same transactionId', async () => {
    const retry = await mette<GraphEvent>('POST', '/me/events', draft('tx-booking-1'));
    expect(retry.status).toBe(201);
    expect(retry.body.id).toBe(created.id);
    const view = (await dayView(mette)).body.value.filter((event) => event.subject.endsWith('KI-2026-099'));
    expect(view).toHaveLength(1);
  });

  it('finds the meeting chat from the join URL, with the organiser and in-tenant attendees as members', async () => {
    const joinUrl = created.onlineMeeting?.joinUrl ?? '';
    const found = await mette<{ value: { chatInfo: { threadId: string }; joinWebUrl: string }[] }>(
      'GET',
      `/me/onlineMeetings?$filter=${encodeURIComponent(`JoinWebUrl eq '${joinUrl}'`)}`,
    );
    expect(found.status).toBe(200);
    expect(found.body.value).toHaveLength(1);
    const threadId = found.body.value[0]?.chatInfo.threadId ?? '';
    expect(threadId).toMatch(/^19:meeting_.+@thread\.v2$/);
    const chat = await mette<{ chatType: string; members: { email: string }[] }>(
      'GET',
      `/chats/${encodeURIComponent(threadId)}?$expand=members`,
    );
    expect(chat.body.chatType).toBe('meeting');
    expect(chat.body.members.map((member) => member.email).sort()).toEqual(
      [USERS.aisha, USERS.jonas, USERS.mette].sort(),
    );
    // The federated nurse is invited to the call but is not in the chat until she joins it.
    const hers = await karen('GET', `/chats/${encodeURIComponent(threadId)}`);
    expect(hers.status).toBe(403);
  });

  it('pins the app’s tab in the meeting chat once the app is installed there', async () => {
    const joinUrl = created.onlineMeeting?.joinUrl ?? '';
    const found = await mette<{ value: { chatInfo: { threadId: string } }[] }>(
      'GET',
      `/me/onlineMeetings?$filter=${encodeURIComponent(`JoinWebUrl eq '${joinUrl}'`)}`,
    );
    const chat = encodeURIComponent(found.body.value[0]?.chatInfo.threadId ?? '');
    const tab = {
      displayName: 'Tovholder',
      'teamsApp@odata.bind': 'https://graph.microsoft.com/v1.0/appCatalogs/teamsApps/tovholder-app',
      configuration: {
        entityId: 'plan-x',
        contentUrl: 'https://localhost:5300/meeting.html',
        websiteUrl: 'https://localhost:5300/',
      },
    };
    expect((await mette('POST', `/chats/${chat}/tabs`, tab)).status).toBe(400);
    const install = await mette('POST', `/chats/${chat}/installedApps`, {
      'teamsApp@odata.bind': 'https://graph.microsoft.com/v1.0/appCatalogs/teamsApps/tovholder-app',
    });
    expect(install.status).toBe(201);
    const pinned = await mette<{ id: string; configuration: { contentUrl: string } }>(
      'POST',
      `/chats/${chat}/tabs`,
      tab,
    );
    expect(pinned.status).toBe(201);
    const tabs = await jonas<{ value: { displayName: string }[] }>('GET', `/chats/${chat}/tabs`);
    expect(tabs.body.value.map((entry) => entry.displayName)).toEqual(['Tovholder']);
  });

  it('records an attendee’s answer in the organiser’s copy', async () => {
    const mine = (await dayView(jonas)).body.value.find((event) => event.subject.endsWith('KI-2026-099'));
    expect((await jonas('POST', `/me/events/${mine?.id ?? ''}/accept`, { sendResponse: true })).status).toBe(202);
    const organizer = await mette<GraphEvent>('GET', `/me/events/${created.id}`);
    const answer = organizer.body.attendees.find((attendee) => attendee.emailAddress.address === USERS.jonas);
    expect(answer?.status.response).toBe('accepted');
  });

  it('moves the meeting for everyone when the organiser changes it', async () => {
    const patched = await mette<GraphEvent>('PATCH', `/me/events/${created.id}`, {
      start: copenhagen(day, 8),
      end: copenhagen(day, 9),
    });
    expect(patched.status).toBe(200);
    const mine = (await dayView(jonas)).body.value.find((event) => event.subject.endsWith('KI-2026-099'));
    const utcHour = String(8 - offsetHours(day)).padStart(2, '0');
    expect(mine?.start.dateTime).toBe(`${day}T${utcHour}:00:00.0000000`);
  });
});

describe('free/busy', () => {
  it('shows seeded busy time as a conflict and external or unknown addresses as errors, never as free', async () => {
    const start = weekdayAhead(1);
    const end = weekdayAhead(8);
    const reply = await mette<{
      value: {
        scheduleId: string;
        availabilityView: string;
        scheduleItems: unknown[];
        error?: { responseCode: string };
      }[];
    }>('POST', '/me/calendar/getSchedule', {
      schedules: [USERS.jonas, USERS.aisha, USERS.karen, USERS.ole, 'ukendt@sundby-kommune.example'],
      startTime: copenhagen(start, 8),
      endTime: copenhagen(end, 16),
      availabilityViewInterval: 30,
    });
    expect(reply.status).toBe(200);
    const [jonasRow, aishaRow, karenRow, oleRow, unknownRow] = reply.body.value;
    expect(jonasRow?.availabilityView).toMatch(/2/);
    expect(aishaRow?.scheduleItems.length).toBeGreaterThan(0);
    expect(karenRow?.error?.responseCode).toBeDefined();
    expect(karenRow?.availabilityView).toBe('');
    expect(oleRow?.error?.responseCode).toBe('ErrorMailRecipientNotFound');
    expect(unknownRow?.error).toBeDefined();
  });

  it('gives one availabilityView digit per interval: free 0, tentative 1, busy 2', async () => {
    // Beyond the seeded busy time (six weeks): only what is booked here is in the calendars.
    const quiet = weekdayAhead(50);
    const book = async (subject: string, from: number, to: number, showAs: string): Promise<void> => {
      const reply = await jonas('POST', '/me/events', {
        subject,
        start: copenhagen(quiet, Math.floor(from), (from % 1) * 60),
        end: copenhagen(quiet, Math.floor(to), (to % 1) * 60),
        showAs,
      });
      expect(reply.status).toBe(201);
    };
    await book('Supervision', 9, 10, 'busy');
    await book('Måske', 11, 11.5, 'tentative');
    const schedule = async (interval: number) =>
      mette<{ value: { scheduleId: string; availabilityView: string }[] }>('POST', '/me/calendar/getSchedule', {
        schedules: [USERS.jonas, USERS.aisha],
        startTime: copenhagen(quiet, 8),
        endTime: copenhagen(quiet, 12),
        availabilityViewInterval: interval,
      });
    const half = await schedule(30);
    expect(half.status).toBe(200);
    expect(half.body.value.map((row) => [row.scheduleId, row.availabilityView])).toEqual([
      [USERS.jonas, '00220010'],
      [USERS.aisha, '00000000'],
    ]);
    const hour = await schedule(60);
    expect(hour.body.value[0]?.availabilityView).toBe('0201');
    const quarter = await schedule(15);
    expect(quarter.body.value[0]?.availabilityView).toHaveLength(16);
  });

  it('accepts 20 schedules and a window just under 62 days (21 and 62 are refused, see refusals)', async () => {
    const start = weekdayAhead(1);
    const twenty = await mette<{ value: unknown[] }>('POST', '/me/calendar/getSchedule', {
      schedules: Array.from({ length: 20 }, (_, index) =>
        index === 0 ? USERS.jonas : `p${index}@sundby-kommune.example`,
      ),
      startTime: copenhagen(start, 8),
      endTime: copenhagen(start, 16),
    });
    expect(twenty.status).toBe(200);
    expect(twenty.body.value).toHaveLength(20);
    const end = new Date(Date.parse(`${start}T00:00:00Z`) + 61 * 86_400_000).toISOString().slice(0, 10);
    const long = await mette('POST', '/me/calendar/getSchedule', {
      schedules: [USERS.jonas],
      startTime: copenhagen(start, 8),
      endTime: copenhagen(end, 8),
    });
    expect(long.status).toBe(200);
  });

  it('suggests meeting times where the organiser is free, best first', async () => {
    const start = weekdayAhead(2);
    const end = weekdayAhead(9);
    const reply = await mette<{
      emptySuggestionsReason: string;
      meetingTimeSuggestions: {
        confidence: number;
        organizerAvailability: string;
        attendeeAvailability: { availability: string }[];
      }[];
    }>('POST', '/me/findMeetingTimes', {
      attendees: [USERS.jonas, USERS.karen].map((address) => ({ emailAddress: { address }, type: 'required' })),
      timeConstraint: {
        activityDomain: 'work',
        timeSlots: [{ start: copenhagen(start, 8), end: copenhagen(end, 16) }],
      },
      meetingDuration: 'PT1H30M',
      maxCandidates: 5,
    });
    expect(reply.status).toBe(200);
    const suggestions = reply.body.meetingTimeSuggestions;
    expect(suggestions.length).toBeGreaterThan(0);
    expect(suggestions.every((suggestion) => suggestion.organizerAvailability === 'free')).toBe(true);
    expect(suggestions[0]?.attendeeAvailability[1]?.availability).toBe('unknown');
    const confidences = suggestions.map((suggestion) => suggestion.confidence);
    expect([...confidences].sort((a, b) => b - a)).toEqual(confidences);
  });
});

describe('cancelling', () => {
  it('leaves a cancelled copy in the attendees’ calendars and removes it from the organiser’s', async () => {
    expect((await mette('POST', `/me/events/${created.id}/cancel`, { comment: 'Flyttes' })).status).toBe(202);
    const mine = (await dayView(jonas)).body.value.find((event) => event.subject.includes('KI-2026-099'));
    expect(mine?.isCancelled).toBe(true);
    expect((await mette('GET', `/me/events/${created.id}`)).status).toBe(404);
  });
});

/** Copenhagen's offset from UTC in whole hours on a date (1 in winter, 2 in summer). */
function offsetHours(isoDate: string): number {
  const noon = new Date(`${isoDate}T12:00:00Z`);
  const local = Number(
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Copenhagen', hour: '2-digit', hourCycle: 'h23' }).format(noon),
  );
  return local - 12;
}
