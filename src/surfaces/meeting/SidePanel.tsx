import { Button, makeStyles, Tab, TabList, Text, tokens } from '@fluentui/react-components';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RenderMinutes } from '../../domain/delivery/deliverMinutes';
import { minutesPrivacyProblems } from '../../domain/delivery/minutesPrivacyCheck';
import { minutesProblems } from '../../domain/minutes/minutesProblems';
import { sendBlockers } from '../../domain/minutes/readyToSend';
import { copenhagenDate, formatDateTime } from '../../domain/time/danishTime';
import { useServices } from '../../ui/services/ServicesContext';
import { AgendaTimer } from './AgendaTimer';
import { EditingBar, type EditingState } from './EditingBar';
import { byField, focusField } from './fieldProblems';
import { JointSummary } from './JointSummary';
import { fitControlsToWidth } from './fitToWidth';
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
    ...fitControlsToWidth,
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
const inRound = (field: string) => field.startsWith('round.');

/**
 * The side panel during the meeting (about 320 px): the clock and "Næste punkt", "Vis for alle", then the round,
 * the referat (editable for the referent, readable for everyone else) and the fælles opsummering with "Send referat".
 */
export const SidePanel = ({ editing, render }: { editing: EditingState; render: RenderMinutes }) => {
  const { t } = useTranslation('meeting');
  const styles = useStyles();
  const { clock, policy } = useServices();
  const { plan, meeting, can, lang } = useMeetingSession();
  const [tab, setTab] = useState<PanelTab>('minutes');
  const [sending, setSending] = useState(false);
  const [pendingFocus, setPendingFocus] = useState<string | null>(null);
  const today = copenhagenDate(clock.now());
  // What blocks "Send referat": the referat's own rules and texts that may not leave at the card's detail level.
  const problems = useMemo(
    () => [...minutesProblems(plan, meeting, today), ...minutesPrivacyProblems(plan, meeting, policy.cardDetail)],
    [plan, meeting, today, policy.cardDetail],
  );
  const ready = useMemo(
    () => sendBlockers(plan, meeting, today).length === 0 && !problems.some((p) => p.severity === 'error'),
    [plan, meeting, today, problems],
  );
  const problemsByField = useMemo(() => byField(problems), [problems]);

  const canGoTo = (field: string) =>
    ((inMinutesEditor(field) || inRound(field)) && can.writeMinutes) || field.startsWith('roles.');
  const goTo = (field: string) => {
    setSending(false);
    if (inMinutesEditor(field)) setTab('minutes');
    if (inRound(field)) setTab('round');
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
        <Text as="h1" size={400} weight="semibold">
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
          <SendMinutes editing={editing} render={render} />
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
            {tab === 'round' && <SpeakerRound problems={problemsByField} />}
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
              <JointSummary
                problems={problems}
                ready={ready}
                onGoTo={goTo}
                canGoTo={canGoTo}
                onSend={() => setSending(true)}
              />
            )}
          </div>
        </>
      )}
      <RoleHandover />
    </main>
  );
};
