import { describe, expect, it } from 'vitest';
import { deliverMinutes } from '../../../src/domain/delivery/deliverMinutes';
import type { Plan } from '../../../src/domain/plan/planDocument';
import type { TenantPolicy } from '../../../src/domain/policy';
import { demoIds, demoPeople, demoPlan } from '../../support/builders';
import { FakeMinutesTransport } from '../../support/fakes/FakeMinutesTransport';
import { InMemoryPlanStore } from '../../support/fakes/InMemoryPlanStore';
import { cardsRenderer } from '../../support/cardsRenderer';

const scrubbed = (): Plan => {
  const plan = demoPlan();
  const scrub = (text: string) => text.replace(/\bJens\b/g, 'borgeren');
  return {
    ...plan,
    meetings: plan.meetings.map((m) => ({
      ...m,
      minutes: {
        ...m.minutes,
        goals: m.minutes.goals.map((g) => ({ ...g, text: scrub(g.text) })),
        efforts: m.minutes.efforts.map((e) => ({ ...e, what: scrub(e.what) })),
      },
    })),
  };
};

const deliver = async (plan: Plan, policy: TenantPolicy) => {
  const transport = new FakeMinutesTransport();
  const result = await deliverMinutes(
    {
      planStore: new InMemoryPlanStore([plan]),
      transport,
      clock: { now: () => new Date('2026-09-03T13:00:00.000Z') },
      render: cardsRenderer,
      policy,
      link: { appBaseUrl: 'https://tovholder.example', teamsAppId: 'app-1', host: 'teams' },
      newDeliveryId: () => 'tovholder-delivery-1',
    },
    demoIds.planId,
    { senderParticipantId: demoPeople.aisha.id },
  );
  return { result, transport };
};

describe('the real minutes card through the privacy guard', () => {
  it('passes the guard under the summary policy, with the delivery id findable in every message', async () => {
    const { result, transport } = await deliver(scrubbed(), { cardDetail: 'summary', pinTab: true });
    expect(result.outcome === 'delivered' || result.problems).toBe(true);
    const karen = transport.messagesFor(demoPeople.karen.id);
    expect(karen).toHaveLength(1);
    expect(karen[0]?.attachments.join('')).toContain('tovholder-delivery-1');
    expect(karen[0]?.attachments.join('')).not.toContain('Jens');
    expect(transport.mailsTo(demoPeople.ole.email ?? '')[0]?.html).toContain('tovholder-delivery-1');
  });

  it('passes the guard under the full policy with the minutes as the demo referent wrote them', async () => {
    const { result } = await deliver(demoPlan(), { cardDetail: 'full', pinTab: true });
    expect(result.outcome === 'delivered' || result.problems).toBe(true);
  });
});
