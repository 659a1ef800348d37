import { calendarInvitees } from '../../domain/booking/calendarInvitees';
import { fitAgenda } from '../../domain/agenda/timebox';
import { draftForNextMeeting, emptyBookingDraft, planFromBooking } from '../../domain/booking/bookingDraft';
import type { AppointmentAttendee } from '../../domain/ports/appointmentItem';
import type { Meeting, Participant, Plan } from '../../domain/plan/planDocument';
import { copenhagenDate } from '../../domain/time/danishTime';
import type { CurrentUser } from '../../ui/services/services';

export interface NewPlanInput {
  planId: string;
  caseReference: string;
  citizenName: string;
  /** Who is on the appointment already: they become the new plan's participants. */
  attendeesNow: readonly AppointmentAttendee[];
}

export interface AppointmentTimes {
  start: string;
  end: string;
}

export interface PlanForAppointment {
  plan: Plan;
  /** True when the plan's upcoming meeting got this appointment's time instead of a new meeting being added. */
  movedUpcoming: boolean;
}

const minutesBetween = ({ start, end }: AppointmentTimes) =>
  Math.max(0, Math.round((Date.parse(end) - Date.parse(start)) / 60000));

const domainOf = (email: string) => email.slice(email.lastIndexOf('@') + 1).toLowerCase();

/**
 * The existing plan with this appointment as its meeting: the plan's upcoming meeting moves to the appointment's time
 * (using the pane twice never makes two meetings), otherwise the next meeting is added with participants, roles and
 * follow-up carried over.
 */
export const existingPlanForAppointment = (
  plan: Plan,
  times: AppointmentTimes,
  now: Date,
  meetingId: string,
): PlanForAppointment => {
  const upcoming = plan.meetings.at(-1);
  if (upcoming && Date.parse(upcoming.start) > now.getTime() && upcoming.agendaSteps.length === 0) {
    const moved: Meeting = {
      ...upcoming,
      start: times.start,
      end: times.end,
      agenda: fitAgenda(upcoming.agenda, minutesBetween(times)),
    };
    return {
      plan: { ...plan, meetings: [...plan.meetings.slice(0, -1), moved], updatedAt: now.toISOString() },
      movedUpcoming: true,
    };
  }
  const draft = {
    ...draftForNextMeeting(plan, now, copenhagenDate(now)),
    start: times.start,
    end: times.end,
    durationMinutes: minutesBetween(times),
  };
  return { plan: planFromBooking(draft, { planId: plan.id, meetingId, now }, plan), movedUpcoming: false };
};

/**
 * A new plan started from Outlook: the organiser as koordinator and the people already on the appointment as
 * participants (sector "andet" until the koordinator completes them in the plans tab).
 */
export const newPlanForAppointment = (
  input: NewPlanInput,
  me: CurrentUser,
  times: AppointmentTimes,
  now: Date,
  meetingId: string,
): Plan => {
  const myDomain = domainOf(me.email);
  const meAsParticipant: Participant = {
    id: 'p-1',
    name: me.name,
    email: me.email,
    organisation: '',
    sector: 'andet',
    reach: 'inTenant',
    userId: me.userId,
    tenantId: me.tenantId,
  };
  const others = input.attendeesNow
    .filter((a) => a.email.toLowerCase() !== me.email.toLowerCase())
    .map((a, index) => ({
      required: a.required,
      participant: {
        id: `p-${index + 2}`,
        name: a.name || a.email,
        email: a.email,
        organisation: '',
        sector: 'andet',
        reach: domainOf(a.email) === myDomain ? 'inTenant' : 'emailOnly',
        userId: null,
        tenantId: null,
      } satisfies Participant,
    }));
  const draft = {
    ...emptyBookingDraft(),
    caseReference: input.caseReference,
    citizenName: input.citizenName,
    participants: [meAsParticipant, ...others.map((o) => o.participant)],
    roles: { koordinator: meAsParticipant.id, moedeleder: null, referent: null },
    required: Object.fromEntries(others.map((o) => [o.participant.id, o.required])),
    start: times.start,
    end: times.end,
    durationMinutes: minutesBetween(times),
  };
  return planFromBooking(draft, { planId: input.planId, meetingId, now });
};

/** Who to invite: the meeting's invitees with an e-mail address, except the organiser (Outlook adds them itself). */
export const attendeesFor = (
  plan: Plan,
  me: CurrentUser,
): { attendees: AppointmentAttendee[]; withoutEmail: Participant[] } => {
  const meeting = plan.meetings.at(-1);
  if (!meeting) return { attendees: [], withoutEmail: [] };
  // The citizen and relatives are not attendees: everyone invited (and their delegates) sees the attendee list.
  const { invited, withoutEmail } = calendarInvitees(plan, meeting);
  const attendees: AppointmentAttendee[] = invited
    .filter(({ person }) => person.email?.toLowerCase() !== me.email.toLowerCase())
    .map(({ person, required }) => ({ email: person.email ?? '', name: person.name, required }));
  return { attendees, withoutEmail };
};
