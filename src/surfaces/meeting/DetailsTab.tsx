import { makeStyles, Text, tokens } from '@fluentui/react-components';
import { useTranslation } from '../../ui/i18n/useTranslation';
import { formatDateTime } from '../../domain/time/danishTime';
import { AgendaTimeboxes } from './AgendaTimeboxes';
import { CitizenCopyNote } from './CitizenCopyNote';
import { EditingBar, type EditingState } from './EditingBar';
import { FollowUpEditor } from './FollowUpEditor';
import { InviteeList } from './InviteeList';
import { fitControlsToWidth } from './fitToWidth';
import { useMeetingSession } from './MeetingContext';
import { MeetingHeldNotice } from './MeetingHeldNotice';
import { YourRole } from './YourRole';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    padding: tokens.spacingHorizontalL,
    maxWidth: '960px',
    boxSizing: 'border-box',
    ...fitControlsToWidth,
  },
  columns: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(280px, 1fr))',
    gap: tokens.spacingHorizontalXXL,
    alignItems: 'start',
  },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

/** The details tab marks no send problems: it is before the meeting. */
const NO_PROBLEMS = new Map();

/**
 * The details tab before the meeting: the agenda with its time boxes, who is coming (answers from the invitation),
 * written input from those who sent afbud, the previous meeting's efforts to follow up on, and whether the citizen
 * received the plan from it.
 */
export const DetailsTab = ({ editing }: { editing: EditingState }) => {
  const { t } = useTranslation('meeting');
  const styles = useStyles();
  const { plan, meeting, can, lang } = useMeetingSession();
  return (
    <main className={styles.root}>
      <MeetingHeldNotice />
      <header className={styles.section}>
        <Text as="h1" size={600} weight="semibold">
          {t('title', { caseReference: plan.caseReference })}
        </Text>
        <Text>{formatDateTime(new Date(meeting.start), lang)}</Text>
        <YourRole />
        <Text>{can.prepare ? t('details.intro') : t('details.readOnly')}</Text>
      </header>
      <EditingBar editing={editing} />
      <div className={styles.columns}>
        <section className={styles.section} aria-labelledby="details-agenda">
          <Text as="h2" size={500} weight="semibold" id="details-agenda">
            {t('agenda.heading')}
          </Text>
          <AgendaTimeboxes />
        </section>
        <section className={styles.section} aria-labelledby="details-participants">
          <Text as="h2" size={500} weight="semibold" id="details-participants">
            {t('participants.heading')}
          </Text>
          <InviteeList />
        </section>
      </div>
      <section className={styles.section} aria-labelledby="details-previous">
        <Text as="h2" size={500} weight="semibold" id="details-previous">
          {t('previous.heading')}
        </Text>
        {meeting.minutes.followUp.length > 0 && <Text size={200}>{t('previous.intro')}</Text>}
        <CitizenCopyNote />
        <FollowUpEditor problems={NO_PROBLEMS} readOnly />
      </section>
    </main>
  );
};
