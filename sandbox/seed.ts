import { createHash } from 'node:crypto';
import { HOME_TENANT, PEOPLE, REGION_TENANT, userFromSeed } from './demoTenant';
import { appointment, newEventId, seedMeeting } from './graph/events';
import { WORK_END_HOUR, WORK_START_HOUR } from './graph/scheduling';
import { appendMessage, createChatRecord } from './graph/chats';
import { createDrive, writeFile } from './graph/drive';
import { deliverMail } from './graph/mail';
import { copenhagenParts, isoInstant, wallToInstant } from './graph/time';
import { seedTodoLists } from './graph/todo';
import {
  AGENDA,
  CASE_REFERENCE,
  DRIVE_ID,
  EFFORTS,
  GOALS,
  MEETING_END,
  MEETING_START,
  MEETING_TRANSACTION_ID,
  LEGACY_PLAN_ID,
  LEGACY_UNMOVED_PLAN_ID,
  PLAN_PARTICIPANTS,
  SEEDED_CONTAINER_ID,
  SEEDED_PLAN_ID,
  PLANS_FOLDER,
  planDocument,
} from './seedPlan';
import { seedContainers, unmovedPlan } from './seedContainers';
import { defaultTenantSettings, type AttendeeRecord, type State, type UserRecord } from './store';

/**
 * Seeds the demo tenant: people, To Do lists, the plans library with plan-ki-2026-014, the meeting of
 * 3 September 2026 (event in every in-tenant calendar, Teams meeting, meeting chat with the minutes card),
 * the minutes in 1:1 chats and e-mail, and busy time over the coming weeks relative to `now`.
 */

const AGENDA_LABELS: Record<string, string> = {
  stamoplysninger: 'Stamoplysninger',
  afdaekning: 'Afdækning og runde',
  udfordringer: 'Udfordringer',
  maal: 'Fælles mål og prioritering',
  opfoelgning: 'Opfølgning',
};

const escape = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A deterministic pseudo-random sequence per person, so every --reset gives the same calendars. */
const random = (seedText: string): (() => number) => {
  let state = createHash('sha1').update(seedText).digest().readUInt32BE(0);
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};

const BUSY_TITLES = [
  'Borgersamtale',
  'Teammøde',
  'Hjemmebesøg',
  'Supervision',
  'Netværksmøde',
  'Faglig sparring',
  'Journalskrivning',
  'Visitationsmøde',
  'Kursus',
  'Opfølgningssamtale',
];

/** Minutes card as the referent sent it on 3 September (summary detail: no round notes, no name). */
const minutesCard = (users: UserRecord[], appUrl: string): Record<string, unknown> => {
  const owner = (participantId: string): string => {
    const email = PLAN_PARTICIPANTS.find((entry) => entry.id === participantId)?.email;
    const user = users.find((candidate) => candidate.mail === email);
    return user?.sector === 'borger' ? 'Borgeren' : (user?.displayName ?? '');
  };
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    lang: 'da',
    body: [
      { type: 'TextBlock', text: `Referat · ${CASE_REFERENCE}`, size: 'Large', weight: 'Bolder', wrap: true },
      {
        type: 'TextBlock',
        text: 'Koordinerende indsatsplansmøde torsdag 3. september 2026 kl. 13.00',
        isSubtle: true,
        wrap: true,
        spacing: 'None',
      },
      { type: 'TextBlock', text: 'Fælles mål', weight: 'Bolder', wrap: true },
      ...GOALS.map((goal, index) => ({
        type: 'TextBlock',
        text: `${index + 1}. ${goal.text}`,
        wrap: true,
        spacing: 'Small',
      })),
      { type: 'TextBlock', text: 'Indsatser', weight: 'Bolder', wrap: true },
      {
        type: 'FactSet',
        facts: EFFORTS.map((effort) => ({
          title: owner(effort.ownerId),
          value: `${effort.what} (senest ${effort.due.split('-').reverse().join('.')})`,
        })),
      },
      {
        type: 'TextBlock',
        text: 'Næste tovholder: Peter Nielsen — indkald senest torsdag 3. december 2026',
        wrap: true,
        weight: 'Bolder',
      },
    ],
    actions: [{ type: 'Action.OpenUrl', title: 'Åbn planen', url: appUrl }],
  };
};

const agendaHtml = (): string =>
  `<p>Koordinerende indsatsplansmøde for sag ${CASE_REFERENCE}.</p><ol>${AGENDA.map(
    (item) => `<li>${escape(AGENDA_LABELS[item.key] ?? item.key)} (${item.minutes} min.)</li>`,
  ).join(
    '',
  )}</ol><p><a href="http://localhost:5300/plans.html?planId=${encodeURIComponent(SEEDED_PLAN_ID)}">Åbn planen i Tovholder</a></p>`;

const seedBusyTime = (state: State, teamsUsers: UserRecord[], now: number): void => {
  const today = copenhagenParts(now);
  const dayStart = (offset: number): { year: number; month: number; day: number; weekday: number } => {
    const noon = wallToInstant(today.year, today.month, today.day, 12, 0, 0, 'Europe/Copenhagen') + offset * 86_400_000;
    const parts = copenhagenParts(noon);
    return { year: parts.year, month: parts.month, day: parts.day, weekday: parts.weekday };
  };
  for (const user of teamsUsers) {
    const next = random(`busy:${user.userPrincipalName}`);
    const oofDay = 5 + Math.floor(next() * 30);
    for (let offset = -7; offset <= 42; offset += 1) {
      const day = dayStart(offset);
      if (day.weekday === 0 || day.weekday === 6) continue;
      const at = (hour: number, minute: number): number =>
        wallToInstant(day.year, day.month, day.day, hour, minute, 0, 'Europe/Copenhagen');
      if (offset === oofDay) {
        appointment(state, user, 'Kursusdag', at(WORK_START_HOUR, 0), (WORK_END_HOUR - WORK_START_HOUR) * 60, 'oof');
        continue;
      }
      const count = 1 + Math.floor(next() * 3);
      const taken: [number, number][] = [];
      for (let index = 0; index < count; index += 1) {
        const length = [30, 60, 60, 90, 120][Math.floor(next() * 5)] ?? 60;
        const slot = Math.floor(next() * (((WORK_END_HOUR - WORK_START_HOUR) * 60 - length) / 30));
        const startMinute = WORK_START_HOUR * 60 + slot * 30;
        if (taken.some(([from, to]) => startMinute < to && startMinute + length > from)) continue;
        taken.push([startMinute, startMinute + length]);
        const title = BUSY_TITLES[Math.floor(next() * BUSY_TITLES.length)] ?? 'Møde';
        appointment(
          state,
          user,
          title,
          at(Math.floor(startMinute / 60), startMinute % 60),
          length,
          next() < 0.15 ? 'tentative' : 'busy',
        );
      }
    }
  }
  // A weekly staff meeting everyone in the municipality attends: a shared conflict for getSchedule.
  const sofie = teamsUsers.find((user) => user.userPrincipalName.startsWith('sofie.dahl@'));
  if (!sofie) return;
  const colleagues = teamsUsers.filter((user) => user.tenantId === HOME_TENANT.id && user.id !== sofie.id);
  for (let offset = 0; offset <= 42; offset += 1) {
    const day = dayStart(offset);
    if (day.weekday !== 1) continue;
    const event = appointment(
      state,
      sofie,
      'Fællesmøde i Socialområdet',
      wallToInstant(day.year, day.month, day.day, 9, 0, 0, 'Europe/Copenhagen'),
      60,
    );
    event.attendees = colleagues.map((user) => ({
      address: user.mail,
      name: user.displayName,
      type: 'required',
      response: 'accepted',
      responseTime: isoInstant(Date.parse(event.createdDateTime)),
    }));
    for (const user of colleagues) event.copies.push({ userId: user.id, id: newEventId(), removed: false });
  }
};

export const seed = (state: State, now = Date.now()): void => {
  state.tenants = [HOME_TENANT, REGION_TENANT].map((tenant) => ({ ...tenant, settings: defaultTenantSettings() }));
  state.users = PEOPLE.map(userFromSeed);
  const users = state.users;
  const byMail = (email: string): UserRecord => {
    const user = users.find((candidate) => candidate.mail === email);
    if (!user) throw new Error(`seed: unknown ${email}`);
    return user;
  };
  const teamsUsers = users.filter((user) => user.kind !== 'emailOnly');
  for (const user of teamsUsers) seedTodoLists(state, user);

  // The meeting of 3 September, booked by the koordinator on 20 August.
  const mette = byMail('mette.larsen@sundby-kommune.example');
  const aisha = byMail('aisha.khan@sundby-kommune.example');
  const peter = byMail('peter.nielsen@sundby-kommune.example');
  // As the app books (calendarInvitees): never the citizen or a relative, whose names the attendee list would show.
  const attendees: AttendeeRecord[] = PLAN_PARTICIPANTS.filter(
    ({ id }) => id !== 'p-mette' && id !== 'p-jens' && id !== 'p-lise',
  ).map(({ id, email }) => {
    const user = byMail(email);
    return {
      address: user.mail,
      name: user.displayName,
      type: id === 'p-lars' || id === 'p-lise' ? 'optional' : 'required',
      response: id === 'p-ole' ? 'declined' : 'accepted',
      responseTime: isoInstant(Date.UTC(2026, 7, 21, 9, 0)),
    };
  });
  const bookedAt = Date.UTC(2026, 7, 20, 8, 0);
  const subject = `Koordinerende indsatsplansmøde – ${CASE_REFERENCE}`;
  const { event, meeting } = seedMeeting(state, mette, {
    subject,
    bodyHtml: agendaHtml(),
    start: MEETING_START,
    end: MEETING_END,
    attendees,
    transactionId: MEETING_TRANSACTION_ID,
    createdAt: bookedAt,
  });
  const externals = attendees.filter((attendee) => byMail(attendee.address).kind === 'emailOnly');
  deliverMail(state, {
    from: { name: mette.displayName, address: mette.mail },
    to: externals.map((attendee) => ({ name: attendee.name, address: attendee.address })),
    subject,
    body: `${event.body}<p style="color:#616161">2026-09-03 13:00–14:30 (Europe/Copenhagen)</p>`,
    contentType: 'html',
    saveToSentItems: false,
    meetingMessageType: 'meetingRequest',
    at: bookedAt,
  });

  // The minutes, sent by the referent after the meeting: meeting chat, 1:1 chats, e-mail.
  const sentAt = MEETING_START + 100 * 60_000;
  const appUrl = `http://localhost:5300/plans.html?planId=${encodeURIComponent(SEEDED_PLAN_ID)}`;
  const card = JSON.stringify(minutesCard(users, appUrl));
  const chatThread = state.chats.find((chat) => chat.id === meeting.threadId);
  if (!chatThread) throw new Error('seed: meeting chat missing');
  const meetingMessage = appendMessage(
    chatThread,
    {
      fromUserId: aisha.id,
      messageType: 'message',
      bodyContentType: 'html',
      body: `<p>Referatet fra i dag. Næste tovholder er <at id="0">${escape(peter.displayName)}</at>.</p><attachment id="minutes-card"></attachment>`,
      subject: null,
      importance: 'normal',
      attachments: [
        {
          id: 'minutes-card',
          contentType: 'application/vnd.microsoft.card.adaptive',
          contentUrl: null,
          content: card,
          name: null,
          thumbnailUrl: null,
          teamsAppId: null,
        },
      ],
      mentions: [
        {
          id: 0,
          mentionText: peter.displayName,
          mentioned: {
            user: {
              id: peter.id,
              displayName: peter.displayName,
              userIdentityType: 'aadUser',
              tenantId: peter.tenantId ?? '',
            },
          },
        },
      ],
    },
    sentAt,
  );
  const receipts = new Map<string, { chatId: string; messageId: string }>();
  let at = sentAt + 1000;
  for (const { id, email } of PLAN_PARTICIPANTS) {
    const user = byMail(email);
    if (user.kind === 'emailOnly' || user.id === aisha.id || id === 'p-mikkel') continue;
    const [a, b] = [aisha.id, user.id].sort();
    const chat = createChatRecord(state, {
      id: `19:${a}_${b}@unq.gbl.spaces`,
      chatType: 'oneOnOne',
      topic: null,
      tenantId: HOME_TENANT.id,
      memberIds: [
        { userId: aisha.id, tenantId: HOME_TENANT.id, roles: ['owner'] },
        { userId: user.id, tenantId: user.tenantId ?? '', roles: ['owner'] },
      ],
      onlineMeetingId: null,
      at,
    });
    const message = appendMessage(
      chat,
      {
        fromUserId: aisha.id,
        messageType: 'message',
        bodyContentType: 'html',
        body: '<p>Referatet fra det koordinerende indsatsplansmøde.</p><attachment id="minutes-card"></attachment>',
        subject: null,
        importance: 'normal',
        attachments: [
          {
            id: 'minutes-card',
            contentType: 'application/vnd.microsoft.card.adaptive',
            contentUrl: null,
            content: card,
            name: null,
            thumbnailUrl: null,
            teamsAppId: null,
          },
        ],
        mentions: [],
      },
      at,
    );
    receipts.set(user.id, { chatId: chat.id, messageId: message.id });
    at += 1000;
  }
  deliverMail(state, {
    from: { name: aisha.displayName, address: aisha.mail },
    to: externals.map((attendee) => ({ name: attendee.name, address: attendee.address })),
    subject: `Referat – ${CASE_REFERENCE} – 3. september 2026`,
    body:
      `<h1>Referat · ${CASE_REFERENCE}</h1><p>Koordinerende indsatsplansmøde torsdag 3. september 2026 kl. 13.00.</p>` +
      `<h2>Fælles mål</h2><ol>${GOALS.map((goal) => `<li>${escape(goal.text)}</li>`).join('')}</ol>` +
      `<h2>Indsatser</h2><ul>${EFFORTS.map((effort) => `<li>${escape(effort.what)} (senest ${effort.due})</li>`).join('')}</ul>` +
      `<p>Næste tovholder: Peter Nielsen — indkald senest torsdag 3. december 2026.</p>`,
    contentType: 'html',
    saveToSentItems: true,
    at: sentAt + 60_000,
  });

  // The plans library and the plan document.
  const drive = createDrive(state, {
    id: DRIVE_ID,
    name: 'Tovholder',
    tenantId: HOME_TENANT.id,
    webUrl: 'https://sundbykommune.sharepoint.com/sites/Tovholder/Delte%20dokumenter',
    at: Date.UTC(2026, 0, 5, 8, 0),
  });
  const document = planDocument({
    users,
    eventId: event.copies[0]?.id ?? '',
    joinUrl: meeting.joinWebUrl,
    chatId: meeting.threadId,
    chatReceipts: receipts,
    meetingChatMessageId: meetingMessage.id,
  });
  // The plan in its own container (with the roles its consent gives), the region's plan, guests, indexes.
  seedContainers(state, {
    document,
    containerId: SEEDED_CONTAINER_ID,
    createdAt: bookedAt,
    writtenAt: sentAt + 60_000,
    now,
  });
  // The first version's library: the pointer the move left in KI-2026-014's old place, and a plan not moved yet.
  const movedAt = Date.UTC(2026, 10, 2, 8, 0);
  writeFile(
    state,
    drive,
    [...PLANS_FOLDER, `${LEGACY_PLAN_ID}.json`],
    Buffer.from(
      JSON.stringify({
        tovholderMovedPlan: 1,
        movedTo: SEEDED_PLAN_ID,
        caseReference: CASE_REFERENCE,
        movedAt: new Date(movedAt).toISOString(),
      }),
    ),
    'application/json',
    mette.id,
    movedAt,
  );
  writeFile(
    state,
    drive,
    [...PLANS_FOLDER, `${LEGACY_UNMOVED_PLAN_ID}.json`],
    Buffer.from(JSON.stringify(unmovedPlan(state), null, 2)),
    'application/json',
    byMail('hanne.poulsen@sundby-kommune.example').id,
    Date.UTC(2025, 10, 3, 9, 0),
  );

  seedBusyTime(state, teamsUsers, now);
  state.seededAt = new Date(now).toISOString();
};
