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
import { useTranslation, type TFunction } from '../../ui/i18n/useTranslation';
import {
  deliverMinutes,
  type DeliveryOptions,
  type DeliveryResult,
  type RecipientReport,
  type Rendered,
  type RenderMinutes,
} from '../../domain/delivery/deliverMinutes';
import type { DeliveryTarget } from '../../domain/delivery/deliveryPlan';
import {
  deliveryPreview,
  withMarker,
  type PreviewTarget,
  type SendableTarget,
} from '../../domain/delivery/deliveryPreview';
import { noticeProblem, unknownChatProblem, unknownMailProblem } from '../../domain/delivery/deliveryProblems';
import {
  notBeforeForSend,
  sendStatus,
  withNotBefore,
  withSeenSent,
  type RowStatus,
  type SendPhase,
  type SendRequest,
} from '../../domain/delivery/sendStatus';
import { linkHostFor, type LinkTarget } from '../../domain/links/planLink';
import { mailProtectionProblems } from '../../domain/policy/mailProtection';
import type { Lang, Problem } from '../../domain/problems';
import { copenhagenDate, formatDateTime, formatShortDate, formatTime } from '../../domain/time/danishTime';
import { useServices } from '../../ui/services/ServicesContext';
import type { EditingState } from './EditingBar';
import { useMeetingSession } from './MeetingContext';
import { SendRecipientRow, type RowRetry } from './SendRecipientRow';

// The Adaptive Card renderer (adaptivecards + markdown-it) is only needed for the preview before sending:
// loading it on demand keeps it out of the side panel's first load.
const CardPreview = lazy(() => import('../../ui/cards/CardPreview').then((m) => ({ default: m.CardPreview })));

/** The preview's stand-in for the delivery id, which only the send makes. */
const PREVIEW_MARKER = 'preview';

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

/**
 * How a recipient gets the minutes, as the line says it: Teams chat, the meeting chat, or for e-mail what the
 * privacy guard decided ("Krypteret e-mail", "Kun besked om nyt referat — planen sendes med Digital Post" …).
 */
const channelLabel = (t: TFunction<'meeting'>, target: DeliveryTarget): string => {
  if (target.channel !== 'email') return t(`send.channels.${target.channel}`);
  const { mail } = target;
  if (mail.kind !== 'notice') return t(`send.channels.${mail.kind}`);
  return t(mail.planBy === 'digitalPost' ? 'send.channels.noticeDigitalPost' : 'send.channels.notice');
};

/** "27. november kl. 14.32": when the last recipient got the minutes. */
const shortWhen = (instant: Date, lang: Lang) =>
  `${formatShortDate(copenhagenDate(instant), lang)} ${lang === 'da' ? 'kl.' : 'at'} ${formatTime(instant, lang)}`;

/**
 * "Send referat": who gets the minutes how (Teams chat, e-mail, the meeting chat, or nothing and why), a preview
 * per recipient in Teams' light and dark themes, then the send through deliverMinutes, each recipient's status
 * changing while it runs. What the list and the preview show is `deliveryPreview`, the same decision the pipeline
 * sends; what each line says is `sendStatus`. Everyone who did not (or may not) get the minutes has their own
 * "Prøv igen" — after a reload too, from the delivery record in the plan — and the pipeline looks before it sends
 * again, so nobody gets them twice. When everyone covered has them, the view says so and offers no second send.
 * Pending edits are saved first, so what is sent is what is shown.
 */
export const SendMinutes = ({ editing, render }: { editing: EditingState; render: RenderMinutes }) => {
  const { t } = useTranslation('meeting');
  const styles = useStyles();
  const { planStore, transport, clock, policy, location, host } = useServices();
  const { plan, meeting, me, lang } = useMeetingSession();
  const today = copenhagenDate(clock.now());
  const link: LinkTarget = useMemo(
    () => ({
      appBaseUrl: location.appBaseUrl,
      teamsAppId: location.teamsAppId,
      host: linkHostFor(host.kind),
    }),
    [location, host],
  );
  const preview = useMemo(
    () => deliveryPreview({ plan, meeting, today, policy, senderParticipantId: me?.id ?? null, lang, link }),
    [plan, meeting, today, policy, me, lang, link],
  );
  // The admin's mail-protection setting, where it is wrong (a typo never lets anything out unprotected).
  const mailSetup = useMemo(() => mailProtectionProblems(policy.mailProtection?.issues ?? []), [policy]);
  const [phase, setPhase] = useState<SendPhase>({ kind: 'idle' });
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

  const targets = preview.ok ? preview.targets : [];
  const sendable = targets.flatMap((p) => (p.target.channel === 'none' ? [] : [p.target]));
  const nameOf = (target: DeliveryTarget) =>
    target.channel === 'meetingChat'
      ? t('send.meetingChatName')
      : (target.participant?.name ?? t('send.meetingChatName'));
  const record = useMemo(
    () => new Map((meeting.delivery?.recipients ?? []).map((r) => [r.participantId, r])),
    [meeting.delivery],
  );
  const final = useMemo(
    () => new Map(result && 'recipients' in result ? result.recipients.map((r) => [r.key, r]) : []),
    [result],
  );
  const { saveState, saveNow, reload } = editing;
  const blockedBySave = saveState === 'conflict';
  const status = sendStatus({
    targets: sendable,
    record,
    final,
    live,
    phase,
    seenSent,
    notBefore,
    now,
    blockedBySave,
  });
  const { everyoneHasIt } = status;
  // Opened when everyone already had the minutes: the summary goes first. After a send here it stays in the live
  // region beside the button, where the referent is looking and where it is announced.
  const doneAtOpen = useRef<boolean | null>(null);
  if (doneAtOpen.current === null && preview.ok) doneAtOpen.current = everyoneHasIt;
  const doneOnTop = everyoneHasIt && doneAtOpen.current === true;

  // The send starts from the version the panel holds once it is saved (no second read); if someone saved after
  // it, the pipeline's first write is refused (412), and it reads the plan and starts again.
  const stored = useRef(editing.stored);
  stored.current = editing.stored;
  const note = useCallback(
    (reports: readonly RecipientReport[]) => {
      const at = clock.now();
      setNow(at.getTime());
      setSeenSent((seen) => withSeenSent(seen, reports, at));
      setNotBefore((until) => withNotBefore(until, reports, at));
    },
    [clock],
  );
  const deliver = useCallback(
    async (request: SendRequest) => {
      setPhase({ kind: 'sending', request });
      setLive(new Map());
      setNotBefore((until) => notBeforeForSend(until, request));
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

  const statusText = (row: RowStatus) =>
    row.sentAt ? t('send.status.sentAt', { time: formatTime(row.sentAt, lang) }) : t(`send.status.${row.shown}`);
  const notesOf = (target: DeliveryTarget, row: RowStatus | null): string[] => {
    if (target.channel === 'none') return [target.reason.message[lang]];
    const notes =
      target.channel === 'meetingChat'
        ? [t('send.reasons.meetingChat')]
        : target.channel === 'email' && target.mail.kind === 'notice'
          ? [noticeProblem(target.mail.reason, target.participant).message[lang]]
          : [];
    const extra = row?.note ?? null;
    if (extra === null) return notes;
    if (extra.kind === 'problem') return [...notes, extra.problem.message[lang]];
    if (extra.kind === 'failedEarlier') return [...notes, t('send.failedEarlier')];
    const unknownProblem = extra.channel === 'email' ? unknownMailProblem : unknownChatProblem;
    return [...notes, unknownProblem(target.key, nameOf(target)).message[lang]];
  };
  const retryOf = (target: SendableTarget, row: RowStatus): RowRetry | null => {
    if (!row.retry) return null;
    const label = t('send.retry');
    const shownLabel =
      row.retry.waitSeconds > 0 ? t('send.wait', { action: label, seconds: row.retry.waitSeconds }) : label;
    return {
      label: shownLabel,
      accessibleName: `${shownLabel}: ${nameOf(target)}`,
      disabled: row.retry.disabled,
      onRetry: () => send({ only: [target.key], bulk: null }),
    };
  };

  const { bulk } = status;
  const bulkLabel =
    bulk &&
    (bulk.waitSeconds > 0
      ? t('send.wait', { action: t(`send.${bulk.action}`), seconds: bulk.waitSeconds })
      : t(`send.${bulk.action}`));

  const doneLines = (
    <>
      <Text weight="semibold">{t('send.done')}</Text>
      {status.lastSentAt && (
        <Text size={200}>
          {t('send.doneDetail', { count: status.covered, when: shortWhen(status.lastSentAt, lang) })}
        </Text>
      )}
    </>
  );

  return (
    <section className={styles.root} aria-labelledby="send-heading">
      <Text as="h2" size={500} weight="semibold" id="send-heading">
        {t('send.heading')}
      </Text>
      {mailSetup.length > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <Text block>{t('send.mailSetup')}</Text>
            {mailSetup.map((problem) => (
              <Text block key={problem.message.da}>
                {problem.message[lang]}
              </Text>
            ))}
          </MessageBarBody>
        </MessageBar>
      )}
      {!preview.ok && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            {t('send.blocked', { reason: preview.problems.map((p) => p.message[lang]).join(' ') })}
          </MessageBarBody>
        </MessageBar>
      )}
      {preview.ok && (
        <>
          {doneOnTop && <div className={styles.done}>{doneLines}</div>}
          <Text as="h3" size={400} weight="semibold" id="send-recipients-heading">
            {everyoneHasIt ? t('send.receiptsHeading') : t('send.planHeading')}
          </Text>
          {sentBeforeOpen && !everyoneHasIt && <Text size={200}>{t('send.earlier')}</Text>}
          <ul className={styles.list} aria-labelledby="send-recipients-heading">
            {targets.map(({ target }) => {
              const row = target.channel === 'none' ? null : (status.rows.get(target.key) ?? null);
              return (
                <SendRecipientRow
                  key={target.key}
                  name={nameOf(target)}
                  organisation={target.channel === 'meetingChat' ? null : (target.participant?.organisation ?? null)}
                  channel={channelLabel(t, target)}
                  status={row?.shown ?? null}
                  statusText={row ? statusText(row) : ''}
                  notes={notesOf(target, row)}
                  retry={row && target.channel !== 'none' ? retryOf(target, row) : null}
                />
              );
            })}
          </ul>
          <Preview targets={targets} blocking={preview.blocking} render={render} nameOf={nameOf} />
          {status.covered > 0 && !doneOnTop && (
            <div className={styles.progress}>
              <div role="status" aria-live="polite" className={everyoneHasIt ? styles.done : styles.progress}>
                {everyoneHasIt ? (
                  doneLines
                ) : (
                  <>
                    <Text>{t('send.progress', { sent: status.sentCount, total: status.covered })}</Text>
                    <div className={styles.slot}>
                      {phase.kind === 'saving' && <Text>{t('send.saveFirst')}</Text>}
                      {phase.kind === 'sending' && <Text>{t('send.sending')}</Text>}
                      {phase.kind === 'done' && result?.outcome === 'partial' && (
                        <Text weight="semibold">
                          {t('send.partial', { sent: status.sentCount, total: status.covered })}
                        </Text>
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
                  aria-valuetext={t('send.progress', { sent: status.sentCount, total: status.covered })}
                  max={status.covered}
                  value={status.sentCount}
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
          {bulk && (
            <div className={styles.actions}>
              <Button
                appearance="primary"
                disabledFocusable={bulk.disabled}
                onClick={bulk.disabled ? undefined : () => send(bulk.request)}
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

/**
 * One recipient's message as it will arrive: the card in Teams' light or dark theme, or the e-mail — rendered from
 * the same request the send gives the renderer (only the delivery marker differs).
 */
const Preview = ({
  targets,
  blocking,
  render,
  nameOf,
}: {
  targets: readonly PreviewTarget[];
  blocking: readonly Problem[];
  render: RenderMinutes;
  nameOf(target: DeliveryTarget): string;
}) => {
  const { t } = useTranslation('meeting');
  const styles = useStyles();
  const { host } = useServices();
  const { lang } = useMeetingSession();
  const sendable = targets.filter((p) => p.target.channel !== 'none');
  const [key, setKey] = useState<string>(sendable[0]?.target.key ?? '');
  // Start in the theme the user is looking at; the other is one click away.
  const [theme, setTheme] = useState<'light' | 'dark'>(() => (host.theme() === 'dark' ? 'dark' : 'light'));
  const chosen = sendable.find((p) => p.target.key === key) ?? sendable[0];
  const target = chosen?.target;

  const shown = useMemo((): { kind: 'error'; error: string } | { kind: 'rendered'; rendered: Rendered } | null => {
    if (!chosen) return null;
    if (!chosen.request) return { kind: 'error', error: blocking.map((p) => p.message[lang]).join(' ') };
    try {
      return { kind: 'rendered', rendered: render(withMarker(chosen.request, PREVIEW_MARKER)) };
    } catch (error) {
      return { kind: 'error', error: (error as Error).message };
    }
  }, [chosen, blocking, render, lang]);

  if (!target) return <Text size={200}>{t('send.nothingToPreview')}</Text>;
  return (
    <section className={styles.root} aria-labelledby="preview-heading">
      <Text as="h3" size={400} weight="semibold" id="preview-heading">
        {t('send.preview')}
      </Text>
      <Field label={t('send.previewRecipient')}>
        <Select value={target.key} onChange={(_, data) => setKey(data.value)}>
          {sendable.map(({ target: tg }) => (
            <option key={tg.key} value={tg.key}>
              {`${nameOf(tg)} – ${channelLabel(t, tg)}`}
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
