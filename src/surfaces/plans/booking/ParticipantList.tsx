import { Badge, Button, Checkbox, Select, Text, makeStyles, tokens } from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import { useTranslation } from '../../../ui/i18n/useTranslation';
import { SectorSchema, type Participant } from '../../../domain/plan/planDocument';
import type { Problem } from '../../../domain/problems';
import { useLang } from '../useLang';
import { fieldValidation } from './fieldValidation';

const useStyles = makeStyles({
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
  },
  item: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  who: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    flex: '1 1 240px',
    minWidth: 0,
    overflowWrap: 'anywhere',
  },
  controls: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  detail: { color: tokens.colorNeutralForeground2 },
});

export interface ParticipantListProps {
  participants: readonly Participant[];
  /** Required (true) or optional by participant id; missing means required. */
  required: Readonly<Record<string, boolean>>;
  problems: readonly Problem[];
  onSectorChange(id: string, sector: Participant['sector']): void;
  onOptionalChange(id: string, optional: boolean): void;
  onRemove(id: string): void;
}

/** Inviterede: each person with their sector (mark the citizen and relatives here), required or optional. */
export const ParticipantList = ({
  participants,
  required,
  problems,
  onSectorChange,
  onOptionalChange,
  onRemove,
}: ParticipantListProps) => {
  const { t } = useTranslation(['booking', 'common']);
  const lang = useLang();
  const styles = useStyles();
  if (participants.length === 0) return <Text>{t('booking:participants.none')}</Text>;
  return (
    <ul className={styles.list} aria-label={t('booking:participants.listHeading', { count: participants.length })}>
      {participants.map((p) => {
        const reach =
          p.reach === 'federated'
            ? t('booking:participants.federated')
            : p.reach === 'emailOnly'
              ? t('booking:participants.emailOnly')
              : null;
        const problemsHere = fieldValidation(
          problems.map((x) =>
            x.field?.startsWith(`participants.${p.id}`) ? { ...x, field: `participants.${p.id}` } : x,
          ),
          `participants.${p.id}`,
          lang,
        );
        return (
          <li key={p.id} className={styles.item}>
            <span className={styles.who}>
              <Text weight="semibold">{p.name}</Text>
              <Text size={200} className={styles.detail}>
                {[p.organisation, p.email ?? t('booking:participants.noEmail')].filter(Boolean).join(' · ')}
              </Text>
              {reach && (
                <span>
                  <Badge appearance="outline" color="informative">
                    {reach}
                  </Badge>
                </span>
              )}
              {problemsHere.validationMessage && (
                <Text
                  size={200}
                  role={problemsHere.validationState === 'error' ? 'alert' : undefined}
                  style={{
                    color:
                      problemsHere.validationState === 'error'
                        ? tokens.colorPaletteRedForeground1
                        : tokens.colorPaletteDarkOrangeForeground1,
                  }}
                >
                  {problemsHere.validationMessage}
                </Text>
              )}
            </span>
            <div className={styles.controls}>
              <Select
                size="small"
                value={p.sector}
                aria-label={`${t('booking:participants.sector')}: ${p.name}`}
                title={t('booking:participants.sector')}
                onChange={(_, d) => onSectorChange(p.id, SectorSchema.parse(d.value))}
              >
                {SectorSchema.options.map((s) => (
                  <option key={s} value={s}>
                    {t(`common:sectors.${s}`)}
                  </option>
                ))}
              </Select>
              <Checkbox
                checked={required[p.id] === false}
                label={t('booking:participants.optional')}
                aria-label={`${t('booking:participants.optional')}: ${p.name}`}
                onChange={(_, d) => onOptionalChange(p.id, d.checked === true)}
              />
              <Button
                appearance="subtle"
                icon={<DismissRegular />}
                aria-label={t('booking:participants.remove', { name: p.name })}
                title={t('booking:participants.remove', { name: p.name })}
                onClick={() => onRemove(p.id)}
              />
            </div>
          </li>
        );
      })}
    </ul>
  );
};
