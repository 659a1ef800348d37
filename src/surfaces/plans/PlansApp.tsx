import { Button, MessageBar, MessageBarActions, MessageBarBody, Spinner } from '@fluentui/react-components';
import { lazy, useMemo } from 'react';
import { useTranslation } from '../../ui/i18n/useTranslation';
import * as z from 'zod/mini';
import { currentKoordinatorId, namedNextTovholderId } from '../../domain/access/planAccess';
import { usePlan } from '../../ui/hooks/usePlan';
import { useSessionDraft } from '../../ui/hooks/useSessionDraft';
import { OnDemand } from '../../ui/lazy/OnDemand';
import { BookingConfirmation } from './booking/BookingConfirmation';
import { BookingPage, type BookedMeeting } from './booking/BookingPage';
import { PlanHistory } from './history/PlanHistory';
import { PlansHome } from './home/PlansHome';
import { plansFailureText } from './plansFailureText';
import { PlanPrintView } from './print/PlanPrintView';

// "Tjek opsætning" is for the admin, seldom: its code comes when it is opened.
const SetupPage = lazy(() => import('./setup/SetupPage').then((m) => ({ default: m.SetupPage })));

// The letter to the citizen (Din plan) is opened now and then, from one plan's card: it loads on demand.
const CitizenLetterView = lazy(() =>
  import('./letter/CitizenLetterView').then((m) => ({ default: m.CitizenLetterView })),
);

const BookedSchema = z.object({
  planId: z.string(),
  caseReference: z.string(),
  start: z.string(),
  end: z.string(),
  invited: z.number(),
  toldInPerson: z._default(z.array(z.string()), []),
  joinUrl: z.nullable(z.string()),
  tab: z.nullable(z.enum(['pinned', 'notAllowed', 'failed', 'skipped'])),
  consentMissing: z.boolean(),
  access: z._default(z.object({ opens: z.number(), notYet: z.array(z.string()) }), { opens: 0, notYet: [] }),
});

const ViewSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('home') }),
  z.object({ kind: z.literal('book'), planId: z.nullable(z.string()) }),
  z.object({ kind: z.literal('booked'), booked: BookedSchema }),
  z.object({ kind: z.literal('history'), planId: z.string() }),
  z.object({ kind: z.literal('print'), planId: z.string() }),
  z.object({ kind: z.literal('setup') }),
  z.object({ kind: z.literal('letter'), planId: z.string() }),
]);
type View = z.infer<typeof ViewSchema>;

export interface PlansAppProps {
  /** A plan to open at once (deep link from a card or the invitation: `planId=` or the tab's sub-entity). */
  planId?: string | null;
  /** The tovholder to ask for access, named by the link, for someone the plan is not shared with. */
  ask?: string | null;
  /** Open "Tjek opsætning" at once (`view=setup`). */
  setup?: boolean;
}

/**
 * The plans tab (Teams personal tab, Outlook, Microsoft 365 app): home, booking, history, print and the citizen's
 * letter ("Din plan"). Where the user is lives in session storage like the drafts, so a reload comes back to the
 * same page with nothing lost.
 */
export const PlansApp = ({ planId = null, ask = null, setup = false }: PlansAppProps) => {
  const { t } = useTranslation('plans');
  const [view, setView] = useSessionDraft<View>(
    'plans:view',
    (): View => (setup ? { kind: 'setup' } : planId ? { kind: 'history', planId } : { kind: 'home' }),
    ViewSchema,
  );
  const home = () => setView({ kind: 'home' });
  const bookNext = (id: string) => setView({ kind: 'book', planId: id });
  const history = (id: string) => setView({ kind: 'history', planId: id });
  const print = (id: string) => setView({ kind: 'print', planId: id });
  const letter = (id: string) => setView({ kind: 'letter', planId: id });

  switch (view.kind) {
    case 'home':
      return (
        <PlansHome
          onNewPlan={() => setView({ kind: 'book', planId: null })}
          onBookNext={bookNext}
          onHistory={history}
          onPrint={print}
          onSetup={() => setView({ kind: 'setup' })}
          onLetter={letter}
        />
      );
    case 'setup':
      return (
        <OnDemand label={t('setup.checking')} style={{ padding: 24 }}>
          <SetupPage onBack={home} />
        </OnDemand>
      );
    case 'book':
      return view.planId === null ? (
        <BookingPage plan={null} onBooked={(booked) => setView({ kind: 'booked', booked })} onCancel={home} />
      ) : (
        <NextMeetingBooking
          planId={view.planId}
          onBooked={(booked) => setView({ kind: 'booked', booked })}
          onCancel={home}
        />
      );
    case 'booked':
      return <BookingConfirmation booked={view.booked} onHome={home} />;
    case 'history':
      return (
        <PlanHistory
          planId={view.planId}
          onBack={home}
          onPrint={print}
          onBookNext={bookNext}
          ask={view.planId === planId ? ask : null}
        />
      );
    case 'print':
      return (
        <PlanPrintView
          planId={view.planId}
          onBack={() => history(view.planId)}
          ask={view.planId === planId ? ask : null}
        />
      );
    case 'letter':
      return (
        <OnDemand>
          <CitizenLetterView planId={view.planId} onBack={home} />
        </OnDemand>
      );
  }
};

/** Booking the next meeting starts from the plan as stored, so it waits for it. */
const NextMeetingBooking = ({
  planId,
  onBooked,
  onCancel,
}: {
  planId: string;
  onBooked(booked: BookedMeeting): void;
  onCancel(): void;
}) => {
  const { t } = useTranslation('plans');
  const stored = usePlan(planId);
  const plan = stored.status === 'ready' ? stored.plan : null;
  const eTag = stored.status === 'ready' ? stored.eTag : null;
  // One object per stored version, so the booking form's memoised parts keep still while the user types.
  const current = useMemo(() => (plan && eTag ? { plan, eTag } : null), [plan, eTag]);
  if (stored.status === 'loading') return <Spinner label={t('history.loading')} />;
  if (stored.status !== 'ready')
    return (
      <main style={{ padding: 16 }}>
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            {stored.status === 'error' ? plansFailureText(t, stored.failure) : t('history.notFound')}
          </MessageBarBody>
          <MessageBarActions>
            <Button onClick={onCancel}>{t('history.back')}</Button>
          </MessageBarActions>
        </MessageBar>
      </main>
    );
  // A reader cannot save the plan: booking would put a meeting in calendars and then fail to record it.
  if (stored.myRole === 'reader') {
    // Whoever convenes next: the next tovholder the last minutes named, else the koordinator.
    const convener = namedNextTovholderId(stored.plan) ?? currentKoordinatorId(stored.plan);
    const tovholder = stored.plan.participants.find((p) => p.id === convener);
    return (
      <main style={{ padding: 16 }}>
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            {tovholder ? t('booking.readerOnlyAsk', { name: tovholder.name }) : t('booking.readerOnly')}
          </MessageBarBody>
          <MessageBarActions>
            <Button onClick={onCancel}>{t('history.back')}</Button>
          </MessageBarActions>
        </MessageBar>
      </main>
    );
  }
  return current && <BookingPage plan={current} onBooked={onBooked} onCancel={onCancel} />;
};
