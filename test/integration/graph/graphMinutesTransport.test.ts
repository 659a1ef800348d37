import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { GraphClient } from '../../../src/adapters/graph/graphClient';
import { GraphMinutesTransport } from '../../../src/adapters/graph/graphMinutesTransport';
import { toGraphChatMessage } from '../../../src/cards/minutesMessage';
import { defaultPolicy } from '../../../src/domain/policy';
import { readMailProtection } from '../../../src/domain/policy/mailProtection';
import type { ChatMessageToPost, ChatPartner, MailToSend } from '../../../src/domain/ports/minutesTransport';
import type { Cleared } from '../../../src/domain/privacy/cleared';
import { success, type Outcome } from '../../../src/domain/ports/outcome';
import {
  clearChatMessage,
  clearMail,
  verdictOutcome,
  type PrivacyContext,
} from '../../../src/domain/privacy/privacyGuard';
import { demoPeople, demoPlan } from '../../support/builders';
import { startSandbox, type RunningSandbox } from '../../support/sandboxProcess';
import { clearFaults, graphAs, inspect, injectFault, resetStats, stats, upn } from './graphSandbox';

let sandbox: RunningSandbox;
let graph: GraphClient;
let ids: Record<string, string>;

const privacy: PrivacyContext = { plan: demoPlan(), policy: defaultPolicy, today: '2026-10-01' };

const unwrap = <T>(outcome: Outcome<T> | undefined): T => {
  if (!outcome?.ok) throw new Error(`expected success, got ${JSON.stringify(outcome)}`);
  return outcome.value;
};

/** A minutes message as the delivery pipeline builds it: a card behind an attachment marker, carrying a delivery id. */
const minutesMessage = (key: string, chatId: string, marker: string, recipientId: string) => {
  const card = JSON.stringify({
    type: 'AdaptiveCard',
    version: '1.5',
    lang: 'da',
    body: [{ type: 'TextBlock', text: `Referat KI-2026-014 · ${marker}` }],
  });
  const message: ChatMessageToPost = {
    key,
    chatId,
    html: `<p>Referat fra mødet om KI-2026-014</p><attachment id="card-1"></attachment>`,
    attachments: [{ id: 'card-1', contentType: 'application/vnd.microsoft.card.adaptive', content: card }],
    mentions: [],
  };
  return unwrap(verdictOutcome(clearChatMessage(message, privacy, [recipientId])));
};

const messagesIn = async (chatId: string): Promise<{ id: string }[]> => {
  const page = unwrap(
    await graph.send({ method: 'GET', path: `/chats/${encodeURIComponent(chatId)}/messages?$top=50` }),
  ) as { value: { id: string }[] };
  return page.value;
};

/** The first round with chats only. */
const ensureChats = async (transport: GraphMinutesTransport, partners: ChatPartner[]) =>
  (await transport.prepare({ partners, mails: [], deliveryId: 'delivery-chats' })).chats;
const postMessages = (transport: GraphMinutesTransport, messages: Cleared<ChatMessageToPost>[]) =>
  transport.send({ messages, drafts: [] });
/** The oldest message in the chat carrying the marker, as a thorough look finds it. */
const findMessageWithMarker = async (
  transport: GraphMinutesTransport,
  chatId: string,
  marker: string,
): Promise<Outcome<string | null>> => {
  const looked = (
    await transport.look({ chats: [{ key: 'k', chatId }], mails: [], deliveryId: marker, thorough: true })
  ).chats.get('k');
  if (!looked) throw new Error('no answer for the chat');
  return looked.ok ? success(looked.value[0] ?? null) : looked;
};

beforeAll(async () => {
  sandbox = await startSandbox();
  graph = graphAs(sandbox, upn.mette);
  const directory = await inspect<{ users: { upn: string; id: string }[] }>(sandbox, '/_sandbox/users');
  ids = Object.fromEntries(directory.users.map((user) => [user.upn, user.id]));
});
afterAll(async () => {
  await sandbox?.stop();
});
beforeEach(async () => {
  await clearFaults(sandbox);
  await resetStats(sandbox);
});

const partners = () => [
  { key: 'p-jonas', userId: ids[upn.jonas] ?? '', tenantId: null },
  { key: 'p-karen', userId: ids[upn.karen] ?? '', tenantId: '22222222-2222-4222-8222-222222222222' },
  { key: 'p-peter', userId: ids[upn.peter] ?? '', tenantId: null },
];

describe('GraphMinutesTransport against the sandbox', () => {
  it('opens 1:1 chats with colleagues and with a federated region nurse in one round trip, and finds them again', async () => {
    const transport = new GraphMinutesTransport(graph, { meUserId: ids[upn.mette] ?? '' });
    const first = await ensureChats(transport, partners());
    expect([...first.values()].every((outcome) => outcome.ok)).toBe(true);
    expect((await stats(sandbox)).requests).toBe(1);

    const again = await ensureChats(transport, partners());
    expect(unwrap(again.get('p-karen'))).toBe(unwrap(first.get('p-karen')));
  });

  it('posts one message per chat and re-sends only the one that was throttled', async () => {
    const transport = new GraphMinutesTransport(graph);
    const chats = await ensureChats(transport, partners());
    const jonasChat = unwrap(chats.get('p-jonas'));
    const before = await Promise.all(
      ['p-jonas', 'p-karen', 'p-peter'].map(async (key) => (await messagesIn(unwrap(chats.get(key)))).length),
    );
    await injectFault(sandbox, {
      route: `^POST /v1\\.0/chats/${encodeURIComponent(jonasChat).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/messages`,
      kind: '429',
      count: 1,
      retryAfterSeconds: 1,
    });
    await resetStats(sandbox);

    const posted = await postMessages(transport, [
      minutesMessage('p-jonas', jonasChat, 'delivery-1', demoPeople.jonas.id),
      minutesMessage('p-karen', unwrap(chats.get('p-karen')), 'delivery-1', demoPeople.karen.id),
      minutesMessage('p-peter', unwrap(chats.get('p-peter')), 'delivery-1', demoPeople.peter.id),
    ]);

    expect([...posted.values()].map((outcome) => outcome.ok)).toEqual([true, true, true]);
    const counted = await stats(sandbox);
    expect(counted.byRoute['POST /$batch']).toBe(2);
    expect(counted.batchItemsByRoute['POST /chats/{chatId}/messages']).toBe(4);
    const after = await Promise.all(
      ['p-jonas', 'p-karen', 'p-peter'].map(async (key) => (await messagesIn(unwrap(chats.get(key)))).length),
    );
    expect(after).toEqual(before.map((count) => count + 1));
  });

  it('reports a post whose answer was lost as an unknown outcome, and the marker shows it did arrive — no second copy', async () => {
    const transport = new GraphMinutesTransport(graph);
    const chatId = unwrap((await ensureChats(transport, [partners()[0]!])).get('p-jonas'));
    const before = (await messagesIn(chatId)).length;
    await injectFault(sandbox, { route: '^POST /v1\\.0/\\$batch', kind: 'dropAfter', count: 1 });

    const posted = await postMessages(transport, [
      minutesMessage('p-jonas', chatId, 'delivery-lost-answer', demoPeople.jonas.id),
    ]);

    expect(posted.get('p-jonas')).toMatchObject({ ok: false, kind: 'failed', code: 'unknownOutcome' });
    const found = await findMessageWithMarker(transport, chatId, 'delivery-lost-answer');
    expect(found.ok && found.value).toBeTruthy();
    expect((await messagesIn(chatId)).length).toBe(before + 1);
  });

  it('reports a post that failed with a server error as unknown, and the marker shows it never arrived', async () => {
    const transport = new GraphMinutesTransport(graph);
    const chatId = unwrap((await ensureChats(transport, [partners()[2]!])).get('p-peter'));
    await injectFault(sandbox, { route: '^POST /v1\\.0/chats/.*/messages', kind: '500', count: 1 });

    const posted = await postMessages(transport, [
      minutesMessage('p-peter', chatId, 'delivery-500', demoPeople.peter.id),
    ]);

    expect(posted.get('p-peter')).toMatchObject({ ok: false, kind: 'failed', code: 'unknownOutcome', status: 500 });
    expect(await findMessageWithMarker(transport, chatId, 'delivery-500')).toEqual({ ok: true, value: null });
  });

  it('mentions the effort owners in the message body, a federated nurse included, so Teams notifies them', async () => {
    const transport = new GraphMinutesTransport(graph);
    const chatId = unwrap((await ensureChats(transport, [partners()[1]!])).get('p-karen'));
    const message: ChatMessageToPost = {
      key: 'p-karen',
      chatId,
      html: '<p>Opgaver: <at id="0">Karen Skov</at> og <at id="1">Jonas Berg</at></p><attachment id="card-1"></attachment>',
      attachments: [
        {
          id: 'card-1',
          contentType: 'application/vnd.microsoft.card.adaptive',
          content: JSON.stringify({ type: 'AdaptiveCard', version: '1.5', body: [] }),
        },
      ],
      mentions: [
        { id: 0, text: 'Karen Skov', userId: ids[upn.karen] ?? '', tenantId: '22222222-2222-4222-8222-222222222222' },
        { id: 1, text: 'Jonas Berg', userId: ids[upn.jonas] ?? '', tenantId: null },
      ],
    };
    const posted = await postMessages(transport, [
      unwrap(verdictOutcome(clearChatMessage(message, privacy, [demoPeople.karen.id]))),
    ]);
    const messageId = unwrap(posted.get('p-karen'));

    const stored = unwrap(
      await graph.send({
        method: 'GET',
        path: `/chats/${encodeURIComponent(chatId)}/messages/${encodeURIComponent(messageId)}`,
      }),
    ) as {
      mentions: {
        mentionText: string;
        mentioned: { user: { id: string; userIdentityType: string; tenantId?: string } };
      }[];
    };
    expect(stored.mentions.map((mention) => [mention.mentionText, mention.mentioned.user.id])).toEqual([
      ['Karen Skov', ids[upn.karen]],
      ['Jonas Berg', ids[upn.jonas]],
    ]);
    // What was sent is the card renderer's body (the one it measured): aadUser, with the region's tenant for Karen.
    expect(stored.mentions.map(({ mentioned: { user } }) => [user.userIdentityType, user.tenantId])).toEqual(
      toGraphChatMessage(message).mentions.map(({ mentioned: { user } }) => [user.userIdentityType, user.tenantId]),
    );
    expect(stored.mentions[0]?.mentioned.user).toMatchObject({
      userIdentityType: 'aadUser',
      tenantId: '22222222-2222-4222-8222-222222222222',
    });
  });

  it("mails the minutes to the GP who has no Teams, marked for the tenant's Purview rule", async () => {
    const transport = new GraphMinutesTransport(graph);
    const mail: MailToSend = {
      key: 'p-ole',
      to: [{ email: upn.ole, name: 'Ole Bak' }],
      subject: 'Referat KI-2026-014',
      html: '<p>Referat fra det koordinerende indsatsplansmøde KI-2026-014</p>',
      mark: 'purview',
    };
    const encrypted = {
      ...privacy,
      policy: { ...defaultPolicy, mailProtection: readMailProtection({ mode: 'purview' }) },
    };
    const cleared = unwrap(verdictOutcome(clearMail(mail, encrypted, [demoPeople.ole.id])));
    const { drafts } = await transport.prepare({ partners: [], mails: [cleared], deliveryId: 'delivery-mail' });
    const draftId = unwrap(drafts.get('p-ole'));
    const sent = await transport.send({ messages: [], drafts: [{ key: 'p-ole', draftId }] });
    expect(sent.get('p-ole')).toEqual({ ok: true, value: draftId });
    const mailbox = await inspect<{ messages: { subject: string }[] }>(
      sandbox,
      `/_sandbox/mailbox?user=${encodeURIComponent(upn.ole)}`,
    );
    expect(mailbox.messages.map((message) => message.subject)).toContain('Referat KI-2026-014');
    // The header travels with the mail: the GP's copy carries it, as the tenant's rule saw it on the way out.
    const received = (mailbox as { messages: { subject: string; internetMessageHeaders?: unknown }[] }).messages.find(
      (message) => message.subject === 'Referat KI-2026-014',
    );
    expect(received?.internetMessageHeaders).toEqual([{ name: 'X-Tovholder-Protection', value: 'purview' }]);
  });
});
