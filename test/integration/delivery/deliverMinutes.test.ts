import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { GraphMinutesTransport } from '../../../src/adapters/graph/graphMinutesTransport';
import { deliverMinutes, type DeliveryDeps } from '../../../src/domain/delivery/deliverMinutes';
import type { Plan } from '../../../src/domain/plan/planDocument';
import { readMailProtection } from '../../../src/domain/policy/mailProtection';
import { cardsRenderer } from '../../support/cardsRenderer';
import { startSandbox, type RunningSandbox } from '../../support/sandboxProcess';
import type { GraphCall, GraphClient } from '../../../src/adapters/graph/graphClient';
import { SEEDED_PLAN_ID } from '../../../sandbox/seedPlan';
import { clearFaults, graphAs, injectFault, inspect, plansAs, resetStats, stats, upn } from '../graph/graphSandbox';

/**
 * The whole delivery against a real sandbox process: the domain pipeline, the real card builders, the Graph plan
 * store and minutes transport, signed in as the referent Aisha Khan. Counted through the sandbox's own inspection
 * API, i.e. what each person would see in Teams and in their mailbox.
 */

let sandbox: RunningSandbox;
const SEEDED = SEEDED_PLAN_ID;
let plans = 0;

/** Consenting people reached by chat (Aisha is the sender), by e-mail, and the one outside the consent. */
const byChat = [upn.mette, upn.jonas, upn.peter, upn.lars, upn.karen, upn.anders];
const byMail = [upn.ole, upn.jens, upn.lise];

interface InspectedMessage {
  body: { content: string };
  attachments: { content: string | null }[];
  mentions?: { mentionText: string }[];
}

const messagesWith = async (user: string, marker: string): Promise<InspectedMessage[]> => {
  const { chats } = await inspect<{ chats: { chatType: string; messages: InspectedMessage[] }[] }>(
    sandbox,
    `/_sandbox/chats?user=${encodeURIComponent(user)}`,
  );
  return chats.flatMap((chat) => chat.messages).filter((m) => JSON.stringify(m).includes(marker));
};

const mailsWith = async (address: string, marker: string): Promise<unknown[]> => {
  const { messages } = await inspect<{ messages: unknown[] }>(
    sandbox,
    `/_sandbox/mailbox?user=${encodeURIComponent(address)}`,
  );
  return messages.filter((m) => JSON.stringify(m).includes(marker));
};

/** A copy of the seeded case with a fresh meeting delivery, in a place of its own (Aisha's); returns its id. */
const freshPlan = async (): Promise<string> => {
  const store = plansAs(sandbox, upn.aisha).planStore;
  const seeded = await store.load(SEEDED);
  if (!seeded.ok) throw new Error(`seeded plan: ${seeded.message}`);
  plans += 1;
  const reserved = await store.reserve(`KI-2026-7${String(plans).padStart(2, '0')}`);
  if (!reserved.ok) throw new Error(`no place for the test plan: ${reserved.message}`);
  const plan: Plan = {
    ...seeded.value.plan,
    id: reserved.value,
    meetings: seeded.value.plan.meetings.map((m) => ({ ...m, delivery: null })),
  };
  const saved = await store.save(plan, null);
  if (!saved.ok) throw new Error(`could not store the test plan: ${JSON.stringify(saved)}`);
  return plan.id;
};

const depsAsAisha = (
  deliveryId: string,
  network: (graph: GraphClient) => GraphClient = (g) => g,
  onPlanSend?: () => void,
): DeliveryDeps => {
  const graph = network(graphAs(sandbox, upn.aisha));
  return {
    planStore: plansAs(sandbox, upn.aisha, onPlanSend ? { onSend: onPlanSend } : {}).planStore,
    transport: new GraphMinutesTransport(graph),
    clock: { now: () => new Date('2026-10-01T10:00:00.000Z') },
    render: cardsRenderer,
    policy: { cardDetail: 'summary', pinTab: true },
    link: { appBaseUrl: 'https://tovholder.example', teamsAppId: 'app-tovholder', host: 'teams' },
    newDeliveryId: () => deliveryId,
  };
};

const faultsLeft = async (): Promise<unknown[]> =>
  (await inspect<{ faults: unknown[] }>(sandbox, '/_sandbox/faults')).faults;

/**
 * What Chromium does when a keep-alive connection drops with no answer: it sends the same POST /$batch again by
 * itself, and the page only ever sees the second answer. Here every $batch that posts chat messages or sends
 * drafts goes twice through the real client, and the app gets the second answer.
 */
const resendingBatches = (graph: GraphClient): GraphClient =>
  new Proxy(graph, {
    get(target, property, receiver) {
      if (property !== 'send') return Reflect.get(target, property, receiver) as unknown;
      return async (call: GraphCall) => {
        const sends =
          call.path === '/$batch' && /"method":"POST","url":"[^"]*\/(messages|send)"/.test(JSON.stringify(call.body));
        if (sends) await target.send(call);
        return target.send(call);
      };
    },
  });

beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(async () => {
  await sandbox?.stop();
});
beforeEach(async () => {
  await clearFaults(sandbox);
});

describe('delivering the minutes through Graph (sandbox)', () => {
  it('gives every participant covered by the consent exactly one message, and Mikkel outside it none', async () => {
    const planId = await freshPlan();
    const marker = 'tovholder-int-plain';
    const result = await deliverMinutes(depsAsAisha(marker), planId, { senderParticipantId: 'p-aisha' });

    expect(result.outcome).toBe('delivered');
    for (const user of byChat) expect(await messagesWith(user, marker), user).toHaveLength(1);
    for (const address of byMail) expect(await mailsWith(address, marker), address).toHaveLength(1);
    expect(await messagesWith(upn.mikkel, marker)).toHaveLength(0);
    expect(await mailsWith(upn.mikkel, marker)).toHaveLength(0);
  });

  it("marks each e-mail for the tenant's mail flow: the GP's for the Purview rule, the citizen's and relative's as notices", async () => {
    const planId = await freshPlan();
    const marker = 'tovholder-int-purview';
    const deps = depsAsAisha(marker);
    const result = await deliverMinutes(
      { ...deps, policy: { ...deps.policy, mailProtection: readMailProtection({ mode: 'purview' }) } },
      planId,
      { senderParticipantId: 'p-aisha' },
    );
    expect(result.outcome).toBe('delivered');
    const headerOf = async (address: string) => {
      const [mail] = (await mailsWith(address, marker)) as { internetMessageHeaders?: unknown; subject: string }[];
      return [mail?.subject.startsWith('Referat:'), mail?.internetMessageHeaders];
    };
    expect(await headerOf(upn.ole)).toEqual([true, [{ name: 'X-Tovholder-Protection', value: 'purview' }]]);
    for (const address of [upn.jens, upn.lise])
      expect(await headerOf(address)).toEqual([false, [{ name: 'X-Tovholder-Protection', value: 'notice' }]]);
  });

  it('mentions the next tovholder in the message body, so Teams notifies him', async () => {
    const planId = await freshPlan();
    const marker = 'tovholder-int-mentions';
    await deliverMinutes(depsAsAisha(marker), planId, { senderParticipantId: 'p-aisha' });
    const [peters] = await messagesWith(upn.peter, marker);
    expect(peters?.body.content).toMatch(/<at id="\d+">Peter Nielsen<\/at>/);
    expect(peters?.mentions?.map((m) => m.mentionText)).toContain('Peter Nielsen');
  });

  it('keeps the receipts in the plan document in the drive', async () => {
    const planId = await freshPlan();
    const marker = 'tovholder-int-receipts';
    await deliverMinutes(depsAsAisha(marker), planId, { senderParticipantId: 'p-aisha' });
    const stored = await plansAs(sandbox, upn.aisha).planStore.load(planId);
    const delivery = stored.ok ? stored.value.plan.meetings[0]?.delivery : null;
    expect(delivery?.deliveryId).toBe(marker);
    expect(delivery?.recipients.find((r) => r.participantId === 'p-karen')?.status).toBe('sent');
    expect(delivery?.recipients.find((r) => r.participantId === 'p-mikkel')?.status).toBe('skipped');
  });

  it('after a 429 storm and a dropped connection mid-batch, still exactly one each', async () => {
    const planId = await freshPlan();
    const marker = 'tovholder-int-faults';
    const deps = depsAsAisha(marker);
    const send = () => deliverMinutes(deps, planId, { senderParticipantId: 'p-aisha' });

    // Every chat post is throttled for longer than the adapter keeps trying: the chats fail, the e-mails go.
    await injectFault(sandbox, {
      route: '^POST /v1\\.0/chats/[^/]+/messages',
      kind: '429',
      count: 200,
      retryAfterSeconds: 0,
    });
    const storm = await send();
    expect(storm.outcome).toBe('partial');
    await clearFaults(sandbox);
    for (const user of byChat) expect(await messagesWith(user, marker), user).toHaveLength(0);

    // "Prøv igen": the posts arrive, but the answer to the batch is lost on the way back. The check after
    // sending reads each chat back, finds the delivery id, and says they arrived; nothing is posted twice.
    await injectFault(sandbox, { route: '^POST /v1\\.0/\\$batch', kind: 'dropAfter', count: 1 });
    const dropped = await send();
    expect(await faultsLeft()).toEqual([]);
    expect(dropped.outcome).toBe('delivered');
    for (const user of byChat) expect(await messagesWith(user, marker), user).toHaveLength(1);
    for (const address of byMail) expect(await mailsWith(address, marker), address).toHaveLength(1);
  });

  it('when the browser resends the batch of posts behind the app, takes back the extra card: still exactly one each', async () => {
    const planId = await freshPlan();
    const marker = 'tovholder-int-resent';
    const result = await deliverMinutes(depsAsAisha(marker, resendingBatches), planId, {
      senderParticipantId: 'p-aisha',
    });
    expect(result.outcome).toBe('delivered');
    for (const user of byChat) expect(await messagesWith(user, marker), user).toHaveLength(1);
    // Each draft was sent once: the resent send found no draft, and the look said it was sent.
    for (const address of byMail) expect(await mailsWith(address, marker), address).toHaveLength(1);
    // The resent batch that made the drafts made each twice: the spare ones are gone from Aisha's Drafts.
    const drafts = await graphAs(sandbox, upn.aisha).send({
      method: 'GET',
      path: '/me/mailFolders/drafts/messages?$top=50',
    });
    if (!drafts.ok) throw new Error(`could not list the drafts: ${drafts.message}`);
    expect(JSON.stringify(drafts.value)).toContain('"value":');
    expect(JSON.stringify(drafts.value)).not.toContain(marker);
    const stored = await plansAs(sandbox, upn.aisha).planStore.load(planId);
    const recipients = stored.ok ? (stored.value.plan.meetings[0]?.delivery?.recipients ?? []) : [];
    expect(recipients.filter((r) => r.status !== 'skipped').every((r) => r.status === 'sent')).toBe(true);
  });

  it('settles e-mails whose answer was lost by looking in the mailbox, and sends none twice', async () => {
    const planId = await freshPlan();
    const marker = 'tovholder-int-lost-mail';
    // The sends run, then the connection drops: the posts come back unknown, the sends go again and find no draft.
    await injectFault(sandbox, { route: '^POST /v1\\.0/me/messages/[^/]+/send$', kind: 'dropAfter', count: 1 });
    await resetStats(sandbox);
    const result = await deliverMinutes(depsAsAisha(marker), planId, { senderParticipantId: 'p-aisha' });
    expect(await faultsLeft()).toEqual([]);
    expect(result.outcome).toBe('delivered');
    expect((await stats(sandbox)).batchItemsByRoute['GET /me/messages']).toBeGreaterThanOrEqual(byMail.length);
    for (const address of byMail) expect(await mailsWith(address, marker), address).toHaveLength(1);
    for (const user of byChat) expect(await messagesWith(user, marker), user).toHaveLength(1);
  });

  it('through a 429 storm on every kind of request, still exactly one each', async () => {
    const planId = await freshPlan();
    const marker = 'tovholder-int-storm';
    for (const fault of [
      { route: '^POST /v1\\.0/\\$batch', kind: '429' as const, count: 2, retryAfterSeconds: 1 },
      { route: '^POST /v1\\.0/chats$', kind: '429' as const, count: 3, retryAfterSeconds: 1 },
      { route: '^POST /v1\\.0/me/messages$', kind: '429' as const, count: 2, retryAfterSeconds: 1 },
      { route: '^POST /v1\\.0/chats/[^/]+/messages$', kind: '429' as const, count: 4, retryAfterSeconds: 1 },
      { route: '^POST /v1\\.0/me/messages/[^/]+/send$', kind: '503' as const, count: 2, retryAfterSeconds: 1 },
      { route: '^GET /v1\\.0/chats/[^/]+/messages', kind: '429' as const, count: 2, retryAfterSeconds: 1 },
    ])
      await injectFault(sandbox, fault);
    const result = await deliverMinutes(depsAsAisha(marker), planId, { senderParticipantId: 'p-aisha' });
    expect(await faultsLeft()).toEqual([]);
    expect(result.outcome).toBe('delivered');
    for (const user of byChat) expect(await messagesWith(user, marker), user).toHaveLength(1);
    for (const address of byMail) expect(await mailsWith(address, marker), address).toHaveLength(1);
  });

  it('sends in three round trips, and with the plan in hand touches the plan document only to write the record', async () => {
    const planId = await freshPlan();
    const marker = 'tovholder-int-rounds';
    // The plan store's own requests, counted by its client (its writes are $batch requests too).
    let planDocument = 0;
    const deps = depsAsAisha(marker, undefined, () => {
      planDocument += 1;
    });
    const known = await deps.planStore.load(planId);
    if (!known.ok) throw new Error('could not read the test plan');
    await resetStats(sandbox);
    planDocument = 0;
    const result = await deliverMinutes(deps, planId, { senderParticipantId: 'p-aisha', known: known.value });
    expect(result.outcome).toBe('delivered');
    const counted = await stats(sandbox);
    // /me is read once by the transport when the composition root does not pass the user's id.
    const work = counted.requests - planDocument - (counted.byRoute['GET /me'] ?? 0);
    const batches = (counted.byRoute['POST /$batch'] ?? 0) - planDocument;
    expect({ work, planDocument, batches }).toEqual({
      work: 3,
      planDocument: 2,
      batches: 3,
    });
  });

  it('reports each recipient as their answer arrives: the others show sent while a throttled post still waits', async () => {
    const planId = await freshPlan();
    const marker = 'tovholder-int-progress';
    // One chat post is throttled once (the adapter waits a second and sends only that one again).
    const seen: { key: string; status: string }[][] = [];
    await injectFault(sandbox, {
      route: '^POST /v1\\.0/chats/[^/]+/messages$',
      kind: '429',
      count: 1,
      retryAfterSeconds: 1,
    });
    const result = await deliverMinutes(depsAsAisha(marker), planId, {
      senderParticipantId: 'p-aisha',
      onProgress: (recipients) => seen.push(recipients.map(({ key, status }) => ({ key, status }))),
    });
    expect(result.outcome).toBe('delivered');
    const sending = (report: { status: string }[]) => report.filter((r) => r.status === 'unknown').length;
    // First everyone about to be sent shows "sender…", then all but the throttled one are sent, then all.
    expect(sending(seen[0] ?? [])).toBe(byChat.length + byMail.length);
    expect(seen.some((report) => sending(report) === 1)).toBe(true);
    expect(sending(seen.at(-1) ?? [])).toBe(0);
  });
});
