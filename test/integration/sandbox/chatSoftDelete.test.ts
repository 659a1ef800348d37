import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SandboxInspector } from '../../e2e/support/sandboxInspector';
import { startSandbox, type RunningSandbox } from '../../support/sandboxProcess';
import { USERS, signIn, tool, type Call, type GraphErrorShape } from './graphCall';

/**
 * Taking a minutes card back: the sender soft deletes their chat message (Graph's chatMessage: softDelete). The
 * message stays in the chat as "deleted" with nothing left of the card, and no one holds the card any more.
 */

interface ChatMessage {
  id: string;
  deletedDateTime: string | null;
  body: { contentType: string; content: string };
  attachments: { id: string; contentType: string; content: string | null }[];
  mentions: unknown[];
}

interface BatchResponse {
  id: string;
  status: number;
  body?: GraphErrorShape;
}

let sandbox: RunningSandbox;
let inspector: SandboxInspector;
let aisha: Call;
let peter: Call;
let chatId = '';
const ids: Record<string, string> = {};
let cards = 0;

const member = (id: string) => ({
  '@odata.type': '#microsoft.graph.aadUserConversationMember',
  roles: ['owner'],
  'user@odata.bind': `https://graph.microsoft.com/v1.0/users('${id}')`,
});

/** Aisha posts a minutes card to Peter marked `marker`; returns the message id. */
const postCard = async (marker: string): Promise<string> => {
  cards += 1;
  const card = JSON.stringify({
    type: 'AdaptiveCard',
    version: '1.5',
    body: [{ type: 'TextBlock', text: `Referat · ${marker}` }],
  });
  const posted = await aisha<ChatMessage>('POST', `/chats/${encodeURIComponent(chatId)}/messages`, {
    body: { contentType: 'html', content: `<p>Referat ${marker}</p><attachment id="card-${cards}"></attachment>` },
    attachments: [{ id: `card-${cards}`, contentType: 'application/vnd.microsoft.card.adaptive', content: card }],
  });
  expect(posted.status).toBe(201);
  return posted.body.id;
};

const messagePath = (messageId: string): string =>
  `/chats/${encodeURIComponent(chatId)}/messages/${encodeURIComponent(messageId)}`;

beforeAll(async () => {
  sandbox = await startSandbox();
  inspector = new SandboxInspector(sandbox);
  aisha = await signIn(sandbox, USERS.aisha);
  peter = await signIn(sandbox, USERS.peter);
  const users = await tool<{ users: { upn: string; id: string }[] }>(sandbox, 'GET', '/_sandbox/users');
  for (const user of users.users) ids[user.upn] = user.id;
  const chat = await aisha<{ id: string }>('POST', '/chats', {
    chatType: 'oneOnOne',
    members: [member(ids[USERS.aisha] ?? ''), member(ids[USERS.peter] ?? '')],
  });
  chatId = chat.body.id;
});

afterAll(async () => {
  await sandbox?.stop();
});

describe('the sender soft deletes a minutes card', () => {
  it('answers 204 without a body, and Peter no longer holds the card', async () => {
    const messageId = await postCard('KI-SD-1');
    expect(await inspector.cardsOf(USERS.peter, 'KI-SD-1')).toHaveLength(1);

    const reply = await aisha('POST', `/me${messagePath(messageId)}/softDelete`);

    expect(reply.status).toBe(204);
    expect(reply.body).toBeUndefined();
    expect(await inspector.cardsOf(USERS.peter, 'KI-SD-1')).toHaveLength(0);
    expect(await inspector.cardsOf(USERS.aisha, 'KI-SD-1')).toHaveLength(0);
  });

  it('keeps the message in the chat as deleted, with no body, card or mentions left', async () => {
    const messageId = await postCard('KI-SD-2');
    const before = Date.now();
    expect((await aisha('POST', `/users/${USERS.aisha}${messagePath(messageId)}/softDelete`)).status).toBe(204);

    const one = await peter<ChatMessage>('GET', messagePath(messageId));
    expect(one.status).toBe(200);
    expect(Date.parse(one.body.deletedDateTime ?? '')).toBeGreaterThanOrEqual(before - 1000);
    expect(one.body.body.content).toBe('');
    expect(one.body.attachments).toEqual([]);
    expect(one.body.mentions).toEqual([]);
    const list = await peter<{ value: ChatMessage[] }>('GET', `/chats/${encodeURIComponent(chatId)}/messages`);
    const listed = list.body.value.find((message) => message.id === messageId);
    expect(listed?.deletedDateTime).toBe(one.body.deletedDateTime);
    expect(JSON.stringify(listed)).not.toContain('KI-SD-2');
    const live = list.body.value.filter((message) => message.deletedDateTime === null);
    expect(live.length).toBeGreaterThan(0);
  });

  it('answers 204 again when the deleted message is deleted once more, and changes nothing', async () => {
    const messageId = await postCard('KI-SD-3');
    expect((await aisha('POST', `/me${messagePath(messageId)}/softDelete`)).status).toBe(204);
    const first = await aisha<ChatMessage>('GET', messagePath(messageId));
    const again = await aisha('POST', `/me${messagePath(messageId)}/softDelete`);
    expect(again.status).toBe(204);
    const second = await aisha<ChatMessage>('GET', messagePath(messageId));
    expect(second.body.deletedDateTime).toBe(first.body.deletedDateTime);
  });

  it('brings the card back with undoSoftDelete', async () => {
    const messageId = await postCard('KI-SD-4');
    await aisha('POST', `/me${messagePath(messageId)}/softDelete`);
    const undo = await aisha('POST', `/me${messagePath(messageId)}/undoSoftDelete`);
    expect(undo.status).toBe(204);
    const restored = await peter<ChatMessage>('GET', messagePath(messageId));
    expect(restored.body.deletedDateTime).toBeNull();
    expect(await inspector.cardsOf(USERS.peter, 'KI-SD-4')).toHaveLength(1);
  });

  it('soft deletes inside $batch too', async () => {
    const kept = await postCard('KI-SD-5a');
    const removed = await postCard('KI-SD-5b');
    const reply = await aisha<{ responses: BatchResponse[] }>('POST', '/$batch', {
      requests: [
        { id: 'delete', method: 'POST', url: `/me${messagePath(removed)}/softDelete` },
        { id: 'read', method: 'GET', url: messagePath(kept) },
      ],
    });
    expect(reply.status).toBe(200);
    expect(reply.body.responses.find((response) => response.id === 'delete')?.status).toBe(204);
    expect(await inspector.cardsOf(USERS.peter, 'KI-SD-5b')).toHaveLength(0);
    expect(await inspector.cardsOf(USERS.peter, 'KI-SD-5a')).toHaveLength(1);
  });
});

describe('what soft delete refuses', () => {
  it('refuses the recipient deleting the sender’s card with 403 and a Graph error body', async () => {
    const messageId = await postCard('KI-SD-6');
    const reply = await peter<GraphErrorShape>('POST', `/me${messagePath(messageId)}/softDelete`);
    expect(reply.status).toBe(403);
    expect(reply.body.error.code).toBe('Forbidden');
    expect(reply.body.error.innerError['request-id']).toBeTruthy();
    expect(await inspector.cardsOf(USERS.peter, 'KI-SD-6')).toHaveLength(1);
  });

  it('answers 404 for a message or a chat that does not exist', async () => {
    const noMessage = await aisha<GraphErrorShape>('POST', `/me${messagePath('1700000000000')}/softDelete`);
    expect(noMessage.status).toBe(404);
    expect(noMessage.body.error.code).toBe('NotFound');
    const noChat = await aisha<GraphErrorShape>(
      'POST',
      `/me/chats/${encodeURIComponent('19:ukendt@thread.v2')}/messages/1700000000000/softDelete`,
    );
    expect(noChat.status).toBe(404);
  });

  it('refuses deleting as someone else', async () => {
    const messageId = await postCard('KI-SD-7');
    const reply = await peter<GraphErrorShape>('POST', `/users/${USERS.aisha}${messagePath(messageId)}/softDelete`);
    expect(reply.status).toBe(403);
    expect(reply.body.error.code).toBe('ErrorAccessDenied');
    expect(await inspector.cardsOf(USERS.peter, 'KI-SD-7')).toHaveLength(1);
  });

  it('answers 405 to the undocumented /chats/{id}/messages/{id}/softDelete form, pointing to the documented one', async () => {
    const messageId = await postCard('KI-SD-8');
    const reply = await aisha<GraphErrorShape>('POST', `${messagePath(messageId)}/softDelete`);
    expect(reply.status).toBe(405);
    expect(reply.body.error.message).toContain('/users/{user-id}/chats/{chat-id}/messages/{message-id}/softDelete');
    expect(await inspector.cardsOf(USERS.peter, 'KI-SD-8')).toHaveLength(1);
  });
});
