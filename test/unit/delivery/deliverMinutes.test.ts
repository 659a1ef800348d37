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
import { readMailProtection } from '../../../src/domain/policy/mailProtection';
import type { PlanStore } from '../../../src/domain/ports/planStore';
import { demoIds, demoPeople, demoPlan } from '../../support/builders';
import { cardsRenderer } from '../../support/cardsRenderer';
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

  it('takes three rounds: chats and e-mail drafts, then posts and sends, then the check for extra copies', async () => {
    const { transport, send } = setup();
    await send();
    expect(transport.calls.map((c) => c.method)).toEqual(['prepare', 'send', 'look']);
    // The check reads back every chat posted to, and finds every e-mail by its mark.
    expect(transport.calls[2]?.keys.sort()).toEqual([...chatParticipants, ...mailParticipants].map((x) => x.id).sort());
    expect(transport.unsentDrafts()).toEqual([]);
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
      send: async (...args: Parameters<FakeMinutesTransport['send']>) => {
        const stored = store.current(demoIds.planId).plan.meetings[0]?.delivery?.recipients ?? [];
        seenBeforePosting = stored.filter((r) => r.status === 'unknown').map((r) => r.participantId);
        return transport.send(...args);
      },
    });
    await send({ transport: peekingTransport, planStore: deps.planStore });
    expect(seenBeforePosting.sort()).toEqual([...chatParticipants, ...mailParticipants].map((x) => x.id).sort());
  });

  it('writes the record beside the first round and beside the check, so neither adds a wait of its own', async () => {
    const { store, transport, send } = setup();
    const writesWhen: Record<string, number> = {};
    const watching = Object.assign(Object.create(transport) as FakeMinutesTransport, {
      prepare: (...args: Parameters<FakeMinutesTransport['prepare']>) => {
        writesWhen.prepare = store.saveCalls.length;
        return transport.prepare(...args);
      },
      look: (...args: Parameters<FakeMinutesTransport['look']>) => {
        writesWhen.look = store.saveCalls.length;
        return transport.look(...args);
      },
    });
    await send({ transport: watching });
    // The first round starts before the write-ahead record has been written; the check before the final write.
    expect(writesWhen).toEqual({ prepare: 0, look: 1 });
    expect(store.saveCalls.map((c) => c.outcome)).toEqual(['saved', 'saved']);
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
    transport.fail('send', p.karen.id, 'throttled').fail('send', p.ole.id, 'refused');
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
    // Karen's chat is open and Ole's draft is made: only the sending round, and the check.
    expect(transport.calls.map((c) => c.method)).toEqual(['send', 'look']);
    expect(transport.calls[0]?.keys).toEqual([p.karen.id, p.ole.id]);
    for (const person of chatParticipants) expect(transport.messagesFor(person.id)).toHaveLength(1);
    for (const person of mailParticipants) expect(transport.mailsTo(person.email ?? '')).toHaveLength(1);
  });

  it('finds a post whose answer was lost right after sending, and says it arrived', async () => {
    const { transport, send } = setup();
    transport.fail('send', p.karen.id, 'lostAnswer');
    const result = await send();
    expect(result.outcome).toBe('delivered');
    expect(statusOf(result, p.karen.id)).toBe('sent');
    expect(transport.messagesFor(p.karen.id)).toHaveLength(1);
  });

  it('does not send twice when an unknown outcome had in fact arrived and could not be checked at once', async () => {
    const { transport, send } = setup();
    transport.fail('send', p.karen.id, 'lostAnswer').fail('look', p.karen.id, 'lostAnswer');
    const first = await send();
    expect(statusOf(first, p.karen.id)).toBe('unknown');
    expect(transport.messagesFor(p.karen.id)).toHaveLength(1);

    transport.calls.length = 0;
    const second = await send();
    expect(statusOf(second, p.karen.id)).toBe('sent');
    expect(transport.calls.map((c) => c.method)).toEqual(['look']);
    expect(transport.messagesFor(p.karen.id)).toHaveLength(1);
  });

  it('marks a post that never arrived as failed once the chat shows it is not there, and sends it once on retry', async () => {
    const { transport, send } = setup();
    transport.fail('send', p.karen.id, 'droppedBeforeArrival');
    const first = await send();
    expect(statusOf(first, p.karen.id)).toBe('failed');
    expect(transport.messagesFor(p.karen.id)).toHaveLength(0);
    const second = await send();
    expect(statusOf(second, p.karen.id)).toBe('sent');
    expect(transport.messagesFor(p.karen.id)).toHaveLength(1);
  });

  it('takes back the second card when the browser resent the posts behind the app, keeping the first as receipt', async () => {
    const { transport, send, delivery } = setup();
    for (const person of chatParticipants) transport.fail('send', person.id, 'resent');
    transport.fail('send', p.ole.id, 'resent');
    const result = await send();
    expect(result.outcome).toBe('delivered');
    for (const person of chatParticipants) {
      expect(transport.everPostedFor(person.id)).toHaveLength(2);
      expect(transport.messagesFor(person.id)).toHaveLength(1);
      const [kept] = transport.messagesFor(person.id);
      expect(delivery()?.recipients.find((r) => r.participantId === person.id)?.messageId).toBe(kept?.id);
    }
    // Sending a draft twice sends it once; the second answer ("not a draft") is settled by looking.
    for (const person of mailParticipants) expect(transport.mailsTo(person.email ?? '')).toHaveLength(1);
    expect(statusOf(result, p.ole.id)).toBe('sent');
  });

  it("leaves no stray draft in the referent's mailbox when the browser resent the batch that made the drafts", async () => {
    const { transport, send } = setup();
    transport.fail('prepare', p.ole.id, 'resent');
    const result = await send();
    expect(statusOf(result, p.ole.id)).toBe('sent');
    expect(transport.mailsTo(p.ole.email ?? '')).toHaveLength(1);
    expect(transport.unsentDrafts()).toEqual([]);
  });

  it('sends nobody anything twice when the tab dies in the middle of sending', async () => {
    const { transport, send } = setup();
    const dying = Object.assign(Object.create(transport) as FakeMinutesTransport, {
      send: async (request: Parameters<FakeMinutesTransport['send']>[0]) => {
        await transport.send({ messages: request.messages.slice(0, 4), drafts: request.drafts.slice(0, 1) });
        throw new Error('the tab was closed');
      },
    });
    await expect(send({ transport: dying })).rejects.toThrow('the tab was closed');
    const second = await send();
    expect(second.outcome).toBe('delivered');
    for (const person of chatParticipants) expect(transport.messagesFor(person.id)).toHaveLength(1);
    // The record was written while the drafts were made, so it has no draft ids: they are found by their mark, the
    // one sent stays sent, and the others' drafts are sent now — once each, and no draft left over.
    for (const person of mailParticipants) expect(transport.mailsTo(person.email ?? '')).toHaveLength(1);
    expect(transport.unsentDrafts()).toEqual([]);
  });

  it('finds an e-mail whose answer was lost in the mailbox, and never sends it twice', async () => {
    const { transport, send } = setup();
    transport.fail('send', p.ole.id, 'lostAnswer').fail('look', p.ole.id, 'lostAnswer');
    const first = await send();
    expect(statusOf(first, p.ole.id)).toBe('unknown');
    expect(first.outcome === 'partial' && first.recipients.find((r) => r.key === p.ole.id)?.problem?.code).toBe(
      'delivery.unknownMail',
    );
    const second = await send({}, { only: [p.ole.id] });
    expect(statusOf(second, p.ole.id)).toBe('sent');
    expect(transport.mailsTo(p.ole.email ?? '')).toHaveLength(1);
  });

  it('retries the minutes exactly as first sent, even if they were edited since', async () => {
    const { store, transport, send } = setup();
    transport.fail('send', p.karen.id, 'refused');
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
      reserve: (caseReference) => store.reserve(caseReference),
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
    expect(transport.calls.filter((c) => c.method === 'send')).toHaveLength(1);
    // The drafts of the attempt that started over are taken away again.
    expect(transport.unsentDrafts()).toEqual([]);
    for (const person of mailParticipants) expect(transport.mailsTo(person.email ?? '')).toHaveLength(1);
  });
});

describe('the plan in hand and live progress', () => {
  it('starts from the plan and eTag the caller holds, without reading the plan again', async () => {
    const { store, transport, send } = setup();
    const known = store.current(demoIds.planId);
    const result = await send({}, { known });
    expect(result.outcome).toBe('delivered');
    expect(store.loadCalls).toBe(0);
    for (const person of chatParticipants) expect(transport.messagesFor(person.id)).toHaveLength(1);
  });

  it('reloads and sends once when the plan in hand is stale', async () => {
    const { store, transport, send } = setup();
    const known = store.current(demoIds.planId);
    store.saveAsSomeoneElse({ ...known.plan, updatedAt: '2026-09-03T12:59:00.000Z' });
    const result = await send({}, { known });
    expect(result.outcome).toBe('delivered');
    expect(store.loadCalls).toBe(1);
    expect(transport.calls.filter((c) => c.method === 'send')).toHaveLength(1);
    for (const person of mailParticipants) expect(transport.mailsTo(person.email ?? '')).toHaveLength(1);
    expect(transport.unsentDrafts()).toEqual([]);
  });

  it('tells the progress of every recipient: first all "sending", then each as its answer comes', async () => {
    const { transport, send } = setup();
    transport.fail('send', p.karen.id, 'refused');
    const seen: { status: string; key: string }[][] = [];
    const result = await send(
      {},
      { onProgress: (recipients) => seen.push(recipients.map(({ key, status }) => ({ key, status }))) },
    );
    const going = [...chatParticipants, ...mailParticipants].map((x) => x.id);
    const first = seen[0] ?? [];
    expect(first.filter((r) => going.includes(r.key)).every((r) => r.status === 'unknown')).toBe(true);
    expect(first.find((r) => r.key === p.mikkel.id)?.status).toBe('skipped');
    // One report per answer after the first: the lines change one by one, not all at the end.
    expect(seen.length).toBeGreaterThanOrEqual(1 + going.length);
    const settledIn = (report: { status: string; key: string }[]) =>
      report.filter((r) => r.status !== 'unknown' && going.includes(r.key)).length;
    expect(seen.map(settledIn)).toContain(1);
    expect(result.outcome === 'partial' && seen.at(-1)).toEqual(
      result.outcome === 'partial' && result.recipients.map(({ key, status }) => ({ key, status })),
    );
  });
});

describe('what people outside Teams get by e-mail', () => {
  const purview: TenantPolicy = { ...summary, mailProtection: readMailProtection({ mode: 'purview' }) };

  it('gives everyone outside Teams only the notice when the tenant protects no mail (the default), and records it', async () => {
    const { transport, send, delivery } = setup();
    const result = await send({ render: cardsRenderer });
    expect(result.outcome).toBe('delivered');
    for (const person of mailParticipants) {
      const [mail, ...more] = transport.mailsTo(person.email ?? '');
      expect(more).toEqual([]);
      expect(mail?.mark).toBe('notice');
      expect(mail?.subject).toBe('Nyt referat i sag KI-2026-014');
      expect(mail?.html).not.toContain('beholder sin lejlighed');
      expect(delivery()?.recipients.find((r) => r.participantId === person.id)?.mark).toBe('notice');
    }
  });

  it("sends the GP the minutes marked for the tenant's Purview rule, and the citizen and relative still only the notice", async () => {
    const { transport, send } = setup(cleanPlan(), purview);
    await send({ render: cardsRenderer });
    const [gp] = transport.mailsTo(p.ole.email ?? '');
    expect(gp?.mark).toBe('purview');
    expect(gp?.html).toContain('beholder sin lejlighed');
    expect(gp?.html).toContain('Denne e-mail sendes krypteret');
    for (const person of [p.jens, p.lise]) expect(transport.mailsTo(person.email ?? '')[0]?.mark).toBe('notice');
  });

  it('makes a new draft under the rule that holds now when the tenant changed it before "Prøv igen"', async () => {
    const { transport, send, delivery } = setup();
    transport.fail('send', p.ole.id, 'refused');
    await send({ render: cardsRenderer });
    expect(delivery()?.recipients.find((r) => r.participantId === p.ole.id)).toMatchObject({
      status: 'failed',
      mark: 'notice',
    });

    await send({ render: cardsRenderer, policy: purview });
    expect(transport.mailsTo(p.ole.email ?? '').map((m) => m.mark)).toEqual(['purview']);
    expect(transport.unsentDrafts()).toEqual([]);
  });

  it('never sends twice when an e-mail of unknown fate was made under the earlier rule: it looks, and finds it sent', async () => {
    const { transport, send } = setup();
    transport.fail('send', p.ole.id, 'lostAnswer').fail('look', p.ole.id, 'lostAnswer');
    const first = await send({ render: cardsRenderer });
    expect(statusOf(first, p.ole.id)).toBe('unknown');

    const second = await send({ render: cardsRenderer, policy: purview }, { only: [p.ole.id] });
    expect(statusOf(second, p.ole.id)).toBe('sent');
    expect(transport.mailsTo(p.ole.email ?? '').map((m) => m.mark)).toEqual(['notice']);
  });
});
