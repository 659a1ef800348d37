import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../support/sandboxProcess';
import { USERS, copenhagen, signIn, weekdayAhead, type Call, type GraphErrorShape } from './graphCall';

/** The sandbox refuses what Microsoft Graph refuses, with Graph's status codes and error body. */

let sandbox: RunningSandbox;
let mette: Call;
let jonas: Call;
let peterId: string;
let chatId: string;

const card = { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: 'Referat' }] };

const expectGraphError = (body: unknown, code: string): void => {
  const error = (body as GraphErrorShape).error;
  expect(error.code).toBe(code);
  expect(error.message.length).toBeGreaterThan(0);
  expect(error.innerError['request-id']).toMatch(/^[0-9a-f-]{36}$/);
  expect(error.innerError.date).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/);
};

beforeAll(async () => {
  sandbox = await startSandbox();
  mette = await signIn(sandbox, USERS.mette);
  jonas = await signIn(sandbox, USERS.jonas);
  const peter = await mette<{ id: string }>('GET', `/users/${USERS.peter}`);
  peterId = peter.body.id;
  const me = await mette<{ id: string }>('GET', '/me');
  const chat = await mette<{ id: string }>('POST', '/chats', {
    chatType: 'oneOnOne',
    members: [me.body.id, peterId].map((id) => ({
      '@odata.type': '#microsoft.graph.aadUserConversationMember',
      roles: ['owner'],
      'user@odata.bind': `https://graph.microsoft.com/v1.0/users('${id}')`,
    })),
  });
  chatId = chat.body.id;
});

afterAll(async () => {
  await sandbox?.stop();
});

describe('authentication', () => {
  it('answers a request without a token with 401 InvalidAuthenticationToken', async () => {
    const anonymous = await signIn(sandbox, null);
    const reply = await anonymous('GET', '/me');
    expect(reply.status).toBe(401);
    expectGraphError(reply.body, 'InvalidAuthenticationToken');
    expect(reply.headers.get('www-authenticate')).toMatch(/^Bearer/);
  });

  it('answers a forged or expired token with 401', async () => {
    const forged = await fetch(`${sandbox.graphUrl}/me`, {
      headers: { Authorization: 'Bearer eyJhbGciOiJIUzI1NiJ9.e30.forged' },
    });
    expect(forged.status).toBe(401);
    const expired = await fetch(`${sandbox.origin}/_sandbox/token?user=${USERS.mette}&lifetime=-10`);
    const token = ((await expired.json()) as { access_token: string }).access_token;
    const reply = await fetch(`${sandbox.graphUrl}/me`, { headers: { Authorization: `Bearer ${token}` } });
    expect(reply.status).toBe(401);
    expectGraphError(await reply.json(), 'InvalidAuthenticationToken');
  });

  it('gives no token to a person reachable only by e-mail', async () => {
    const reply = await fetch(`${sandbox.origin}/_sandbox/token?user=${USERS.ole}`);
    expect(reply.status).toBe(400);
  });
});

describe('chat messages', () => {
  it('refuses an Adaptive Card whose content is an object instead of a JSON string', async () => {
    const reply = await mette('POST', `/chats/${encodeURIComponent(chatId)}/messages`, {
      body: { contentType: 'html', content: '<attachment id="c1"></attachment>' },
      attachments: [{ id: 'c1', contentType: 'application/vnd.microsoft.card.adaptive', content: card }],
    });
    expect(reply.status).toBe(400);
    expectGraphError(reply.body, 'BadRequest');
  });

  it('refuses an attachment that the body does not reference with an <attachment> marker', async () => {
    const reply = await mette('POST', `/chats/${encodeURIComponent(chatId)}/messages`, {
      body: { contentType: 'html', content: '<p>Referat</p>' },
      attachments: [
        { id: 'c1', contentType: 'application/vnd.microsoft.card.adaptive', content: JSON.stringify(card) },
      ],
    });
    expect(reply.status).toBe(400);
    expect((reply.body as unknown as GraphErrorShape).error.message).toContain('c1');
  });

  it('refuses an <at id> in the body without a matching mentions[] entry', async () => {
    const reply = await mette('POST', `/chats/${encodeURIComponent(chatId)}/messages`, {
      body: { contentType: 'html', content: '<p>Hej <at id="0">Peter Nielsen</at></p>' },
    });
    expect(reply.status).toBe(400);
    expectGraphError(reply.body, 'BadRequest');
  });

  it.each([
    ['calls a user of our own tenant federatedUser', { userIdentityType: 'federatedUser' }],
    [
      "names another tenant than the user's own",
      { userIdentityType: 'aadUser', tenantId: '22222222-2222-4222-8222-222222222222' },
    ],
  ])('refuses a mention that %s', async (_name, identity) => {
    const reply = await mette('POST', `/chats/${encodeURIComponent(chatId)}/messages`, {
      body: { contentType: 'html', content: '<p>Hej <at id="0">Peter Nielsen</at></p>' },
      mentions: [
        {
          id: 0,
          mentionText: 'Peter Nielsen',
          mentioned: { user: { id: peterId, displayName: 'Peter Nielsen', ...identity } },
        },
      ],
    });
    expect(reply.status).toBe(400);
    expectGraphError(reply.body, 'BadRequest');
  });

  it('refuses a post to a chat the caller is not a member of, and reading it', async () => {
    const post = await jonas('POST', `/chats/${encodeURIComponent(chatId)}/messages`, {
      body: { contentType: 'text', content: 'Hej' },
    });
    expect(post.status).toBe(403);
    expectGraphError(post.body, 'Forbidden');
    const read = await jonas('GET', `/chats/${encodeURIComponent(chatId)}/messages`);
    expect(read.status).toBe(403);
  });

  it('refuses a message property Graph does not define', async () => {
    const reply = await mette('POST', `/chats/${encodeURIComponent(chatId)}/messages`, {
      body: { contentType: 'text', content: 'Hej' },
      mention: [],
    });
    expect(reply.status).toBe(400);
    expectGraphError(reply.body, 'RequestBodyRead');
  });

  it('refuses a chat the caller is not a member of', async () => {
    const reply = await mette('POST', '/chats', {
      chatType: 'oneOnOne',
      members: [peterId, (await jonas<{ id: string }>('GET', '/me')).body.id].map((id) => ({
        '@odata.type': '#microsoft.graph.aadUserConversationMember',
        roles: ['owner'],
        'user@odata.bind': `https://graph.microsoft.com/v1.0/users('${id}')`,
      })),
    });
    expect(reply.status).toBe(400);
  });
});

describe('batch and schedules', () => {
  it('refuses a $batch of 21 requests', async () => {
    const requests = Array.from({ length: 21 }, (_, index) => ({ id: String(index + 1), method: 'GET', url: '/me' }));
    const reply = await mette('POST', '/$batch', { requests });
    expect(reply.status).toBe(400);
    expectGraphError(reply.body, 'BadRequest');
  });

  it('refuses getSchedule for 21 schedules', async () => {
    const day = weekdayAhead(3);
    const reply = await mette('POST', '/me/calendar/getSchedule', {
      schedules: Array.from({ length: 21 }, (_, index) => `person${index}@sundby-kommune.example`),
      startTime: copenhagen(day, 8),
      endTime: copenhagen(day, 16),
    });
    expect(reply.status).toBe(400);
  });

  it('refuses getSchedule over a window of 62 days or more', async () => {
    const start = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    const end = new Date(Date.now() + 63 * 86_400_000).toISOString().slice(0, 10);
    const reply = await mette('POST', '/me/calendar/getSchedule', {
      schedules: [USERS.jonas],
      startTime: copenhagen(start, 8),
      endTime: copenhagen(end, 8),
    });
    expect(reply.status).toBe(400);
  });
});

describe('calendar', () => {
  it('refuses cancel by an attendee: only the organizer may cancel', async () => {
    const day = weekdayAhead(10);
    const created = await mette<{ id: string }>('POST', '/me/events', {
      subject: 'Koordinerende indsatsplansmøde – KI-TEST-1',
      start: copenhagen(day, 6),
      end: copenhagen(day, 7),
      attendees: [{ emailAddress: { address: USERS.jonas, name: 'Jonas Berg' }, type: 'required' }],
    });
    expect(created.status).toBe(201);
    const jonasView = await jonas<{ value: { id: string; subject: string }[] }>(
      'GET',
      `/me/calendarView?startDateTime=${day}T00:00:00Z&endDateTime=${day}T23:59:59Z&$top=50`,
    );
    const copy = jonasView.body.value.find((event) => event.subject.endsWith('KI-TEST-1'));
    expect(copy).toBeDefined();
    const reply = await jonas('POST', `/me/events/${copy?.id ?? ''}/cancel`, { comment: 'Jeg kan ikke' });
    expect(reply.status).toBe(400);
    expect((reply.body as unknown as GraphErrorShape).error.message).toContain('organizer');
    const byOrganizer = await mette('POST', `/me/events/${created.body.id}/cancel`, { comment: 'Aflyst' });
    expect(byOrganizer.status).toBe(202);
  });

  it('refuses an event that ends before it starts, and an unknown property', async () => {
    const day = weekdayAhead(10);
    const backwards = await mette('POST', '/me/events', {
      subject: 'x',
      start: copenhagen(day, 10),
      end: copenhagen(day, 9),
    });
    expect(backwards.status).toBe(400);
    const typo = await mette('POST', '/me/events', {
      subject: 'x',
      start: copenhagen(day, 9),
      end: copenhagen(day, 10),
      onlineMeetingProvidr: 'teamsForBusiness',
    });
    expect(typo.status).toBe(400);
    expectGraphError(typo.body, 'RequestBodyRead');
  });

  it('does not let one user read another user’s calendar', async () => {
    const reply = await jonas('GET', `/users/${USERS.mette}/events`);
    expect(reply.status).toBe(403);
    expectGraphError(reply.body, 'ErrorAccessDenied');
  });
});
