import { useCallback, useState } from 'react';
import { useTranslation } from '../../ui/i18n/useTranslation';
import { meetingBodyHtml, meetingSubject } from '../../domain/booking/eventContent';
import { linkHostFor, planDeepLink } from '../../domain/links/planLink';
import { syncAccess } from '../../domain/access/syncAccess';
import { updatePlan } from '../../domain/plan/updatePlan';
import { participantByEmail } from '../../domain/roles/roles';
import type { AppointmentItem } from '../../domain/ports/appointmentItem';
import type { StoredPlan } from '../../domain/ports/planStore';
import {
  clearAppointmentAttendees,
  clearAppointmentText,
  type PrivacyContext,
} from '../../domain/privacy/privacyGuard';
import type { Problem } from '../../domain/problems';
import { copenhagenDate } from '../../domain/time/danishTime';
import { useServices } from '../../ui/services/ServicesContext';
import {
  attendeesFor,
  existingPlanForAppointment,
  newPlanForAppointment,
  type AppointmentTimes,
} from './planForAppointment';

export type PlanChoice =
  | { kind: 'existing'; stored: StoredPlan }
  /** `taken`: the case references of the plans the user already has, so a second plan for one case is refused. */
  | { kind: 'new'; caseReference: string; citizenName: string; taken: readonly string[] };

export type WriteState =
  | { status: 'idle' }
  | { status: 'writing' }
  | { status: 'done'; caseReference: string; planUrl: string | null; movedUpcoming: boolean; withoutEmail: string[] }
  | { status: 'failed'; message: string; problems: Problem[] };

const meetingId = () => `m-${globalThis.crypto.randomUUID().slice(0, 8)}`;

/**
 * "Skriv ind i mødet": saves the plan with this appointment as its meeting first (nothing is written into Outlook if
 * that fails), then writes the attendees, the privacy-cleared subject and the agenda. Every text passes the guard.
 */
export const useWriteToAppointment = (appointment: AppointmentItem) => {
  const { t, i18n } = useTranslation('compose');
  const { planStore, planAccess, me, clock, policy, location, host } = useServices();
  const [state, setState] = useState<WriteState>({ status: 'idle' });
  const lang = i18n.language === 'en' ? 'en' : 'da';

  const write = useCallback(
    async (choice: PlanChoice) => {
      const fail = (message: string, problems: Problem[] = []) => setState({ status: 'failed', message, problems });
      setState({ status: 'writing' });
      const now = clock.now();
      const read = await appointment.getTimes();
      if (!read.ok) return fail(t('errors.times', { message: read.message }));
      const times: AppointmentTimes = read.value;
      if (Date.parse(times.end) <= Date.parse(times.start)) return fail(t('errors.endBeforeStart'));

      // 1. The plan, saved with If-Match; our change (this meeting) is re-applied once on a newer version.
      let built: { plan: StoredPlan['plan']; movedUpcoming: boolean };
      let saved: StoredPlan;
      if (choice.kind === 'existing') {
        const id = meetingId();
        built = existingPlanForAppointment(choice.stored.plan, times, now, id);
        const outcome = await updatePlan(
          planStore,
          choice.stored,
          (current) => {
            built = existingPlanForAppointment(current, times, now, id);
            return built.plan;
          },
          { attempts: 2, now: () => clock.now() },
        );
        if (!outcome.ok)
          return fail(
            outcome.kind === 'conflict' ? t('errors.conflict') : t('errors.save', { message: outcome.message }),
          );
        saved = outcome.stored;
      } else {
        const caseReference = choice.caseReference.trim();
        const same = (a: string) => a.trim().toLocaleLowerCase('da-DK') === caseReference.toLocaleLowerCase('da-DK');
        if (choice.taken.some(same)) return fail(t('errors.planExists', { caseReference }));
        // The new plan's place in Microsoft 365 first: its address is the plan's id.
        const reserved = await planStore.reserve(caseReference);
        if (!reserved.ok) return fail(t('errors.save', { message: reserved.message }));
        const planId = reserved.value;
        const plan = newPlanForAppointment(
          {
            planId,
            caseReference,
            citizenName: choice.citizenName.trim(),
            attendeesNow: await attendeesNow(appointment),
          },
          me,
          times,
          now,
          meetingId(),
        );
        built = { plan, movedUpcoming: false };
        const outcome = await planStore.save(plan, null);
        if (!outcome.ok)
          return fail(
            outcome.kind === 'conflict' ? t('errors.conflict') : t('errors.save', { message: outcome.message }),
          );
        saved = outcome.value;
      }
      // Who can open the plan follows its consent and roles at once (per person; failures are finished later).
      const access = await syncAccess({ store: planStore, access: planAccess, clock, policy }, saved, {
        me: participantByEmail(saved.plan, me.email)?.id ?? null,
      });
      saved = access.stored;
      const plan = saved.plan;

      // 2. The texts, each through the privacy guard.
      const ctx: PrivacyContext = { plan, policy, today: copenhagenDate(now) };
      const link = planDeepLink({ ...location, host: linkHostFor(host.kind) }, plan.id, ctx);
      if (!link.ok) return fail(t('errors.link', { message: link.message }));
      const meeting = plan.meetings.at(-1);
      const subject = clearAppointmentText(meetingSubject(plan.caseReference, lang), ctx, 'subject');
      const body = clearAppointmentText(
        meetingBodyHtml({
          caseReference: plan.caseReference,
          agenda: meeting?.agenda ?? [],
          start: times.start,
          planUrl: link.value,
          followUp: meeting?.minutes.followUp ?? [],
          lang,
        }),
        ctx,
        'body',
      );
      const { attendees, withoutEmail } = attendeesFor(plan, me);
      const invited = clearAppointmentAttendees(attendees, ctx);
      const blocked = [subject, body, invited].flatMap((v) => (v.verdict === 'blocked' ? v.reasons : []));
      if (subject.verdict === 'blocked' || body.verdict === 'blocked' || invited.verdict === 'blocked')
        return fail(t('errors.blocked'), blocked);

      // 3. Into the appointment.
      for (const step of [
        () => appointment.addAttendees(invited.cleared),
        () => appointment.setSubject(subject.cleared),
        () => appointment.setBodyHtml(body.cleared),
      ]) {
        const outcome = await step();
        if (!outcome.ok) return fail(t('errors.write', { message: outcome.message }));
      }
      setState({
        status: 'done',
        caseReference: plan.caseReference,
        planUrl: host.kind === 'standalone' ? link.value : null,
        movedUpcoming: built.movedUpcoming,
        withoutEmail: withoutEmail.map((p) => p.name),
      });
    },
    [appointment, clock, planStore, planAccess, me, policy, location, host, t, lang],
  );

  const reset = useCallback(() => setState({ status: 'idle' }), []);
  return { state, write, reset };
};

const attendeesNow = async (appointment: AppointmentItem) => {
  const outcome = await appointment.getAttendees();
  return outcome.ok ? outcome.value : [];
};
