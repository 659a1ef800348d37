import {
  Button,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Radio,
  RadioGroup,
  Select,
  Spinner,
  Text,
  tokens,
} from '@fluentui/react-components';
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from '../../ui/i18n/useTranslation';
import {
  deliverMinutes,
  type DeliveryOptions,
  type DeliveryResult,
  type RecipientReport,
  type Rendered,
  type RenderMinutes,
} from '../../domain/delivery/deliverMinutes';
import { planDelivery, type DeliveryTarget } from '../../domain/delivery/deliveryPlan';
import { unknownChatProblem, unknownMailProblem } from '../../domain/delivery/deliveryProblems';
import { linkHostFor, planDeepLink, type LinkTarget } from '../../domain/links/planLink';
import type { RecipientDelivery } from '../../domain/plan/planDocument';
import type { Lang } from '../../domain/problems';
import { copenhagenDate, formatDateTime, formatShortDate, formatTime } from '../../domain/time/danishTime';
import { useServices } from '../../ui/services/ServicesContext';
import type { EditingState } from './EditingBar';
import { useMeetingSession } from './MeetingContext';
import { SendRecipientRow, type RowRetry, type ShownStatus } from './SendRecipientRow';

// The Adaptive Card renderer (adaptivecards + markdown-it) is only needed for the preview before sending:
// loading it on demand keeps it out of the side panel's first load.
const CardPreview = lazy(() => import('../../ui/cards/CardPreview').then((m) => ({ default: m.CardPreview })));

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  list: {
    margin: 0,
    padding: 0,
    listStyleType: 'none',
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  // The progress keeps its lines while the statuses change, so nothing below it jumps during a send.
  progress: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, overflowWrap: 'anywhere' },
  slot: { minHeight: tokens.lineHeightBase300 },
  done: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    padding: tokens.spacingVerticalS,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorPaletteGreenBackground1,
    color: tokens.colorNeutralForeground1,
  },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  mail: {
    width: '100%',
    height: '420px',
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: '#ffffff',
  },
  themes: { display: 'flex', flexWrap: 'wrap' },
});

type Sendable = Exclude<DeliveryTarget, { channel: 'none' }>;
type Status = RecipientDelivery['status'];

type BulkAction = 'sendNow' | 'retryFailed' | 'retryMissing';

/** One press of a send button: whom to send to (null: everyone who does not have the minutes yet). */
interface SendRequest {
  only: readonly string[] | null;
  /** The bulk button that started it (it keeps its label, disabled, while the send runs); null for a row's. */
  bulk: BulkAction | null;
}

type Phase =
  | { kind: 'idle' }
  | { kind: 'saving'; request: SendRequest }
  | { kind: 'sending'; request: SendRequest }
  | { kind: 'done' };

/** "27. november kl. 14.32": when the last recipient got the minutes. */
const shortWhen = (instant: Date, lang: Lang) =>
  `${formatShortDate(copenhagenDate(instant), lang)} ${lang === 'da' ? 'kl.' : 'at'} ${formatTime(instant, lang)}`;

/**
 * "Send referat": who gets the minutes how (Teams chat, e-mail, the meeting chat, or nothing and why), a preview
 * per recipient in Teams' light and dark themes, then the send through deliverMinutes, each recipient's status
 * changing while it runs. Everyone who did not (or may not) get the minutes has their own "Prøv igen" — after a
 * reload too, from the delivery record in the plan — and the pipeline looks before it sends again, so nobody gets
 * them twice. When everyone covered has them, the view says so and offers no second send. Pending edits are
 * saved first, so what is sent is what is shown.
 */
export const SendMinutes = ({ editing, render }: { editing: EditingState; render: RenderMinutes }) => {
  const { t } = useTranslation('meeting');
  const styles = useStyles();
  const { planStore, transport, clock, policy, location, host } = useServices();
  const { plan, meeting, me, lang } = useMeetingSession();
  const today = copenhagenDate(clock.now());
  const delivery = useMemo(
    () => planDelivery(plan, meeting, today, policy, me?.id ?? null),
    [plan, meeting, today, policy, me],
  );
  const link: LinkTarget = useMemo(
    () => ({
      appBaseUrl: location.appBaseUrl,
      teamsAppId: location.teamsAppId,
      host: linkHostFor(host.kind),
    }),
    [location, host],
  );
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [result, setResult] = useState<DeliveryResult | null>(null);
  // This send's reports as the pipeline gives them, before it returns.
  const [live, setLive] = useState<ReadonlyMap<string, RecipientReport>>(new Map());
  // When this view saw each recipient become `sent` (the record's own time wins once it is reloaded).
  const [seenSent, setSeenSent] = useState<Readonly<Record<string, string>>>({});
  // Throttled recipients: not before this time (epoch ms).
  const [notBefore, setNotBefore] = useState<Readonly<Record<string, number>>>({});
  const [now, setNow] = useState(() => clock.now().getTime());
  // Whether the minutes had been sent before this view opened: the lines saying so stay while it is open.
  const [sentBeforeOpen] = useState(() => meeting.delivery !== null);

  const targets = delivery.ok ? delivery.targets : [];
  const sendable = targets.filter((tg): tg is Sendable => tg.channel !== 'none');
  const nameOf = (target: DeliveryTarget) =>
    target.channel === 'meetingChat'
      ? t('send.meetingChatName')
      : (target.participant?.name ?? t('send.meetingChatName'));
  const recordOf = (key: string) => meeting.delivery?.recipients.find((r) => r.participantId === key);
  const finalReports = useMemo(
    () => new Map(result && 'recipients' in result ? result.recipients.map((r) => [r.key, r]) : []),
    [result],
  );
  const sendingNow = phase.kind === 'sending' || phase.kind === 'saving';
  const request = sendingNow ? phase.request : null;

  /** The recipient's status as the pipeline last said it; while a send runs, its live report. */
  /** The status before the send that runs now (if any): the last result here, or the record in the plan. */
  const beforeOf = (key: string): Status | null => finalReports.get(key)?.status ?? recordOf(key)?.status ?? null;
  const rawStatusOf = (key: string): Status | null => {
    const before = beforeOf(key);
    if (phase.kind !== 'sending') return before;
    const reported = live.get(key)?.status;
    if (reported) return reported;
    const selected = phase.request.only === null || phase.request.only.includes(key);
    return selected && before !== 'sent' ? 'pending' : before;
  };
  const shownOf = (key: string): ShownStatus => {
    const raw = rawStatusOf(key);
    if (raw === null) return 'notYet';
    if (raw === 'pending') return sendingNow ? 'pending' : 'notYet';
    // While a send runs, `unknown` means on its way; afterwards, that the answer was lost.
    if (raw === 'unknown') return sendingNow ? 'sending' : 'unknown';
    return raw;
  };
  const sentAtOf = (key: string): Date | null => {
    const record = recordOf(key);
    const at = record?.status === 'sent' && record.at ? record.at : seenSent[key];
    return at ? new Date(at) : null;
  };
  const problemOf = (key: string) => live.get(key)?.problem ?? finalReports.get(key)?.problem ?? null;

  const shown = new Map(sendable.map((tg) => [tg.key, shownOf(tg.key)]));
  const covered = sendable.filter((tg) => shown.get(tg.key) !== 'skipped');
  const sentCount = covered.filter((tg) => shown.get(tg.key) === 'sent').length;
  const missing = covered.filter((tg) => shown.get(tg.key) !== 'sent');
  const everyoneHasIt = !sendingNow && covered.length > 0 && missing.length === 0;
  const lastSentAt = covered
    .map((tg) => sentAtOf(tg.key))
    .reduce<Date | null>((latest, at) => (at && (!latest || at > latest) ? at : latest), null);
  // Opened when everyone already had the minutes: the summary goes first. After a send here it stays in the live
  // region beside the button, where the referent is looking and where it is announced.
  const doneAtOpen = useRef<boolean | null>(null);
  if (doneAtOpen.current === null && delivery.ok) doneAtOpen.current = everyoneHasIt;
  const doneOnTop = everyoneHasIt && doneAtOpen.current === true;

  const { saveState, saveNow, reload } = editing;
  // The send starts from the version the panel holds once it is saved (no second read); if someone saved after
  // it, the pipeline's first write is refused (412), and it reads the plan and starts again.
  const stored = useRef(editing.stored);
  stored.current = editing.stored;
  const note = useCallback(
    (reports: readonly RecipientReport[]) => {
      const at = clock.now();
      setNow(at.getTime());
      setSeenSent((seen) => {
        const fresh = reports.filter((r) => r.status === 'sent' && !seen[r.key]);
        return fresh.length === 0
          ? seen
          : { ...seen, ...Object.fromEntries(fresh.map((r) => [r.key, at.toISOString()])) };
      });
      const throttled = reports.filter((r) => r.retryAfterMs !== null && r.status !== 'sent');
      if (throttled.length > 0)
        setNotBefore((until) => ({
          ...until,
          ...Object.fromEntries(throttled.map((r) => [r.key, at.getTime() + (r.retryAfterMs ?? 0)])),
        }));
    },
    [clock],
  );
  const deliver = useCallback(
    async (request: SendRequest) => {
      setPhase({ kind: 'sending', request });
      setLive(new Map());
      setNotBefore((until) =>
        request.only === null
          ? {}
          : Object.fromEntries(Object.entries(until).filter(([key]) => !request.only?.includes(key))),
      );
      const options: DeliveryOptions = {
        senderParticipantId: me?.id ?? null,
        lang,
        known: stored.current,
        ...(request.only ? { only: request.only } : {}),
        onProgress: (reports) => {
          setLive(new Map(reports.map((r) => [r.key, r])));
          note(reports);
        },
      };
      try {
        const outcome = await deliverMinutes({ planStore, transport, clock, render, policy, link }, plan.id, options);
        if ('recipients' in outcome) note(outcome.recipients);
        setResult(outcome);
      } finally {
        setLive(new Map());
        setPhase({ kind: 'done' });
        // The delivery record is in the store now: show it here and in the other panels.
        void reload();
      }
    },
    [planStore, transport, clock, render, policy, link, plan.id, me, lang, reload, note],
  );
  const send = (request: SendRequest) => {
    if (saveState === 'saved') void deliver(request);
    else {
      setPhase({ kind: 'saving', request });
      saveNow();
    }
  };
  useEffect(() => {
    if (phase.kind === 'saving' && saveState === 'saved') void deliver(phase.request);
  }, [phase, saveState, deliver]);

  // While someone is throttled, count down to when "Prøv igen" can be used.
  const waiting = Object.values(notBefore).some((until) => until > now);
  useEffect(() => {
    if (!waiting) return;
    const timer = setInterval(() => setNow(clock.now().getTime()), 1000);
    return () => clearInterval(timer);
  }, [waiting, clock]);
  const waitSeconds = (keys: readonly string[]) => {
    const until = Math.max(0, ...keys.map((key) => notBefore[key] ?? 0));
    return until > now ? Math.ceil((until - now) / 1000) : 0;
  };
  const blockedBySave = saveState === 'conflict';

  const statusText = (target: Sendable, status: ShownStatus) => {
    const at = status === 'sent' ? sentAtOf(target.key) : null;
    return at ? t('send.status.sentAt', { time: formatTime(at, lang) }) : t(`send.status.${status}`);
  };
  const notesOf = (target: DeliveryTarget, status: ShownStatus | null): string[] => {
    if (target.channel === 'none') return [target.reason.message[lang]];
    const notes = target.channel === 'meetingChat' ? [t('send.reasons.meetingChat')] : [];
    if (status === 'sent' || status === 'notYet' || status === 'pending' || status === 'sending') return notes;
    const problem = problemOf(target.key);
    if (problem) return [...notes, problem.message[lang]];
    // After a reload the record says what happened, not why: say what "Prøv igen" will do.
    if (status === 'failed') return [...notes, t('send.failedEarlier')];
    if (status === 'unknown')
      return [
        ...notes,
        (target.channel === 'email' ? unknownMailProblem : unknownChatProblem)(target.key, nameOf(target)).message[
          lang
        ],
      ];
    return notes;
  };
  const retryOf = (target: Sendable, status: ShownStatus): RowRetry | null => {
    // While a send runs, a line that had its button keeps it (disabled), so the list does not jump.
    const offered = sendingNow ? beforeOf(target.key) : status;
    if (offered !== 'failed' && offered !== 'unknown') return null;
    const label = t('send.retry');
    const seconds = waitSeconds([target.key]);
    const shownLabel = seconds > 0 ? t('send.wait', { action: label, seconds }) : label;
    return {
      label: shownLabel,
      accessibleName: `${shownLabel}: ${nameOf(target)}`,
      disabled: sendingNow || seconds > 0 || blockedBySave,
      onRetry: () => send({ only: [target.key], bulk: null }),
    };
  };

  // "Send referatet nu" until anyone has the minutes or a send ran here; then "Prøv igen" for the rest (the
  // pipeline looks for what an unknown outcome left before it sends again).
  const tried = phase.kind === 'done' || sentCount > 0;
  const bulk: BulkAction | null =
    request?.bulk ??
    (!tried
      ? 'sendNow'
      : missing.length === 0
        ? null
        : missing.every((tg) => shown.get(tg.key) === 'failed')
          ? 'retryFailed'
          : 'retryMissing');
  const bulkWait = bulk === 'sendNow' ? 0 : waitSeconds(missing.map((tg) => tg.key));
  const bulkLabel =
    bulk && (bulkWait > 0 ? t('send.wait', { action: t(`send.${bulk}`), seconds: bulkWait }) : t(`send.${bulk}`));
  const pressBulk = () => send(bulk === 'sendNow' ? { only: null, bulk } : { only: missing.map((tg) => tg.key), bulk });

  const doneLines = (
    <>
      <Text weight="semibold">{t('send.done')}</Text>
      {lastSentAt && (
        <Text size={200}>{t('send.doneDetail', { count: covered.length, when: shortWhen(lastSentAt, lang) })}</Text>
      )}
    </>
  );

  return (
    <section className={styles.root} aria-labelledby="send-heading">
      <Text as="h2" size={500} weight="semibold" id="send-heading">
        {t('send.heading')}
      </Text>
      {!delivery.ok && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            {t('send.blocked', { reason: delivery.problems.map((p) => p.message[lang]).join(' ') })}
          </MessageBarBody>
        </MessageBar>
      )}
      {delivery.ok && (
        <>
          {doneOnTop && <div className={styles.done}>{doneLines}</div>}
          <Text as="h3" size={400} weight="semibold" id="send-recipients-heading">
            {everyoneHasIt ? t('send.receiptsHeading') : t('send.planHeading')}
          </Text>
          {sentBeforeOpen && !everyoneHasIt && <Text size={200}>{t('send.earlier')}</Text>}
          <ul className={styles.list} aria-labelledby="send-recipients-heading">
            {targets.map((target) => {
              const status = target.channel === 'none' ? null : (shown.get(target.key) ?? null);
              return (
                <SendRecipientRow
                  key={target.key}
                  name={nameOf(target)}
                  organisation={target.channel === 'meetingChat' ? null : (target.participant?.organisation ?? null)}
                  channel={t(`send.channels.${target.channel}`)}
                  status={status}
                  statusText={status && target.channel !== 'none' ? statusText(target, status) : ''}
                  notes={notesOf(target, status)}
                  retry={status && target.channel !== 'none' ? retryOf(target, status) : null}
                />
              );
            })}
          </ul>
          <Preview targets={sendable} render={render} link={link} nameOf={nameOf} />
          {covered.length > 0 && !doneOnTop && (
            <div className={styles.progress}>
              <div role="status" aria-live="polite" className={everyoneHasIt ? styles.done : styles.progress}>
                {everyoneHasIt ? (
                  doneLines
                ) : (
                  <>
                    <Text>{t('send.progress', { sent: sentCount, total: covered.length })}</Text>
                    <div className={styles.slot}>
                      {phase.kind === 'saving' && <Text>{t('send.saveFirst')}</Text>}
                      {phase.kind === 'sending' && <Text>{t('send.sending')}</Text>}
                      {phase.kind === 'done' && result?.outcome === 'partial' && (
                        <Text weight="semibold">{t('send.partial', { sent: sentCount, total: covered.length })}</Text>
                      )}
                    </div>
                  </>
                )}
                {(result?.outcome === 'blocked' || result?.outcome === 'failed') && phase.kind === 'done' && (
                  <MessageBar intent="error" layout="multiline">
                    <MessageBarBody>
                      {t('send.blocked', { reason: result.problems.map((p) => p.message[lang]).join(' ') })}
                    </MessageBarBody>
                  </MessageBar>
                )}
              </div>
              {!everyoneHasIt && (
                <ProgressBar
                  aria-label={t('send.progressLabel')}
                  aria-valuetext={t('send.progress', { sent: sentCount, total: covered.length })}
                  max={covered.length}
                  value={sentCount}
                  thickness="large"
                />
              )}
            </div>
          )}
          {sentBeforeOpen && meeting.delivery?.startedAt && !everyoneHasIt && (
            <Text size={200}>
              {t('send.sentAt', { when: formatDateTime(new Date(meeting.delivery.startedAt), lang) })}
            </Text>
          )}
          {!everyoneHasIt && bulk && (
            <div className={styles.actions}>
              <Button
                appearance="primary"
                disabledFocusable={sendingNow || sendable.length === 0 || blockedBySave || bulkWait > 0}
                onClick={sendingNow || bulkWait > 0 || blockedBySave ? undefined : pressBulk}
              >
                {bulkLabel}
              </Button>
            </div>
          )}
        </>
      )}
    </section>
  );
};

/** One recipient's message as it will arrive: the card in Teams' light or dark theme, or the e-mail. */
const Preview = ({
  targets,
  render,
  link,
  nameOf,
}: {
  targets: DeliveryTarget[];
  render: RenderMinutes;
  link: LinkTarget;
  nameOf(target: DeliveryTarget): string;
}) => {
  const { t } = useTranslation('meeting');
  const styles = useStyles();
  const { clock, policy, host } = useServices();
  const { plan, meeting, me, lang } = useMeetingSession();
  const [key, setKey] = useState<string>(targets[0]?.key ?? '');
  // Start in the theme the user is looking at; the other is one click away.
  const [theme, setTheme] = useState<'light' | 'dark'>(() => (host.theme() === 'dark' ? 'dark' : 'light'));
  const target = targets.find((tg) => tg.key === key) ?? targets[0];

  const shown = useMemo((): { kind: 'error'; error: string } | { kind: 'rendered'; rendered: Rendered } | null => {
    if (!target || target.channel === 'none') return null;
    const url = planDeepLink(link, plan.id, { plan, policy, today: copenhagenDate(clock.now()) });
    if (!url.ok) return { kind: 'error', error: url.message };
    try {
      return {
        kind: 'rendered',
        rendered: render({
          plan,
          meeting,
          channel: target.channel,
          recipient: target.channel === 'meetingChat' ? null : target.participant,
          detail: target.detail,
          lang,
          planUrl: url.value,
          deliveryMarker: 'preview',
          chatMembers:
            target.channel === 'email'
              ? null
              : target.channel === 'meetingChat'
                ? target.readers
                : [target.key, ...(me ? [me.id] : [])],
        }),
      };
    } catch (error) {
      return { kind: 'error', error: (error as Error).message };
    }
  }, [target, link, plan, meeting, policy, clock, render, lang, me]);

  if (!target) return <Text size={200}>{t('send.nothingToPreview')}</Text>;
  return (
    <section className={styles.root} aria-labelledby="preview-heading">
      <Text as="h3" size={400} weight="semibold" id="preview-heading">
        {t('send.preview')}
      </Text>
      <Field label={t('send.previewRecipient')}>
        <Select value={target.key} onChange={(_, data) => setKey(data.value)}>
          {targets.map((tg) => (
            <option key={tg.key} value={tg.key}>
              {`${nameOf(tg)} – ${t(`send.channels.${tg.channel}`)}`}
            </option>
          ))}
        </Select>
      </Field>
      {shown?.kind === 'error' && (
        <MessageBar intent="error">
          <MessageBarBody>{t('send.previewFailed', { reason: shown.error })}</MessageBarBody>
        </MessageBar>
      )}
      {shown?.kind === 'rendered' && shown.rendered.kind === 'chat' && (
        <>
          <RadioGroup
            className={styles.themes}
            layout="horizontal"
            aria-labelledby="preview-heading"
            value={theme}
            onChange={(_, data) => setTheme(data.value as 'light' | 'dark')}
          >
            <Radio value="light" label={t('send.light')} />
            <Radio value="dark" label={t('send.dark')} />
          </RadioGroup>
          <Suspense fallback={<Spinner size="tiny" label={t('send.previewLoading')} />}>
            <CardPreview
              card={shown.rendered.message.attachments[0]?.content ?? '{}'}
              theme={theme}
              recipientName={nameOf(target)}
            />
          </Suspense>
        </>
      )}
      {shown?.kind === 'rendered' && shown.rendered.kind === 'mail' && (
        <iframe
          className={styles.mail}
          title={t('send.emailPreview', { name: nameOf(target) })}
          sandbox=""
          srcDoc={shown.rendered.mail.html}
        />
      )}
    </section>
  );
};
