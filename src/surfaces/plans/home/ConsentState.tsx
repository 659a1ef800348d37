import { Badge, Text, tokens } from '@fluentui/react-components';
import { useTranslation } from '../../../ui/i18n/useTranslation';
import { consentStatus } from '../../../domain/consent/consentStatus';
import type { Plan } from '../../../domain/plan/planDocument';
import { consentRunsOut } from '../../../domain/plans/myWork';
import { copenhagenDate } from '../../../domain/time/danishTime';
import { formatDayWithYear } from '../dates';
import { useLang } from '../useLang';

/**
 * Samtykke on the home screen: its state as a badge, and what to do when it is missing, gone, or runs out
 * before the next meeting ("Samtykket udløber 3. marts 2027 — før næste møde. Indhent nyt samtykke.").
 */
export const ConsentState = ({ plan, now }: { plan: Plan; now: Date }) => {
  const { t } = useTranslation('plans');
  const lang = useLang();
  const state = consentStatus(plan.consent, copenhagenDate(now));
  const until = plan.consent?.validUntil ?? null;
  const runsOut = consentRunsOut(plan, now);

  const badge =
    state === 'valid'
      ? {
          color: runsOut ? ('warning' as const) : ('success' as const),
          text: until ? t('consent.valid', { until: formatDayWithYear(until, lang) }) : t('consent.validNoEnd'),
        }
      : state === 'missing'
        ? { color: 'danger' as const, text: t('consent.missing') }
        : state === 'expired'
          ? { color: 'danger' as const, text: t('consent.expired') }
          : state === 'withdrawn'
            ? { color: 'danger' as const, text: t('consent.withdrawn') }
            : { color: 'warning' as const, text: t('consent.notYetValid') };
  const action = runsOut
    ? t('consent.expiresBeforeNext', { until: formatDayWithYear(runsOut.until, lang) })
    : state === 'missing'
      ? t('consent.missingAction')
      : state === 'expired' && until
        ? t('consent.expiredAction', { until: formatDayWithYear(until, lang) })
        : state === 'withdrawn'
          ? t('consent.withdrawnAction')
          : null;
  return (
    <span
      style={{ display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, alignItems: 'flex-start' }}
    >
      <Badge appearance="tint" color={badge.color} style={{ height: 'auto', whiteSpace: 'normal', textAlign: 'start' }}>
        {badge.text}
      </Badge>
      {action && (
        <Text size={200} weight="semibold">
          {action}
        </Text>
      )}
    </span>
  );
};
