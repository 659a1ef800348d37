import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LEGACY_PLAN_ID, LEGACY_UNMOVED_PLAN_ID, SEEDED_CONTAINER_ID, SEEDED_PLAN_ID } from '../../../sandbox/seedPlan';
import { PlanSchema } from '../../../src/domain/plan/planDocument';
import { startSandbox, type RunningSandbox } from '../../support/sandboxProcess';
import { USERS, signIn, type Call } from './graphCall';

/**
 * Plan documents: the seeded plan in its container's drive, eTags, If-Match and the 412 on a stale write; the first
 * version's library with the pointer the move left and a plan not moved yet.
 */

const PLAN_PATH = `/drives/${encodeURIComponent(SEEDED_CONTAINER_ID)}/root:/plan.json`;
const LIBRARY = '/drives/drive-tovholder/root:/Tovholder/plans';

interface DriveItem {
  id: string;
  name: string;
  eTag: string;
  cTag: string;
  '@microsoft.graph.downloadUrl'?: string;
}

let sandbox: RunningSandbox;
let mette: Call;
let aisha: Call;

const download = async (
  call: Call,
  path: string,
): Promise<{ text: string; etag: string | null; cors: string | null }> => {
  const redirect = await call('GET', `${path}:/content`);
  expect(redirect.status).toBe(302);
  const location = redirect.headers.get('location') ?? '';
  // The pre-authenticated URL needs no token, and answers cross-origin requests (the app runs on another port).
  const response = await fetch(location, { headers: { Origin: 'http://localhost:5300' } });
  expect(response.status).toBe(200);
  return {
    text: await response.text(),
    etag: response.headers.get('etag'),
    cors: response.headers.get('access-control-allow-origin'),
  };
};

beforeAll(async () => {
  sandbox = await startSandbox();
  mette = await signIn(sandbox, USERS.mette);
  aisha = await signIn(sandbox, USERS.aisha);
});

afterAll(async () => {
  await sandbox?.stop();
});

describe('the seeded plan', () => {
  it('is a valid plan document: one earlier meeting with minutes, Peter as next tovholder, consent without Kriminalforsorgen', async () => {
    const { text, cors } = await download(mette, PLAN_PATH);
    expect(cors).toBe('*');
    const plan = PlanSchema.parse(JSON.parse(text));
    expect(plan.id).toBe(SEEDED_PLAN_ID);
    expect(plan.caseReference).toBe('KI-2026-014');
    const meeting = plan.meetings[0];
    expect(meeting?.start).toBe('2026-09-03T11:00:00.000Z');
    const peter = plan.participants.find((participant) => participant.email === USERS.peter);
    expect(meeting?.minutes.nextTovholderId).toBe(peter?.id);
    expect(meeting?.minutes.nextMeetingBy).toBe('2026-12-03');
    const jens = plan.participants.find((participant) => participant.sector === 'borger');
    expect(meeting?.minutes.efforts.some((effort) => effort.ownerId === jens?.id)).toBe(true);
    const organisations = plan.consent?.recipients.flatMap((recipient) =>
      recipient.kind === 'organisation' ? [recipient.organisation] : [],
    );
    expect(organisations).not.toContain('Kriminalforsorgen');
    expect(organisations).toContain('Distriktspsykiatrien Sundby');
  });

  it('points at the real meeting: its event, join URL and meeting chat exist in the sandbox', async () => {
    const plan = PlanSchema.parse(JSON.parse((await download(mette, PLAN_PATH)).text));
    const meeting = plan.meetings[0];
    const event = await mette<{ onlineMeeting: { joinUrl: string } }>('GET', `/me/events/${meeting?.eventId ?? ''}`);
    expect(event.status).toBe(200);
    expect(event.body.onlineMeeting.joinUrl).toBe(meeting?.joinUrl);
    const chat = await mette<{ chatType: string }>('GET', `/chats/${encodeURIComponent(meeting?.chatId ?? '')}`);
    expect(chat.body.chatType).toBe('meeting');
  });

  it('left a pointer in the old library, where a plan not moved yet is listed with an eTag', async () => {
    const children = await mette<{ value: DriveItem[] }>('GET', `${LIBRARY}:/children`);
    expect(children.status).toBe(200);
    expect(children.body.value.map((item) => item.name).sort()).toEqual(
      [`${LEGACY_PLAN_ID}.json`, `${LEGACY_UNMOVED_PLAN_ID}.json`].sort(),
    );
    expect(children.body.value[0]?.eTag).toMatch(/^"\{[0-9A-F-]{36}\},\d+"$/);
    const pointer = JSON.parse((await download(mette, `${LIBRARY}/${LEGACY_PLAN_ID}.json`)).text) as unknown;
    expect(pointer).toMatchObject({ tovholderMovedPlan: 1, movedTo: SEEDED_PLAN_ID, caseReference: 'KI-2026-014' });
    const unmoved = PlanSchema.parse(
      JSON.parse((await download(mette, `${LIBRARY}/${LEGACY_UNMOVED_PLAN_ID}.json`)).text),
    );
    expect(unmoved.caseReference).toBe('KI-2025-101');
  });
});

describe('writing with If-Match', () => {
  it('saves with the current eTag, then refuses the other writer’s stale eTag with 412', async () => {
    const item = await mette<DriveItem>('GET', PLAN_PATH);
    const original = (await download(mette, PLAN_PATH)).text;
    const mine = await mette<DriveItem>(
      'PUT',
      `${PLAN_PATH}:/content`,
      original.replace('"KI-2026-014"', '"KI-2026-014"'),
      {
        'If-Match': item.body.eTag,
        'Content-Type': 'application/json',
      },
    );
    expect(mine.status).toBe(200);
    expect(mine.body.eTag).not.toBe(item.body.eTag);
    expect(mine.headers.get('etag')).toBe(mine.body.eTag);
    const stale = await aisha('PUT', `${PLAN_PATH}:/content`, original, {
      'If-Match': item.body.eTag,
      'Content-Type': 'application/json',
    });
    expect(stale.status).toBe(412);
    expect((stale.body as { error: { code: string } }).error.code).toBe('resourceModified');
    expect((await download(aisha, PLAN_PATH)).etag).toBe(mine.body.eTag);
  });

  it('creates a new plan with 201 and refuses to create it twice with If-None-Match: *', async () => {
    const path = `${LIBRARY}/plan-ny.json`;
    const created = await mette<DriveItem>('PUT', `${path}:/content`, '{"id":"plan-ny"}', {
      'If-None-Match': '*',
      'Content-Type': 'application/json',
    });
    expect(created.status).toBe(201);
    const twice = await aisha('PUT', `${path}:/content`, '{"id":"plan-ny"}', {
      'If-None-Match': '*',
      'Content-Type': 'application/json',
    });
    expect(twice.status).toBe(412);
  });

  it('answers a missing plan with 404 itemNotFound and keeps plan and library from federated users', async () => {
    const missing = await mette('GET', `${LIBRARY}/findes-ikke.json`);
    expect(missing.status).toBe(404);
    expect((missing.body as { error: { code: string } }).error.code).toBe('itemNotFound');
    const karen = await signIn(sandbox, USERS.karen);
    expect((await karen('GET', PLAN_PATH)).status).toBe(403);
    expect((await karen('GET', `${LIBRARY}/${LEGACY_UNMOVED_PLAN_ID}.json`)).status).toBe(403);
  });
});
