/**
 * The renderer the delivery pipeline (src/domain/delivery/deliverMinutes.ts) is given by the composition root:
 * a chat message with the card for Teams users and the meeting chat, an HTML e-mail for everyone else.
 * Wire it as `render: renderMinutes`.
 */
import type { Rendered, RenderRequest } from '../domain/delivery/deliverMinutes';
import { buildMinutesEmail } from './minutesEmail';
import { buildMinutesMessage } from './minutesMessage';

export const renderMinutes = (request: RenderRequest): Rendered => {
  const input = { plan: request.plan, meeting: request.meeting };
  const common = {
    lang: request.lang,
    detail: request.detail,
    planUrl: request.planUrl,
    deliveryMarker: request.deliveryMarker,
    recipientParticipantId: request.recipient?.id ?? null,
  };
  if (request.channel === 'email') return { kind: 'mail', mail: buildMinutesEmail(input, common) };
  const { message } = buildMinutesMessage(input, {
    ...common,
    // Only members of the chat can be notified by a mention; everyone else is named in text.
    mentionable: request.chatMembers === null ? null : new Set(request.chatMembers),
  });
  return { kind: 'chat', message };
};
