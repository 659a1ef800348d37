import { afterAll, describe, expect, it } from 'vitest';
import { SEEDED_CONTAINER_ID } from '../../../sandbox/seedPlan';
import { startSandbox, type RunningSandbox } from '../../support/sandboxProcess';
import { USERS, signIn, tool } from './graphCall';

/** Nothing lost: what the sandbox answered survives a SIGKILL; --reset starts over from the seed. */

const running: RunningSandbox[] = [];

afterAll(async () => {
  for (const sandbox of running) await sandbox.stop().catch(() => undefined);
});

describe('restart survival', () => {
  it('reads back a plan, a chat message and a mail after the process is killed and started again on the same data', async () => {
    const first = await startSandbox();
    running.push(first);
    const aisha = await signIn(first, USERS.aisha);
    const saved = await aisha<{ eTag: string }>(
      'PUT',
      '/drives/drive-tovholder/root:/Tovholder/plans/plan-overlever.json:/content',
      '{"id":"plan-overlever"}',
      { 'Content-Type': 'application/json' },
    );
    expect(saved.status).toBe(201);
    expect(
      (
        await aisha('POST', '/me/sendMail', {
          message: { subject: 'Overlever genstart', toRecipients: [{ emailAddress: { address: USERS.ole } }] },
        })
      ).status,
    ).toBe(202);
    const chats = await aisha<{ value: { id: string; chatType: string }[] }>('GET', '/me/chats');
    const meetingChat = chats.body.value.find((chat) => chat.chatType === 'meeting')?.id ?? '';
    const posted = await aisha<{ id: string }>('POST', `/chats/${encodeURIComponent(meetingChat)}/messages`, {
      body: { contentType: 'text', content: 'Gemt før genstart' },
    });
    expect(posted.status).toBe(201);
    const oldToken = await first.token(USERS.aisha);
    await first.kill();

    const second = await startSandbox({ dataDir: first.dataDir, reset: false });
    running.push(second);
    const again = await signIn(second, USERS.aisha);
    const item = await again<{ eTag: string }>(
      'GET',
      '/drives/drive-tovholder/root:/Tovholder/plans/plan-overlever.json',
    );
    expect(item.status).toBe(200);
    expect(item.body.eTag).toBe(saved.body.eTag);
    const messages = await again<{ value: { id: string }[] }>(
      'GET',
      `/chats/${encodeURIComponent(meetingChat)}/messages`,
    );
    expect(messages.body.value.map((message) => message.id)).toContain(posted.body.id);
    const mailbox = await tool<{ messages: { subject: string }[] }>(
      second,
      'GET',
      `/_sandbox/mailbox?user=${USERS.ole}`,
    );
    expect(mailbox.messages.filter((mail) => mail.subject === 'Overlever genstart')).toHaveLength(1);
    // A token issued before the restart still works: the signing key is part of the saved state.
    const me = await fetch(`${second.graphUrl}/me`, { headers: { Authorization: `Bearer ${oldToken}` } });
    expect(me.status).toBe(200);
    await second.stop();

    const reset = await startSandbox({ dataDir: first.dataDir, reset: true });
    running.push(reset);
    const fresh = await signIn(reset, USERS.aisha);
    expect((await fresh('GET', '/drives/drive-tovholder/root:/Tovholder/plans/plan-overlever.json')).status).toBe(404);
    expect((await fresh('GET', `/drives/${SEEDED_CONTAINER_ID}/root:/plan.json`)).status).toBe(200);
    await reset.stop();
  });

  it('keeps every answered write of a burst that a SIGKILL cuts off, and its state file is never half written', async () => {
    const first = await startSandbox();
    running.push(first);
    const token = await first.token(USERS.mette);
    const answered: string[] = [];
    let enough: () => void = () => undefined;
    const tenAnswered = new Promise<void>((resolve) => (enough = resolve));
    const burst = Array.from({ length: 60 }, (_, index) =>
      fetch(`${first.graphUrl}/me/todo/lists`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ displayName: `Byge ${index}` }),
      })
        .then((response) => {
          if (response.status === 201) answered.push(`Byge ${index}`);
          if (answered.length >= 10) enough();
        })
        .catch(() => undefined),
    );
    await tenAnswered;
    await first.kill();
    const seen = [...answered];
    await Promise.all(burst);

    // It starts again from the same file (a torn state.json would not parse), with every answered list in it.
    const second = await startSandbox({ dataDir: first.dataDir, reset: false });
    running.push(second);
    const mette = await signIn(second, USERS.mette);
    const lists = await mette<{ value: { displayName: string }[] }>('GET', '/me/todo/lists?$top=100');
    const names = lists.body.value.map((list) => list.displayName);
    expect(seen.length).toBeGreaterThanOrEqual(10);
    for (const name of seen) expect(names).toContain(name);
    await second.stop();
  });

  it('keeps a draft (immutable id, extended property) and a soft delete across a SIGKILL, and the draft still sends once', async () => {
    const mark = 'String {66f5a359-4659-4830-9070-00047ec6ac6e} Name TovholderDelivery';
    const immutable = { Prefer: 'IdType="ImmutableId"' };
    const first = await startSandbox();
    running.push(first);
    const aisha = await signIn(first, USERS.aisha);
    const draft = await aisha<{ id: string }>(
      'POST',
      '/me/messages',
      {
        subject: 'Kladde før genstart',
        toRecipients: [{ emailAddress: { address: USERS.ole } }],
        singleValueExtendedProperties: [{ id: mark, value: 'genstart' }],
      },
      immutable,
    );
    expect(draft.status).toBe(201);
    const chats = await aisha<{ value: { id: string; chatType: string }[] }>('GET', '/me/chats');
    const meetingChat = chats.body.value.find((chat) => chat.chatType === 'meeting')?.id ?? '';
    const path = `/chats/${encodeURIComponent(meetingChat)}/messages`;
    const posted = await aisha<{ id: string }>('POST', path, { body: { contentType: 'text', content: 'Slettes' } });
    expect((await aisha('POST', `/me${path}/${posted.body.id}/softDelete`)).status).toBe(204);
    await first.kill();

    const second = await startSandbox({ dataDir: first.dataDir, reset: false });
    running.push(second);
    const again = await signIn(second, USERS.aisha);
    const deleted = await again<{ deletedDateTime: string | null }>('GET', `${path}/${posted.body.id}`);
    expect(deleted.body.deletedDateTime).not.toBeNull();
    const filter = encodeURIComponent(
      `singleValueExtendedProperties/Any(ep: ep/id eq '${mark}' and ep/value eq 'genstart')`,
    );
    const found = await again<{ value: { id: string }[] }>(
      'GET',
      `/me/messages?$filter=${filter}`,
      undefined,
      immutable,
    );
    expect(found.body.value.map((message) => message.id)).toEqual([draft.body.id]);
    expect(
      (await again('POST', `/me/messages/${encodeURIComponent(draft.body.id)}/send`, undefined, immutable)).status,
    ).toBe(202);
    const mailbox = await tool<{ messages: { subject: string }[] }>(
      second,
      'GET',
      `/_sandbox/mailbox?user=${USERS.ole}`,
    );
    expect(mailbox.messages.filter((mail) => mail.subject === 'Kladde før genstart')).toHaveLength(1);
    await second.stop();
  });
});
