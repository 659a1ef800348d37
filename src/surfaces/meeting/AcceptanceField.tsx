import { Radio, RadioGroup } from '@fluentui/react-components';
import { useTranslation } from '../../ui/i18n/useTranslation';
import { setAcceptance } from '../../domain/minutes/editMinutes';
import { AcceptanceSchema, type Acceptance } from '../../domain/plan/planDocument';
import { useMeetingSession } from './MeetingContext';

/** Borgerens accept: in the meeting, pending, accepted later (the koordinator asks afterwards), or not accepted. */
export const AcceptanceField = ({ labelId }: { labelId: string }) => {
  const { t } = useTranslation('meeting');
  const { meeting, editMinutes } = useMeetingSession();
  return (
    <RadioGroup
      id="field-acceptance"
      aria-labelledby={labelId}
      value={meeting.minutes.acceptance}
      onChange={(_, data) => editMinutes((m) => setAcceptance(m, data.value as Acceptance))}
    >
      {AcceptanceSchema.options.map((value) => (
        <Radio key={value} value={value} label={t(`minutes.acceptance.${value}`)} />
      ))}
    </RadioGroup>
  );
};
