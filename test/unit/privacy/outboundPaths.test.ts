/**
 * Each path out of the plan, through the code that really sends on it, with the port's test double standing in for
 * Graph, Office.js or the console: a payload carrying a CPR number or the citizen's name does not leave, and the
 * same payload without it does. What is stopped is stopped by the guard at the port, not by an earlier check on
 * the plan's texts (the leaky renderer below writes what the plan does not hold).
 *
 * Other paths' block-and-pass tests: deep links test/unit/privacy/planLink.test.ts, To Do
 * test/unit/tasks/addMyEffortsToTodo.test.ts and test/unit/privacy/clearTask.test.ts, the Outlook appointment
 * test/ui/compose/composeApp.test.tsx (and clearAppointmentAttendees in privacyGuard.test.ts). Not here, and why:
 * "Vis for alle" builds its URL from the plan id alone; it passes in test/ui/meeting/meetingFrames.test.tsx and
 * its refusal is clearUrl's (privacyGuard.test.ts). Calendar.updateEvent has no caller yet; its guard
 * (clearEventPatch) is in privacyGuard.test.ts. test/unit/architecture/outboundPorts.test.ts proves every sending
 * port refuses an unchecked payload at compile time.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConsoleLogger } from '../../../src/adapters/standalone/consoleLogger';
import { deliverMinutes, type RenderMinutes } from '../../../src/domain/delivery/deliverMinutes';
import type { Plan } from '../../../src/domain/plan/planDocument';
import type { TenantPolicy } from '../../../src/domain/policy';
import { readMailProtection } from '../../../src/domain/policy/mailProtection';
import { clearLogEntry, type PrivacyContext } from '../../../src/domain/privacy/privacyGuard';
import { bookMeeting } from '../../../src/domain/booking/bookMeeting';
import { toBookingDraft } from '../../../src/surfaces/plans/booking/formDraft';
import { InMemoryPlanAccess } from '../../support/fakes/InMemoryPlanAccess';
import { fromBookingDraft, type FormDraft } from '../../../src/surfaces/plans/booking/formDraft';
import { emptyBookingDraft } from '../../../src/domain/booking/bookingDraft';
import { HOME_TENANT, aMeeting, aPlan, demoPeople as p } from '../../support/builders';
import { cardsRenderer } from '../../support/cardsRenderer';
import { FakeCalendar } from '../../support/fakes/FakeCalendar';
import { FakeMeetingChat } from '../../support/fakes/FakeMeetingChat';
import { FakeMinutesTransport } from '../../support/fakes/FakeMinutesTransport';
import { InMemoryPlanStore } from '../../support/fakes/InMemoryPlanStore';
import { validMinutes } from '../badInput/validMinutes';

const CPR = '010190-1234';
const summary: TenantPolicy = { cardDetail: 'summary', pinTab: true };
const full: TenantPolicy = { cardDetail: 'full', pinTab: true };

describe('calendar create and the pinned tab (bookMeeting → Calendar.createEvent, MeetingChat.pinTab)', () => {
  const NOW = new Date('2027-03-01T09:00:00.000Z');

  /** A new plan for Jens Holm, booked by Mette with Jonas and Karen, for 4 March 2027 13.00–14.30. */
  const draft = (caseReference: string, planId = 'draft-plan'): FormDraft => ({
    ...fromBookingDraft(
      {
        ...emptyBookingDraft(),
        caseReference,
        citizenName: 'Jens Holm',
        participants: [p.mette, p.jonas, p.karen, p.jens],
        roles: { koordinator: p.mette.id, moedeleder: p.jonas.id, referent: p.karen.id },
      },
      { planId, nextMeeting: false, consentCarried: false, today: '2027-03-01' },
    ),
    date: '2027-03-04',
    startTime: '13:00',
    endTime: '14:30',
  });

  const book = async (form: FormDraft, policy: TenantPolicy = summary, containerId = 'b!ki-2027-031') => {
    const calendar = new FakeCalendar();
    const meetingChat = new FakeMeetingChat();
    const planStore = new InMemoryPlanStore([]);
    planStore.nextContainerId = containerId;
    const result = await bookMeeting(
      {
        calendar,
        meetingChat,
        planStore,
        planAccess: new InMemoryPlanAccess(),
        clock: { now: () => NOW },
        policy,
        location: { appBaseUrl: 'https://tovholder.example', teamsAppId: 'app-1' },
        host: { kind: 'teams' },
      },
      {
        booking: toBookingDraft(form),
        nextMeeting: form.nextMeeting,
        meetingId: form.meetingId,
        transactionId: form.transactionId,
        progress: form.progress,
        myEmail: p.mette.email ?? '',
      },
      { onStep: () => undefined, onProgress: () => undefined },
    );
    return { result, calendar, meetingChat, planStore };
  };

  it('sends the invitation with only the case reference, and pins the tab', async () => {
    const { result, calendar, meetingChat } = await book(draft('KI-2027-031'));
    expect(result.ok).toBe(true);
    expect(calendar.createCalls.map((d) => d.subject)).toEqual(['Koordinerende indsatsplansmøde – KI-2027-031']);
    // The tab names whom to ask for access (the organiser, whom every invitee sees anyway), nothing of the citizen.
    expect(meetingChat.pinned.map((x) => x.tab.contentUrl)).toEqual([
      `https://tovholder.example/meeting.html?planId=${encodeURIComponent(`${HOME_TENANT}~b!ki-2027-031`)}&ask=Mette%20Larsen`,
    ]);
  });

  it.each([
    ['a CPR number', `KI ${CPR}`, 'Emnefeltet indeholder et CPR-nummer — brug sagsreferencen.'],
    ["the citizen's surname", 'KI-2027-031 holm', 'Emnefeltet indeholder borgerens navn — brug sagsreferencen.'],
  ])('sends no invitation whose subject carries %s, under any policy, and says why', async (_what, ref, says) => {
    for (const policy of [summary, full]) {
      const { result, calendar, meetingChat } = await book(draft(ref), policy);
      expect(calendar.createCalls).toEqual([]);
      expect(meetingChat.pinned).toEqual([]);
      expect(!result.ok && result.failure.kind === 'blocked' && result.failure.reasons[0]?.message.da).toBe(says);
    }
  });

  it("pins no tab whose URLs would carry the citizen's name, and leaves the invitation without the link", async () => {
    // A plan's id is the address Microsoft 365 gives it; were one ever to carry the name, the guard stops the tab.
    const { result, calendar, meetingChat } = await book(draft('KI-2027-031'), summary, 'b!jens-holm');
    expect(meetingChat.pinned).toEqual([]);
    expect(result.progress.tab).toBe('failed');
    expect(calendar.createCalls).toHaveLength(1);
    expect(calendar.createCalls[0]?.bodyHtml).not.toMatch(/jens|holm/i);
  });
});

describe('chat post and sendMail (deliverMinutes → MinutesTransport)', () => {
  const TODAY = '2027-03-04';
  // The minutes go by e-mail to the GP only when the tenant encrypts them (here: the Purview rule).
  const encrypted = (policy: TenantPolicy): TenantPolicy => ({
    ...policy,
    mailProtection: readMailProtection({ mode: 'purview' }),
  });
  const PLAN_ID = 'plan-outbound-paths';
  const plan = (): Plan =>
    aPlan()
      .withId(PLAN_ID)
      .withCitizenName('Jens Holm')
      .withParticipants([p.jens, p.mette, p.jonas, p.aisha, p.peter, p.karen, p.ole])
      .withMeeting(
        aMeeting()
          .withId('m1')
          .startingAt(TODAY, '13:00')
          .withRoles({ koordinator: p.mette.id, moedeleder: p.jonas.id, referent: p.aisha.id })
          .withMinutes(validMinutes()),
      )
      .build();

  /** The real renderer, with `extra` slipped into Karen's card and the GP Ole's e-mail: text the plan does not hold. */
  const leaking =
    (extra: string): RenderMinutes =>
    (request) => {
      const rendered = cardsRenderer(request);
      if (rendered.kind === 'mail') {
        if (request.recipient?.id !== p.ole.id) return rendered;
        return { ...rendered, mail: { ...rendered.mail, html: `${rendered.mail.html}<p>${extra}</p>` } };
      }
      if (request.recipient?.id !== p.karen.id) return rendered;
      const [first, ...rest] = rendered.message.attachments;
      if (!first) throw new Error('the card is missing');
      const content = JSON.parse(first.content) as { body: unknown[] };
      content.body.push({ type: 'TextBlock', text: extra });
      return {
        ...rendered,
        message: { ...rendered.message, attachments: [{ ...first, content: JSON.stringify(content) }, ...rest] },
      };
    };

  const deliver = async (render: RenderMinutes, policy: TenantPolicy = encrypted(summary)) => {
    const transport = new FakeMinutesTransport();
    const result = await deliverMinutes(
      {
        planStore: new InMemoryPlanStore([plan()]),
        transport,
        clock: { now: () => new Date(`${TODAY}T14:00:00.000Z`) },
        render,
        policy,
        link: { appBaseUrl: 'https://tovholder.example', teamsAppId: 'app-1', host: 'teams' },
        newDeliveryId: () => 'tovholder-delivery-1',
      },
      PLAN_ID,
      { senderParticipantId: p.aisha.id },
    );
    return { result, transport };
  };

  const cardText = (transport: FakeMinutesTransport, key: string) =>
    transport.messagesFor(key).flatMap((m) => m.attachments);

  it('posts the card and mails the minutes when they carry neither a CPR number nor the name', async () => {
    const { result, transport } = await deliver(leaking('Borgeren kommer selv.'));
    expect(result.outcome).toBe('delivered');
    expect(cardText(transport, p.karen.id).join()).toContain('Borgeren kommer selv.');
    expect(
      transport
        .mailsTo(p.ole.email ?? '')
        .map((m) => m.html)
        .join(),
    ).toContain('Borgeren kommer selv.');
  });

  it.each([
    ['a CPR number', `CPR ${CPR}`, [encrypted(summary), encrypted(full)]],
    ["the citizen's name (summary policy)", 'Jens Holm kommer selv.', [encrypted(summary)]],
  ] as const)(
    'posts no card and sends no e-mail carrying %s; the others still get theirs',
    async (_w, extra, policies) => {
      for (const policy of policies) {
        const { result, transport } = await deliver(leaking(extra), policy);
        expect(result.outcome).toBe('partial');
        expect(transport.messagesFor(p.karen.id)).toEqual([]);
        expect(transport.mailsTo(p.ole.email ?? '')).toEqual([]);
        const refused = result.outcome === 'partial' ? result.recipients.filter((r) => r.status === 'failed') : [];
        expect(refused.map((r) => r.key).sort()).toEqual([p.karen.id, p.ole.id].sort());
        expect(transport.messagesFor(p.mette.id)).toHaveLength(1);
        expect(transport.mailsTo(p.jens.email ?? '')).toHaveLength(1);
      }
    },
  );

  it('keeps the name out of the notice the GP gets when the tenant does not encrypt mail, even under the full policy', async () => {
    const { result, transport } = await deliver(leaking('Jens Holm kommer selv.'), full);
    expect(result.outcome === 'partial' && result.recipients.find((r) => r.key === p.ole.id)?.problem?.code).toBe(
      'privacy.citizenName',
    );
    expect(transport.mailsTo(p.ole.email ?? '')).toEqual([]);
    expect(cardText(transport, p.karen.id).join()).toContain('Jens Holm kommer selv.');
  });

  it('lets the name into the card and the e-mail under the full policy, but never a CPR number', async () => {
    const { result, transport } = await deliver(leaking('Jens Holm kommer selv.'), encrypted(full));
    expect(result.outcome).toBe('delivered');
    expect(cardText(transport, p.karen.id).join()).toContain('Jens Holm kommer selv.');
    expect(
      transport
        .mailsTo(p.ole.email ?? '')
        .map((m) => m.html)
        .join(),
    ).toContain('Jens Holm kommer selv.');
  });
});

describe('logging (clearLogEntry → ConsoleLogger)', () => {
  afterEach(() => vi.restoreAllMocks());
  const ctx: PrivacyContext = {
    plan: aPlan().withCitizenName('Jens Holm').build(),
    policy: full,
    today: '2027-03-04',
  };

  it('prints an entry without a CPR number or the name as it is', () => {
    const info = vi.spyOn(console, 'info').mockImplementation(() => undefined);
    new ConsoleLogger().log(clearLogEntry({ level: 'info', event: 'todo.added', data: { count: 3 } }, ctx));
    expect(info).toHaveBeenCalledWith('[tovholder] todo.added', { count: 3 });
  });

  it('never prints a CPR number or the name, under any policy: they are replaced by [skjult]', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const entry = { level: 'error' as const, event: 'save.failed', data: { detail: `Jens Holm ${CPR} ikke gemt` } };
    new ConsoleLogger().log(clearLogEntry(entry, ctx));
    expect(error).toHaveBeenCalledWith('[tovholder] save.failed', { detail: '[skjult] [skjult] ikke gemt' });
    expect(JSON.stringify(error.mock.calls)).not.toMatch(/Jens|Holm|0101901234|010190-1234/);
  });
});
