import { Button, makeStyles, Tab, TabList, Text, tokens } from '@fluentui/react-components';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { minutesProblems } from '../../domain/minutes/minutesProblems';
import { copenhagenDate, formatDateTime } from '../../domain/time/danishTime';
import { useServices } from '../../ui/services/ServicesContext';
import { AgendaTimer } from './AgendaTimer';
import { EditingBar, type EditingState } from './EditingBar';
import { byField, focusField } from './fieldProblems';
import { JointSummary } from './JointSummary';
import { useMeetingSession } from './MeetingContext';
import { MinutesEditor } from './MinutesEditor';
import { PlanSummary } from './PlanSummary';
import { RoleHandover } from './RoleHandover';
import { SendMinutes } from './SendMinutes';
import { ShareToStageButton } from './ShareToStageButton';
import { SpeakerRound } from './SpeakerRound';
import { YourRole } from './YourRole';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    maxWidth: '720px',
    boxSizing: 'border-box',
  },
  header: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  card: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingVerticalS,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  tabs: { marginInline: `calc(-1 * ${tokens.spacingHorizontalS})` },
});

type PanelTab = 'round' | 'minutes' | 'summary';

/** Fields in the referat editor (so a problem's link opens the Referat tab first). */
const inMinutesEditor = (field: string) =>
  /^(efforts|goals|followUp|challenges)\.|^next(TovholderId|MeetingBy)$/.test(field);

/**
 * The side panel during the meeting (about 320 px): the clock and "Næste punkt", "Vis for alle", then the round,
 * the referat (editable for the referent, readable for everyone else) and the fælles opsummering with "Send referat".
 */
export const SidePanel = ({ editing }: { editing: EditingState }) => {
  const { t } = useTranslation('meeting');
  const styles = useStyles();
  const { clock } = useServices();
  const { plan, meeting, can, lang } = useMeetingSession();
  const [tab, setTab] = useState<PanelTab>('minutes');
  const [sending, setSending] = useState(false);
  const [pendingFocus, setPendingFocus] = useState<string | null>(null);
  const today = copenhagenDate(clock.now());
  const problems = useMemo(() => minutesProblems(plan, meeting, today), [plan, meeting, today]);
  const problemsByField = useMemo(() => byField(problems), [problems]);

  const canGoTo = (field: string) => (inMinutesEditor(field) && can.writeMinutes) || field.startsWith('roles.');
  const goTo = (field: string) => {
    setSending(false);
    if (inMinutesEditor(field)) setTab('minutes');
    setPendingFocus(field);
  };
  useEffect(() => {
    if (pendingFocus === null) return;
    focusField(pendingFocus);
    setPendingFocus(null);
  }, [pendingFocus]);

  return (
    <main className={styles.root}>
      <header className={styles.header}>
        <Text as="h1" size={500} weight="semibold">
          {t('title', { caseReference: plan.caseReference })}
        </Text>
        <Text size={200}>{formatDateTime(new Date(meeting.start), lang)}</Text>
        <YourRole />
      </header>
      <EditingBar editing={editing} />
      <div className={styles.card}>
        <AgendaTimer />
        <div>
          <ShareToStageButton />
        </div>
      </div>
      {sending ? (
        <>
          <div>
            <Button onClick={() => setSending(false)}>{t('send.close')}</Button>
          </div>
          <SendMinutes />
        </>
      ) : (
        <>
          <TabList
            className={styles.tabs}
            size="small"
            selectedValue={tab}
            onTabSelect={(_, data) => setTab(data.value as PanelTab)}
          >
            <Tab value="round">{t('tabs.round')}</Tab>
            <Tab value="minutes">{t('tabs.minutes')}</Tab>
            <Tab value="summary">{t('tabs.summary')}</Tab>
          </TabList>
          <div role="tabpanel" aria-label={t(`tabs.${tab}`)}>
            {tab === 'round' && <SpeakerRound />}
            {tab === 'minutes' &&
              (can.writeMinutes ? (
                <MinutesEditor problems={problemsByField} />
              ) : (
                <>
                  <Text size={200}>{t('minutes.readOnly')}</Text>
                  <PlanSummary />
                </>
              ))}
            {tab === 'summary' && (
              <JointSummary problems={problems} onGoTo={goTo} canGoTo={canGoTo} onSend={() => setSending(true)} />
            )}
          </div>
        </>
      )}
      <RoleHandover />
    </main>
  );
};
