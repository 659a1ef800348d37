/**
 * The renderer the delivery pipeline (src/domain/delivery/deliverMinutes.ts) is given by the composition root:
 * a chat message with the card for Teams users and the meeting chat, an HTML e-mail for everyone else — the minutes,
 * saying how they are protected, or only the notice of new minutes, as the privacy guard decided for the reader.
 * Wire it as `render: renderMinutes`.
 */
import type { Rendered } from '../domain/delivery/deliverMinutes';
import type { RenderRequest } from '../domain/delivery/deliveryPreview';
import { buildMinutesEmail } from './minutesEmail';
import { buildMinutesMessage } from './minutesMessage';
import { buildMinutesNotice } from './minutesNotice';

export const renderMinutes = (request: RenderRequest): Rendered => {
  const input = { plan: request.plan, meeting: request.meeting };
  const common = {
    lang: request.lang,
    detail: request.detail,
    planUrl: request.planUrl,
    deliveryMarker: request.deliveryMarker,
    recipientParticipantId: request.recipient?.id ?? null,
  };
  if (request.channel === 'email') {
    const decision = request.mail;
    // Only the notice of new minutes, when the privacy guard gives this reader no plan content by e-mail.
    if (decision?.kind === 'notice') {
      return {
        kind: 'mail',
        mail: buildMinutesNotice(input, {
          lang: request.lang,
          planBy: decision.planBy,
          deliveryMarker: request.deliveryMarker,
        }),
      };
    }
    return { kind: 'mail', mail: buildMinutesEmail(input, { ...common, protection: decision?.mark ?? null }) };
  }
  const { message } = buildMinutesMessage(input, {
    ...common,
    // Only members of the chat can be notified by a mention; everyone else is named in text.
    mentionable: request.chatMembers === null ? null : new Set(request.chatMembers),
  });
  return { kind: 'chat', message };
};
