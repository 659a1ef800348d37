import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Faults } from '../../../sandbox/faults';
import { GraphService } from '../../../sandbox/server';
import { Store } from '../../../sandbox/store';
import { startSandbox, type RunningSandbox } from '../../support/sandboxProcess';
import { USERS, copenhagen, signIn, weekdayAhead, type Call, type GraphErrorShape } from './graphCall';

/**
 * The README's promise: every `/me/…` route also answers as `/users/{id|upn}/…` for the caller themself, and
 * refuses anyone else with 403 `ErrorAccessDenied`. Checked over the whole route table, and by calling the forms
 * that were missing before (event delete and answers, the calendar's own events, To Do, mail folders, one online
 * meeting) the way a client would.
 */

describe('the route table', () => {
  it('has a /users/{userId} twin, writing or not alike, for every /me route', () => {
    const store = Store.open(mkdtempSync(join(tmpdir(), 'tovholder-sandbox-')), true, () => undefined);
    const { routes } = new GraphService({ store, faults: new Faults(), latencyMs: 0 }).router;
    const mine = routes.filter((route) => / \/me\//.test(route.name));
    expect(mine.length).toBeGreaterThan(40);
    const missing = mine
      .filter(
        (route) =>
          !routes.some(
            (twin) => twin.name === route.name.replace(' /me/', ' /users/{userId}/') && twin.writes === route.writes,
          ),
      )
      .map((route) => route.name);
    expect(missing).toEqual([]);
  });
});

describe('/users/{id|upn}/… for the caller themself', () => {
  let sandbox: RunningSandbox;
  let mette: Call;
  let jonas: Call;
  let peter: Call;
  let metteId: string;

  beforeAll(async () => {
    sandbox = await startSandbox();
    mette = await signIn(sandbox, USERS.mette);
    jonas = await signIn(sandbox, USERS.jonas);
    peter = await signIn(sandbox, USERS.peter);
    metteId = (await mette<{ id: string }>('GET', '/me')).body.id;
  });

  afterAll(async () => {
    await sandbox?.stop();
  });

  const denied = (reply: { status: number; body: unknown }): void => {
    expect(reply.status).toBe(403);
    expect((reply.body as GraphErrorShape).error.code).toBe('ErrorAccessDenied');
  };

  it('answers, declines, accepts and deletes an event, and lets nobody else do it', async () => {
    const day = weekdayAhead(9);
    const created = await mette<{ id: string; iCalUId: string }>('POST', `/users/${metteId}/calendar/events`, {
      subject: 'Sag KI-2026-099',
      start: copenhagen(day, 13),
      end: copenhagen(day, 14),
      attendees: [{ type: 'required', emailAddress: { address: USERS.jonas } }],
    });
    expect(created.status).toBe(201);
    const jonasCopy = (
      await jonas<{ value: { id: string; iCalUId: string }[] }>('GET', `/users/${USERS.jonas}/events?$top=1000`)
    ).body.value.find((event) => event.iCalUId === created.body.iCalUId);
    expect(jonasCopy).toBeDefined();
    const answer = (verb: string): string =>
      `/users/${USERS.jonas}/events/${encodeURIComponent(jonasCopy?.id ?? '')}/${verb}`;
    const responseOf = async (): Promise<string | undefined> =>
      (
        await mette<{ attendees: { emailAddress: { address: string }; status: { response: string } }[] }>(
          'GET',
          `/users/${USERS.mette}/events/${encodeURIComponent(created.body.id)}`,
        )
      ).body.attendees.find((attendee) => attendee.emailAddress.address === USERS.jonas)?.status.response;

    denied(await peter('POST', answer('accept'), {}));
    expect((await jonas('POST', answer('tentativelyAccept'), { sendResponse: true })).status).toBe(202);
    expect(await responseOf()).toBe('tentativelyAccepted');
    expect((await jonas('POST', answer('decline'), { sendResponse: true })).status).toBe(202);
    expect(await responseOf()).toBe('declined');
    expect((await jonas('POST', answer('accept'), { sendResponse: true })).status).toBe(202);
    expect(await responseOf()).toBe('accepted');

    const own = `/users/${USERS.mette}/calendar/events/${encodeURIComponent(created.body.id)}`;
    denied(await jonas('DELETE', own));
    expect((await mette('DELETE', own)).status).toBe(204);
    expect((await mette('GET', own)).status).toBe(404);
  });

  it('keeps To Do lists and tasks under the user form, paging within it', async () => {
    const base = `/users/${USERS.mette}/todo/lists`;
    denied(await peter('GET', base));
    denied(await peter('POST', base, { displayName: 'Ikke din' }));
    const list = await mette<{ id: string; displayName: string }>('POST', base, { displayName: 'Opfølgning' });
    expect(list.status).toBe(201);
    const listPath = `${base}/${encodeURIComponent(list.body.id)}`;
    expect((await mette('PATCH', listPath, { displayName: 'Opfølgning KI' })).status).toBe(200);
    expect(
      (await mette<{ displayName: string }>('GET', `/me/todo/lists/${encodeURIComponent(list.body.id)}`)).body,
    ).toMatchObject({
      displayName: 'Opfølgning KI',
    });
    const task = await mette<{ id: string }>('POST', `${listPath}/tasks`, { title: 'Ring til jobcentret' });
    expect(task.status).toBe(201);
    const taskPath = `${listPath}/tasks/${encodeURIComponent(task.body.id)}`;
    expect((await mette<{ status: string }>('PATCH', taskPath, { status: 'completed' })).body.status).toBe('completed');
    expect((await mette<{ title: string }>('GET', taskPath)).body.title).toBe('Ring til jobcentret');
    denied(await peter('DELETE', taskPath));
    expect((await mette('DELETE', taskPath)).status).toBe(204);
    expect((await mette<{ value: unknown[] }>('GET', `${listPath}/tasks`)).body.value).toEqual([]);
    expect((await mette('DELETE', listPath)).status).toBe(204);

    const paged = await mette<{ '@odata.nextLink'?: string }>('GET', `${base}?$top=1`);
    expect(paged.body['@odata.nextLink']).toContain(`/v1.0/users/${USERS.mette}/todo/lists?`);
  });

  it('reads a mail folder and one online meeting as /me does', async () => {
    const sent = await mette('POST', `/users/${USERS.mette}/sendMail`, {
      message: { subject: 'Til mig selv', toRecipients: [{ emailAddress: { address: USERS.mette } }] },
    });
    expect(sent.status).toBe(202);
    for (const folder of ['inbox', 'sentitems']) {
      const asMe = await mette<{ value: { id: string }[] }>('GET', `/me/mailFolders/${folder}/messages?$top=50`);
      const asUser = await mette<{ value: { id: string }[] }>(
        'GET',
        `/users/${USERS.mette}/mailFolders/${folder}/messages?$top=50`,
      );
      expect(asUser.status).toBe(200);
      expect(asUser.body.value.length).toBeGreaterThan(0);
      expect(asUser.body.value.map((mail) => mail.id)).toEqual(asMe.body.value.map((mail) => mail.id));
    }
    denied(await peter('GET', `/users/${USERS.mette}/mailFolders/inbox/messages`));

    // The seeded meeting of 3 September is Mette's: its Teams meeting by id, in both forms.
    const events = await mette<{ value: { onlineMeeting: { joinUrl: string } | null }[] }>(
      'GET',
      '/me/events?$top=1000',
    );
    const joinUrl = events.body.value.find((event) => event.onlineMeeting)?.onlineMeeting?.joinUrl ?? '';
    const filter = encodeURIComponent(`JoinWebUrl eq '${joinUrl}'`);
    const found = await mette<{ value: { id: string }[] }>('GET', `/me/onlineMeetings?$filter=${filter}`);
    const meetingId = found.body.value[0]?.id ?? '';
    expect(meetingId).not.toBe('');
    const one = await mette<{ id: string; joinWebUrl: string }>(
      'GET',
      `/users/${metteId}/onlineMeetings/${encodeURIComponent(meetingId)}`,
    );
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({ id: meetingId, joinWebUrl: joinUrl });
    denied(await peter('GET', `/users/${metteId}/onlineMeetings/${encodeURIComponent(meetingId)}`));
  });
});
