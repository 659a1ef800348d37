/**
 * The renderer deliverMinutes needs (the domain may not import src/cards): the card and e-mail builders from
 * src/cards. The same function draws the preview, so the referent sees exactly what will be sent.
 * MeetingApp takes another one as a prop, should the composition root want to inject it.
 */
import { buildMinutesEmail } from '../../cards/minutesEmail';
import { buildMinutesMessage } from '../../cards/minutesMessage';
import type { RenderMinutes } from '../../domain/delivery/deliverMinutes';

export const cardsMinutesRenderer: RenderMinutes = (request) => {
  const input = { plan: request.plan, meeting: request.meeting };
  const options = {
    lang: request.lang,
    detail: request.detail,
    recipientParticipantId: request.recipient?.id ?? null,
    planUrl: request.planUrl,
    deliveryMarker: request.deliveryMarker,
  };
  if (request.channel === 'email') return { kind: 'mail', mail: buildMinutesEmail(input, options) };
  const mentionable = request.chatMembers ? new Set(request.chatMembers) : null;
  return { kind: 'chat', message: buildMinutesMessage(input, { ...options, mentionable }).message };
};
