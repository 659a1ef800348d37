import { Badge, Text, makeStyles, tokens } from '@fluentui/react-components';
import { memo } from 'react';
import { useTranslation } from '../../../ui/i18n/useTranslation';
import { agendaTitles, leadTitles, standardAgenda } from '../../../domain/agenda/standardAgenda';
import type { FollowUpEntry, Participant } from '../../../domain/plan/planDocument';
import { useLang } from '../useLang';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  agenda: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXL },
  followUp: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
  },
  effort: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'baseline',
    gap: tokens.spacingHorizontalS,
    padding: tokens.spacingHorizontalS,
    borderLeft: `3px solid ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  owner: { color: tokens.colorNeutralForeground2 },
});

export interface AgendaPreviewProps {
  lengthMinutes: number;
  /** The previous meeting's efforts (opfølgning); null for a plan's first meeting. */
  followUp: readonly FollowUpEntry[] | null;
  participants: readonly Participant[];
}

/** Dagsorden: the five items with time boxes that fill the meeting, and the efforts to follow up on. */
export const AgendaPreview = memo(function AgendaPreview({
  lengthMinutes,
  followUp,
  participants,
}: AgendaPreviewProps) {
  const { t } = useTranslation('booking');
  const lang = useLang();
  const styles = useStyles();
  const nameOf = (id: string | null) => participants.find((p) => p.id === id)?.name ?? null;
  return (
    <section aria-labelledby="booking-agenda-heading" className={styles.section}>
      <h2 id="booking-agenda-heading">{t('agenda.heading')}</h2>
      <Text>{t('agenda.intro')}</Text>
      <ol className={styles.agenda}>
        {standardAgenda(lengthMinutes).map((item) => (
          <li key={item.key}>
            <Text weight="semibold">{agendaTitles[item.key][lang]}</Text> ({leadTitles[item.lead][lang]}) —{' '}
            {t('agenda.minutes', { minutes: item.minutes })}
          </li>
        ))}
      </ol>
      {followUp !== null && (
        <section aria-labelledby="booking-followup-heading" className={styles.section}>
          <h3 id="booking-followup-heading">{t('agenda.followUpHeading')}</h3>
          <Text>{t('agenda.followUpIntro')}</Text>
          {followUp.length === 0 ? (
            <Text>{t('agenda.followUpNone')}</Text>
          ) : (
            <ul className={styles.followUp} aria-labelledby="booking-followup-heading">
              {followUp.map((entry) => {
                const owner = nameOf(entry.ownerId);
                return (
                  <li key={entry.effortId} className={styles.effort}>
                    <Text>{entry.what}</Text>
                    <Text size={200} className={styles.owner}>
                      {owner ? t('agenda.owner', { name: owner }) : t('agenda.noOwner')}
                    </Text>
                    <Badge
                      appearance="tint"
                      color={entry.status === 'udfoert' ? 'success' : entry.status === null ? 'informative' : 'brand'}
                    >
                      {t(`agenda.status.${entry.status ?? 'aaben'}`)}
                    </Badge>
                  </li>
                );
              })}
            </ul>
          )}
        </section>
      )}
    </section>
  );
});
