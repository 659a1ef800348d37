import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphRequest } from '../../../sandbox/router';
import { seed } from '../../../sandbox/seed';
import { GraphService } from '../../../sandbox/server';
import { Faults } from '../../../sandbox/faults';
import { Store } from '../../../sandbox/store';
import { startSandbox, type RunningSandbox } from '../../support/sandboxProcess';
import { USERS, signIn, tool, weekdayAhead, copenhagen, type Call } from './graphCall';

/**
 * A write is on disk when it is answered without its handler saving anything: the dispatcher writes the state after
 * every write route that succeeded, and only then. A read, a refused write and a POST that only reads leave the state
 * (and the viewer's revision) as they were.
 */

const revision = async (sandbox: RunningSandbox): Promise<number> =>
  (await tool<{ revision: number }>(sandbox, 'GET', '/_sandbox/revision')).revision;

describe('a route of its own (in process, on a real store)', () => {
  const request = (method: string, path: string, body?: unknown): GraphRequest => ({
    method,
    path,
    query: new URLSearchParams(),
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: Buffer.from(body === undefined ? '' : JSON.stringify(body)),
    requestId: 'test',
    clientRequestId: 'test',
    inBatch: false,
  });

  it('is on disk after it answers, though the handler only changed the state in memory', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'tovholder-sandbox-'));
    const store = Store.open(dataDir, true, seed);
    const graph = new GraphService({ store, faults: new Faults(), latencyMs: 0 });
    // A handler that writes the way every handler now does: change the state, answer, and nothing more.
    graph.router.add('POST', '/tests/lists', (ctx) => {
      const name = String(ctx.json().displayName);
      ctx.sandbox.store.state.todoLists.push({
        id: `list-${name}`,
        ownerId: ctx.me.id,
        displayName: name,
        wellknownListName: 'none',
      });
      return { status: 201, body: { displayName: name } };
    });
    graph.router.add('GET', '/tests/lists', (ctx) => ({
      status: 200,
      body: { value: ctx.sandbox.store.state.todoLists.filter((list) => list.id.startsWith('list-')) },
    }));
    const mette = store.state.users.find((user) => user.userPrincipalName === USERS.mette) ?? null;
    const before = store.state.revision;

    const read = await graph.run(request('GET', '/tests/lists'), 'http://sandbox', mette);
    expect(read.response.status).toBe(200);
    expect(store.state.revision).toBe(before);

    const written = await graph.run(request('POST', '/tests/lists', { displayName: 'Gemt' }), 'http://sandbox', mette);
    expect(written.response.status).toBe(201);
    expect(store.state.revision).toBe(before + 1);

    // Opened again from the same directory, as a restarted sandbox does: the list is there.
    const reopened = Store.open(dataDir, false, () => {
      throw new Error('the state on disk should have been read, not seeded again');
    });
    expect(reopened.state.todoLists.map((list) => list.displayName)).toContain('Gemt');
    expect(reopened.state.revision).toBe(before + 1);
  });
});

describe('the sandbox process', () => {
  let sandbox: RunningSandbox;
  let mette: Call;
  const running: RunningSandbox[] = [];

  beforeAll(async () => {
    sandbox = await startSandbox();
    running.push(sandbox);
    mette = await signIn(sandbox, USERS.mette);
  });

  afterAll(async () => {
    for (const each of running) await each.stop().catch(() => undefined);
  });

  it('leaves the revision alone for reads, read-only POSTs and refused writes, and moves it for a write', async () => {
    const start = await revision(sandbox);
    expect((await mette('GET', '/me/todo/lists')).status).toBe(200);
    expect((await mette('GET', '/me/events')).status).toBe(200);
    const day = weekdayAhead(3);
    const schedule = await mette('POST', '/me/calendar/getSchedule', {
      schedules: [USERS.jonas],
      startTime: copenhagen(day, 8),
      endTime: copenhagen(day, 16),
    });
    expect(schedule.status).toBe(200);
    const times = await mette('POST', '/me/findMeetingTimes', {
      attendees: [{ type: 'required', emailAddress: { address: USERS.jonas } }],
      meetingDuration: 'PT1H',
    });
    expect(times.status).toBe(200);
    const batch = await mette('POST', '/$batch', { requests: [{ id: '1', method: 'GET', url: '/me' }] });
    expect(batch.status).toBe(200);
    expect((await mette('POST', '/me/todo/lists', { displayName: '' })).status).toBe(400);
    expect(await revision(sandbox)).toBe(start);

    expect((await mette('POST', '/me/todo/lists', { displayName: 'Efter genstart' })).status).toBe(201);
    expect(await revision(sandbox)).toBe(start + 1);
  });

  it('keeps a write made inside $batch across a SIGKILL', async () => {
    const batch = await mette<{ responses: { id: string; status: number }[] }>('POST', '/$batch', {
      requests: [
        {
          id: '1',
          method: 'POST',
          url: '/me/todo/lists',
          headers: { 'Content-Type': 'application/json' },
          body: { displayName: 'Fra en batch' },
        },
      ],
    });
    expect(batch.body.responses.map((item) => item.status)).toEqual([201]);
    await sandbox.kill();

    const again = await startSandbox({ dataDir: sandbox.dataDir, reset: false });
    running.push(again);
    const mette2 = await signIn(again, USERS.mette);
    const lists = await mette2<{ value: { displayName: string }[] }>('GET', '/me/todo/lists');
    expect(lists.body.value.map((list) => list.displayName)).toEqual(
      expect.arrayContaining(['Efter genstart', 'Fra en batch']),
    );
  });
});
