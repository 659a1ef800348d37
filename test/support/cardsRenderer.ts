import { buildMinutesEmail } from '../../src/cards/minutesEmail';
import { buildMinutesMessage } from '../../src/cards/minutesMessage';
import type { RenderMinutes } from '../../src/domain/delivery/deliverMinutes';

/**
 * The renderer the composition root injects into deliverMinutes: the real card and e-mail builders from src/cards.
 * (The domain may not import src/cards, so the wiring lives outside it; src/app does the same.)
 */
export const cardsRenderer: RenderMinutes = (request) => {
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
