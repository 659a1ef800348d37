import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { GraphCalendar } from '../../../src/adapters/graph/graphCalendar';
import type { GraphClient } from '../../../src/adapters/graph/graphClient';
import { defaultPolicy } from '../../../src/domain/policy';
import type { EventDraft } from '../../../src/domain/ports/calendar';
import type { Outcome } from '../../../src/domain/ports/outcome';
import {
  clearEventDraft,
  clearEventPatch,
  verdictOutcome,
  type PrivacyContext,
} from '../../../src/domain/privacy/privacyGuard';
import { demoPlan } from '../../support/builders';
import { startSandbox, type RunningSandbox } from '../../support/sandboxProcess';
import { clearFaults, graphAs, injectFault, resetStats, stats, upn } from './graphSandbox';

let sandbox: RunningSandbox;
let graph: GraphClient;
const privacy: PrivacyContext = { plan: demoPlan(), policy: defaultPolicy, today: '2026-10-01' };

const unwrap = <T>(outcome: Outcome<T> | undefined): T => {
  if (!outcome?.ok) throw new Error(`expected success, got ${JSON.stringify(outcome)}`);
  return outcome.value;
};

const inTenant = [upn.jonas, upn.aisha, upn.peter];
const attendees = [
  ...inTenant.map((email) => ({ email, name: email.split('.')[0] ?? email, required: true })),
  { email: upn.karen, name: 'Karen Skov', required: true },
  { email: upn.ole, name: 'Ole Bak', required: false },
];

/** Torsdag 4. marts 2027 kl. 13.00–14.30 in Copenhagen (winter time, UTC+1), or the same time on `day`. */
const aDraft = (subjectSuffix: string, day = '2027-03-04') => {
  const draft: EventDraft = {
    subject: `Koordinerende indsatsplansmøde – KI-2026-014 ${subjectSuffix}`,
    bodyHtml: '<p>Dagsorden: 1. Stamoplysninger 2. Afdækning 3. Udfordringer 4. Fælles mål 5. Opfølgning</p>',
    start: `${day}T12:00:00.000Z`,
    end: `${day}T13:30:00.000Z`,
    attendees,
    transactionId: randomUUID(),
  };
  return unwrap(verdictOutcome(clearEventDraft(draft, privacy)));
};

interface SeenEvent {
  id: string;
  subject: string;
  start: { dateTime: string; timeZone: string };
}

/** The events with this subject in `user`'s own calendar, times in UTC. */
const eventsOf = async (user: string, subject: string): Promise<SeenEvent[]> => {
  const page = unwrap(
    await graphAs(sandbox, user).send({
      method: 'GET',
      path: '/me/events?$top=100&$select=id,subject,start',
      headers: { Prefer: 'outlook.timezone="UTC"' },
    }),
  ) as { value: SeenEvent[] };
  return page.value.filter((event) => event.subject === subject);
};

beforeAll(async () => {
  sandbox = await startSandbox();
  graph = graphAs(sandbox, upn.mette);
});
afterAll(async () => {
  await sandbox?.stop();
});
beforeEach(async () => {
  await clearFaults(sandbox);
  await resetStats(sandbox);
});

describe('GraphCalendar against the sandbox', () => {
  it('creates a Teams meeting that every in-tenant attendee finds in their calendar at 13.00 Copenhagen time', async () => {
    const draft = aDraft('a');
    const created = unwrap(await new GraphCalendar(graph).createEvent(draft));
    expect(created.joinUrl).toMatch(/^https:\/\/teams\.microsoft\.com\/l\/meetup-join\//);

    for (const user of [upn.mette, ...inTenant]) {
      const events = await eventsOf(user, draft.subject);
      expect(events, user).toHaveLength(1);
      expect(events[0]?.start.dateTime.startsWith('2027-03-04T12:00:00')).toBe(true);
    }
  });

  it('creates the meeting once when the answer to the create is lost and the request goes again', async () => {
    const draft = aDraft('b');
    await injectFault(sandbox, { route: '^POST /v1\\.0/me/events$', kind: 'dropAfter', count: 1 });

    const created = await new GraphCalendar(graph).createEvent(draft);

    expect(created.ok).toBe(true);
    expect((await stats(sandbox)).byRoute['POST /me/events']).toBe(2);
    for (const user of [upn.mette, ...inTenant]) expect(await eventsOf(user, draft.subject), user).toHaveLength(1);
  });

  it('gives the first meeting back when the koordinator presses "Book" again with the same draft', async () => {
    const draft = aDraft('c');
    const calendar = new GraphCalendar(graph);
    const first = unwrap(await calendar.createEvent(draft));
    const second = unwrap(await calendar.createEvent(draft));
    expect(second.eventId).toBe(first.eventId);
    expect(await eventsOf(upn.jonas, draft.subject)).toHaveLength(1);
  });

  it('moves the meeting and reads who has answered the invitation', async () => {
    const draft = aDraft('d');
    const calendar = new GraphCalendar(graph);
    const { eventId } = unwrap(await calendar.createEvent(draft));
    const jonasCopy = (await eventsOf(upn.jonas, draft.subject))[0];
    unwrap(
      await graphAs(sandbox, upn.jonas).send({
        method: 'POST',
        path: `/me/events/${encodeURIComponent(jonasCopy?.id ?? '')}/accept`,
        body: { sendResponse: true },
      }),
    );

    const moved = unwrap(
      verdictOutcome(clearEventPatch({ start: '2027-03-04T13:00:00.000Z', end: '2027-03-04T14:30:00.000Z' }, privacy)),
    );
    expect(await calendar.updateEvent(eventId, moved)).toEqual({ ok: true, value: undefined });
    expect((await eventsOf(upn.aisha, draft.subject))[0]?.start.dateTime.startsWith('2027-03-04T13:00:00')).toBe(true);

    const responses = unwrap(await calendar.getResponses(eventId));
    expect(responses).toContainEqual({ email: upn.jonas, response: 'accepted' });
    expect(responses).toContainEqual({ email: upn.aisha, response: 'none' });
  });

  it('reads Mette, who sent the invitation, as the organiser and not as someone who has not answered', async () => {
    const calendar = new GraphCalendar(graph);
    const plain = aDraft('organiser');
    const { eventId } = unwrap(await calendar.createEvent(plain));
    const responses = unwrap(await calendar.getResponses(eventId));
    expect(responses).toContainEqual({ email: upn.mette, response: 'organizer' });
    expect(responses).toContainEqual({ email: upn.aisha, response: 'none' });

    // Also when the organiser is on the attendee list herself: one entry for her, as organiser.
    const withHerself = unwrap(
      verdictOutcome(
        clearEventDraft(
          {
            ...aDraft('organiser on the list'),
            attendees: [...attendees, { email: upn.mette, name: 'Mette Larsen', required: true }],
          },
          privacy,
        ),
      ),
    );
    const second = unwrap(await calendar.createEvent(withHerself));
    const answers = unwrap(await calendar.getResponses(second.eventId));
    expect(answers.filter((a) => a.email.toLowerCase() === upn.mette.toLowerCase())).toEqual([
      { email: upn.mette, response: 'organizer' },
    ]);
  });

  it('reads free/busy for 25 people in one round trip, and never calls an external or unknown person free', async () => {
    // A day no other test books.
    const draft = aDraft('e', '2027-03-11');
    unwrap(await new GraphCalendar(graph).createEvent(draft));
    const strangers = Array.from({ length: 20 }, (_, i) => `ukendt${i}@sundby-kommune.example`);
    const emails = [upn.mette, upn.jonas, upn.karen, upn.ole, upn.sofie, ...strangers];
    await resetStats(sandbox);

    const rows = unwrap(
      await new GraphCalendar(graph).getSchedule({
        emails,
        start: '2027-03-11T11:00:00.000Z',
        end: '2027-03-11T14:00:00.000Z',
        intervalMinutes: 30,
      }),
    );

    const counted = await stats(sandbox);
    expect(counted.requests).toBe(1);
    expect(counted.batchItemsByRoute['POST /me/calendar/getSchedule']).toBe(2);
    expect(rows.map((row) => row.email)).toEqual(emails);
    const slotsOf = (email: string) => rows.find((row) => row.email === email)?.slots ?? [];
    // 11.00–14.00 UTC in half hours; the meeting is 12.00–13.30 UTC.
    expect(slotsOf(upn.mette)).toEqual(['free', 'free', 'busy', 'busy', 'busy', 'free']);
    expect(slotsOf(upn.sofie)).toEqual(Array(6).fill('free'));
    for (const email of [upn.karen, upn.ole, ...strangers])
      expect(slotsOf(email), email).toEqual(Array(6).fill('unknown'));
  });

  it('refuses a free/busy window of 62 days or more before asking Graph', async () => {
    const outcome = await new GraphCalendar(graph).getSchedule({
      emails: [upn.jonas],
      start: '2027-01-01T00:00:00.000Z',
      end: '2027-03-05T00:00:00.000Z',
      intervalMinutes: 30,
    });
    expect(outcome).toMatchObject({ ok: false, kind: 'invalid', code: 'windowTooLong' });
    expect((await stats(sandbox)).requests).toBe(0);
  });
});
