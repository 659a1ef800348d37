import { describe, expect, it } from 'vitest';
import { MEETING_CHAT_KEY, planDelivery, type DeliveryTarget } from '../../../src/domain/delivery/deliveryPlan';
import type { Plan } from '../../../src/domain/plan/planDocument';
import type { TenantPolicy } from '../../../src/domain/policy';
import { aParticipant, demoPeople, demoPlan, REGION_TENANT } from '../../support/builders';

const summary: TenantPolicy = { cardDetail: 'summary', pinTab: true };
const full: TenantPolicy = { cardDetail: 'full', pinTab: true };
const TODAY = '2026-09-03';

const targetsOf = (plan: Plan, policy = summary, sender: string | null = null): DeliveryTarget[] => {
  const meeting = plan.meetings[plan.meetings.length - 1];
  if (!meeting) throw new Error('no meeting');
  const result = planDelivery(plan, meeting, TODAY, policy, sender);
  if (!result.ok) throw new Error(result.problems.map((p) => p.message.da).join(' '));
  return result.targets;
};
const channelOf = (targets: DeliveryTarget[], key: string) => targets.find((t) => t.key === key)?.channel;
const reasonOf = (targets: DeliveryTarget[], key: string) => {
  const target = targets.find((t) => t.key === key);
  return target?.channel === 'none' ? target.reason : null;
};

const withoutMikkelInvited = (plan: Plan): Plan => ({
  ...plan,
  meetings: plan.meetings.map((m) => ({
    ...m,
    invitees: m.invitees.filter((i) => i.participantId !== demoPeople.mikkel.id),
  })),
});

describe('the delivery plan', () => {
  it('sends to Teams users in a 1:1 chat and to people outside Teams by e-mail', () => {
    const targets = targetsOf(demoPlan());
    for (const p of [demoPeople.mette, demoPeople.jonas, demoPeople.peter, demoPeople.karen, demoPeople.anders]) {
      expect(channelOf(targets, p.id)).toBe('chat');
    }
    for (const p of [demoPeople.ole, demoPeople.jens, demoPeople.lise]) expect(channelOf(targets, p.id)).toBe('email');
  });

  it('opens the chat with a federated colleague in her own tenant', () => {
    const karen = targetsOf(demoPlan()).find((t) => t.key === demoPeople.karen.id);
    expect(karen?.channel === 'chat' && karen.partner).toEqual({
      key: demoPeople.karen.id,
      userId: demoPeople.karen.userId,
      tenantId: REGION_TENANT,
    });
  });

  it('sends nothing to the participant outside the consent, and says why', () => {
    const targets = targetsOf(demoPlan());
    expect(channelOf(targets, demoPeople.mikkel.id)).toBe('none');
    expect(reasonOf(targets, demoPeople.mikkel.id)?.code).toBe('consent.recipientOutside');
  });

  it('leaves the meeting chat out while someone outside the consent is in the meeting, naming them', () => {
    const reason = reasonOf(targetsOf(demoPlan()), MEETING_CHAT_KEY);
    expect(reason?.code).toBe('delivery.meetingChatOutsideConsent');
    expect(reason?.message.da).toContain('Mikkel Sørensen');
  });

  it('posts a summary in the meeting chat when every invitee is covered, even under the full policy', () => {
    const meetingChat = targetsOf(withoutMikkelInvited(demoPlan()), full).find((t) => t.key === MEETING_CHAT_KEY);
    expect(meetingChat?.channel).toBe('meetingChat');
    expect(meetingChat?.detail).toBe('summary');
    expect(meetingChat?.readers).not.toContain(demoPeople.mikkel.id);
    expect(targetsOf(demoPlan(), full).find((t) => t.key === demoPeople.karen.id)?.detail).toBe('full');
  });

  it('skips the meeting chat when the meeting has none', () => {
    const plan = withoutMikkelInvited(demoPlan());
    const noChat = { ...plan, meetings: plan.meetings.map((m) => ({ ...m, chatId: null })) };
    expect(reasonOf(targetsOf(noChat), MEETING_CHAT_KEY)?.code).toBe('delivery.noMeetingChat');
  });

  it('gives the sender no copy of their own send', () => {
    const targets = targetsOf(demoPlan(), summary, demoPeople.aisha.id);
    expect(reasonOf(targets, demoPeople.aisha.id)?.code).toBe('delivery.sender');
  });

  it('uses e-mail for a Teams user without a known user id, and nothing for someone without any address', () => {
    const plan = demoPlan();
    const noId = aParticipant({ id: 'p-noid', name: 'Nina Ny', organisation: 'Jobcenter Sundby', userId: null });
    const noAddress = aParticipant({
      id: 'p-none',
      name: 'Ib Uden',
      organisation: 'Jobcenter Sundby',
      email: null,
      reach: 'emailOnly',
    });
    const targets = targetsOf({ ...plan, participants: [...plan.participants, noId, noAddress] });
    expect(channelOf(targets, 'p-noid')).toBe('email');
    expect(reasonOf(targets, 'p-none')?.code).toBe('delivery.noAddress');
  });

  it('sends nothing at all, and says what to do, when the consent is withdrawn, expired or missing', () => {
    const plan = demoPlan();
    const meeting = plan.meetings[0];
    if (!meeting || !plan.consent) throw new Error('demo plan changed');
    const withdrawn = { ...plan, consent: { ...plan.consent, withdrawnOn: '2026-09-02' } };
    const result = planDelivery(withdrawn, meeting, TODAY, summary);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems[0]?.message.da).toContain('trukket samtykket tilbage');
    expect(planDelivery(plan, meeting, '2027-09-04', summary)).toMatchObject({
      ok: false,
      problems: [{ code: 'consent.expired' }],
    });
    expect(planDelivery({ ...plan, consent: null }, meeting, TODAY, summary)).toMatchObject({
      ok: false,
      problems: [{ code: 'consent.missing' }],
    });
  });
});
