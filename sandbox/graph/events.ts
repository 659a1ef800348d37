import { createHash, randomBytes } from 'node:crypto';
import type { Ctx, GraphResponse, Router } from '../router';
import type { AttendeeRecord, EventRecord, OnlineMeetingRecord, State, UserRecord } from '../store';
import { addChatMembers, findChat } from './chats';
import { GraphError, badRequest } from './errors';
import { deliverMail, outlookId } from './mail';
import { applyFilter, applySelect, paginate, parseSelect, type Json } from './odata';
import { attachTeamsMeeting, inTenantAttendees, teamsBlock } from './onlineMeetings';
import { formatDateTimeTimeZone, isoInstant, parseQueryInstant, preferredZone, readDateTimeTimeZone } from './time';
import { hasCalendar, userById, userByMail } from './users';
import { asObject, optionalBoolean, optionalString, rejectUnknownProperties } from './validation';

/**
 * Events: create (with a Teams meeting, transactionId de-duplication, invitations), read, list, calendarView,
 * update, cancel, delete and the attendees' answers, under /me/events and /me/calendar/events (and the /users form).
 * A meeting is one EventRecord shown in every attendee's calendar under that calendar's own event id.
 * Free/busy and meeting times are in scheduling.ts, the Teams meeting and its chat in onlineMeetings.ts.
 */

const notFound = (): GraphError =>
  new GraphError(404, 'ErrorItemNotFound', 'The specified object was not found in the store.');

export const newEventId = (): string => outlookId('AAMkADNhMWI1');

const changeKeyFor = (): string => randomBytes(12).toString('base64');

/** The event as it appears in `userId`'s calendar, if it does. */
export const copyFor = (event: EventRecord, userId: string): EventRecord['copies'][number] | undefined =>
  event.copies.find((copy) => copy.userId === userId && !copy.removed);

const findByCopyId = (state: State, userId: string, eventId: string): EventRecord => {
  const event = state.events.find((candidate) =>
    candidate.copies.some((copy) => copy.id === eventId && copy.userId === userId && !copy.removed),
  );
  if (!event) throw notFound();
  return event;
};

export const calendarOf = (state: State, userId: string): EventRecord[] =>
  state.events.filter((event) => copyFor(event, userId) !== undefined);

const stripHtml = (html: string): string =>
  html
    .replace(/<style[\s\S]*?<\/style>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();

const responseForViewer = (event: EventRecord, viewer: UserRecord): { response: string; time: string } => {
  if (event.organizerId === viewer.id) return { response: 'organizer', time: event.createdDateTime };
  const attendee = event.attendees.find((candidate) => candidate.address.toLowerCase() === viewer.mail.toLowerCase());
  if (!attendee || attendee.response === 'none') return { response: 'notResponded', time: '0001-01-01T00:00:00Z' };
  return { response: attendee.response, time: attendee.responseTime ?? '0001-01-01T00:00:00Z' };
};

/** The Graph event JSON as `viewer` sees it, times in `zone`. */
export const eventJson = (state: State, event: EventRecord, viewer: UserRecord, zone: string): Json => {
  const copy = copyFor(event, viewer.id) ?? event.copies.find((candidate) => candidate.userId === viewer.id);
  const organizer = userById(state, event.organizerId);
  const meeting = event.onlineMeetingId
    ? state.onlineMeetings.find((candidate) => candidate.id === event.onlineMeetingId)
    : undefined;
  const isOrganizer = event.organizerId === viewer.id;
  const subject = event.isCancelled && !isOrganizer ? `Aflyst: ${event.subject}` : event.subject;
  return {
    '@odata.etag': `W/"${event.changeKey}"`,
    id: copy?.id ?? '',
    createdDateTime: event.createdDateTime,
    lastModifiedDateTime: event.lastModifiedDateTime,
    changeKey: event.changeKey,
    categories: event.categories,
    transactionId: isOrganizer ? event.transactionId : null,
    originalStartTimeZone: event.originalStartTimeZone,
    originalEndTimeZone: event.originalEndTimeZone,
    iCalUId: event.iCalUId,
    uid: event.iCalUId,
    reminderMinutesBeforeStart: 15,
    isReminderOn: !event.isCancelled,
    hasAttachments: false,
    subject,
    bodyPreview: stripHtml(event.body).slice(0, 255),
    importance: event.importance,
    sensitivity: event.sensitivity,
    isAllDay: event.isAllDay,
    isCancelled: event.isCancelled,
    isOrganizer,
    responseRequested: true,
    seriesMasterId: null,
    showAs: event.isCancelled ? 'free' : event.showAs,
    type: 'singleInstance',
    webLink: `https://outlook.office365.com/owa/?itemid=${encodeURIComponent(copy?.id ?? '')}&exvsurl=1&path=/calendar/item`,
    onlineMeetingUrl: null,
    isOnlineMeeting: event.isOnlineMeeting,
    onlineMeetingProvider: event.onlineMeetingProvider,
    allowNewTimeProposals: true,
    occurrenceId: null,
    isDraft: false,
    hideAttendees: false,
    responseStatus: responseForViewer(event, viewer),
    body: { contentType: event.bodyContentType, content: event.body },
    start: formatDateTimeTimeZone(event.start, zone),
    end: formatDateTimeTimeZone(event.end, zone),
    location: {
      displayName: event.location,
      locationType: 'default',
      uniqueIdType: event.location ? 'private' : 'unknown',
      ...(event.location ? { uniqueId: event.location } : {}),
      address: {},
      coordinates: {},
    },
    locations: event.location
      ? [{ displayName: event.location, locationType: 'default', uniqueIdType: 'private', uniqueId: event.location }]
      : [],
    recurrence: null,
    attendees: event.attendees.map((attendee) => ({
      type: attendee.type,
      status: { response: attendee.response, time: attendee.responseTime ?? '0001-01-01T00:00:00Z' },
      emailAddress: { name: attendee.name, address: attendee.address },
    })),
    organizer: { emailAddress: { name: organizer?.displayName ?? '', address: organizer?.mail ?? '' } },
    onlineMeeting: meeting ? { joinUrl: meeting.joinWebUrl } : null,
  };
};

const EVENT_PROPERTIES = [
  'allowNewTimeProposals',
  'attendees',
  'body',
  'bodyPreview',
  'categories',
  'changeKey',
  'createdDateTime',
  'end',
  'hasAttachments',
  'hideAttendees',
  'iCalUId',
  'id',
  'importance',
  'isAllDay',
  'isCancelled',
  'isDraft',
  'isOnlineMeeting',
  'isOrganizer',
  'isReminderOn',
  'lastModifiedDateTime',
  'location',
  'locations',
  'onlineMeeting',
  'onlineMeetingProvider',
  'onlineMeetingUrl',
  'organizer',
  'originalEndTimeZone',
  'originalStart',
  'originalStartTimeZone',
  'recurrence',
  'reminderMinutesBeforeStart',
  'responseRequested',
  'responseStatus',
  'sensitivity',
  'seriesMasterId',
  'showAs',
  'start',
  'subject',
  'transactionId',
  'type',
  'webLink',
  'uid',
  'attachments',
  'extensions',
  'singleValueExtendedProperties',
  'multiValueExtendedProperties',
];

const EMAIL = /^[^\s@<>()",;]+@[^\s@<>()",;]+\.[^\s@<>()",;]+$/;

export const readAttendees = (raw: unknown): AttendeeRecord[] => {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) throw badRequest("'attendees' must be a collection.", 'RequestBodyRead');
  const seen = new Set<string>();
  const attendees: AttendeeRecord[] = [];
  for (const entry of raw) {
    const attendee = asObject(entry);
    const email = asObject(attendee?.emailAddress);
    const address = typeof email?.address === 'string' ? email.address.trim() : '';
    if (!EMAIL.test(address)) {
      throw badRequest(
        `At least one recipient isn't valid: '${address}' is not an e-mail address.`,
        'ErrorInvalidRecipients',
      );
    }
    const type = attendee?.type ?? 'required';
    if (type !== 'required' && type !== 'optional' && type !== 'resource') {
      throw badRequest(
        `Requested value '${String(type)}' was not found in microsoft.graph.attendeeType.`,
        'RequestBodyRead',
      );
    }
    if (seen.has(address.toLowerCase())) continue;
    seen.add(address.toLowerCase());
    attendees.push({
      address,
      name: typeof email?.name === 'string' && email.name ? email.name : address,
      type,
      response: 'none',
      responseTime: null,
    });
  }
  return attendees;
};

const readBody = (raw: unknown): { contentType: 'html' | 'text'; content: string } | null => {
  if (raw === undefined || raw === null) return null;
  const body = asObject(raw);
  if (!body) throw badRequest("'body' must be an itemBody object.", 'RequestBodyRead');
  const contentType = typeof body.contentType === 'string' ? body.contentType.toLowerCase() : 'text';
  if (contentType !== 'html' && contentType !== 'text') {
    throw badRequest(
      `Requested value '${String(body.contentType)}' was not found in microsoft.graph.bodyType.`,
      'RequestBodyRead',
    );
  }
  return { contentType, content: typeof body.content === 'string' ? body.content : '' };
};

const readLocation = (raw: unknown): string | null => {
  if (raw === undefined || raw === null) return null;
  const location = asObject(raw);
  return typeof location?.displayName === 'string' ? location.displayName : '';
};

const enumValue = <T extends string>(raw: unknown, allowed: readonly T[], field: string, fallback: T): T => {
  if (raw === undefined || raw === null) return fallback;
  if (typeof raw !== 'string' || !allowed.includes(raw as T)) {
    throw badRequest(`Requested value '${String(raw)}' was not found in microsoft.graph.${field}.`, 'RequestBodyRead');
  }
  return raw as T;
};

const SHOW_AS = ['free', 'tentative', 'busy', 'oof', 'workingElsewhere', 'unknown'] as const;
const PROVIDERS = ['unknown', 'teamsForBusiness', 'skypeForBusiness', 'skypeForConsumer'] as const;

/** Puts the event in attendees' calendars (new copies) and sends the invitation e-mail to everyone added. */
const distribute = (
  state: State,
  event: EventRecord,
  organizer: UserRecord,
  added: AttendeeRecord[],
  at: number,
  zone: string,
): void => {
  for (const attendee of added) {
    const user = userByMail(state, attendee.address);
    if (hasCalendar(user) && user.id !== organizer.id) {
      const existing = event.copies.find((copy) => copy.userId === user.id);
      if (existing) existing.removed = false;
      else event.copies.push({ userId: user.id, id: newEventId(), removed: false });
    }
  }
  if (added.length === 0) return;
  deliverMail(state, {
    from: { name: organizer.displayName, address: organizer.mail },
    to: added.map((attendee) => ({ name: attendee.name, address: attendee.address })),
    subject: event.subject,
    body: `${event.body}<p style="color:#616161">${formatDateTimeTimeZone(event.start, zone).dateTime.slice(0, 16).replace('T', ' ')}–${formatDateTimeTimeZone(event.end, zone).dateTime.slice(11, 16)} (${zone})</p>`,
    contentType: 'html',
    saveToSentItems: false,
    meetingMessageType: 'meetingRequest',
    at,
  });
};

const createEvent = (ctx: Ctx): GraphResponse => {
  const state = ctx.sandbox.store.state;
  const me = ctx.me;
  const body = ctx.json();
  rejectUnknownProperties(body, EVENT_PROPERTIES, 'microsoft.graph.event');
  const zone = preferredZone(ctx.req.headers['prefer']);
  const transactionId = optionalString(body.transactionId, 'transactionId');
  if (transactionId) {
    const existing = state.events.find(
      (event) => event.organizerId === me.id && event.transactionId === transactionId && copyFor(event, me.id),
    );
    if (existing) {
      // A retried create with the same transactionId gives the event created the first time.
      return eventResponse(ctx, existing, 201, zone);
    }
  }
  if (body.start === undefined || body.end === undefined) {
    throw badRequest(
      "Your request can't be completed. The 'start' and 'end' properties are required.",
      'ErrorInvalidRequest',
    );
  }
  const start = readDateTimeTimeZone(body.start, 'start');
  const end = readDateTimeTimeZone(body.end, 'end');
  if (end < start)
    throw badRequest('The end date occurs before the start date.', 'ErrorCalendarEndDateIsEarlierThanStartDate');
  const attendees = readAttendees(body.attendees);
  const content = readBody(body.body) ?? { contentType: 'text' as const, content: '' };
  const isOnlineMeeting = optionalBoolean(body.isOnlineMeeting, 'isOnlineMeeting') ?? false;
  const provider = enumValue(
    body.onlineMeetingProvider,
    PROVIDERS,
    'onlineMeetingProviderType',
    isOnlineMeeting ? 'teamsForBusiness' : 'unknown',
  );
  if (isOnlineMeeting && provider !== 'teamsForBusiness') {
    throw badRequest(
      `The online meeting provider '${provider}' is not enabled for this mailbox; use 'teamsForBusiness'.`,
      'ErrorInvalidRequest',
    );
  }
  const when = new Date(ctx.now).toISOString();
  const startZone = (asObject(body.start)?.timeZone as string | undefined) ?? 'UTC';
  const event: EventRecord = {
    iCalUId: `040000008200E00074C5B7101A82E008000000${randomBytes(28).toString('hex').toUpperCase()}`,
    organizerId: me.id,
    transactionId,
    subject: optionalString(body.subject, 'subject') ?? '',
    bodyContentType: content.contentType,
    body: content.content,
    start,
    end,
    originalStartTimeZone: startZone,
    originalEndTimeZone: (asObject(body.end)?.timeZone as string | undefined) ?? startZone,
    isAllDay: optionalBoolean(body.isAllDay, 'isAllDay') ?? false,
    showAs: enumValue(body.showAs, SHOW_AS, 'freeBusyStatus', 'busy'),
    sensitivity: enumValue(
      body.sensitivity,
      ['normal', 'personal', 'private', 'confidential'] as const,
      'sensitivity',
      'normal',
    ),
    importance: enumValue(body.importance, ['low', 'normal', 'high'] as const, 'importance', 'normal'),
    location: readLocation(body.location) ?? '',
    categories: Array.isArray(body.categories) ? body.categories.filter((c): c is string => typeof c === 'string') : [],
    attendees,
    isOnlineMeeting: isOnlineMeeting && provider === 'teamsForBusiness',
    onlineMeetingProvider: isOnlineMeeting ? provider : 'unknown',
    onlineMeetingId: null,
    isCancelled: false,
    createdDateTime: when,
    lastModifiedDateTime: when,
    changeKey: changeKeyFor(),
    copies: [{ userId: me.id, id: newEventId(), removed: false }],
  };
  state.events.push(event);
  if (event.isOnlineMeeting) {
    const meeting = attachTeamsMeeting(state, event, me, ctx.now);
    if (event.bodyContentType === 'html') event.body += teamsBlock(meeting.joinWebUrl, meeting.meetingCode);
    else event.body += `\n\nMicrosoft Teams: ${meeting.joinWebUrl}`;
  }
  distribute(state, event, me, attendees, ctx.now, 'Europe/Copenhagen');
  return eventResponse(ctx, event, 201, zone);
};

const eventResponse = (ctx: Ctx, event: EventRecord, status: number, zone: string): GraphResponse => ({
  status,
  headers: {
    ...(zone !== 'UTC' ? { 'Preference-Applied': `outlook.timezone="${zone}"` } : {}),
    ETag: `W/"${event.changeKey}"`,
  },
  body: {
    '@odata.context': `${ctx.graphBase}/$metadata#users('${encodeURIComponent(ctx.me.id)}')/events/$entity`,
    ...applySelect(eventJson(ctx.sandbox.store.state, event, ctx.me, zone), parseSelect(ctx.req.query), [
      'id',
      '@odata.etag',
    ]),
  },
});

const SHARED_FIELDS = [
  'subject',
  'body',
  'start',
  'end',
  'attendees',
  'location',
  'locations',
  'isOnlineMeeting',
  'onlineMeetingProvider',
  'isAllDay',
  'importance',
  'sensitivity',
  'recurrence',
];

const updateEvent = (ctx: Ctx): GraphResponse => {
  const state = ctx.sandbox.store.state;
  const event = findByCopyId(state, ctx.me.id, ctx.params.eventId ?? '');
  const body = ctx.json();
  rejectUnknownProperties(body, EVENT_PROPERTIES, 'microsoft.graph.event');
  const zone = preferredZone(ctx.req.headers['prefer']);
  const organizer = userById(state, event.organizerId);
  if (!organizer) throw notFound();
  if (event.organizerId !== ctx.me.id && Object.keys(body).some((key) => SHARED_FIELDS.includes(key))) {
    throw new GraphError(
      403,
      'ErrorAccessDenied',
      'Access is denied. Only the organizer can change the meeting for everyone.',
    );
  }
  if (event.isCancelled)
    throw badRequest('The meeting has been cancelled and can no longer be changed.', 'ErrorInvalidRequest');
  const ifMatch = ctx.req.headers['if-match'];
  if (ifMatch && ifMatch !== '*' && ifMatch.replace(/^W\//, '').replace(/"/g, '') !== event.changeKey) {
    throw new GraphError(
      412,
      'ErrorIrresolvableConflict',
      'The send or update operation could not be performed because the change key passed in the request does not match the current change key for the item.',
    );
  }
  if (body.subject !== undefined) event.subject = optionalString(body.subject, 'subject') ?? '';
  const content = readBody(body.body);
  if (content) {
    const meeting = event.onlineMeetingId
      ? state.onlineMeetings.find((candidate) => candidate.id === event.onlineMeetingId)
      : undefined;
    event.bodyContentType = content.contentType;
    event.body = content.content;
    if (meeting && content.contentType === 'html' && !content.content.includes(meeting.joinWebUrl)) {
      event.body += teamsBlock(meeting.joinWebUrl, meeting.meetingCode);
    }
  }
  const start = body.start !== undefined ? readDateTimeTimeZone(body.start, 'start') : event.start;
  const end = body.end !== undefined ? readDateTimeTimeZone(body.end, 'end') : event.end;
  if (end < start)
    throw badRequest('The end date occurs before the start date.', 'ErrorCalendarEndDateIsEarlierThanStartDate');
  event.start = start;
  event.end = end;
  if (body.location !== undefined) event.location = readLocation(body.location) ?? '';
  if (body.showAs !== undefined) event.showAs = enumValue(body.showAs, SHOW_AS, 'freeBusyStatus', event.showAs);
  if (body.importance !== undefined)
    event.importance = enumValue(body.importance, ['low', 'normal', 'high'] as const, 'importance', event.importance);
  if (Array.isArray(body.categories))
    event.categories = body.categories.filter((c): c is string => typeof c === 'string');
  let added: AttendeeRecord[] = [];
  if (body.attendees !== undefined) {
    const next = readAttendees(body.attendees);
    const previous = new Map(event.attendees.map((attendee) => [attendee.address.toLowerCase(), attendee]));
    added = next.filter((attendee) => !previous.has(attendee.address.toLowerCase()));
    const kept = next.map((attendee) => {
      const old = previous.get(attendee.address.toLowerCase());
      return old ? { ...attendee, response: old.response, responseTime: old.responseTime } : attendee;
    });
    const removed = event.attendees.filter(
      (attendee) => !next.some((n) => n.address.toLowerCase() === attendee.address.toLowerCase()),
    );
    for (const gone of removed) {
      const user = userByMail(state, gone.address);
      const copy = user ? event.copies.find((candidate) => candidate.userId === user.id) : undefined;
      if (copy) copy.removed = true;
    }
    event.attendees = kept;
  }
  if (body.isOnlineMeeting === true && !event.onlineMeetingId) {
    event.isOnlineMeeting = true;
    event.onlineMeetingProvider = 'teamsForBusiness';
    const meeting = attachTeamsMeeting(state, event, organizer, ctx.now);
    if (event.bodyContentType === 'html') event.body += teamsBlock(meeting.joinWebUrl, meeting.meetingCode);
  }
  if (event.onlineMeetingId) {
    const meeting = state.onlineMeetings.find((candidate) => candidate.id === event.onlineMeetingId);
    if (meeting) {
      meeting.subject = event.subject;
      meeting.start = event.start;
      meeting.end = event.end;
      const chat = findChat(state, meeting.threadId);
      if (chat) {
        chat.topic = event.subject;
        addChatMembers(
          chat,
          inTenantAttendees(state, event, organizer).map((user) => ({
            userId: user.id,
            tenantId: user.tenantId ?? '',
          })),
        );
      }
    }
  }
  distribute(state, event, organizer, added, ctx.now, 'Europe/Copenhagen');
  event.lastModifiedDateTime = new Date(ctx.now).toISOString();
  event.changeKey = changeKeyFor();
  return eventResponse(ctx, event, 200, zone);
};

/** Cancels for everyone: attendees keep a cancelled copy and get a cancellation; the organiser's copy goes. */
const cancelMeeting = (state: State, event: EventRecord, organizer: UserRecord, comment: string, at: number): void => {
  event.isCancelled = true;
  event.lastModifiedDateTime = new Date(at).toISOString();
  event.changeKey = changeKeyFor();
  const own = event.copies.find((copy) => copy.userId === organizer.id);
  if (own) own.removed = true;
  if (event.attendees.length) {
    deliverMail(state, {
      from: { name: organizer.displayName, address: organizer.mail },
      to: event.attendees.map((attendee) => ({ name: attendee.name, address: attendee.address })),
      subject: `Aflyst: ${event.subject}`,
      body: `<p>${comment.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`,
      contentType: 'html',
      saveToSentItems: false,
      meetingMessageType: 'meetingCancelled',
      at,
    });
  }
};

const respond =
  (response: AttendeeRecord['response']) =>
  (ctx: Ctx): GraphResponse => {
    const state = ctx.sandbox.store.state;
    const event = findByCopyId(state, ctx.me.id, ctx.params.eventId ?? '');
    const body = ctx.req.body.length ? ctx.json() : {};
    rejectUnknownProperties(body, ['comment', 'sendResponse', 'proposedNewTime'], 'microsoft.graph.event.response');
    if (event.organizerId === ctx.me.id) {
      throw badRequest(
        "Your request can't be completed. You can't respond to a meeting you organized.",
        'ErrorInvalidRequest',
      );
    }
    if (event.isCancelled)
      throw badRequest("Your request can't be completed. The meeting has been cancelled.", 'ErrorInvalidRequest');
    const attendee = event.attendees.find((candidate) => candidate.address.toLowerCase() === ctx.me.mail.toLowerCase());
    if (!attendee) throw notFound();
    attendee.response = response;
    attendee.responseTime = isoInstant(ctx.now);
    event.changeKey = changeKeyFor();
    return { status: 202 };
  };

const listEvents = (ctx: Ctx, window: { start: number; end: number } | null): GraphResponse => {
  const state = ctx.sandbox.store.state;
  const zone = preferredZone(ctx.req.headers['prefer']);
  const events = calendarOf(state, ctx.me.id)
    .filter((event) => !window || (event.start < window.end && event.end > window.start))
    .sort((a, b) => a.start - b.start);
  const orderBy = (ctx.req.query.get('$orderby') ?? '').toLowerCase();
  if (orderBy.startsWith('start/datetime desc')) events.reverse();
  const json = events.map((event) => eventJson(state, event, ctx.me, zone));
  const filtered = applyFilter(json, ctx.req.query);
  const page = paginate(filtered, ctx.req.query, `${ctx.graphBase}${ctx.req.path}`, {
    defaultTop: 10,
    maxTop: 1000,
    style: 'skip',
  });
  const select = parseSelect(ctx.req.query);
  return {
    status: 200,
    headers: zone !== 'UTC' ? { 'Preference-Applied': `outlook.timezone="${zone}"` } : {},
    body: {
      '@odata.context': `${ctx.graphBase}/$metadata#users('${encodeURIComponent(ctx.me.id)}')/${window ? 'calendarView' : 'events'}`,
      ...(page.nextLink ? { '@odata.nextLink': page.nextLink } : {}),
      value: page.items.map((event) => applySelect(event, select, ['id', '@odata.etag'])),
    },
  };
};

const calendarView = (ctx: Ctx): GraphResponse => {
  const startText = ctx.req.query.get('startDateTime') ?? ctx.req.query.get('startdatetime');
  const endText = ctx.req.query.get('endDateTime') ?? ctx.req.query.get('enddatetime');
  if (!startText || !endText) {
    throw badRequest(
      'This request requires a time window specified by the query string parameters StartDateTime and EndDateTime.',
      'ErrorInvalidParameter',
    );
  }
  const start = parseQueryInstant(startText);
  const end = parseQueryInstant(endText);
  if (start === null || end === null)
    throw badRequest(
      `The value '${start === null ? startText : endText}' is not a valid date and time.`,
      'ErrorInvalidParameter',
    );
  return listEvents(ctx, { start, end });
};

export const registerEvents = (router: Router): void => {
  const cancel = (ctx: Ctx): GraphResponse => {
    const state = ctx.sandbox.store.state;
    const event = findByCopyId(state, ctx.me.id, ctx.params.eventId ?? '');
    const body = ctx.req.body.length ? ctx.json() : {};
    rejectUnknownProperties(body, ['comment'], 'microsoft.graph.event.cancel');
    if (event.organizerId !== ctx.me.id) {
      throw badRequest(
        "Your request can't be completed. You need to be an organizer to cancel a meeting.",
        'ErrorInvalidRequest',
      );
    }
    cancelMeeting(state, event, ctx.me, typeof body.comment === 'string' ? body.comment : '', ctx.now);
    return { status: 202 };
  };
  const getOne = (ctx: Ctx): GraphResponse => {
    const event = findByCopyId(ctx.sandbox.store.state, ctx.me.id, ctx.params.eventId ?? '');
    return eventResponse(ctx, event, 200, preferredZone(ctx.req.headers['prefer']));
  };
  const remove = (ctx: Ctx): GraphResponse => {
    const state = ctx.sandbox.store.state;
    const event = findByCopyId(state, ctx.me.id, ctx.params.eventId ?? '');
    if (event.organizerId === ctx.me.id && !event.isCancelled && event.attendees.length) {
      cancelMeeting(state, event, ctx.me, '', ctx.now);
    } else {
      const copy = event.copies.find((candidate) => candidate.userId === ctx.me.id);
      if (copy) copy.removed = true;
    }
    return { status: 204 };
  };
  for (const base of ['', '/calendar']) {
    router
      .self('POST', `${base}/events`, createEvent)
      .self('GET', `${base}/events`, (ctx) => listEvents(ctx, null))
      .self('GET', `${base}/events/{eventId}`, getOne)
      .self('PATCH', `${base}/events/{eventId}`, updateEvent)
      .self('DELETE', `${base}/events/{eventId}`, remove)
      .self('POST', `${base}/events/{eventId}/cancel`, cancel)
      .self('POST', `${base}/events/{eventId}/accept`, respond('accepted'))
      .self('POST', `${base}/events/{eventId}/tentativelyAccept`, respond('tentativelyAccepted'))
      .self('POST', `${base}/events/{eventId}/decline`, respond('declined'))
      .self('GET', `${base}/calendarView`, calendarView);
  }
};

/** For the seed: a plain busy block in one calendar. */
export const appointment = (
  state: State,
  owner: UserRecord,
  subject: string,
  start: number,
  minutes: number,
  showAs: EventRecord['showAs'] = 'busy',
): EventRecord => {
  const when = new Date(Math.min(start, Date.now()) - 7 * 86_400_000).toISOString();
  const event: EventRecord = {
    iCalUId: `040000008200E00074C5B7101A82E008000000${createHash('sha1').update(`${owner.id}${start}${subject}`).digest('hex').toUpperCase()}`,
    organizerId: owner.id,
    transactionId: null,
    subject,
    bodyContentType: 'text',
    body: '',
    start,
    end: start + minutes * 60_000,
    originalStartTimeZone: 'Romance Standard Time',
    originalEndTimeZone: 'Romance Standard Time',
    isAllDay: false,
    showAs,
    sensitivity: 'normal',
    importance: 'normal',
    location: '',
    categories: [],
    attendees: [],
    isOnlineMeeting: false,
    onlineMeetingProvider: 'unknown',
    onlineMeetingId: null,
    isCancelled: false,
    createdDateTime: when,
    lastModifiedDateTime: when,
    changeKey: changeKeyFor(),
    copies: [{ userId: owner.id, id: newEventId(), removed: false }],
  };
  state.events.push(event);
  return event;
};

/** For the seed: a Teams meeting organised by `organizer`, as if created through POST /me/events. */
export const seedMeeting = (
  state: State,
  organizer: UserRecord,
  options: {
    subject: string;
    bodyHtml: string;
    start: number;
    end: number;
    attendees: AttendeeRecord[];
    transactionId: string;
    createdAt: number;
  },
): { event: EventRecord; meeting: OnlineMeetingRecord } => {
  const when = new Date(options.createdAt).toISOString();
  const event: EventRecord = {
    iCalUId: `040000008200E00074C5B7101A82E008000000${createHash('sha1').update(options.transactionId).digest('hex').toUpperCase()}`,
    organizerId: organizer.id,
    transactionId: options.transactionId,
    subject: options.subject,
    bodyContentType: 'html',
    body: options.bodyHtml,
    start: options.start,
    end: options.end,
    originalStartTimeZone: 'Romance Standard Time',
    originalEndTimeZone: 'Romance Standard Time',
    isAllDay: false,
    showAs: 'busy',
    sensitivity: 'normal',
    importance: 'normal',
    location: 'Microsoft Teams-møde',
    categories: [],
    attendees: options.attendees,
    isOnlineMeeting: true,
    onlineMeetingProvider: 'teamsForBusiness',
    onlineMeetingId: null,
    isCancelled: false,
    createdDateTime: when,
    lastModifiedDateTime: when,
    changeKey: changeKeyFor(),
    copies: [{ userId: organizer.id, id: newEventId(), removed: false }],
  };
  state.events.push(event);
  const meeting = attachTeamsMeeting(state, event, organizer, options.createdAt);
  event.body += teamsBlock(meeting.joinWebUrl, meeting.meetingCode);
  for (const attendee of options.attendees) {
    const user = userByMail(state, attendee.address);
    if (hasCalendar(user) && user.id !== organizer.id)
      event.copies.push({ userId: user.id, id: newEventId(), removed: false });
  }
  return { event, meeting };
};
