import { describe, expect, it } from 'vitest';
import { deliverMinutes } from '../../../src/domain/delivery/deliverMinutes';
import { MEETING_CHAT_KEY } from '../../../src/domain/delivery/deliveryPlan';
import { deliveryPreview, withMarker, type PreviewInput } from '../../../src/domain/delivery/deliveryPreview';
import type { Meeting, Plan } from '../../../src/domain/plan/planDocument';
import type { TenantPolicy } from '../../../src/domain/policy';
import { demoIds, demoPeople, demoPlan } from '../../support/builders';
import { cardsRenderer } from '../../support/cardsRenderer';
import { FakeMinutesTransport } from '../../support/fakes/FakeMinutesTransport';
import { InMemoryPlanStore } from '../../support/fakes/InMemoryPlanStore';

const summary: TenantPolicy = { cardDetail: 'summary', pinTab: true };
const full: TenantPolicy = { cardDetail: 'full', pinTab: true };
const p = demoPeople;
const TODAY = '2026-09-03';
const LINK = { appBaseUrl: 'http://localhost:5300', teamsAppId: 'app-1', host: 'standalone' } as const;
const MEETING_CHAT_ID = '19:meeting_ki2026014@thread.v2';

/** The demo case with minutes written as the summary policy asks: "borgeren", never the name. */
const scrubbed = (plan: Plan = demoPlan()): Plan => {
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

const withoutMikkelInvited = (plan: Plan): Plan => ({
  ...plan,
  meetings: plan.meetings.map((m) => ({
    ...m,
    invitees: m.invitees.filter((i) => i.participantId !== p.mikkel.id),
  })),
});

const lastMeeting = (plan: Plan): Meeting => plan.meetings[plan.meetings.length - 1] as Meeting;

const previewOf = (plan: Plan, over: Partial<PreviewInput> = {}) =>
  deliveryPreview({
    plan,
    meeting: lastMeeting(plan),
    today: TODAY,
    policy: summary,
    senderParticipantId: p.aisha.id,
    lang: 'da',
    link: LINK,
    ...over,
  });

describe('the preview of a send', () => {
  it('is what the pipeline sends: every message the transport got is the preview rendered with the delivery id', async () => {
    const plan = scrubbed();
    const preview = previewOf(plan);
    if (!preview.ok) throw new Error('the demo consent should allow the send');
    expect(preview.blocking).toEqual([]);

    const transport = new FakeMinutesTransport();
    const result = await deliverMinutes(
      {
        planStore: new InMemoryPlanStore([plan]),
        transport,
        clock: { now: () => new Date('2026-09-03T13:00:00.000Z') },
        render: cardsRenderer,
        policy: summary,
        link: LINK,
        newDeliveryId: () => 'tovholder-preview-test',
      },
      demoIds.planId,
      { senderParticipantId: p.aisha.id },
    );
    expect(result.outcome).toBe('delivered');

    let compared = 0;
    for (const { target, request } of preview.targets) {
      if (target.channel === 'none' || request === null) continue;
      const shown = cardsRenderer(withMarker(request, 'tovholder-preview-test'));
      if (target.channel === 'email') {
        if (shown.kind !== 'mail') throw new Error('an e-mail recipient previews a mail');
        expect(transport.mailsTo(target.address.email)).toEqual([
          { to: [target.address.email], subject: shown.mail.subject, html: shown.mail.html, mark: target.mail.mark },
        ]);
      } else {
        if (shown.kind !== 'chat') throw new Error('a Teams recipient previews a card');
        const [posted] = transport.messagesFor(target.key);
        expect(posted?.html).toBe(shown.message.html);
        expect(posted?.attachments).toEqual(shown.message.attachments.map((a) => a.content));
      }
      compared += 1;
    }
    // 9 Teams users and 3 by e-mail; the sender, the worker outside the consent and the meeting chat get nothing.
    expect(compared).toBe(12);
  });

  it('lists the sender first among the 1:1 chat members, as the chat is opened', () => {
    const preview = previewOf(scrubbed());
    const karen = preview.ok ? preview.targets.find((t) => t.target.key === p.karen.id) : undefined;
    expect(karen?.request?.chatMembers).toEqual([p.aisha.id, p.karen.id]);
  });

  it('keeps the minutes out of the meeting chat under the full policy when they name the citizen, saying why', () => {
    const preview = previewOf(withoutMikkelInvited(demoPlan()), { policy: full });
    const chat = preview.ok ? preview.targets.find((t) => t.target.key === MEETING_CHAT_KEY) : undefined;
    expect(chat?.target.channel).toBe('none');
    expect(chat?.target.channel === 'none' && chat.target.reason.code).toBe('delivery.meetingChatPrivacy');
    // Everyone else still gets them in full.
    const karen = preview.ok ? preview.targets.find((t) => t.target.key === p.karen.id) : undefined;
    expect(karen?.request?.detail).toBe('full');
  });

  it('previews a retry with the minutes as first sent, not as edited since', () => {
    const plan = scrubbed();
    const meeting = lastMeeting(plan);
    const sentMinutes = meeting.minutes;
    const edited: Plan = {
      ...plan,
      meetings: [
        {
          ...meeting,
          chatId: MEETING_CHAT_ID,
          minutes: { ...meeting.minutes, goals: [{ id: 'g-new', text: 'Et nyt mål' }] },
          delivery: {
            deliveryId: 'tovholder-earlier',
            startedAt: '2026-09-03T12:00:00.000Z',
            recipients: [],
            sentMinutes,
          },
        },
      ],
    };
    const preview = previewOf(edited);
    expect(preview.ok && preview.meeting.minutes.goals[0]?.text).toBe('borgeren beholder sin lejlighed');
    const karen = preview.ok ? preview.targets.find((t) => t.target.key === p.karen.id) : undefined;
    expect(karen?.request?.meeting.minutes.goals[0]?.text).toBe('borgeren beholder sin lejlighed');
  });

  it('says what stops the whole send: a goal naming the citizen under the summary policy, with no message built', () => {
    const preview = previewOf(demoPlan());
    expect(preview.ok && preview.blocking[0]).toMatchObject({ field: `goals.${demoIds.goals.bolig}.text` });
    expect(preview.ok && preview.targets.every((t) => t.request === null)).toBe(true);
  });

  it('says the link cannot be made when the app id is missing', () => {
    const preview = previewOf(scrubbed(), { link: { ...LINK, host: 'teams', teamsAppId: '' } });
    expect(preview.ok && preview.blocking.map((b) => b.code)).toEqual(['delivery.link']);
  });

  it('sends nobody anything when the consent is withdrawn', () => {
    const plan = scrubbed();
    const preview = previewOf({ ...plan, consent: plan.consent && { ...plan.consent, withdrawnOn: TODAY } });
    expect(preview).toMatchObject({ ok: false, problems: [{ code: 'consent.withdrawn' }] });
  });
});
