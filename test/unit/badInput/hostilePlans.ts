/**
 * Plans for the card and e-mail cases of the bad-input corpus: one with a plain value in every field the minutes
 * show, and a setter per field that puts a hostile text there (cut to the plan document's limit for that field).
 */
import type { Meeting, Plan } from '../../../src/domain/plan/planDocument';
import { aFollowUp, aGoal, aMeeting, anEffort, aPlan, demoPeople as p } from '../../support/builders';

export const PLAN_URL = 'https://tovholder.example/plans.html?planId=plan-cards';
export const MARKER = 'tovholder-delivery-cards-1';

/** A plan where every field a card shows has a plain value; each case replaces one of them. */
export const basePlan = (): Plan =>
  aPlan()
    .withId('plan-cards')
    .withCaseReference('KI-2027-009')
    .withParticipants([p.jens, p.mette, p.jonas, p.aisha, p.peter, p.karen, p.ole])
    .withMeeting(
      aMeeting()
        .withId('m1')
        .startingAt('2027-03-04')
        .withRoles({ koordinator: p.mette.id, moedeleder: p.jonas.id, referent: p.aisha.id })
        .withAttendance(p.ole.id, { kind: 'apologies', writtenInput: 'Blodprøverne er fine.' })
        .withMinutes({
          round: [
            {
              participantId: p.karen.id,
              relation: 'Kontaktperson',
              currentWork: 'Samtaler',
              challenges: 'Udeblivelser',
              done: true,
            },
          ],
          challenges: [{ id: 'c1', text: 'Huslejerestance' }],
          goals: [aGoal({ id: 'g1', text: 'En stabil bolig' })],
          efforts: [
            anEffort({ id: 'e1', what: 'Søge boligstøtte', goalId: 'g1', ownerId: p.karen.id, due: '2027-04-01' }),
            anEffort({ id: 'e2', what: 'Tage et bad', goalId: null, ownerId: p.jens.id, due: '2027-03-20' }),
          ],
          followUp: [
            aFollowUp({
              effortId: 'old1',
              what: 'Finde praktik',
              ownerId: p.peter.id,
              status: 'aendret',
              note: 'Ny plads',
            }),
          ],
          nextTovholderId: p.peter.id,
          nextMeetingBy: '2027-06-04',
          acceptance: 'iMoedet',
        }),
    )
    .build();

export const meetingOf = (plan: Plan): Meeting => plan.meetings[0] as Meeting;
const editMinutes = (plan: Plan, change: (m: Meeting['minutes']) => Meeting['minutes']): Plan => ({
  ...plan,
  meetings: [{ ...meetingOf(plan), minutes: change(meetingOf(plan).minutes) }],
});
const rename =
  (id: string, change: (x: Plan['participants'][number]) => Plan['participants'][number]) => (plan: Plan) => ({
    ...plan,
    participants: plan.participants.map((x) => (x.id === id ? change(x) : x)),
  });

/** Every text field a user writes that the minutes show. */
export const FIELDS: Record<string, (plan: Plan, text: string) => Plan> = {
  "a participant's name": (plan, text) => rename(p.karen.id, (x) => ({ ...x, name: text.slice(0, 200) }))(plan),
  "a participant's organisation": (plan, text) =>
    rename(p.karen.id, (x) => ({ ...x, organisation: text.slice(0, 200) }))(plan),
  'the case reference': (plan, text) => ({ ...plan, caseReference: text.slice(0, 60) }),
  "the citizen's name": (plan, text) => ({ ...plan, citizenName: text.slice(0, 200) }),
  'an effort': (plan, text) =>
    editMinutes(plan, (m) => ({ ...m, efforts: m.efforts.map((e) => (e.id === 'e1' ? { ...e, what: text } : e)) })),
  "the citizen's own task": (plan, text) =>
    editMinutes(plan, (m) => ({ ...m, efforts: m.efforts.map((e) => (e.id === 'e2' ? { ...e, what: text } : e)) })),
  'a shared goal': (plan, text) => editMinutes(plan, (m) => ({ ...m, goals: [{ id: 'g1', text }] })),
  'a challenge': (plan, text) => editMinutes(plan, (m) => ({ ...m, challenges: [{ id: 'c1', text }] })),
  'a note from the round': (plan, text) =>
    editMinutes(plan, (m) => ({ ...m, round: m.round.map((r) => ({ ...r, currentWork: text })) })),
  'written input from afbud': (plan, text) => ({
    ...plan,
    meetings: [
      {
        ...meetingOf(plan),
        invitees: meetingOf(plan).invitees.map((i) =>
          i.participantId === p.ole.id ? { ...i, attendance: { kind: 'apologies' as const, writtenInput: text } } : i,
        ),
      },
    ],
  }),
  'a follow-up note': (plan, text) =>
    editMinutes(plan, (m) => ({ ...m, followUp: m.followUp.map((f) => ({ ...f, note: text })) })),
  'what the consent covers': (plan, text) => ({
    ...plan,
    consent: plan.consent && { ...plan.consent, information: text.slice(0, 2000) },
  }),
};

/** Shorter fields hold only the start of a hostile text (the plan document's limits). */
const LIMITS: Record<string, number> = {
  "a participant's name": 200,
  "a participant's organisation": 200,
  'the case reference': 60,
  "the citizen's name": 200,
  'what the consent covers': 2000,
};
export const limitOf = (field: string): number => LIMITS[field] ?? 20000;
