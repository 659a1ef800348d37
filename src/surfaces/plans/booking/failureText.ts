import type { TFunction } from '../../../ui/i18n/useTranslation';
import type { UiLang } from '../../../ui/i18n/i18n';

import type { BookingFailure } from '../../../domain/booking/bookMeeting';

/** The Danish (or English) banner text for a booking failure: what happened, and what to do. */
export const bookingFailureText = (t: TFunction<'booking'>, lang: UiLang, failure: BookingFailure): string => {
  if (failure.kind === 'blocked') {
    return t('failure.blocked', { reasons: failure.reasons.map((r) => r.message[lang]).join(' ') });
  }
  if (failure.kind === 'conflict') return t('failure.conflict');
  const { kind, code } = failure.failure;
  switch (kind) {
    case 'throttled':
      return t('failure.throttled');
    case 'failed':
      return t('failure.failed');
    case 'forbidden':
      return t('failure.forbidden', {
        what: failure.step === 'event' ? t('failure.whatEvent') : t('failure.whatPlan'),
        code,
      });
    case 'unauthorized':
      return t('failure.unauthorized');
    case 'notFound':
      return t('failure.notFound', { code });
    case 'invalid':
      return t('failure.invalid', { code });
    case 'blocked':
      return t('failure.blocked', { reasons: failure.failure.message });
  }
};
