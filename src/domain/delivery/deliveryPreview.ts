/**
 * What a send of the minutes would do, decided once: the Send referat view shows it and the pipeline
 * (deliverMinutes.ts) sends it, so the preview is by construction what is sent.
 *
 * - The delivery plan (planDelivery): who gets the minutes how, or why nobody can (the consent).
 * - The minutes being sent: on a retry, exactly those the first attempt sent (`sentMinutes`), so everyone reads the
 *   same version.
 * - What stops everything before anything leaves: a minutes text that breaks the privacy rules at the card's detail
 *   level (pointing at the field), or a link into the plan that cannot be made.
 * - The meeting chat shows the summary whatever the policy; under `full` its texts need their own check, and a
 *   finding keeps the minutes out of the meeting chat (with the reason) while everyone else still gets them.
 * - Per recipient, the request the renderer gets (src/cards builds the message; the domain does not import it):
 *   everything but the delivery marker, which only the send knows.
 */
import type { LinkTarget } from '../links/planLink';
import { planDeepLink } from '../links/planLink';
import type { Meeting, Participant, Plan } from '../plan/planDocument';
import type { TenantPolicy } from '../policy';
import type { Lang, Problem } from '../problems';
import type { SendableMailDecision } from '../privacy/privacyGuard';
import { planDelivery, type CardDetail, type DeliveryTarget } from './deliveryPlan';
import { linkProblem, meetingChatSummaryOnly } from './deliveryProblems';
import { minutesPrivacyProblems } from './minutesPrivacyCheck';

/** What the renderer is asked for: one message for one target. */
export interface RenderRequest {
  plan: Plan;
  /** The meeting with the minutes being delivered (the snapshot of the first attempt, on a retry). */
  meeting: Meeting;
  channel: 'chat' | 'email' | 'meetingChat';
  /** The reader of a 1:1 chat or e-mail (their own tasks first); null for the meeting chat. */
  recipient: Participant | null;
  detail: CardDetail;
  lang: Lang;
  /** The deep link into the plan, already cleared by the privacy guard. */
  planUrl: string;
  /** Must appear verbatim in the message (card or e-mail), so a later retry can find it. */
  deliveryMarker: string;
  /** Participant ids who are members of the chat and may be @mentioned; null for e-mail. */
  chatMembers: string[] | null;
  /**
   * E-mail only: what the privacy guard decided the reader gets — the minutes (and how they are protected, which the
   * e-mail says) or only the notice of new minutes. Null for chats.
   */
  mail: SendableMailDecision | null;
}

export type SendableTarget = Exclude<DeliveryTarget, { channel: 'none' }>;

/** One recipient as the preview shows and the send treats them. */
export type PreviewTarget =
  | { target: Extract<DeliveryTarget, { channel: 'none' }>; request: null }
  | {
      target: SendableTarget;
      /** Null only when something stops the whole send (`blocking`), so no message can be built. */
      request: Omit<RenderRequest, 'deliveryMarker'> | null;
    };

export type DeliveryPreview =
  /** Nothing can be sent to anybody: the consent (missing, withdrawn, expired, not yet valid). */
  | { ok: false; problems: Problem[] }
  | {
      ok: true;
      /** The meeting as it will be sent (with the first attempt's minutes on a retry). */
      meeting: Meeting;
      targets: PreviewTarget[];
      /** What must be fixed before anything is sent; empty when the send may go. */
      blocking: Problem[];
    };

export interface PreviewInput {
  plan: Plan;
  /** The meeting whose minutes are sent, as stored (its delivery record included). */
  meeting: Meeting;
  /** YYYY-MM-DD, Copenhagen. */
  today: string;
  policy: TenantPolicy;
  /** The signed-in user when they are a participant: they get no copy of their own send. */
  senderParticipantId: string | null;
  lang: Lang;
  link: LinkTarget;
}

/** The members of the chat a target's message goes to (who may be @mentioned), in the order Graph gets them. */
const chatMembersOf = (target: SendableTarget, sender: string | null): string[] | null => {
  if (target.channel === 'email') return null;
  if (target.channel === 'meetingChat') return target.readers;
  return sender ? [sender, target.key] : [target.key];
};

/** The renderer's request with the delivery marker the send gives it. */
export const withMarker = (request: Omit<RenderRequest, 'deliveryMarker'>, deliveryMarker: string): RenderRequest => ({
  ...request,
  deliveryMarker,
});

export const deliveryPreview = (input: PreviewInput): DeliveryPreview => {
  const { plan, today, policy, lang } = input;
  const sender = input.senderParticipantId;
  const planned = planDelivery(plan, input.meeting, today, policy, sender);
  if (!planned.ok) return { ok: false, problems: planned.problems };
  const sentMinutes = input.meeting.delivery?.sentMinutes ?? null;
  const meeting: Meeting = sentMinutes ? { ...input.meeting, minutes: sentMinutes } : input.meeting;

  const textProblems = minutesPrivacyProblems(plan, meeting, policy.cardDetail);
  const link = textProblems.length > 0 ? null : planDeepLink(input.link, plan.id, { plan, policy, today });
  const blocking = textProblems.length > 0 ? textProblems : link && !link.ok ? [linkProblem(link)] : [];
  const planUrl = link?.ok ? link.value : null;

  const summaryProblems = policy.cardDetail === 'summary' ? [] : minutesPrivacyProblems(plan, meeting, 'summary');
  const targets = planned.targets.map((target): PreviewTarget => {
    const first = summaryProblems[0];
    if (target.channel === 'meetingChat' && first) {
      return {
        target: {
          key: target.key,
          readers: target.readers,
          detail: target.detail,
          channel: 'none',
          participant: null,
          wouldUse: 'meetingChat',
          reason: meetingChatSummaryOnly(first),
        },
        request: null,
      };
    }
    if (target.channel === 'none') return { target, request: null };
    return {
      target,
      request:
        planUrl === null
          ? null
          : {
              plan,
              meeting,
              channel: target.channel,
              recipient: target.channel === 'meetingChat' ? null : target.participant,
              detail: target.detail,
              lang,
              planUrl,
              chatMembers: chatMembersOf(target, sender),
              mail: target.channel === 'email' ? target.mail : null,
            },
    };
  });
  return { ok: true, meeting, targets, blocking };
};
