import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MIGRATIONS, STATE_VERSION, Store, type State } from '../../../sandbox/store';
import { startSandbox, type RunningSandbox } from '../../support/sandboxProcess';
import { SANDBOX_CONTAINER_TYPE_ID } from '../../../src/app/config';
import { HOME_TENANT_ID, USERS, signIn, tool } from './graphCall';

/**
 * A state.json written by older sandbox code opens without --reset: migrated to the current version, written back,
 * with everything it held. One written by a newer sandbox is refused with a message that says what to do.
 */

const FIXTURE_V1 = join(import.meta.dirname, '../../fixtures/sandbox/state-v1.json');

const dataDirWith = (fixture: string): string => {
  const dataDir = mkdtempSync(join(tmpdir(), 'tovholder-sandbox-'));
  copyFileSync(fixture, join(dataDir, 'state.json'));
  return dataDir;
};

const noSeed = (): void => {
  throw new Error('the state on disk should have been read, not seeded again');
};

const onDisk = (dataDir: string): State => JSON.parse(readFileSync(join(dataDir, 'state.json'), 'utf8')) as State;

const running: RunningSandbox[] = [];

afterAll(async () => {
  for (const sandbox of running) await sandbox.stop().catch(() => undefined);
});

describe('state versions', () => {
  it('has one migration from each earlier version, in order', () => {
    expect(MIGRATIONS.map((migration) => migration.from)).toEqual(
      Array.from({ length: STATE_VERSION - 1 }, (_, index) => index + 1),
    );
  });

  it('migrates a version 1 state.json to the current version and writes it back, once', () => {
    const dataDir = dataDirWith(FIXTURE_V1);
    type MailV1 = { id: string; immutableId?: string; createdDateTime?: string; receivedDateTime: string };
    const before = onDisk(dataDir) as unknown as { schema: number; revision: number; mail: MailV1[] };
    // The fixture has what a migration must fill: mail delivered by version 1 came without these fields.
    expect(before.mail.filter((mail) => mail.createdDateTime === undefined).length).toBeGreaterThan(0);
    expect(before.schema).toBe(1);

    const store = Store.open(dataDir, false, noSeed);
    expect(store.migratedFrom).toBe(1);
    const saved = onDisk(dataDir);
    expect(saved.schema).toBe(STATE_VERSION);
    expect(saved.revision).toBe(before.revision);
    expect(saved.mail).toHaveLength(before.mail.length);
    const messages = saved.chats.flatMap((chat) => chat.messages);
    expect(
      messages.every((message) => message.deletedDateTime === null || typeof message.deletedDateTime === 'string'),
    ).toBe(true);
    expect(messages.filter((message) => message.deletedDateTime !== null)).toHaveLength(1);
    saved.mail.forEach((mail, index) => {
      const old = before.mail[index];
      // The same ids as version 1 showed (its immutable id, or the REST id where it had none) and the same times.
      expect(mail.id).toBe(old?.id);
      expect(mail.immutableId).toBe(old?.immutableId ?? old?.id);
      expect(mail.createdDateTime).toBe(old?.createdDateTime ?? old?.receivedDateTime);
      expect(typeof mail.isDraft).toBe('boolean');
      expect(Array.isArray(mail.singleValueExtendedProperties)).toBe(true);
    });
    expect(saved.mail.filter((mail) => mail.isDraft).map((mail) => mail.subject)).toEqual(['Kladde fra version 1']);
    // Version 3: tenants got their settings as Microsoft 365's defaults, users their guest fields, no containers yet.
    expect(saved.containers).toEqual([]);
    expect(saved.tenants.map((tenant) => tenant.settings)).toEqual(
      saved.tenants.map(() => expect.objectContaining({ containerTypeRegistered: true, b2bInbound: true })),
    );
    expect(saved.tenants[0]?.settings.grantedScopes).toContain('FileStorageContainer.Selected');
    expect(saved.users.every((user) => user.homeUserId === null && user.externalUserState === null)).toBe(true);
    expect(saved.users.filter((user) => user.oneDrive).length).toBe(
      saved.users.filter((user) => user.kind !== 'emailOnly').length,
    );

    expect(Store.open(dataDir, false, noSeed).migratedFrom).toBeNull();
  });

  it('serves what a version 1 state held, without --reset', async () => {
    const sandbox = await startSandbox({ dataDir: dataDirWith(FIXTURE_V1), reset: false });
    running.push(sandbox);
    const aisha = await signIn(sandbox, USERS.aisha);
    expect((await aisha('GET', '/drives/drive-tovholder/root:/Tovholder/plans/plan-ki-2026-014.json')).status).toBe(
      200,
    );
    const chats = await aisha<{ value: { id: string; chatType: string }[] }>('GET', '/me/chats');
    const meetingChat = chats.body.value.find((chat) => chat.chatType === 'meeting')?.id ?? '';
    const messages = await aisha<{ value: { body: { content: string }; deletedDateTime: string | null }[] }>(
      'GET',
      `/chats/${encodeURIComponent(meetingChat)}/messages`,
    );
    expect(messages.body.value.find((message) => message.body.content === 'Skrevet af version 1')).toMatchObject({
      deletedDateTime: null,
    });
    expect(messages.body.value.filter((message) => message.deletedDateTime !== null)).toHaveLength(1);

    const drafts = await aisha<{ value: { id: string; subject: string; isDraft: boolean }[] }>(
      'GET',
      '/me/mailFolders/drafts/messages',
    );
    const draft = drafts.body.value.find((mail) => mail.subject === 'Kladde fra version 1');
    expect(draft?.isDraft).toBe(true);
    expect((await aisha('POST', `/me/messages/${encodeURIComponent(draft?.id ?? '')}/send`)).status).toBe(202);
    const mailbox = await tool<{ messages: { subject: string; folder: string; isDraft: boolean }[] }>(
      sandbox,
      'GET',
      `/_sandbox/mailbox?user=${USERS.ole}`,
    );
    expect(mailbox.messages.filter((mail) => mail.subject === 'Kladde fra version 1')).toHaveLength(1);
    const received = mailbox.messages.find((mail) => mail.subject === 'Sendt af version 1');
    expect(received).toMatchObject({ folder: 'inbox', isDraft: false });

    // What version 3 added works on the migrated state: a container, and a token acting in the other tenant.
    const mette = await signIn(sandbox, USERS.mette);
    const created = await mette<{ id: string }>('POST', '/storage/fileStorage/containers', {
      displayName: 'KI-2099-010',
      containerTypeId: SANDBOX_CONTAINER_TYPE_ID,
    });
    expect(created.status).toBe(201);
    const noGuest = await fetch(`${sandbox.origin}/_sandbox/token?user=${USERS.karen}&tenant=${HOME_TENANT_ID}`);
    expect(noGuest.status).toBe(400);
  });

  it('refuses a state.json from a newer sandbox and says how to go on', async () => {
    const dataDir = dataDirWith(FIXTURE_V1);
    const state = onDisk(dataDir) as unknown as { schema: number };
    writeFileSync(join(dataDir, 'state.json'), JSON.stringify({ ...state, schema: STATE_VERSION + 1 }));
    await expect(startSandbox({ dataDir, reset: false })).rejects.toThrow(
      new RegExp(`written by a newer sandbox \\(state version ${STATE_VERSION + 1}; .*--reset`),
    );
    // Nothing was overwritten: the newer sandbox's data is still there for it.
    expect((onDisk(dataDir) as unknown as { schema: number }).schema).toBe(STATE_VERSION + 1);
  });
});
