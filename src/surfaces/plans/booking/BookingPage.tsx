import { calendarInvitees } from '../../../domain/booking/calendarInvitees';
import type { Meeting, Plan } from '../../../domain/plan/planDocument';
import {
  Button,
  Divider,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { ArrowLeftRegular } from '@fluentui/react-icons';
import { useCallback, useMemo, useRef, useState } from 'react';
import { useTranslation } from '../../../ui/i18n/useTranslation';
import { draftForNextMeeting, emptyBookingDraft } from '../../../domain/booking/bookingDraft';
import { bookingProblems } from '../../../domain/booking/bookingProblems';
import { accessSummary } from '../../../domain/access/accessDue';
import { consentStateProblem, consentStatus } from '../../../domain/consent/consentStatus';
import { carryOver, lastHeldMeeting } from '../../../domain/followUp/carryOver';
import type { StoredPlan } from '../../../domain/ports/planStore';
import { problem, type Problem } from '../../../domain/problems';
import { copenhagenDate } from '../../../domain/time/danishTime';
import { useSessionDraft } from '../../../ui/hooks/useSessionDraft';
import { PrivacyFieldWarning } from '../../../ui/privacy/PrivacyFieldWarning';
import { usePrivacyWarning } from '../../../ui/privacy/usePrivacyWarning';
import { useServices } from '../../../ui/services/ServicesContext';
import { useLang } from '../useLang';
import { useStableValue } from './useStableValue';
import { AgendaPreview } from './AgendaPreview';
import { bookMeeting, type BookingFailure, type BookingStep } from '../../../domain/booking/bookMeeting';
import { CaseSection } from './CaseSection';
import { ConsentSection } from './ConsentSection';
import { bookingFailureText } from './failureText';
import {
  FormDraftSchema,
  consentFromDraft,
  fromBookingDraft,
  meAsParticipant,
  newId,
  toBookingDraft,
  type FormDraft,
} from './formDraft';
import { ParticipantsSection } from './ParticipantsSection';
import { TimeSection } from './TimeSection';
import { useFillMyOrganisation } from './useFillMyOrganisation';
import { restorableDraft } from './restoreDraft';

const useStyles = makeStyles({
  page: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    maxWidth: '880px',
    margin: '0 auto',
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    boxSizing: 'border-box',
    width: '100%',
  },
  top: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', justifyContent: 'space-between' },
  submit: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center', flexWrap: 'wrap' },
  summaryList: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXL },
});

const invitedThroughCalendar = (plan: Plan, meeting: Meeting) => {
  const { invited, toldInPerson } = calendarInvitees(plan, meeting);
  return { invited: invited.length, toldInPerson: toldInPerson.map((p) => p.name) };
};

/** What the confirmation shows once the meeting is booked. */
export interface BookedMeeting {
  planId: string;
  caseReference: string;
  start: string;
  end: string;
  invited: number;
  /** The citizen and relatives: not invited through the calendar, so the koordinator tells them another way. */
  toldInPerson: string[];
  joinUrl: string | null;
  tab: 'pinned' | 'notAllowed' | 'failed' | 'skipped' | null;
  consentMissing: boolean;
  /** How many can open the plan in Microsoft 365 now, and who should but cannot yet (their access failed). */
  access: { opens: number; notYet: string[] };
}

export interface BookingPageProps {
  /** The plan whose next meeting is booked; null for a new plan. */
  plan: StoredPlan | null;
  onBooked(booked: BookedMeeting): void;
  onCancel(): void;
}

type Run =
  { status: 'idle' } | { status: 'running'; step: BookingStep } | { status: 'failed'; failure: BookingFailure };

/** The form's own problems the domain cannot see: a consent whose given-on date is not a date yet. */
/** The draft's fields that could not be restored, in the words the user knows them by (internal ones left out). */
const RESTORED_PART: Partial<
  Record<keyof FormDraft, 'participants' | 'consent' | 'time' | 'length' | 'caseReference' | 'citizenName' | 'roles'>
> = {
  participants: 'participants',
  required: 'participants',
  consent: 'consent',
  consentCarried: 'consent',
  date: 'time',
  startTime: 'time',
  endTime: 'time',
  lengthMinutes: 'length',
  caseReference: 'caseReference',
  citizenName: 'citizenName',
  roles: 'roles',
};
const restoredParts = (fields: readonly string[]) => [
  ...new Set(fields.map((f) => `restoredParts.${RESTORED_PART[f as keyof FormDraft] ?? 'other'}` as const)),
];

const formProblems = (draft: FormDraft): Problem[] =>
  draft.consent !== null && consentFromDraft(draft.consent) === null
    ? [
        problem(
          'booking.consentDate',
          'error',
          'consent.givenOn',
          'Skriv datoen, samtykket blev givet (og evt. hvornår det udløber), som en hel dato.',
          'Enter the date the consent was given (and when it expires, if it does) as a full date.',
        ),
      ]
    : [];

/**
 * Book et indsatsplansmøde: a new plan, or the next meeting of an existing one (participants, roles, a valid
 * consent and the follow-up carried over). The whole form lives in session storage; a reload restores it.
 */
export const BookingPage = ({ plan, onBooked, onCancel }: BookingPageProps) => {
  const { t } = useTranslation('booking');
  const lang = useLang();
  const styles = useStyles();
  const services = useServices();
  const { clock, me, policy } = services;
  const now = clock.now();
  const today = copenhagenDate(now);

  const initialDraft = useCallback((): FormDraft => {
    if (plan) {
      const next = draftForNextMeeting(plan.plan, clock.now(), today);
      return fromBookingDraft(next, { planId: plan.plan.id, nextMeeting: true, consentCarried: true, today });
    }
    const self = meAsParticipant(me);
    const empty = {
      ...emptyBookingDraft(),
      participants: [self],
      roles: { koordinator: self.id, moedeleder: null, referent: null },
    };
    return fromBookingDraft(empty, { planId: newId('plan'), nextMeeting: false, consentCarried: false, today });
  }, [plan, clock, me, today]);

  // A stored kladde keeps every field that still parses: one that does not never empties the form, and the user
  // is told what was reset (filled in while the draft is read, in this render).
  const lostOnRestore = useRef<string[]>([]);
  const storedDraft = useMemo(
    () =>
      restorableDraft(FormDraftSchema, initialDraft, (fields) => {
        lostOnRestore.current = fields;
      }),
    [initialDraft],
  );
  const [draft, setDraft, control] = useSessionDraft<FormDraft>(
    plan ? `booking:next:${plan.plan.id}` : 'booking:new',
    initialDraft,
    storedDraft,
  );
  useFillMyOrganisation(draft, setDraft);
  const [attempted, setAttempted] = useState(false);
  const [run, setRun] = useState<Run>({ status: 'idle' });
  const summaryRef = useRef<HTMLDivElement>(null);

  const nameSource = useMemo(
    () => ({ citizenName: draft.citizenName, participants: draft.participants }),
    [draft.citizenName, draft.participants],
  );
  const privacy = usePrivacyWarning({
    text: draft.caseReference,
    kind: 'caseReference',
    source: nameSource,
    policy,
    field: 'caseReference',
  });

  const problems = useMemo(
    () => [...bookingProblems(toBookingDraft(draft), clock.now()), ...formProblems(draft)],
    [draft, clock],
  );
  const errors = problems.filter((p) => p.severity === 'error');
  // Before the first "Book mødet", only the calm warnings that help while choosing (roles); then everything.
  const shown = useStableValue(
    attempted
      ? problems.filter((p) => p.code !== 'consent.missing')
      : problems.filter((p) => p.code.startsWith('roles.') && p.severity === 'warning'),
  );

  const followUp = useMemo(() => {
    if (!plan) return null;
    const previous = lastHeldMeeting(plan.plan, clock.now());
    return previous ? carryOver(previous.minutes) : [];
  }, [plan, clock]);
  const notCarriedReason =
    plan && plan.plan.consent !== null && consentStatus(plan.plan.consent, today) !== 'valid' && draft.consent === null
      ? (consentStateProblem(plan.plan.consent, today)?.message[lang] ?? null)
      : null;

  const book = async () => {
    setAttempted(true);
    if (errors.length > 0) {
      setRun({ status: 'idle' });
      summaryRef.current?.focus();
      return;
    }
    setRun({ status: 'running', step: draft.nextMeeting || draft.progress.planId ? 'event' : 'place' });
    const result = await bookMeeting(
      services,
      {
        booking: toBookingDraft(draft),
        nextMeeting: draft.nextMeeting,
        meetingId: draft.meetingId,
        transactionId: draft.transactionId,
        progress: draft.progress,
        myEmail: services.me.email,
      },
      {
        onStep: (step) => setRun({ status: 'running', step }),
        onProgress: (progress) => setDraft((d) => ({ ...d, progress })),
      },
    );
    if (!result.ok) {
      setRun({ status: 'failed', failure: result.failure });
      return;
    }
    const booked = result.stored.plan.meetings.find((m) => m.id === draft.meetingId);
    const access = accessSummary(result.access.stored.plan);
    control.clear();
    onBooked({
      planId: result.stored.plan.id,
      caseReference: result.stored.plan.caseReference,
      start: booked?.start ?? '',
      end: booked?.end ?? '',
      ...(booked ? invitedThroughCalendar(result.stored.plan, booked) : { invited: 0, toldInPerson: [] }),
      joinUrl: result.progress.joinUrl,
      tab: result.progress.tab,
      consentMissing: result.stored.plan.consent === null,
      access: {
        opens: access.opens.length,
        notYet: access.notYet.map((id) => result.stored.plan.participants.find((x) => x.id === id)?.name ?? id),
      },
    });
  };

  const changeConsent = useCallback(
    (consent: FormDraft['consent'], consentCarried: boolean) => setDraft((d) => ({ ...d, consent, consentCarried })),
    [setDraft],
  );

  const discard = () => {
    control.clear();
    setDraft(initialDraft());
    setAttempted(false);
    setRun({ status: 'idle' });
  };

  const running = run.status === 'running';
  const { participants, required, roles, externalEntry, weekStart, lengthMinutes, date, startTime, endTime } = draft;
  const participantsPart = useMemo(
    () => ({ participants, required, roles, externalEntry }),
    [participants, required, roles, externalEntry],
  );
  const timePart = useMemo(
    () => ({ participants, weekStart, lengthMinutes, date, startTime, endTime }),
    [participants, weekStart, lengthMinutes, date, startTime, endTime],
  );
  return (
    <main className={styles.page} aria-labelledby="booking-title">
      <div className={styles.top}>
        <Button appearance="subtle" icon={<ArrowLeftRegular />} onClick={onCancel}>
          {t('back')}
        </Button>
        <Button appearance="subtle" onClick={discard} disabled={running}>
          {t('discard')}
        </Button>
      </div>
      <h1 id="booking-title">
        {draft.nextMeeting ? t('titleNext', { caseReference: draft.caseReference }) : t('titleNew')}
      </h1>
      <p>{t('intro')}</p>
      {control.restored &&
        (lostOnRestore.current.length > 0 ? (
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>
              {t('restoredPartly', {
                parts: restoredParts(lostOnRestore.current)
                  .map((k) => t(k))
                  .join(', '),
              })}
            </MessageBarBody>
          </MessageBar>
        ) : (
          <MessageBar intent="info" layout="multiline">
            <MessageBarBody>{t('restored')}</MessageBarBody>
          </MessageBar>
        ))}

      <CaseSection
        draft={draft}
        problems={shown}
        readOnlyCaseReference={draft.nextMeeting}
        onChange={(patch) => setDraft((d) => ({ ...d, ...patch }))}
        caseReferenceWarning={<PrivacyFieldWarning id={privacy.warningId} problems={privacy.problems} />}
        caseReferenceDescribedBy={privacy.warningId}
      />
      <Divider />
      <ParticipantsSection draft={participantsPart} problems={shown} onChange={setDraft} />
      <Divider />
      <ConsentSection
        consent={draft.consent}
        carried={draft.consentCarried}
        notCarriedReason={notCarriedReason}
        participants={draft.participants}
        problems={shown}
        today={today}
        onChange={changeConsent}
      />
      <Divider />
      <TimeSection draft={timePart} problems={shown} onChange={setDraft} />
      <Divider />
      <AgendaPreview lengthMinutes={draft.lengthMinutes} followUp={followUp} participants={draft.participants} />
      <Divider />

      <div ref={summaryRef} tabIndex={-1} aria-live="polite">
        {attempted && errors.length > 0 && (
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{t('submit.fixFirst')}</MessageBarTitle>
              <ul className={styles.summaryList}>
                {errors.map((p) => (
                  <li key={`${p.code}:${p.field ?? ''}`}>{p.message[lang]}</li>
                ))}
              </ul>
            </MessageBarBody>
          </MessageBar>
        )}
      </div>
      <div role="alert">
        {run.status === 'failed' && (
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{draft.progress.eventId ? t('failure.partTitle') : t('failure.title')}</MessageBarTitle>
              {bookingFailureText(t, lang, run.failure)}
            </MessageBarBody>
            <MessageBarActions>
              <Button onClick={() => void book()}>{t('failure.retry')}</Button>
            </MessageBarActions>
          </MessageBar>
        )}
      </div>
      <div className={styles.submit}>
        <Button appearance="primary" size="large" disabled={running} onClick={() => void book()}>
          {running ? t('submit.booking') : t('submit.book')}
        </Button>
        <div role="status" aria-live="polite">
          {run.status === 'running' && (
            <Spinner size="tiny" labelPosition="after" label={t(`submit.steps.${run.step}`)} />
          )}
        </div>
      </div>
    </main>
  );
};
