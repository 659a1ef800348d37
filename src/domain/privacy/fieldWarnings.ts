/**
 * Warnings while the user types (advarsler under feltet), before they press anything: a CPR number, or the
 * citizen's name where it is not allowed to go. They come from the guard's own rule table, so what the field
 * warns about is exactly what the guard would block when the text leaves. Warnings never block typing.
 */
import type { Channel } from './cleared';
import type { FieldKind } from './fieldLabels';
import type { TenantPolicy } from '../policy';
import type { Problem } from '../problems';
import { textProblems, type TextContext } from './privacyGuard';

/**
 * Where a field's text goes. Under the `summary` policy, challenges, round notes, written input and follow-up
 * notes stay in the plan (the card leaves them out), so only a `full` policy sends them to chat and e-mail.
 */
export const channelsOfField = (kind: FieldKind, policy: TenantPolicy): Channel[] => {
  switch (kind) {
    case 'caseReference':
      return ['calendar', 'url', 'chat', 'email', 'log'];
    case 'subject':
    case 'eventBody':
    case 'eventAttendees':
    case 'appointmentSubject':
    case 'appointmentBody':
    case 'task':
      return ['calendar'];
    case 'effort':
    case 'goal':
    case 'text':
    case 'chatMessage':
    case 'card':
    case 'mention':
    case 'mailSubject':
    case 'mailBody':
      return ['chat', 'email'];
    case 'challenge':
    case 'roundNote':
    case 'writtenInput':
    case 'followUpNote':
      return policy.cardDetail === 'full' ? ['chat', 'email'] : [];
    case 'link':
      return ['url'];
    case 'logEntry':
      return ['log'];
  }
};

/**
 * The privacy warnings for what is in a field now. `field` is the path used to mark the field (defaults to
 * the kind). Empty when the text may leave as it is.
 */
export const privacyWarningsForField = (
  text: string,
  kind: FieldKind,
  ctx: TextContext,
  field: string = kind,
): Problem[] => {
  if (text.trim() === '') return [];
  const warnings = channelsOfField(kind, ctx.policy).flatMap((channel) =>
    textProblems(channel, [{ field, kind, text }], ctx, 'warning').problems.filter(
      // Logs redact quietly; nothing for the user to fix there.
      (p) => !p.code.endsWith('Redacted'),
    ),
  );
  const seen = new Set<string>();
  return warnings.filter((p) => (seen.has(p.code) ? false : (seen.add(p.code), true)));
};
