import { Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import { lazy, startTransition, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from '../../ui/i18n/useTranslation';
import type { RenderMinutes } from '../../domain/delivery/deliverMinutes';
import { minutesPrivacyProblems } from '../../domain/delivery/minutesPrivacyCheck';
import { minutesProblems } from '../../domain/minutes/minutesProblems';
import { sendBlockers } from '../../domain/minutes/readyToSend';
import type { Problem } from '../../domain/problems';
import { copenhagenDate, formatDateTime } from '../../domain/time/danishTime';
import { OnDemand } from '../../ui/lazy/OnDemand';
import { onFirstInput } from '../../ui/lazy/onFirstInput';
import { useServices } from '../../ui/services/ServicesContext';
import { TabStrip, tabPanelProps } from '../../ui/shell/TabStrip';
import { AgendaTimer } from './AgendaTimer';
import { EditingBar, type EditingState } from './EditingBar';
import { byField, focusField, type ProblemsByField } from './fieldProblems';
import { fitControlsToWidth } from './fitToWidth';
import { Steady, useMeetingSession } from './MeetingContext';
import { MinutesEditor } from './MinutesEditor';
import { PlanSummary } from './PlanSummary';
import { RoleHandover } from './RoleHandover';
import { ShareToStageButton } from './ShareToStageButton';
import { YourRole } from './YourRole';

// The round's tab is not the one the panel opens on: its code (with Fluent's Checkbox) is fetched at the user's
// first input, so the tab opens without a wait but the panel's first load does not carry it.
const loadRound = () => import('./SpeakerRound');
const SpeakerRound = lazy(() => loadRound().then((m) => ({ default: m.SpeakerRound })));
// What the panel needs only at the end of the meeting comes on demand, out of its first load: the fælles
// opsummering, and "Send referat" with the delivery pipeline and the card builders (src/cards).
const JointSummary = lazy(() => import('./JointSummary').then((m) => ({ default: m.JointSummary })));
const SendMinutes = lazy(async () => {
  const [{ SendMinutes: Send }, { renderMinutes }] = await Promise.all([
    import('./SendMinutes'),
    import('../../cards/renderMinutes'),
  ]);
  const WithCards = ({ editing, render }: { editing: EditingState; render: RenderMinutes | undefined }) => (
    <Send editing={editing} render={render ?? renderMinutes} />
  );
  return { default: WithCards };
});

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

const PANEL_TABS = ['round', 'minutes', 'summary'] as const;
type PanelTab = (typeof PANEL_TABS)[number];

/** How long the typing rests before the problems under the fields are checked again. */
const PAUSE_MS = 150;

/** `value` once it has stood still for `ms` (the first one at once), applied as a transition. */
const useSettled = <T,>(value: T, ms: number): T => {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    if (Object.is(settled, value)) return;
    const timer = setTimeout(() => startTransition(() => setSettled(value)), ms);
    return () => clearTimeout(timer);
  }, [value, settled, ms]);
  return settled;
};

const signatureOf = (problems: readonly Problem[]) =>
  problems.map((p) => `${p.field ?? ''}|${p.severity}|${p.message.da}|${p.message.en}`).join('\n');

/** `byField(problems)`, the same object for as long as the problems read the same. */
const useStableByField = (problems: readonly Problem[]): ProblemsByField => {
  const last = useRef<{ problems: readonly Problem[]; signature: string; map: ProblemsByField } | null>(null);
  // The same list (every keystroke between two checks) needs no new signature: that string is the whole plan's
  // problems, rebuilt on every key otherwise.
  if (last.current?.problems === problems) return last.current.map;
  const signature = signatureOf(problems);
  if (last.current?.signature !== signature) last.current = { problems, signature, map: byField(problems) };
  else last.current = { ...last.current, problems };
  return last.current.map;
};

/** Fields in the referat editor (so a problem's link opens the Referat tab first). */
const inMinutesEditor = (field: string) =>
  /^(efforts|goals|followUp|challenges)\.|^next(TovholderId|MeetingBy)$/.test(field);
const inRound = (field: string) => field.startsWith('round.');

/**
 * The side panel during the meeting (about 320 px): the clock and "Næste punkt", "Vis for alle", then the round,
 * the referat (editable for the referent, readable for everyone else) and the fælles opsummering with "Send referat".
 */
export const SidePanel = ({ editing, render }: { editing: EditingState; render?: RenderMinutes | undefined }) => {
  const { t } = useTranslation('meeting');
  const styles = useStyles();
  const { clock, policy } = useServices();
  const { plan, meeting, can, lang, myRoles } = useMeetingSession();
  const [tab, setTab] = useState<PanelTab>('minutes');
  const tabsId = useId();
  const [sending, setSending] = useState(false);
  const [pendingFocus, setPendingFocus] = useState<string | null>(null);
  const today = copenhagenDate(clock.now());
  // What blocks "Send referat": the referat's own rules and texts that may not leave at the card's detail level.
  // While the referent types, they are checked against the plan as it stood at the last pause (PAUSE_MS): a
  // keystroke renders only the typed text, and the whole plan's problems follow once the typing rests. The
  // opsummering and "Send referat" judge the plan as it is now.
  const settled = useSettled(plan, PAUSE_MS);
  const live = sending || tab === 'summary';
  const checked = live ? plan : settled;
  const checkedMeeting = checked.meetings[checked.meetings.length - 1] ?? meeting;
  const problems = useMemo(
    () => [
      ...minutesProblems(checked, checkedMeeting, today),
      ...minutesPrivacyProblems(checked, checkedMeeting, policy.cardDetail),
    ],
    [checked, checkedMeeting, today, policy.cardDetail],
  );
  const ready = useMemo(
    () => sendBlockers(checked, checkedMeeting, today).length === 0 && !problems.some((p) => p.severity === 'error'),
    [checked, checkedMeeting, today, problems],
  );
  // The same problems keep the same map, so the (memoised) editor skips the render that only re-checked the plan.
  const problemsByField = useStableByField(problems);

  const canGoTo = (field: string) =>
    ((inMinutesEditor(field) || inRound(field)) && can.writeMinutes) || field.startsWith('roles.');
  const goTo = (field: string) => {
    setSending(false);
    if (inMinutesEditor(field)) setTab('minutes');
    if (inRound(field)) setTab('round');
    setPendingFocus(field);
  };
  // Marks the panel interactive (rendered, handlers attached) for tests and the benchmark: data-ready="true".
  const rootRef = useRef<HTMLElement>(null);
  useEffect(() => {
    rootRef.current?.setAttribute('data-ready', 'true');
    return onFirstInput(() => void loadRound().catch(() => undefined));
  }, []);
  useEffect(() => {
    if (pendingFocus === null) return;
    // A field of the round may still be on its way (its code comes on demand): look again until it is (≤ 5 s).
    let timer: ReturnType<typeof setTimeout> | undefined;
    let tries = 0;
    const attempt = () => {
      if (focusField(pendingFocus) || (tries += 1) > 100) setPendingFocus(null);
      else timer = setTimeout(attempt, 50);
    };
    attempt();
    return () => clearTimeout(timer);
  }, [pendingFocus]);

  return (
    <main className={styles.root} ref={rootRef}>
      <Steady on={[plan.caseReference, meeting.start, plan.participants, myRoles.join(), lang]}>
        <header className={styles.header}>
          <Text as="h1" size={400} weight="semibold">
            {t('title', { caseReference: plan.caseReference })}
          </Text>
          <Text size={200}>{formatDateTime(new Date(meeting.start), lang)}</Text>
          <YourRole />
        </header>
      </Steady>
      <EditingBar editing={editing} />
      <div className={styles.card}>
        <Steady
          on={[
            meeting.agenda,
            meeting.agendaSteps,
            meeting.agendaEndedAt,
            meeting.start,
            meeting.end,
            can.driveAgenda,
            lang,
          ]}
        >
          <AgendaTimer />
        </Steady>
        <div>
          <ShareToStageButton />
        </div>
      </div>
      {sending ? (
        <>
          <div>
            <Button onClick={() => setSending(false)}>{t('send.close')}</Button>
          </div>
          <OnDemand label={t('loading')}>
            <SendMinutes editing={editing} render={render} />
          </OnDemand>
        </>
      ) : (
        <>
          <Steady on={[tab, lang]}>
            <TabStrip
              id={tabsId}
              className={styles.tabs}
              label={t('tabs.label')}
              items={PANEL_TABS.map((value) => ({ value, label: t(`tabs.${value}`) }))}
              selected={tab}
              onSelect={setTab}
            />
          </Steady>
          <div {...tabPanelProps(tabsId, tab)}>
            {tab === 'round' && (
              <OnDemand label={t('loading')}>
                <SpeakerRound problems={problemsByField} />
              </OnDemand>
            )}
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
              <OnDemand label={t('loading')}>
                <JointSummary
                  problems={problems}
                  ready={ready}
                  onGoTo={goTo}
                  canGoTo={canGoTo}
                  onSend={() => setSending(true)}
                />
              </OnDemand>
            )}
          </div>
        </>
      )}
      <Steady on={[plan.participants, meeting.roles, myRoles.join(), lang]}>
        <RoleHandover />
      </Steady>
    </main>
  );
};
