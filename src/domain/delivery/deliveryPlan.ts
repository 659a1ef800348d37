/**
 * Leveringsplanen: who gets the minutes how, decided before anything is sent, and shown to the referent first.
 *
 * - Teams users (in our tenant, or federated from the region) with a user id: a 1:1 chat.
 * - People outside Teams, or Teams users we have no user id for but an e-mail address: e-mail, carrying what the
 *   privacy guard decides for them (`mailDecision`: the minutes protected by Purview or enforced TLS, or only the
 *   notice that there are new minutes; the citizen and relatives always the notice, the plan goes by Digital Post).
 * - The meeting chat, as the shared record, at summary detail whatever the tenant's policy (many read it, and it
 *   stays in everyone's chat history) — and only when every invitee, who are its members, is covered by the
 *   consent; otherwise it is skipped with the names of those outside.
 * - Nobody else: a participant outside the consent, one with no address, and the sender (who has the plan and
 *   cannot open a 1:1 chat with themselves) get nothing, each with the reason.
 * - No consent, or a withdrawn, expired or not yet valid one: nothing at all is sent, and the problem says what
 *   to do. Recipients are the plan's participants, so someone absent from this meeting still gets the minutes.
 */
import { consentStateProblem, mayReceiveMinutes } from '../consent/consentStatus';
import type { Meeting, Participant, Plan } from '../plan/planDocument';
import type { TenantPolicy } from '../policy';
import type { ChatPartner } from '../ports/minutesTransport';
import { mailDecision, type SendableMailDecision } from '../privacy/privacyGuard';
import { problem, type Problem } from '../problems';

/** The key of the meeting chat in the delivery record and in transport maps (no participant id starts with #). */
export const MEETING_CHAT_KEY = '#meetingChat';

export type CardDetail = TenantPolicy['cardDetail'];

interface TargetBase {
  /** Participant id, or MEETING_CHAT_KEY. */
  key: string;
  /** Who reads what goes to this target (for the consent check). */
  readers: string[];
  detail: CardDetail;
}

export type DeliveryTarget =
  | (TargetBase & { channel: 'chat'; participant: Participant; partner: ChatPartner })
  | (TargetBase & {
      channel: 'email';
      participant: Participant;
      address: { email: string; name: string };
      /** What the e-mail carries and how it is protected, as the privacy guard decided. */
      mail: SendableMailDecision;
    })
  | (TargetBase & { channel: 'meetingChat'; chatId: string })
  | (TargetBase & {
      channel: 'none';
      participant: Participant | null;
      /** The channel it would have used, for the record. */
      wouldUse: 'chat' | 'email' | 'meetingChat';
      reason: Problem;
    });

export type DeliveryPlan = { ok: true; targets: DeliveryTarget[] } | { ok: false; problems: Problem[] };

const hasText = (value: string | null): value is string => value !== null && value.trim() !== '';

const isTeamsUser = (p: Participant): p is Participant & { userId: string } =>
  p.reach !== 'emailOnly' && hasText(p.userId);

const noAddress = (p: Participant): Problem =>
  problem(
    'delivery.noAddress',
    'warning',
    `participants.${p.id}.email`,
    `${p.name} har hverken Teams eller en e-mailadresse i planen, så ${p.name} får ikke referatet. Tilføj en e-mailadresse under Deltagere, og send igen.`,
    `${p.name} has neither Teams nor an e-mail address in the plan, so ${p.name} will not receive the minutes. Add an e-mail address under Participants and send again.`,
  );

const senderProblem = (p: Participant): Problem =>
  problem(
    'delivery.sender',
    'warning',
    `participants.${p.id}`,
    'Du sender referatet og har det selv i planen, så du får ingen kopi.',
    'You are sending the minutes and have them in the plan, so you get no copy.',
  );

const meetingChatOutside = (names: string[]): Problem =>
  problem(
    'delivery.meetingChatOutsideConsent',
    'warning',
    'meetingChat',
    `Referatet lægges ikke i mødechatten, fordi ${names.join(', ')} er med i mødet uden at være omfattet af samtykket. Alle andre får det i deres egen chat eller på e-mail.`,
    `The minutes are not posted in the meeting chat, because ${names.join(', ')} ${names.length === 1 ? 'is' : 'are'} in the meeting without being covered by the consent. Everyone else gets them in their own chat or by e-mail.`,
  );

const noMeetingChat = problem(
  'delivery.noMeetingChat',
  'warning',
  'meetingChat',
  'Mødet har ingen kendt mødechat, så referatet sendes kun til den enkelte deltager.',
  'The meeting has no known meeting chat, so the minutes go only to each participant.',
);

const participantTarget = (
  plan: Plan,
  p: Participant,
  today: string,
  policy: TenantPolicy,
  senderParticipantId: string | null,
): DeliveryTarget => {
  const wouldUse = isTeamsUser(p) ? 'chat' : 'email';
  const base = { key: p.id, readers: [p.id], detail: policy.cardDetail };
  if (p.id === senderParticipantId) {
    return { ...base, channel: 'none', participant: p, wouldUse, reason: senderProblem(p) };
  }
  const may = mayReceiveMinutes(plan, p.id, today);
  if (!may.allowed) return { ...base, channel: 'none', participant: p, wouldUse, reason: may.problem };
  if (isTeamsUser(p)) {
    return {
      ...base,
      channel: 'chat',
      participant: p,
      partner: { key: p.id, userId: p.userId, tenantId: p.reach === 'federated' ? p.tenantId : null },
    };
  }
  if (hasText(p.email)) {
    const mail = mailDecision(plan, p, { policy, today });
    if (mail.kind === 'nothing') return { ...base, channel: 'none', participant: p, wouldUse, reason: mail.problem };
    return { ...base, channel: 'email', participant: p, address: { email: p.email.trim(), name: p.name }, mail };
  }
  return { ...base, channel: 'none', participant: p, wouldUse, reason: noAddress(p) };
};

const meetingChatTarget = (plan: Plan, meeting: Meeting, today: string): DeliveryTarget => {
  const readers = meeting.invitees.map((i) => i.participantId);
  const base = { key: MEETING_CHAT_KEY, readers, detail: 'summary' as const };
  if (!hasText(meeting.chatId)) {
    return { ...base, channel: 'none', participant: null, wouldUse: 'meetingChat', reason: noMeetingChat };
  }
  const outside = readers.filter((id) => !mayReceiveMinutes(plan, id, today).allowed);
  if (outside.length > 0) {
    const names = outside.map((id) => plan.participants.find((p) => p.id === id)?.name ?? id);
    return {
      ...base,
      channel: 'none',
      participant: null,
      wouldUse: 'meetingChat',
      reason: meetingChatOutside(names),
    };
  }
  return { ...base, channel: 'meetingChat', chatId: meeting.chatId };
};

/**
 * The delivery plan for a meeting's minutes on a day (YYYY-MM-DD, Copenhagen). `senderParticipantId` is the
 * signed-in user when they are a participant.
 */
export const planDelivery = (
  plan: Plan,
  meeting: Meeting,
  today: string,
  policy: TenantPolicy,
  senderParticipantId: string | null = null,
): DeliveryPlan => {
  const consentProblem = consentStateProblem(plan.consent, today);
  if (consentProblem) return { ok: false, problems: [consentProblem] };
  return {
    ok: true,
    targets: [
      ...plan.participants.map((p) => participantTarget(plan, p, today, policy, senderParticipantId)),
      meetingChatTarget(plan, meeting, today),
    ],
  };
};
