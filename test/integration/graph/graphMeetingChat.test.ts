import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { GraphCalendar } from '../../../src/adapters/graph/graphCalendar';
import type { GraphClient } from '../../../src/adapters/graph/graphClient';
import { GraphMeetingChat } from '../../../src/adapters/graph/graphMeetingChat';
import { defaultPolicy } from '../../../src/domain/policy';
import type { TabToPin } from '../../../src/domain/ports/meetingChat';
import type { Outcome } from '../../../src/domain/ports/outcome';
import type { Cleared } from '../../../src/domain/privacy/cleared';
import { clearEventDraft, verdictOutcome } from '../../../src/domain/privacy/privacyGuard';
import { demoPlan } from '../../support/builders';
import { startSandbox, type RunningSandbox } from '../../support/sandboxProcess';
import { clearFaults, graphAs, injectFault, resetStats, stats, upn } from './graphSandbox';

let sandbox: RunningSandbox;
let graph: GraphClient;

const unwrap = <T>(outcome: Outcome<T> | undefined): T => {
  if (!outcome?.ok) throw new Error(`expected success, got ${JSON.stringify(outcome)}`);
  return outcome.value;
};

const tab: TabToPin = {
  displayName: 'Tovholder',
  teamsAppId: 'tovholder-app-id',
  entityId: 'plan-ki-2026-014',
  // As the privacy guard (clearUrl) hands them on; the guard has its own tests.
  contentUrl: 'https://tovholder.example/meeting.html?planId=plan-ki-2026-014' as Cleared<string>,
  websiteUrl: 'https://tovholder.example/plans.html?planId=plan-ki-2026-014' as Cleared<string>,
};

/** Books a Teams meeting as the koordinator and returns its join URL. */
const bookMeeting = async (): Promise<string> => {
  const draft = unwrap(
    verdictOutcome(
      clearEventDraft(
        {
          subject: 'Koordinerende indsatsplansmøde – KI-2026-014',
          bodyHtml: '<p>Dagsorden</p>',
          start: '2027-03-04T12:00:00.000Z',
          end: '2027-03-04T13:30:00.000Z',
          attendees: [{ email: upn.jonas, name: 'Jonas Berg', required: true }],
          transactionId: randomUUID(),
        },
        { plan: demoPlan(), policy: defaultPolicy, today: '2026-10-01' },
      ),
    ),
  );
  const created = unwrap(await new GraphCalendar(graph).createEvent(draft));
  if (!created.joinUrl) throw new Error('no join URL');
  return created.joinUrl;
};

const tabsIn = async (chatId: string): Promise<{ configuration: { entityId: string } }[]> => {
  const page = unwrap(await graph.send({ method: 'GET', path: `/chats/${encodeURIComponent(chatId)}/tabs` })) as {
    value: { configuration: { entityId: string } }[];
  };
  return page.value;
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

describe('GraphMeetingChat against the sandbox', () => {
  it('finds the meeting chat from the join URL and pins the plan beside the call in one round trip', async () => {
    const chat = new GraphMeetingChat(graph);
    const chatId = unwrap(await chat.findChatId(await bookMeeting()));
    await resetStats(sandbox);

    expect(await chat.pinTab(chatId, tab)).toEqual({ ok: true, value: 'pinned' });

    expect((await stats(sandbox)).requests).toBe(1);
    expect((await tabsIn(chatId)).map((pinned) => pinned.configuration.entityId)).toEqual(['plan-ki-2026-014']);
  });

  it('pins once when pinning is tried again', async () => {
    const chat = new GraphMeetingChat(graph);
    const chatId = unwrap(await chat.findChatId(await bookMeeting()));
    unwrap(await chat.pinTab(chatId, tab));
    expect(await chat.pinTab(chatId, tab)).toEqual({ ok: true, value: 'pinned' });
    expect(await tabsIn(chatId)).toHaveLength(1);
  });

  it('says "not allowed" when the tenant refuses the app in chats, so the user is told the two clicks', async () => {
    const chat = new GraphMeetingChat(graph);
    const chatId = unwrap(await chat.findChatId(await bookMeeting()));
    await injectFault(sandbox, { route: 'installedApps', kind: '403', count: 1 });
    expect(await chat.pinTab(chatId, tab)).toEqual({ ok: true, value: 'notAllowed' });
    expect(await tabsIn(chatId)).toHaveLength(0);
  });

  it('does not find a meeting for a join URL nobody booked', async () => {
    const found = await new GraphMeetingChat(graph).findChatId(
      "https://teams.microsoft.com/l/meetup-join/19%3ameeting_ukendt%40thread.v2/0?context=%7b%22Tid%22%3a%22x'y%22%7d",
    );
    expect(found).toMatchObject({ ok: false, kind: 'notFound' });
  });
});
