import { describe, expect, it } from 'vitest';
import {
  deliverMinutes,
  type DeliveryDeps,
  type DeliveryResult,
  type RenderMinutes,
} from '../../../src/domain/delivery/deliverMinutes';
import { MEETING_CHAT_KEY } from '../../../src/domain/delivery/deliveryPlan';
import type { Delivery, Plan } from '../../../src/domain/plan/planDocument';
import type { TenantPolicy } from '../../../src/domain/policy';
import type { PlanStore } from '../../../src/domain/ports/planStore';
import { demoIds, demoPeople, demoPlan } from '../../support/builders';
import { FakeMinutesTransport } from '../../support/fakes/FakeMinutesTransport';
import { InMemoryPlanStore } from '../../support/fakes/InMemoryPlanStore';

const summary: TenantPolicy = { cardDetail: 'summary', pinTab: true };
const full: TenantPolicy = { cardDetail: 'full', pinTab: true };
const p = demoPeople;
const MEETING_CHAT_ID = '19:meeting_ki2026014@thread.v2';

/** The demo case with minutes written as the summary policy asks: "borgeren", never the name. */
const cleanPlan = (over: (plan: Plan) => Plan = (x) => x): Plan => {
  const plan = demoPlan();
  const scrub = (text: string) => text.replace(/\bJens\b/g, 'borgeren');
  return over({
    ...plan,
    meetings: plan.meetings.map((m) => ({
      ...m,
      minutes: {
        ...m.minutes,
        goals: m.minutes.goals.map((g) => ({ ...g, text: scrub(g.text) })),
        efforts: m.minutes.efforts.map((e) => ({ ...e, what: scrub(e.what) })),
      },
    })),
  });
};

const withoutMikkelInvited = (plan: Plan): Plan => ({
  ...plan,
  meetings: plan.meetings.map((m) => ({
    ...m,
    invitees: m.invitees.filter((i) => i.participantId !== p.mikkel.id),
  })),
});

/**
 * A renderer standing in for src/cards: the marker in the card, and no names (the demo's participant ids are made
 * from names, "p-jens", so even those would be stopped by the guard).
 */
const fakeRender: RenderMinutes = (r) => {
  const who = r.recipient ? 'reader' : 'meeting';
  if (r.channel === 'email') {
    return {
      kind: 'mail',
      mail: { subject: `Referat – ${r.plan.caseReference}`, html: `<p>Til ${who}</p><span>${r.deliveryMarker}</span>` },
    };
  }
  return {
    kind: 'chat',
    message: {
      html: '<p>Referat</p><attachment id="card"></attachment>',
      attachments: [
        {
          id: 'card',
          contentType: 'application/vnd.microsoft.card.adaptive',
          content: JSON.stringify({
            type: 'AdaptiveCard',
            body: [{ type: 'TextBlock', text: `${who} ${r.detail}` }],
            marker: r.deliveryMarker,
          }),
        },
      ],
      mentions: [],
    },
  };
};

const setup = (plan: Plan = cleanPlan(), policy: TenantPolicy = summary) => {
  const store = new InMemoryPlanStore([plan]);
  const transport = new FakeMinutesTransport().withChat(MEETING_CHAT_ID);
  let ids = 0;
  const deps: DeliveryDeps = {
    planStore: store,
    transport,
    clock: { now: () => new Date('2026-09-03T13:00:00.000Z') },
    render: fakeRender,
    policy,
    link: { appBaseUrl: 'http://localhost:5300', teamsAppId: 'app-1', host: 'standalone' },
    newDeliveryId: () => `tovholder-test-${++ids}`,
  };
  const send = (over: Partial<DeliveryDeps> = {}, options: Parameters<typeof deliverMinutes>[2] = {}) =>
    deliverMinutes({ ...deps, ...over }, demoIds.planId, { senderParticipantId: p.aisha.id, ...options });
  const delivery = (): Delivery | null => store.current(demoIds.planId).plan.meetings[0]?.delivery ?? null;
  return { store, transport, deps, send, delivery };
};

const chatParticipants = [p.mette, p.jonas, p.peter, p.sofie, p.lars, p.hanne, p.karen, p.anders, p.birgitte];
const mailParticipants = [p.ole, p.jens, p.lise];

const statusOf = (result: DeliveryResult, key: string) =>
  result.outcome === 'delivered' || result.outcome === 'partial'
    ? result.recipients.find((r) => r.key === key)?.status
    : undefined;

describe('delivering the minutes', () => {
  it('posts one card per consenting participant and none to the Kriminalforsorgen worker outside the consent', async () => {
    const { transport, send } = setup();
    const result = await send();
    expect(result.outcome).toBe('delivered');
    for (const person of chatParticipants) expect(transport.messagesFor(person.id)).toHaveLength(1);
    for (const person of mailParticipants) expect(transport.mailsTo(person.email ?? '')).toHaveLength(1);
    expect(transport.messagesFor(p.mikkel.id)).toHaveLength(0);
    expect(transport.mailsTo(p.mikkel.email ?? '')).toHaveLength(0);
    expect(statusOf(result, p.mikkel.id)).toBe('skipped');
  });

  it('gives the referent who sends no copy, and leaves the meeting chat alone while Mikkel is in the meeting', async () => {
    const { transport, send } = setup();
    const result = await send();
    expect(transport.messagesFor(p.aisha.id)).toHaveLength(0);
    expect(transport.messagesFor(MEETING_CHAT_ID)).toHaveLength(0);
    expect(result.outcome !== 'blocked' && result.outcome !== 'failed' && result.problems.map((x) => x.code)).toEqual(
      expect.arrayContaining(['delivery.sender', 'consent.recipientOutside', 'delivery.meetingChatOutsideConsent']),
    );
  });

  it('opens the chats in one batch, posts in one and mails in one', async () => {
    const { transport, send } = setup();
    await send();
    expect(transport.calls.map((c) => c.method)).toEqual(['ensureChats', 'postMessages', 'sendMails']);
  });

  it('keeps receipts with the plan: the delivery id, each status, and the minutes as sent', async () => {
    const { send, delivery } = setup();
    await send();
    const record = delivery();
    expect(record?.deliveryId).toBe('tovholder-test-1');
    expect(record?.recipients.find((r) => r.participantId === p.karen.id)).toMatchObject({
      channel: 'chat',
      status: 'sent',
      chatId: `chat-with-${p.karen.userId ?? ''}`,
    });
    expect(record?.recipients.find((r) => r.participantId === p.mikkel.id)?.status).toBe('skipped');
    expect(record?.sentMinutes?.goals[0]?.text).toBe('borgeren beholder sin lejlighed');
  });

  it('writes the record before sending, with everyone about to be sent marked as not yet confirmed', async () => {
    const { store, transport, deps, send } = setup();
    let seenBeforePosting: string[] = [];
    const peekingTransport = Object.assign(Object.create(transport) as FakeMinutesTransport, {
      postMessages: async (messages: Parameters<FakeMinutesTransport['postMessages']>[0]) => {
        const stored = store.current(demoIds.planId).plan.meetings[0]?.delivery?.recipients ?? [];
        seenBeforePosting = stored
          .filter((r) => r.channel === 'chat' && r.status === 'unknown')
          .map((r) => r.participantId);
        return transport.postMessages(messages);
      },
    });
    await send({ transport: peekingTransport, planStore: deps.planStore });
    expect(seenBeforePosting.sort()).toEqual(chatParticipants.map((x) => x.id).sort());
  });

  it('posts the summary in the meeting chat when everyone in the meeting is covered', async () => {
    const { transport, send } = setup(cleanPlan(withoutMikkelInvited), full);
    const result = await send();
    expect(transport.messagesFor(MEETING_CHAT_ID)).toHaveLength(1);
    expect(transport.messagesFor(MEETING_CHAT_ID)[0]?.attachments[0]).toContain('meeting summary');
    expect(statusOf(result, MEETING_CHAT_KEY)).toBe('sent');
  });
});

describe('trying again', () => {
  it('sends only to those that failed, after a partial failure', async () => {
    const { transport, send } = setup();
    transport.fail('postMessages', p.karen.id, 'throttled').fail('sendMails', p.ole.id, 'refused');
    const first = await send();
    expect(first.outcome).toBe('partial');
    expect(statusOf(first, p.karen.id)).toBe('failed');
    expect(first.outcome === 'partial' && first.recipients.find((r) => r.key === p.karen.id)?.retryAfterMs).toBe(2000);
    expect(
      first.outcome === 'partial' && first.recipients.find((r) => r.key === p.ole.id)?.problem?.message.da,
    ).toContain('Tryk »Prøv igen«');

    transport.calls.length = 0;
    const second = await send();
    expect(second.outcome).toBe('delivered');
    expect(transport.calls.find((c) => c.method === 'postMessages')?.keys).toEqual([p.karen.id]);
    expect(transport.calls.find((c) => c.method === 'sendMails')?.keys).toEqual([p.ole.id]);
    for (const person of chatParticipants) expect(transport.messagesFor(person.id)).toHaveLength(1);
    for (const person of mailParticipants) expect(transport.mailsTo(person.email ?? '')).toHaveLength(1);
  });

  it('does not send twice when an unknown outcome had in fact arrived', async () => {
    const { transport, send } = setup();
    transport.fail('postMessages', p.karen.id, 'lostAnswer');
    const first = await send();
    expect(statusOf(first, p.karen.id)).toBe('unknown');
    expect(transport.messagesFor(p.karen.id)).toHaveLength(1);

    transport.calls.length = 0;
    const second = await send();
    expect(statusOf(second, p.karen.id)).toBe('sent');
    expect(transport.calls.map((c) => c.method)).toEqual(['findMessageWithMarker']);
    expect(transport.messagesFor(p.karen.id)).toHaveLength(1);
  });

  it('sends once when an unknown outcome had not arrived', async () => {
    const { transport, send } = setup();
    transport.fail('postMessages', p.karen.id, 'droppedBeforeArrival');
    await send();
    expect(transport.messagesFor(p.karen.id)).toHaveLength(0);
    const second = await send();
    expect(statusOf(second, p.karen.id)).toBe('sent');
    expect(transport.messagesFor(p.karen.id)).toHaveLength(1);
  });

  it('sends nobody anything twice when the tab dies in the middle of sending', async () => {
    const { transport, send } = setup();
    const dying = Object.assign(Object.create(transport) as FakeMinutesTransport, {
      postMessages: async (messages: Parameters<FakeMinutesTransport['postMessages']>[0]) => {
        await transport.postMessages(messages.slice(0, 4));
        throw new Error('the tab was closed');
      },
    });
    await expect(send({ transport: dying })).rejects.toThrow('the tab was closed');
    const second = await send();
    for (const person of chatParticipants) expect(transport.messagesFor(person.id)).toHaveLength(1);
    // The e-mails left side by side with the posts; their fate was never written, so they are not sent again
    // unasked, and the referent is told to check.
    for (const person of mailParticipants) {
      expect(transport.mailsTo(person.email ?? '')).toHaveLength(1);
      expect(statusOf(second, person.id)).toBe('unknown');
    }
  });

  it('does not silently send an e-mail again when its fate is unknown, but does when asked', async () => {
    const { transport, send } = setup();
    transport.fail('sendMails', p.ole.id, 'lostAnswer');
    await send();
    const second = await send();
    expect(statusOf(second, p.ole.id)).toBe('unknown');
    expect(second.outcome === 'partial' && second.recipients.find((r) => r.key === p.ole.id)?.problem?.code).toBe(
      'delivery.unknownMail',
    );
    expect(transport.mailsTo(p.ole.email ?? '')).toHaveLength(1);
    const third = await send({}, { resendUnknownMail: true });
    expect(statusOf(third, p.ole.id)).toBe('sent');
    expect(transport.mailsTo(p.ole.email ?? '')).toHaveLength(2);
  });

  it('retries the minutes exactly as first sent, even if they were edited since', async () => {
    const { store, transport, send } = setup();
    transport.fail('postMessages', p.karen.id, 'refused');
    await send();
    const stored = store.current(demoIds.planId);
    const edited = {
      ...stored.plan,
      meetings: stored.plan.meetings.map((m) => ({
        ...m,
        minutes: { ...m.minutes, goals: [{ id: 'g-new', text: 'Et nyt mål' }] },
      })),
    };
    store.saveAsSomeoneElse(edited);
    let renderedGoals: string[] = [];
    await send({
      render: (r) => {
        renderedGoals = r.meeting.minutes.goals.map((g) => g.text);
        return fakeRender(r);
      },
    });
    expect(renderedGoals[0]).toBe('borgeren beholder sin lejlighed');
  });
});

describe('what stops the minutes', () => {
  it('sends nothing when the consent has been withdrawn, and writes nothing', async () => {
    const plan = cleanPlan();
    const { store, transport, send } = setup({
      ...plan,
      consent: plan.consent && { ...plan.consent, withdrawnOn: '2026-09-03' },
    });
    const result = await send();
    expect(result).toMatchObject({ outcome: 'blocked', problems: [{ code: 'consent.withdrawn' }] });
    expect(transport.calls).toEqual([]);
    expect(store.saveCalls).toEqual([]);
  });

  it('stops before anything is sent when a goal names the citizen under the summary policy, pointing at the goal', async () => {
    const { transport, store, send } = setup(demoPlan());
    const result = await send();
    expect(result.outcome).toBe('blocked');
    expect(result.outcome === 'blocked' && result.problems[0]).toMatchObject({
      field: `goals.${demoIds.goals.bolig}.text`,
      message: { da: 'Målets tekst indeholder borgerens navn — skriv »borgeren« i stedet for navnet.' },
    });
    expect(transport.calls).toEqual([]);
    expect(store.saveCalls).toEqual([]);
  });

  it('lets the named goals go to each participant under the full policy, but keeps them out of the meeting chat', async () => {
    const { transport, send } = setup(withoutMikkelInvited(demoPlan()), full);
    const result = await send();
    expect(transport.messagesFor(p.karen.id)).toHaveLength(1);
    expect(transport.messagesFor(MEETING_CHAT_ID)).toHaveLength(0);
    expect(statusOf(result, MEETING_CHAT_KEY)).toBe('skipped');
  });

  it('lets the privacy guard stop a rendered message that names the citizen, and sends the rest', async () => {
    const { transport, send } = setup();
    const leaky: RenderMinutes = (r) =>
      r.recipient?.id === p.karen.id
        ? { kind: 'chat', message: { html: '<p>Til Jens Holm</p>', attachments: [], mentions: [] } }
        : fakeRender(r);
    const result = await send({ render: leaky });
    expect(statusOf(result, p.karen.id)).toBe('failed');
    expect(result.outcome === 'partial' && result.recipients.find((r) => r.key === p.karen.id)?.problem?.code).toBe(
      'privacy.citizenName',
    );
    expect(transport.messagesFor(p.karen.id)).toHaveLength(0);
    expect(transport.messagesFor(p.mette.id)).toHaveLength(1);
  });

  it('says so and sends nothing when the plan cannot be read', async () => {
    const { transport, deps } = setup();
    const result = await deliverMinutes(deps, 'plan-does-not-exist');
    expect(result.outcome).toBe('failed');
    expect(result.outcome === 'failed' && result.problems[0]?.message.da).toContain('intet er sendt');
    expect(transport.calls).toEqual([]);
  });
});

describe('saving the receipts while others save the plan', () => {
  /** A store where someone else saves a change just before our save number `n`. */
  const interleaved = (store: InMemoryPlanStore, beforeSave: number, change: (plan: Plan) => Plan): PlanStore => {
    let saves = 0;
    return {
      list: () => store.list(),
      load: (id) => store.load(id),
      save: async (plan, eTag) => {
        saves += 1;
        if (saves === beforeSave) store.saveAsSomeoneElse(change(store.current(plan.id).plan));
        return store.save(plan, eTag);
      },
    };
  };
  const addNote = (plan: Plan): Plan => ({
    ...plan,
    meetings: plan.meetings.map((m) => ({
      ...m,
      minutes: { ...m.minutes, followUp: [{ effortId: 'e-x', what: 'Note', ownerId: null, status: null, note: 'x' }] },
    })),
  });

  it("merges the outcomes into someone else's newer version without losing their change", async () => {
    const { store, transport, send } = setup();
    const result = await send({ planStore: interleaved(store, 2, addNote) });
    expect(result.outcome === 'delivered' && result.saved).toBe(true);
    const stored = store.current(demoIds.planId).plan.meetings[0];
    expect(stored?.minutes.followUp).toHaveLength(1);
    expect(stored?.delivery?.recipients.find((r) => r.participantId === p.karen.id)?.status).toBe('sent');
    expect(transport.messagesFor(p.karen.id)).toHaveLength(1);
  });

  it('starts over when someone saves before the record is written, and still sends once', async () => {
    const { store, transport, send } = setup();
    const result = await send({ planStore: interleaved(store, 1, addNote) });
    expect(result.outcome).toBe('delivered');
    for (const person of chatParticipants) expect(transport.messagesFor(person.id)).toHaveLength(1);
    expect(transport.calls.filter((c) => c.method === 'postMessages')).toHaveLength(1);
  });
});
