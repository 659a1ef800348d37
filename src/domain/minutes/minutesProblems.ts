/**
 * What stands in the way of sending the referat, field by field so the editor can mark each place inline.
 * Errors block only "Send referat"; warnings never block. Typing is never blocked.
 */
import { consentStateProblem } from '../consent/consentStatus';
import { followUpProblems } from '../followUp/carryOver';
import type { Effort, Meeting, Plan } from '../plan/planDocument';
import { problem, type Problem } from '../problems';
import { copenhagenDate, formatDate } from '../time/danishTime';
import { quote } from './quote';
import { latestNextMeetingBy, meetingDate } from './defaultNextMeeting';
import { sameChairAndMinuteTakerProblem } from '../roles/roles';

const capitalise = (s: string): string => s.charAt(0).toLocaleUpperCase('da-DK') + s.slice(1);

const effortProblems = (plan: Plan, effort: Effort, today: string): Problem[] => {
  const problems: Problem[] = [];
  const named = effort.what.trim() !== '';
  const which = named
    ? { da: `indsatsen ${quote(effort.what)}`, en: `the effort ${quote(effort.what)}` }
    : { da: 'en indsats', en: 'an effort' };
  if (!named) {
    problems.push(
      problem(
        'effort.noText',
        'error',
        `efforts.${effort.id}.what`,
        'En indsats har ingen tekst. Skriv, hvad der skal gøres, eller slet indsatsen.',
        'An effort has no text. Write what is to be done, or delete the effort.',
      ),
    );
  }
  if (effort.ownerId === null) {
    problems.push(
      problem(
        'effort.noOwner',
        'error',
        `efforts.${effort.id}.ownerId`,
        `${capitalise(which.da)} har ingen ansvarlig. Vælg én navngiven person blandt deltagerne (borgeren kan også være ansvarlig).`,
        `${capitalise(which.en)} has no one responsible. Choose one named person among the participants (the citizen can be responsible too).`,
      ),
    );
  } else if (!plan.participants.some((p) => p.id === effort.ownerId)) {
    problems.push(
      problem(
        'effort.ownerNotParticipant',
        'error',
        `efforts.${effort.id}.ownerId`,
        `Den ansvarlige for ${which.da} er ikke deltager i planen. Vælg en af deltagerne, eller tilføj personen som deltager.`,
        `The person responsible for ${which.en} is not a participant in the plan. Choose one of the participants, or add the person as a participant.`,
      ),
    );
  }
  if (effort.due === null) {
    problems.push(
      problem(
        'effort.noDue',
        'warning',
        `efforts.${effort.id}.due`,
        `${capitalise(which.da)} har ingen frist. Skriv, hvornår den skal være gjort.`,
        `${capitalise(which.en)} has no due date. Enter when it must be done.`,
      ),
    );
  } else if (effort.due < today && effort.status !== 'udfoert') {
    problems.push(
      problem(
        'effort.dueInPast',
        'error',
        `efforts.${effort.id}.due`,
        `Fristen for ${which.da} (${formatDate(effort.due, 'da')}) er allerede passeret. Vælg en ny frist, eller markér indsatsen som udført.`,
        `The due date of ${which.en} (${formatDate(effort.due, 'en')}) has already passed. Choose a new due date, or mark the effort as done.`,
      ),
    );
  }
  return problems;
};

const nextMeetingProblems = (meeting: Meeting, today: string): Problem[] => {
  const by = meeting.minutes.nextMeetingBy;
  if (by === null) {
    return [
      problem(
        'minutes.noNextMeetingDate',
        'error',
        'nextMeetingBy',
        'Der er ingen dato for næste møde. Vælg den dato, mødet senest skal holdes (normalt om 3 måneder).',
        'There is no date for the next meeting. Choose the date by which it must be held (usually in 3 months).',
      ),
    ];
  }
  if (by < today || by < meetingDate(meeting)) {
    return [
      problem(
        'minutes.nextMeetingInPast',
        'error',
        'nextMeetingBy',
        `Datoen for næste møde (${formatDate(by, 'da')}) er allerede passeret. Vælg en dato efter i dag.`,
        `The date for the next meeting (${formatDate(by, 'en')}) has already passed. Choose a date after today.`,
      ),
    ];
  }
  const latest = latestNextMeetingBy(meeting);
  if (by > latest) {
    return [
      problem(
        'minutes.nextMeetingTooLate',
        'warning',
        'nextMeetingBy',
        `Næste møde er mere end 6 måneder ude (${formatDate(by, 'da')}). Næste møde bør holdes senest ${formatDate(latest, 'da')}.`,
        `The next meeting is more than 6 months away (${formatDate(by, 'en')}). It should be held by ${formatDate(latest, 'en')} at the latest.`,
      ),
    ];
  }
  return [];
};

const nextTovholderProblems = (plan: Plan, meeting: Meeting): Problem[] => {
  const id = meeting.minutes.nextTovholderId;
  if (id === null) {
    return [
      problem(
        'minutes.noNextTovholder',
        'error',
        'nextTovholderId',
        'Der er ingen næste tovholder. Vælg den deltager, der skal indkalde til næste møde.',
        'There is no next tovholder. Choose the participant who must convene the next meeting.',
      ),
    ];
  }
  if (!plan.participants.some((p) => p.id === id)) {
    return [
      problem(
        'minutes.nextTovholderNotParticipant',
        'error',
        'nextTovholderId',
        'Den valgte næste tovholder er ikke deltager i planen. Vælg en af deltagerne.',
        'The chosen next tovholder is not a participant in the plan. Choose one of the participants.',
      ),
    ];
  }
  return [];
};

/**
 * Everything to fix before the referat of `meeting` can be sent, on the day `today` (YYYY-MM-DD). Once the referat
 * has gone out, its deadlines and next-meeting date are judged on the day it was sent: a record is not wrong
 * because time passed (a retry sends those same minutes). The consent is judged today, since sending is now.
 */
export const minutesProblems = (plan: Plan, meeting: Meeting, today: string): Problem[] => {
  const { minutes } = meeting;
  const sentOn = meeting.delivery ? copenhagenDate(new Date(meeting.delivery.startedAt)) : null;
  const asOf = sentOn !== null && sentOn < today ? sentOn : today;
  const goalTexts = minutes.goals.flatMap((g) =>
    g.text.trim() === ''
      ? [
          problem(
            'goal.noText',
            'warning',
            `goals.${g.id}.text`,
            'Et fælles mål har ingen tekst. Skriv målet, eller slet det.',
            'A shared goal has no text. Write the goal, or delete it.',
          ),
        ]
      : [],
  );
  const followUp = followUpProblems(minutes.followUp);
  const consent = consentStateProblem(plan.consent, today);
  const sameChair = sameChairAndMinuteTakerProblem(meeting.roles);
  return [
    ...(consent ? [consent] : []),
    ...minutes.efforts.flatMap((e) => effortProblems(plan, e, asOf)),
    ...goalTexts,
    ...followUp,
    ...nextTovholderProblems(plan, meeting),
    ...nextMeetingProblems(meeting, asOf),
    ...(sameChair ? [sameChair] : []),
  ];
};
