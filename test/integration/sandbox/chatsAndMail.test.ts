import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../support/sandboxProcess';
import { REGION_TENANT_ID, USERS, signIn, tool, type Call } from './graphCall';

/** 1:1 chats, minutes cards with mentions, and e-mail to people outside Teams. */

interface Chat {
  id: string;
  chatType: string;
}
interface ChatMessage {
  id: string;
  body: { contentType: string; content: string };
  attachments: { id: string; contentType: string; content: string }[];
  mentions: {
    id: number;
    mentionText: string;
    mentioned: { user: { id: string; displayName: string; userIdentityType: string } };
  }[];
  from: { user: { id: string } };
}

let sandbox: RunningSandbox;
let aisha: Call;
let karen: Call;
const ids: Record<string, string> = {};

const member = (id: string, tenantId?: string) => ({
  '@odata.type': '#microsoft.graph.aadUserConversationMember',
  roles: ['owner'],
  'user@odata.bind': `https://graph.microsoft.com/v1.0/users('${id}')`,
  ...(tenantId ? { tenantId } : {}),
});

const card = JSON.stringify({
  type: 'AdaptiveCard',
  version: '1.5',
  lang: 'da',
  body: [{ type: 'TextBlock', text: 'Referat · KI-2026-014', weight: 'Bolder' }],
});

beforeAll(async () => {
  sandbox = await startSandbox();
  aisha = await signIn(sandbox, USERS.aisha);
  karen = await signIn(sandbox, USERS.karen);
  const users = await tool<{ users: { upn: string; id: string }[] }>(sandbox, 'GET', '/_sandbox/users');
  for (const user of users.users) ids[user.upn] = user.id;
});

afterAll(async () => {
  await sandbox?.stop();
});

describe('1:1 chats', () => {
  it('returns the existing oneOnOne chat instead of making a second one', async () => {
    const first = await aisha<Chat>('POST', '/chats', {
      chatType: 'oneOnOne',
      members: [member(ids[USERS.aisha] ?? ''), member(ids[USERS.peter] ?? '')],
    });
    const again = await aisha<Chat>('POST', '/chats', {
      chatType: 'oneOnOne',
      members: [member(ids[USERS.peter] ?? ''), member(ids[USERS.aisha] ?? '')],
    });
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body.id).toBe(first.body.id);
    expect(first.body.id).toMatch(/^19:.+@unq\.gbl\.spaces$/);
    const peterChats = await tool<{ chats: { id: string }[] }>(sandbox, 'GET', `/_sandbox/chats?user=${USERS.peter}`);
    expect(peterChats.chats.filter((chat) => chat.id === first.body.id)).toHaveLength(1);
  });

  it('opens a chat with a federated nurse only when her home tenant is given', async () => {
    const without = await aisha('POST', '/chats', {
      chatType: 'oneOnOne',
      members: [member(ids[USERS.aisha] ?? ''), member(ids[USERS.birgitte] ?? '')],
    });
    expect(without.status).toBe(404);
    const withTenant = await aisha<Chat>('POST', '/chats', {
      chatType: 'oneOnOne',
      members: [member(ids[USERS.aisha] ?? ''), member(ids[USERS.birgitte] ?? '', REGION_TENANT_ID)],
    });
    expect(withTenant.status).toBe(201);
  });

  it('refuses a chat with someone who is reachable only by e-mail', async () => {
    const reply = await aisha('POST', '/chats', {
      chatType: 'oneOnOne',
      members: [member(ids[USERS.aisha] ?? ''), member(ids[USERS.ole] ?? '')],
    });
    expect(reply.status).toBe(404);
  });
});

describe('posting the minutes card', () => {
  it('stores the card and the mention exactly as Graph returns them, and the recipient can read it', async () => {
    const chat = await aisha<Chat>('POST', '/chats', {
      chatType: 'oneOnOne',
      members: [member(ids[USERS.aisha] ?? ''), member(ids[USERS.karen] ?? '', REGION_TENANT_ID)],
    });
    const posted = await aisha<ChatMessage>('POST', `/chats/${encodeURIComponent(chat.body.id)}/messages`, {
      body: {
        contentType: 'html',
        content: '<p>Til <at id="0">Karen Skov</at></p><attachment id="card-1"></attachment>',
      },
      attachments: [{ id: 'card-1', contentType: 'application/vnd.microsoft.card.adaptive', content: card }],
      mentions: [
        {
          id: 0,
          mentionText: 'Karen Skov',
          mentioned: { user: { id: ids[USERS.karen], displayName: 'Karen Skov', userIdentityType: 'aadUser' } },
        },
      ],
    });
    expect(posted.status).toBe(201);
    expect(posted.body.id).toMatch(/^\d{13}$/);
    expect(posted.body.attachments[0]?.content).toBe(card);
    expect(posted.body.mentions[0]?.mentioned.user.id).toBe(ids[USERS.karen]);
    expect(posted.body.from.user.id).toBe(ids[USERS.aisha]);
    const read = await karen<{ value: ChatMessage[] }>('GET', `/chats/${encodeURIComponent(chat.body.id)}/messages`);
    expect(read.status).toBe(200);
    expect(read.body.value.map((message) => message.id)).toContain(posted.body.id);
    const hers = await tool<{ chats: { id: string; messages: { id: string }[] }[] }>(
      sandbox,
      'GET',
      `/_sandbox/chats?user=${USERS.karen}`,
    );
    // The seeded minutes of 3 September are already in this chat: the new message comes in addition, once.
    const messages = hers.chats.find((entry) => entry.id === chat.body.id)?.messages ?? [];
    expect(messages.filter((message) => message.id === posted.body.id)).toHaveLength(1);
    expect(messages).toHaveLength(2);
  });

  it('refuses a message larger than Teams accepts', async () => {
    const chat = await aisha<Chat>('POST', '/chats', {
      chatType: 'oneOnOne',
      members: [member(ids[USERS.aisha] ?? ''), member(ids[USERS.jonas] ?? '')],
    });
    const huge = JSON.stringify({
      type: 'AdaptiveCard',
      version: '1.5',
      body: [{ type: 'TextBlock', text: 'x'.repeat(30_000) }],
    });
    const reply = await aisha('POST', `/chats/${encodeURIComponent(chat.body.id)}/messages`, {
      body: { contentType: 'html', content: '<attachment id="a"></attachment>' },
      attachments: [{ id: 'a', contentType: 'application/vnd.microsoft.card.adaptive', content: huge }],
    });
    expect(reply.status).toBe(413);
  });

  it('lists the caller’s chats, newest first, with the meeting chat of the seeded plan', async () => {
    const list = await aisha<{ value: (Chat & { topic: string | null })[] }>('GET', '/me/chats');
    expect(list.status).toBe(200);
    expect(list.body.value.some((chat) => chat.chatType === 'meeting' && chat.topic?.endsWith('KI-2026-014'))).toBe(
      true,
    );
  });
});

describe('e-mail', () => {
  it('answers sendMail with 202 and lands the mail in the external recipient’s mailbox and the sender’s sent items', async () => {
    const reply = await aisha('POST', '/me/sendMail', {
      message: {
        subject: 'Referat – KI-2026-014 – test',
        body: { contentType: 'html', content: '<h1>Referat</h1>' },
        toRecipients: [{ emailAddress: { address: USERS.ole, name: 'Ole Bak' } }],
      },
      saveToSentItems: true,
    });
    expect(reply.status).toBe(202);
    expect(reply.body).toBeUndefined();
    const ole = await tool<{ messages: { subject: string; folder: string; body: { content: string } }[] }>(
      sandbox,
      'GET',
      `/_sandbox/mailbox?user=${USERS.ole}`,
    );
    expect(ole.messages.filter((mail) => mail.subject === 'Referat – KI-2026-014 – test')).toHaveLength(1);
    const sent = await aisha<{ value: { subject: string }[] }>('GET', '/me/mailFolders/sentitems/messages?$top=50');
    expect(sent.body.value.some((mail) => mail.subject === 'Referat – KI-2026-014 – test')).toBe(true);
  });

  it('refuses a mail without recipients or with a malformed address', async () => {
    const none = await aisha('POST', '/me/sendMail', {
      message: { subject: 'x', body: { contentType: 'text', content: 'x' } },
    });
    expect(none.status).toBe(400);
    const bad = await aisha('POST', '/me/sendMail', {
      message: { subject: 'x', toRecipients: [{ emailAddress: { address: 'ole.bak' } }] },
    });
    expect(bad.status).toBe(400);
  });
});

describe('the viewer', () => {
  it('lists everyone in Danish and shows a card and a mention without ever running what a message contains', async () => {
    const index = await (await fetch(`${sandbox.origin}/_sandbox/`)).text();
    expect(index).toContain('<html lang="da"');
    for (const name of ['Mette Larsen', 'Karen Skov', 'Ole Bak', 'Lise Holm']) expect(index).toContain(name);

    const chat = await aisha<Chat>('POST', '/chats', {
      chatType: 'oneOnOne',
      members: [member(ids[USERS.aisha] ?? ''), member(ids[USERS.lars] ?? '')],
    });
    await aisha('POST', `/chats/${encodeURIComponent(chat.body.id)}/messages`, {
      body: {
        contentType: 'html',
        content:
          '<p><img src=x onerror="alert(1)">Til <at id="0">Lars Mikkelsen</at></p><attachment id="k"></attachment>',
      },
      attachments: [{ id: 'k', contentType: 'application/vnd.microsoft.card.adaptive', content: card }],
      mentions: [
        {
          id: 0,
          mentionText: 'Lars Mikkelsen',
          mentioned: { user: { id: ids[USERS.lars], displayName: 'Lars Mikkelsen', userIdentityType: 'aadUser' } },
        },
      ],
    });
    const page = await (await fetch(`${sandbox.origin}/_sandbox/view?user=${encodeURIComponent(USERS.lars)}`)).text();
    expect(page).toContain('<span class="mention">@Lars Mikkelsen</span>');
    expect(page).not.toContain('onerror');
    expect(page).toContain('Referat · KI-2026-014');
    expect(page).toContain('/_sandbox/assets/adaptivecards.min.js');
    const renderer = await fetch(`${sandbox.origin}/_sandbox/assets/adaptivecards.min.js`);
    expect(renderer.status).toBe(200);
    const hostConfig = (await (
      await fetch(`${sandbox.origin}/_sandbox/assets/teams-light.hostconfig.json`)
    ).json()) as Record<string, unknown>;
    expect(hostConfig.fontTypes).toBeDefined();
  });
});
