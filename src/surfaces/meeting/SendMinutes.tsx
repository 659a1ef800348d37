import {
  Badge,
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
import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  deliverMinutes,
  type DeliveryResult,
  type Rendered,
  type RenderMinutes,
} from '../../domain/delivery/deliverMinutes';
import { planDelivery, type DeliveryTarget } from '../../domain/delivery/deliveryPlan';
import { planDeepLink, type LinkTarget } from '../../domain/links/planLink';
import type { RecipientDelivery } from '../../domain/plan/planDocument';
import { copenhagenDate, formatDateTime } from '../../domain/time/danishTime';
import { useServices } from '../../ui/services/ServicesContext';
import type { EditingState } from './EditingBar';
import { useMeetingSession } from './MeetingContext';

// The Adaptive Card renderer (adaptivecards + markdown-it) is only needed for the preview before sending:
// loading it on demand keeps it out of the side panel's first load.
const CardPreview = lazy(() => import('../../ui/cards/CardPreview').then((m) => ({ default: m.CardPreview })));

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  list: {
    margin: 0,
    padding: 0,
    listStyleType: 'none',
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  item: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    paddingBlock: tokens.spacingVerticalXS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  line: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  reason: { color: tokens.colorNeutralForeground2 },
  mail: {
    width: '100%',
    height: '420px',
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: '#ffffff',
  },
  themes: { display: 'flex', flexWrap: 'wrap' },
});

type Status = RecipientDelivery['status'];
const statusColor: Record<Status, 'success' | 'danger' | 'warning' | 'informative' | 'subtle'> = {
  sent: 'success',
  failed: 'danger',
  unknown: 'warning',
  pending: 'informative',
  skipped: 'subtle',
};

type Phase = { kind: 'idle' } | { kind: 'saving'; only: string[] | null } | { kind: 'sending' } | { kind: 'done' };

/**
 * "Send referat": who gets the minutes how (Teams chat, e-mail, the meeting chat, or nothing and why), a preview
 * per recipient in Teams' light and dark themes, then the send through deliverMinutes with each recipient's
 * outcome and "Prøv igen" for those that failed. Pending edits are saved first, so what is sent is what is shown.
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
      host: host.kind === 'teams' ? 'teams' : 'standalone',
    }),
    [location, host],
  );
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [result, setResult] = useState<DeliveryResult | null>(null);

  const targets = delivery.ok ? delivery.targets : [];
  const sendable = targets.filter((tg) => tg.channel !== 'none');
  const nameOf = (target: DeliveryTarget) =>
    target.channel === 'meetingChat'
      ? t('send.meetingChatName')
      : (target.participant?.name ?? t('send.meetingChatName'));
  const statusOf = (key: string): Status | null => {
    if (phase.kind === 'sending' || phase.kind === 'saving') return 'pending';
    const reported = result && 'recipients' in result ? result.recipients.find((r) => r.key === key) : undefined;
    return reported?.status ?? meeting.delivery?.recipients.find((r) => r.participantId === key)?.status ?? null;
  };
  const reportOf = (key: string) =>
    result && 'recipients' in result ? result.recipients.find((r) => r.key === key) : undefined;
  const sentCount = sendable.filter((tg) => statusOf(tg.key) === 'sent').length;
  const failed = sendable.filter((tg) => statusOf(tg.key) === 'failed').map((tg) => tg.key);

  const { saveState, saveNow, reload } = editing;
  const deliver = useCallback(
    async (only: string[] | null) => {
      setPhase({ kind: 'sending' });
      const outcome = await deliverMinutes({ planStore, transport, clock, render, policy, link }, plan.id, {
        senderParticipantId: me?.id ?? null,
        lang,
        ...(only ? { only } : {}),
      });
      setResult(outcome);
      setPhase({ kind: 'done' });
      // The delivery record is in the store now: show it here and in the other panels.
      void reload();
    },
    [planStore, transport, clock, render, policy, link, plan.id, me, lang, reload],
  );
  const send = (only: string[] | null) => {
    if (saveState === 'saved') void deliver(only);
    else {
      setPhase({ kind: 'saving', only });
      saveNow();
    }
  };
  useEffect(() => {
    if (phase.kind === 'saving' && saveState === 'saved') void deliver(phase.only);
  }, [phase, saveState, deliver]);

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
          <Text as="h3" size={400} weight="semibold">
            {t('send.planHeading')}
          </Text>
          {meeting.delivery && phase.kind === 'idle' && <Text size={200}>{t('send.earlier')}</Text>}
          <ul className={styles.list}>
            {targets.map((target) => {
              const status = target.channel === 'none' ? null : statusOf(target.key);
              const report = reportOf(target.key);
              const why = target.channel === 'none' ? target.reason : (report?.problem ?? null);
              return (
                <li key={target.key} className={styles.item}>
                  <div className={styles.line}>
                    <Text weight="semibold">{nameOf(target)}</Text>
                    <Text size={200}>{t(`send.channels.${target.channel}`)}</Text>
                    {status && (
                      <Badge appearance="tint" color={statusColor[status]}>
                        {t(`send.status.${status}`)}
                      </Badge>
                    )}
                  </div>
                  {target.channel === 'meetingChat' && (
                    <Text size={200} className={styles.reason}>
                      {t('send.reasons.meetingChat')}
                    </Text>
                  )}
                  {why && status !== 'sent' && (
                    <Text size={200} className={styles.reason}>
                      {why.message[lang]}
                    </Text>
                  )}
                  {status === 'failed' && phase.kind === 'done' && (
                    <div>
                      <Button
                        size="small"
                        aria-label={`${t('send.retry')}: ${nameOf(target)}`}
                        onClick={() => send([target.key])}
                      >
                        {t('send.retry')}
                      </Button>
                    </div>
                  )}
                </li>
              );
            })}
          </ul>
          <Preview targets={sendable} render={render} link={link} nameOf={nameOf} />
          <div role="status" aria-live="polite">
            {phase.kind === 'saving' && <Text>{t('send.saveFirst')}</Text>}
            {phase.kind === 'sending' && <Text>{t('send.sending')}</Text>}
            {phase.kind !== 'idle' && sendable.length > 0 && (
              <>
                <Text>{t('send.progress', { sent: sentCount, total: sendable.length })}</Text>
                <ProgressBar value={sentCount / sendable.length} aria-hidden="true" />
              </>
            )}
            {result?.outcome === 'delivered' && <Text weight="semibold">{t('send.done')}</Text>}
            {result?.outcome === 'partial' && (
              <Text weight="semibold">{t('send.partial', { sent: sentCount, total: sendable.length })}</Text>
            )}
            {(result?.outcome === 'blocked' || result?.outcome === 'failed') && (
              <MessageBar intent="error" layout="multiline">
                <MessageBarBody>
                  {t('send.blocked', { reason: result.problems.map((p) => p.message[lang]).join(' ') })}
                </MessageBarBody>
              </MessageBar>
            )}
          </div>
          {meeting.delivery?.startedAt && phase.kind === 'idle' && (
            <Text size={200}>
              {t('send.sentAt', { when: formatDateTime(new Date(meeting.delivery.startedAt), lang) })}
            </Text>
          )}
          <div>
            {sendable.length > 0 && sentCount === sendable.length ? null : failed.length > 0 &&
              phase.kind === 'done' ? (
              <Button appearance="primary" onClick={() => send(failed)}>
                {t('send.retryFailed')}
              </Button>
            ) : (
              <Button
                appearance="primary"
                disabled={
                  phase.kind === 'sending' ||
                  phase.kind === 'saving' ||
                  sendable.length === 0 ||
                  saveState === 'conflict'
                }
                onClick={() => send(null)}
              >
                {t('send.sendNow')}
              </Button>
            )}
          </div>
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
