import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../support/sandboxProcess';
import { USERS, signIn, tool, type Call, type GraphErrorShape } from './graphCall';

/**
 * Minutes by e-mail as a draft that is sent afterwards (Graph's create message + message: send), marked with a
 * single-value extended property so the sender can look it up again, with immutable ids that survive the move to
 * Sent Items. A send that arrives twice must not deliver twice.
 */

const MARK = 'String {66f5a359-4659-4830-9070-00047ec6ac6e} Name TovholderDelivery';
const IMMUTABLE = { Prefer: 'IdType="ImmutableId"' };

interface Message {
  id: string;
  subject: string;
  isDraft: boolean;
  parentFolderId: string;
  toRecipients: { emailAddress: { address: string } }[];
  singleValueExtendedProperties?: { id: string; value: string }[];
}

interface BatchResponse {
  id: string;
  status: number;
  body?: Message & GraphErrorShape & { value?: Message[] };
}

let sandbox: RunningSandbox;
let aisha: Call;
let peter: Call;

/** Aisha writes a draft of the minutes to Ole (and Lise on cc) marked with `mark`; returns the created message. */
const draft = async (
  mark: string,
  headers: Record<string, string> = IMMUTABLE,
  extra: Record<string, unknown> = {},
): Promise<Message> => {
  const reply = await aisha<Message>(
    'POST',
    '/me/messages',
    {
      subject: `Referat KI-2026-014 (${mark})`,
      body: { contentType: 'HTML', content: `<p>Referat ${mark}</p>` },
      toRecipients: [{ emailAddress: { address: USERS.ole, name: 'Ole Bak' } }],
      ccRecipients: [{ emailAddress: { address: USERS.lise } }],
      singleValueExtendedProperties: [{ id: MARK, value: mark }],
      ...extra,
    },
    headers,
  );
  expect(reply.status).toBe(201);
  return reply.body;
};

/** How many e-mails marked `mark` the address holds (all folders, as the sandbox shows the mailbox). */
const received = async (address: string, mark: string): Promise<number> => {
  const box = await tool<{ messages: { subject: string; folder: string }[] }>(
    sandbox,
    'GET',
    `/_sandbox/mailbox?user=${encodeURIComponent(address)}`,
  );
  return box.messages.filter((message) => message.subject.includes(`(${mark})`)).length;
};

const byMark = (mark: string): string =>
  `/me/messages?$filter=${encodeURIComponent(`singleValueExtendedProperties/Any(ep: ep/id eq '${MARK}' and ep/value eq '${mark}')`)}`;

const expandMark = `$expand=${encodeURIComponent(`singleValueExtendedProperties($filter=id eq '${MARK}')`)}`;

beforeAll(async () => {
  sandbox = await startSandbox();
  aisha = await signIn(sandbox, USERS.aisha);
  peter = await signIn(sandbox, USERS.peter);
});

afterAll(async () => {
  await sandbox?.stop();
});

describe('a draft of the minutes', () => {
  it('is created in Drafts as a draft, and nobody receives anything yet', async () => {
    const created = await draft('d-1');
    expect(created.isDraft).toBe(true);
    expect(created.id).toBeTruthy();
    const inDrafts = await aisha<{ value: Message[] }>('GET', '/me/mailFolders/drafts/messages', undefined, IMMUTABLE);
    const listed = inDrafts.body.value.find((message) => message.id === created.id);
    expect(listed?.parentFolderId).toBe(created.parentFolderId);
    const sent = await aisha<{ value: Message[] }>('GET', '/me/mailFolders/sentitems/messages?$top=1');
    expect(sent.body.value).toHaveLength(1);
    expect(sent.body.value[0]?.parentFolderId).not.toBe(created.parentFolderId);
    expect(await received(USERS.ole, 'd-1')).toBe(0);
    expect(await received(USERS.lise, 'd-1')).toBe(0);
  });

  it('carries its extended property, shown only when expanded with a filter on its id', async () => {
    const created = await draft('d-2');
    const expanded = await aisha<Message>(
      'GET',
      `/me/messages/${encodeURIComponent(created.id)}?$select=subject,isDraft&${expandMark}`,
      undefined,
      IMMUTABLE,
    );
    expect(expanded.status).toBe(200);
    expect(expanded.body.singleValueExtendedProperties).toEqual([{ id: MARK, value: 'd-2' }]);
    expect(expanded.body.isDraft).toBe(true);
    expect(expanded.body).not.toHaveProperty('toRecipients');
    const plain = await aisha<Message>('GET', `/me/messages/${encodeURIComponent(created.id)}`, undefined, IMMUTABLE);
    expect(plain.body).not.toHaveProperty('singleValueExtendedProperties');
    const other = `$expand=${encodeURIComponent(
      "singleValueExtendedProperties($filter=id eq 'String {66f5a359-4659-4830-9070-00047ec6ac6e} Name Andet')",
    )}`;
    const unmatched = await aisha<Message>(
      'GET',
      `/me/messages/${encodeURIComponent(created.id)}?${other}`,
      undefined,
      IMMUTABLE,
    );
    expect(unmatched.body).not.toHaveProperty('singleValueExtendedProperties');
  });

  it('is found by its extended property among all the mail, the value in any case but the name exactly', async () => {
    const created = await draft('d-3');
    await draft('d-3-other');
    const found = await aisha<{ value: Message[] }>(
      'GET',
      `${byMark('D-3')}&$select=id,isDraft&$top=5`,
      undefined,
      IMMUTABLE,
    );
    expect(found.status).toBe(200);
    expect(found.body.value.map((message) => message.id)).toEqual([created.id]);
    expect(found.body.value[0]).not.toHaveProperty('singleValueExtendedProperties');
    expect(found.body.value[0]).not.toHaveProperty('subject');
    const wrongName = encodeURIComponent(
      "singleValueExtendedProperties/Any(ep: ep/id eq 'String {66F5A359-4659-4830-9070-00047EC6AC6E} Name tovholderdelivery' and ep/value eq 'd-3')",
    );
    const none = await aisha<{ value: Message[] }>('GET', `/me/messages?$filter=${wrongName}`);
    expect(none.body.value).toEqual([]);
    const upperGuid = encodeURIComponent(
      "singleValueExtendedProperties/Any(ep: ep/id eq 'String {66F5A359-4659-4830-9070-00047EC6AC6E} Name TovholderDelivery' and ep/value eq 'd-3')",
    );
    const some = await aisha<{ value: Message[] }>('GET', `/me/messages?$filter=${upperGuid}`, undefined, IMMUTABLE);
    expect(some.body.value.map((message) => message.id)).toEqual([created.id]);
  });
});

describe('sending the draft', () => {
  it('answers 202 without a body, delivers once to each recipient and keeps its immutable id in Sent Items', async () => {
    const created = await draft('s-1');
    const sent = await aisha('POST', `/me/messages/${encodeURIComponent(created.id)}/send`, undefined, IMMUTABLE);
    expect(sent.status).toBe(202);
    expect(sent.body).toBeUndefined();
    expect(await received(USERS.ole, 's-1')).toBe(1);
    expect(await received(USERS.lise, 's-1')).toBe(1);
    const own = await tool<{ messages: { immutableId: string; folder: string; isDraft: boolean }[] }>(
      sandbox,
      'GET',
      `/_sandbox/mailbox?user=${USERS.aisha}`,
    );
    expect(own.messages.filter((message) => message.immutableId === created.id)).toEqual([
      expect.objectContaining({ folder: 'sentitems', isDraft: false }),
    ]);

    const after = await aisha<Message>('GET', `/me/messages/${encodeURIComponent(created.id)}`, undefined, IMMUTABLE);
    expect(after.status).toBe(200);
    expect(after.body.id).toBe(created.id);
    expect(after.body.isDraft).toBe(false);
    const sentItems = await aisha<{ value: Message[] }>(
      'GET',
      '/me/mailFolders/sentitems/messages?$top=50',
      undefined,
      IMMUTABLE,
    );
    expect(sentItems.body.value.map((message) => message.id)).toContain(created.id);
    const found = await aisha<{ value: Message[] }>('GET', byMark('s-1'), undefined, IMMUTABLE);
    expect(found.body.value.map((message) => message.id)).toEqual([created.id]);
  });

  it('gives the sent message a new id when the client did not ask for immutable ids, as Exchange does', async () => {
    const created = await draft('s-2', {});
    expect((await aisha('POST', `/me/messages/${encodeURIComponent(created.id)}/send`)).status).toBe(202);
    const old = await aisha<GraphErrorShape>('GET', `/me/messages/${encodeURIComponent(created.id)}`);
    expect(old.status).toBe(404);
    expect(old.body.error.code).toBe('ErrorItemNotFound');
    const found = await aisha<{ value: Message[] }>('GET', byMark('s-2'));
    expect(found.body.value).toHaveLength(1);
    expect(found.body.value[0]?.id).not.toBe(created.id);
    expect(found.body.value[0]?.isDraft).toBe(false);
    expect(await received(USERS.ole, 's-2')).toBe(1);
  });

  it('refuses to send it again and delivers nothing more', async () => {
    const created = await draft('s-3');
    await aisha('POST', `/me/messages/${encodeURIComponent(created.id)}/send`, undefined, IMMUTABLE);
    const again = await aisha<GraphErrorShape>(
      'POST',
      `/me/messages/${encodeURIComponent(created.id)}/send`,
      undefined,
      IMMUTABLE,
    );
    expect(again.status).toBe(400);
    expect(again.body.error.code).toBe('ErrorInvalidOperation');
    expect(await received(USERS.ole, 's-3')).toBe(1);
  });

  it('refuses to send a message that was received, not drafted', async () => {
    const created = await draft('s-4', IMMUTABLE, { toRecipients: [{ emailAddress: { address: USERS.peter } }] });
    await aisha('POST', `/me/messages/${encodeURIComponent(created.id)}/send`);
    const inbox = await peter<{ value: Message[] }>('GET', '/me/mailFolders/inbox/messages?$top=50');
    const copy = inbox.body.value.find((message) => message.subject.includes('(s-4)'));
    expect(copy?.isDraft).toBe(false);
    const reply = await peter<GraphErrorShape>('POST', `/me/messages/${encodeURIComponent(copy?.id ?? '')}/send`);
    expect(reply.status).toBe(400);
    expect(reply.body.error.code).toBe('ErrorInvalidOperation');
    expect(await received(USERS.peter, 's-4')).toBe(1);
  });
});

describe('sendMail with an extended property', () => {
  it('keeps the property on the Sent Items copy, so the sender can find what was sent', async () => {
    const reply = await aisha('POST', '/me/sendMail', {
      message: {
        subject: 'Referat KI-2026-014 (m-1)',
        body: { contentType: 'text', content: 'Referat m-1' },
        toRecipients: [{ emailAddress: { address: USERS.ole } }],
        singleValueExtendedProperties: [{ id: MARK, value: 'm-1' }],
      },
    });
    expect(reply.status).toBe(202);
    const found = await aisha<{ value: Message[] }>('GET', `${byMark('m-1')}&$select=id,isDraft,parentFolderId`);
    expect(found.body.value).toHaveLength(1);
    expect(found.body.value[0]?.isDraft).toBe(false);
    expect(await received(USERS.ole, 'm-1')).toBe(1);
  });
});

describe('discarding a draft', () => {
  it('moves it to Deleted Items with 204 (same immutable id), sends nothing, and deleting it there removes it', async () => {
    const created = await draft('x-1');
    const deleted = await aisha('DELETE', `/me/messages/${encodeURIComponent(created.id)}`, undefined, IMMUTABLE);
    expect(deleted.status).toBe(204);
    const bin = await aisha<{ value: Message[] }>('GET', '/me/mailFolders/deleteditems/messages', undefined, IMMUTABLE);
    expect(bin.body.value.map((message) => message.id)).toContain(created.id);
    const inDrafts = await aisha<{ value: Message[] }>(
      'GET',
      '/me/mailFolders/drafts/messages?$top=100',
      undefined,
      IMMUTABLE,
    );
    expect(inDrafts.body.value.map((message) => message.id)).not.toContain(created.id);
    expect(await received(USERS.ole, 'x-1')).toBe(0);

    expect((await aisha('DELETE', `/me/messages/${encodeURIComponent(created.id)}`, undefined, IMMUTABLE)).status).toBe(
      204,
    );
    const gone = await aisha<GraphErrorShape>(
      'GET',
      `/me/messages/${encodeURIComponent(created.id)}`,
      undefined,
      IMMUTABLE,
    );
    expect(gone.status).toBe(404);
    expect(gone.body.error.code).toBe('ErrorItemNotFound');
  });
});

describe('what drafts refuse', () => {
  it('refuses a property a message does not have', async () => {
    const reply = await aisha<GraphErrorShape>('POST', '/me/messages', { subject: 'x', tovholder: true });
    expect(reply.status).toBe(400);
    expect(reply.body.error.code).toBe('RequestBodyRead');
    expect(reply.body.error.innerError['request-id']).toBeTruthy();
  });

  it('refuses an extended property id in none of Graph’s formats', async () => {
    const reply = await aisha<GraphErrorShape>('POST', '/me/messages', {
      subject: 'x',
      singleValueExtendedProperties: [{ id: 'TovholderDelivery', value: 'x' }],
    });
    expect(reply.status).toBe(400);
    expect(reply.body.error.code).toBe('ErrorInvalidExtendedProperty');
    const filter = encodeURIComponent(
      "singleValueExtendedProperties/Any(ep: ep/id eq 'Tovholder' and ep/value eq 'x')",
    );
    const listed = await aisha<GraphErrorShape>('GET', `/me/messages?$filter=${filter}`);
    expect(listed.status).toBe(400);
    expect(listed.body.error.code).toBe('ErrorInvalidExtendedProperty');
  });

  it('refuses sending a draft without recipients, which stays a draft', async () => {
    const created = await draft('r-1', IMMUTABLE, { toRecipients: [], ccRecipients: [] });
    const reply = await aisha<GraphErrorShape>(
      'POST',
      `/me/messages/${encodeURIComponent(created.id)}/send`,
      undefined,
      IMMUTABLE,
    );
    expect(reply.status).toBe(400);
    expect(reply.body.error.code).toBe('ErrorInvalidRecipients');
    const still = await aisha<Message>('GET', `/me/messages/${encodeURIComponent(created.id)}`, undefined, IMMUTABLE);
    expect(still.body.isDraft).toBe(true);
  });

  it('answers 404 for a message that does not exist, and 403 for someone else’s mailbox', async () => {
    const missing = await aisha<GraphErrorShape>('POST', '/me/messages/AAMkAukendt/send');
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('ErrorItemNotFound');
    const created = await draft('r-2');
    const theirs = await peter<GraphErrorShape>(
      'POST',
      `/users/${USERS.aisha}/messages/${encodeURIComponent(created.id)}/send`,
    );
    expect(theirs.status).toBe(403);
    const notMine = await peter<GraphErrorShape>('GET', `/me/messages/${encodeURIComponent(created.id)}`);
    expect(notMine.status).toBe(404);
    expect(await received(USERS.ole, 'r-2')).toBe(0);
  });
});

describe('drafts in $batch', () => {
  it('creates, reads back and sends inside a batch, and a resent identical batch delivers the e-mail only once', async () => {
    const created = await aisha<{ responses: BatchResponse[] }>('POST', '/$batch', {
      requests: [
        {
          id: 'draft',
          method: 'POST',
          url: '/me/messages',
          headers: { 'Content-Type': 'application/json', ...IMMUTABLE },
          body: {
            subject: 'Referat KI-2026-014 (b-1)',
            body: { contentType: 'html', content: '<p>Referat b-1</p>' },
            toRecipients: [{ emailAddress: { address: USERS.ole } }],
            singleValueExtendedProperties: [{ id: MARK, value: 'b-1' }],
          },
        },
      ],
    });
    const made = created.body.responses.find((response) => response.id === 'draft');
    expect(made?.status).toBe(201);
    const id = made?.body?.id ?? '';
    expect(made?.body?.isDraft).toBe(true);

    const batch = {
      requests: [
        { id: 'send', method: 'POST', url: `/me/messages/${encodeURIComponent(id)}/send`, headers: IMMUTABLE },
        {
          id: 'check',
          method: 'GET',
          url: `/me/messages/${encodeURIComponent(id)}?$select=isDraft&${expandMark}`,
          headers: IMMUTABLE,
          dependsOn: ['send'],
        },
      ],
    };
    const first = await aisha<{ responses: BatchResponse[] }>('POST', '/$batch', batch);
    expect(first.body.responses.find((response) => response.id === 'send')?.status).toBe(202);
    const checked = first.body.responses.find((response) => response.id === 'check');
    expect(checked?.body?.isDraft).toBe(false);
    expect(checked?.body?.singleValueExtendedProperties).toEqual([{ id: MARK, value: 'b-1' }]);

    // Chromium resends a POST whose keep-alive connection dropped: the very same batch arrives again.
    const second = await aisha<{ responses: BatchResponse[] }>('POST', '/$batch', batch);
    const resent = second.body.responses.find((response) => response.id === 'send');
    expect(resent?.status).toBe(400);
    expect(resent?.body?.error.code).toBe('ErrorInvalidOperation');
    expect(await received(USERS.ole, 'b-1')).toBe(1);

    const lookup = await aisha<{ responses: BatchResponse[] }>('POST', '/$batch', {
      requests: [{ id: 'find', method: 'GET', url: `${byMark('b-1')}&$select=id,isDraft&$top=1`, headers: IMMUTABLE }],
    });
    const found = lookup.body.responses.find((response) => response.id === 'find');
    expect(found?.status).toBe(200);
    expect(found?.body?.value?.map((message) => [message.id, message.isDraft])).toEqual([[id, false]]);
  });
});
