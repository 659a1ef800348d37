import { useCallback, useState } from 'react';
import { useTranslation } from '../../ui/i18n/useTranslation';
import { meetingBodyHtml, meetingSubject } from '../../domain/booking/eventContent';
import { linkHostFor, planDeepLink } from '../../domain/links/planLink';
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
  planIdFor,
  type AppointmentTimes,
} from './planForAppointment';

export type PlanChoice =
  { kind: 'existing'; stored: StoredPlan } | { kind: 'new'; caseReference: string; citizenName: string };

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
  const { planStore, me, clock, policy, location, host } = useServices();
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
        built = existingPlanForAppointment(choice.stored.plan, times, now, meetingId());
        let outcome = await planStore.save(built.plan, choice.stored.eTag);
        if (!outcome.ok && outcome.kind === 'conflict') {
          built = existingPlanForAppointment(outcome.current.plan, times, now, meetingId());
          outcome = await planStore.save(built.plan, outcome.current.eTag);
        }
        if (!outcome.ok)
          return fail(
            outcome.kind === 'conflict' ? t('errors.conflict') : t('errors.save', { message: outcome.message }),
          );
        saved = outcome.value;
      } else {
        const caseReference = choice.caseReference.trim();
        const planId = planIdFor(caseReference);
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
            outcome.kind === 'conflict'
              ? t('errors.planExists', { caseReference })
              : t('errors.save', { message: outcome.message }),
          );
        saved = outcome.value;
      }
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
    [appointment, clock, planStore, me, policy, location, host, t, lang],
  );

  const reset = useCallback(() => setState({ status: 'idle' }), []);
  return { state, write, reset };
};

const attendeesNow = async (appointment: AppointmentItem) => {
  const outcome = await appointment.getAttendees();
  return outcome.ok ? outcome.value : [];
};
