import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { CalendarAddRegular } from '@fluentui/react-icons';
import { useTranslation } from '../../../ui/i18n/useTranslation';
import type { TovholderDuty } from '../../../domain/plans/myWork';
import { formatShortDate } from '../../../domain/time/danishTime';
import { useLang } from '../useLang';

/** "Du er tovholder for KI-2026-014 — indkald senest 3. december", with one click to book the next meeting. */
export const NextTovholderBanner = ({ duty, onBook }: { duty: TovholderDuty; onBook(planId: string): void }) => {
  const { t } = useTranslation('plans');
  const lang = useLang();
  const text =
    duty.convenBy === null
      ? t('nextTovholder.bannerNoDate', { caseReference: duty.caseReference })
      : duty.overdue
        ? t('nextTovholder.bannerOverdue', {
            caseReference: duty.caseReference,
            by: formatShortDate(duty.convenBy, lang),
          })
        : t('nextTovholder.banner', { caseReference: duty.caseReference, by: formatShortDate(duty.convenBy, lang) });
  return (
    <MessageBar intent={duty.overdue ? 'warning' : 'info'} layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{text}</MessageBarTitle>
      </MessageBarBody>
      <MessageBarActions>
        <Button appearance="primary" icon={<CalendarAddRegular />} onClick={() => onBook(duty.planId)}>
          {t('nextTovholder.book')}
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
};
