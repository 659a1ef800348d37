import { createHash } from 'node:crypto';
import type { Ctx, GraphResponse, Router } from '../router';
import type { EventRecord, OnlineMeetingRecord, State, UserRecord } from '../store';
import { createChatRecord, threadId } from './chats';
import { GraphError, badRequest } from './errors';
import { applyFilter, filterProperties, parseFilter, type Json } from './odata';
import { hasCalendar, userById, userByMail } from './users';

/**
 * Online meetings: the Teams meeting an event gets (join URL, meeting code, the meeting chat with the organiser and
 * the in-tenant attendees), GET /me/onlineMeetings?$filter=JoinWebUrl eq '…' and GET /me/onlineMeetings/{id}.
 */

/** The Teams block Exchange appends to the body of an online meeting. */
export const teamsBlock = (joinUrl: string, meetingCode: string): string =>
  `<div style="margin-top:24px"><div>________________________________________________________________________________</div>` +
  `<div><b>Microsoft Teams</b> <a href="https://aka.ms/JoinTeamsMeeting?omkt=da-DK">Har du brug for hjælp?</a></div>` +
  `<div><a href="${joinUrl}">Deltag i mødet nu</a></div><div>Møde-id: ${meetingCode}</div>` +
  `<div>________________________________________________________________________________</div></div>`;

/** Creates the onlineMeeting and its meeting chat for an event (organizer and in-tenant attendees are members). */
export const attachTeamsMeeting = (
  state: State,
  event: EventRecord,
  organizer: UserRecord,
  at: number,
): OnlineMeetingRecord => {
  const thread = threadId('meeting');
  const context = encodeURIComponent(JSON.stringify({ Tid: organizer.tenantId, Oid: organizer.id }));
  const joinWebUrl = `https://teams.microsoft.com/l/meetup-join/${encodeURIComponent(thread)}/0?context=${context}`;
  const digits = createHash('sha1').update(thread).digest().readUInt32BE(0).toString().padStart(10, '0');
  const meeting: OnlineMeetingRecord = {
    id: Buffer.from(`1*${organizer.id}*0**${thread}`).toString('base64'),
    eventICalUId: event.iCalUId,
    organizerId: organizer.id,
    subject: event.subject,
    joinWebUrl,
    threadId: thread,
    start: event.start,
    end: event.end,
    createdDateTime: new Date(at).toISOString(),
    meetingCode: `${digits.slice(0, 3)} ${digits.slice(3, 6)} ${digits.slice(6, 9)} ${digits.slice(9)}${createHash('sha1').update(thread).digest('hex').slice(0, 2)}`,
  };
  state.onlineMeetings.push(meeting);
  event.onlineMeetingId = meeting.id;
  const members = [
    { userId: organizer.id, tenantId: organizer.tenantId ?? '', roles: ['owner'] },
    ...inTenantAttendees(state, event, organizer).map((user) => ({
      userId: user.id,
      tenantId: user.tenantId ?? '',
      roles: ['guest'],
    })),
  ];
  createChatRecord(state, {
    id: thread,
    chatType: 'meeting',
    topic: event.subject,
    tenantId: organizer.tenantId ?? '',
    memberIds: members,
    onlineMeetingId: meeting.id,
    at,
  });
  return meeting;
};

export const inTenantAttendees = (state: State, event: EventRecord, organizer: UserRecord): UserRecord[] =>
  event.attendees
    .map((attendee) => userByMail(state, attendee.address))
    .filter(
      (user): user is UserRecord =>
        hasCalendar(user) && user.tenantId === organizer.tenantId && user.id !== organizer.id,
    );

const onlineMeetingJson = (ctx: Ctx, meeting: OnlineMeetingRecord): Json => {
  const state = ctx.sandbox.store.state;
  const organizer = userById(state, meeting.organizerId);
  const event = state.events.find((candidate) => candidate.iCalUId === meeting.eventICalUId);
  const identity = (user: UserRecord | undefined): Json => ({
    identity: {
      user: {
        id: user?.id ?? null,
        displayName: user?.displayName ?? null,
        tenantId: user?.tenantId ?? null,
        identityProvider: 'AAD',
      },
    },
    upn: user?.userPrincipalName ?? null,
    role: 'presenter',
  });
  return {
    id: meeting.id,
    creationDateTime: meeting.createdDateTime,
    startDateTime: new Date(meeting.start).toISOString(),
    endDateTime: new Date(meeting.end).toISOString(),
    joinUrl: meeting.joinWebUrl,
    joinWebUrl: meeting.joinWebUrl,
    meetingCode: meeting.meetingCode.replace(/\s/g, ''),
    subject: meeting.subject,
    isBroadcast: false,
    autoAdmittedUsers: 'everyoneInCompany',
    allowedPresenters: 'everyone',
    allowMeetingChat: 'enabled',
    allowTeamworkReactions: true,
    isEntryExitAnnounced: false,
    recordAutomatically: false,
    externalId: null,
    joinMeetingIdSettings: {
      isPasscodeRequired: false,
      joinMeetingId: meeting.meetingCode.replace(/\s/g, ''),
      passcode: null,
    },
    chatInfo: { threadId: meeting.threadId, messageId: '0', replyChainMessageId: null },
    participants: {
      organizer: identity(organizer),
      attendees: (event?.attendees ?? [])
        .map((attendee) => userByMail(state, attendee.address))
        .filter((user): user is UserRecord => hasCalendar(user))
        .map((user) => ({ ...identity(user), role: 'attendee' })),
    },
    lobbyBypassSettings: { scope: 'organization', isDialInBypassEnabled: false },
  };
};

const listOnlineMeetings = (ctx: Ctx): GraphResponse => {
  const raw = ctx.req.query.get('$filter');
  if (!raw) {
    throw badRequest(
      "Listing onlineMeetings is not supported. Use $filter=JoinWebUrl eq '{joinWebUrl}' or get one by id.",
      'BadRequest',
    );
  }
  const node = parseFilter(raw);
  const properties = filterProperties(node).map((name) => name.toLowerCase());
  if (!properties.every((name) => name === 'joinweburl')) {
    throw badRequest(
      `Filter on '${properties.join(', ')}' is not supported. Only JoinWebUrl can be used in $filter.`,
      'BadRequest',
    );
  }
  // The join URL is matched exactly, as given in the event (Graph does not normalise it).
  const mine = ctx.sandbox.store.state.onlineMeetings.filter((meeting) => meeting.organizerId === ctx.me.id);
  const json = mine.map((meeting) => onlineMeetingJson(ctx, meeting));
  const found = applyFilter(json, ctx.req.query, false);
  return {
    status: 200,
    body: {
      '@odata.context': `${ctx.graphBase}/$metadata#users('${encodeURIComponent(ctx.me.id)}')/onlineMeetings`,
      value: found,
    },
  };
};

export const registerOnlineMeetings = (router: Router): void => {
  router.self('GET', '/onlineMeetings', listOnlineMeetings).self('GET', '/onlineMeetings/{meetingId}', (ctx) => {
    const meeting = ctx.sandbox.store.state.onlineMeetings.find(
      (candidate) => candidate.id === ctx.params.meetingId && candidate.organizerId === ctx.me.id,
    );
    if (!meeting) throw new GraphError(404, 'NotFound', 'The online meeting was not found.');
    return {
      status: 200,
      body: {
        '@odata.context': `${ctx.graphBase}/$metadata#users('${encodeURIComponent(ctx.me.id)}')/onlineMeetings/$entity`,
        ...onlineMeetingJson(ctx, meeting),
      },
    };
  });
};
