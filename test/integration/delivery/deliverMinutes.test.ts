import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { GraphMinutesTransport } from '../../../src/adapters/graph/graphMinutesTransport';
import { GraphPlanStore } from '../../../src/adapters/graph/graphPlanStore';
import { deliverMinutes, type DeliveryDeps } from '../../../src/domain/delivery/deliverMinutes';
import type { Plan } from '../../../src/domain/plan/planDocument';
import { cardsRenderer } from '../../support/cardsRenderer';
import { startSandbox, type RunningSandbox } from '../../support/sandboxProcess';
import { clearFaults, graphAs, injectFault, inspect, upn } from '../graph/graphSandbox';

/**
 * The whole delivery against a real sandbox process: the domain pipeline, the real card builders, the Graph plan
 * store and minutes transport, signed in as the referent Aisha Khan. Counted through the sandbox's own inspection
 * API, i.e. what each person would see in Teams and in their mailbox.
 */

let sandbox: RunningSandbox;
const SEEDED = 'plan-ki-2026-014';
const location = { driveId: 'drive-tovholder', folder: 'Tovholder/plans' };
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

/** A copy of the seeded case with a fresh meeting delivery, stored under a new id; returns its id. */
const freshPlan = async (): Promise<string> => {
  const store = new GraphPlanStore(graphAs(sandbox, upn.aisha), location);
  const seeded = await store.load(SEEDED);
  if (!seeded.ok) throw new Error(`seeded plan: ${seeded.message}`);
  plans += 1;
  const plan: Plan = {
    ...seeded.value.plan,
    id: `plan-delivery-test-${plans}`,
    meetings: seeded.value.plan.meetings.map((m) => ({ ...m, delivery: null })),
  };
  const saved = await store.save(plan, null);
  if (!saved.ok) throw new Error(`could not store the test plan: ${JSON.stringify(saved)}`);
  return plan.id;
};

const depsAsAisha = (deliveryId: string): DeliveryDeps => {
  const graph = graphAs(sandbox, upn.aisha);
  return {
    planStore: new GraphPlanStore(graph, location),
    transport: new GraphMinutesTransport(graph),
    clock: { now: () => new Date('2026-10-01T10:00:00.000Z') },
    render: cardsRenderer,
    policy: { cardDetail: 'summary', pinTab: true },
    link: { appBaseUrl: 'https://tovholder.example', teamsAppId: 'app-tovholder', host: 'teams' },
    newDeliveryId: () => deliveryId,
  };
};

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
    const stored = await new GraphPlanStore(graphAs(sandbox, upn.mette), location).load(planId);
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

    // "Prøv igen": the posts arrive, but the answer to the batch is lost on the way back.
    await injectFault(sandbox, { route: '^POST /v1\\.0/\\$batch', kind: 'dropAfter', count: 1 });
    const dropped = await send();
    expect(dropped.outcome).toBe('partial');
    expect(
      dropped.outcome === 'partial' && dropped.recipients.filter((r) => r.status === 'unknown').map((r) => r.channel),
    ).toEqual(byChat.map(() => 'chat'));
    await clearFaults(sandbox);

    // "Prøv igen" once more: each chat is searched for the delivery id, and nothing is posted twice.
    const settled = await send();
    expect(settled.outcome).toBe('delivered');
    for (const user of byChat) expect(await messagesWith(user, marker), user).toHaveLength(1);
    for (const address of byMail) expect(await mailsWith(address, marker), address).toHaveLength(1);
  });
});
