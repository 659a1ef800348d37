/**
 * What the minutes say, decided once for both renderings (the Adaptive Card and the e-mail): who is named how,
 * what the detail level leaves out, which tasks are the reader's own. Texts here are plain (unescaped); each
 * renderer escapes for its own format.
 *
 * The `summary` level (the default tenant policy) follows the rule that chats carry no sensitive personal data:
 * no round notes, no challenge texts, no written input from those who sent afbud, no consent wording, no notes on
 * follow-up, and never the citizen's name (nor a relative's, which usually shares it): they are "Borgeren" and
 * "Pårørende". Under `full` the name may appear.
 */
import { consentStatus } from '../domain/consent/consentStatus';
import type { Effort, Meeting, Participant, Plan, RoleName } from '../domain/plan/planDocument';
import type { Lang } from '../domain/problems';
import {
  copenhagenDate,
  formatCompactDate,
  formatDate,
  formatDayMonthYear,
  formatTime,
} from '../domain/time/danishTime';
import { cardText, type CardText } from './cardText';

export type CardDetail = 'summary' | 'full';

export interface MinutesInput {
  plan: Plan;
  /** The meeting whose minutes are sent (usually the plan's last). */
  meeting: Meeting;
}

export interface MinutesViewOptions {
  lang: Lang;
  detail: CardDetail;
  /** The reader, when the minutes are rendered for one person: their own efforts come first. */
  recipientParticipantId?: string | null;
}

export interface EffortView {
  id: string;
  ownerId: string | null;
  owner: string;
  what: string;
  /** "senest 1. december 2026" */
  due: string;
  /** "1.12.2026", or the no-date text */
  dueCompact: string;
  /** "mål 2": the number of the goal in priority order */
  goal: string | null;
  /** Only when the effort is not simply open. */
  status: string | null;
}

export interface ParticipantView {
  id: string;
  name: string;
  organisation: string;
  /** Fremmøde in words; null when nobody's was noted for the meeting (then the word is left out on every line). */
  attendance: string | null;
  roles: string[];
}

export interface MinutesView {
  lang: Lang;
  detail: CardDetail;
  text: CardText;
  caseReference: string;
  /** Only under `full`. */
  citizenName: string | null;
  /** The meeting day (YYYY-MM-DD, Copenhagen) and its long form with time. */
  meetingDate: string;
  when: string;
  participants: ParticipantView[];
  roles: { role: string; name: string }[];
  consent: {
    state: string;
    details: string | null;
    covers: string | null;
    information: string | null;
    purpose: string | null;
  };
  round: { name: string; relation: string; currentWork: string; challenges: string }[];
  writtenInput: { name: string; text: string }[];
  challenges: string[];
  goals: string[];
  /** Everyone's efforts except the citizen's own tasks. */
  efforts: EffortView[];
  citizenTasks: EffortView[];
  /** The reader's own efforts; null when not rendered for one reader. */
  yourTasks: EffortView[] | null;
  /** Set when the reader is the next tovholder: the line that tells them so. */
  youAreNextTovholder: string | null;
  acceptance: string;
  nextTovholderId: string | null;
  nextTovholder: string;
  nextMeeting: string;
  followUp: { what: string; owner: string; status: string; note: string | null }[];
}

const ROLE_ORDER: RoleName[] = ['koordinator', 'moedeleder', 'referent'];

/** How a person is named in minutes at this detail level. */
export const participantName = (participant: Participant, detail: CardDetail, text: CardText): string => {
  if (detail === 'summary' && participant.sector === 'borger') return text.citizen;
  if (detail === 'summary' && participant.sector === 'paaroerende') return text.relative;
  return participant.name;
};

const isPrivatePerson = (p: Participant) => p.sector === 'borger' || p.sector === 'paaroerende';

export const buildMinutesView = ({ plan, meeting }: MinutesInput, options: MinutesViewOptions): MinutesView => {
  const { lang, detail } = options;
  const text = cardText[lang];
  const full = detail === 'full';
  const byId = new Map(plan.participants.map((p) => [p.id, p]));
  const nameOf = (id: string | null): string | null => {
    const p = id === null ? undefined : byId.get(id);
    return p ? participantName(p, detail, text) : null;
  };
  const minutes = meeting.minutes;
  const start = new Date(meeting.start);
  const meetingDate = copenhagenDate(start);

  const roleNames = (id: string): string[] =>
    ROLE_ORDER.filter((role) => meeting.roles[role] === id).map((role) => text.roles[role]);

  const invited =
    meeting.invitees.length > 0
      ? meeting.invitees.flatMap((i) => {
          const p = byId.get(i.participantId);
          return p ? [{ p, attendance: i.attendance }] : [];
        })
      : plan.participants.map((p) => ({ p, attendance: { kind: 'unknown' as const } }));
  // Fremmøde is noted in the details tab, often not at all: "fremmøde ikke noteret" on every line then says nothing.
  // Once anyone's is noted, those not noted still say so, since "present" for some would otherwise read as all.
  const anyAttendanceNoted = invited.some(({ attendance }) => attendance.kind !== 'unknown');
  const participants: ParticipantView[] = invited.map(({ p, attendance }) => ({
    id: p.id,
    name: participantName(p, detail, text),
    organisation: isPrivatePerson(p) ? (full ? p.organisation.trim() : '') : p.organisation.trim(),
    attendance: anyAttendanceNoted ? text.attendance[attendance.kind] : null,
    roles: roleNames(p.id),
  }));

  const roles = ROLE_ORDER.flatMap((role) => {
    const name = nameOf(meeting.roles[role]);
    return name === null ? [] : [{ role: text.roles[role], name }];
  });

  const consent = plan.consent;
  const consentView: MinutesView['consent'] = {
    state: text.consentState[consentStatus(consent, meetingDate)],
    details:
      consent === null
        ? null
        : [
            text.consentGiven(text.consentForm[consent.form], formatDayMonthYear(consent.givenOn, lang)),
            ...(consent.validUntil ? [text.consentValidUntil(formatDayMonthYear(consent.validUntil, lang))] : []),
            ...(consent.withdrawnOn ? [text.consentWithdrawn(formatDayMonthYear(consent.withdrawnOn, lang))] : []),
          ].join(', '),
    covers:
      consent === null || consent.recipients.length === 0
        ? null
        : consent.recipients
            .map((r) => (r.kind === 'organisation' ? r.organisation : (nameOf(r.participantId) ?? r.participantId)))
            .join(', '),
    information: full && consent !== null && consent.information.trim() !== '' ? consent.information : null,
    purpose: full && consent !== null && consent.purpose.trim() !== '' ? consent.purpose : null,
  };

  const goalNumber = new Map(minutes.goals.map((g, i) => [g.id, i + 1]));
  const effortView = (e: Effort): EffortView => {
    const goal = e.goalId === null ? undefined : goalNumber.get(e.goalId);
    return {
      id: e.id,
      ownerId: e.ownerId,
      owner: nameOf(e.ownerId) ?? text.effortNoOwner,
      what: e.what,
      due: e.due ? text.effortDue(formatDayMonthYear(e.due, lang)) : text.effortNoDue,
      dueCompact: e.due ? formatCompactDate(e.due, lang) : text.effortNoDue,
      goal: goal === undefined ? null : text.effortGoal(goal),
      status: e.status === 'aaben' ? null : text.effortStatus[e.status],
    };
  };
  const isCitizenTask = (e: Effort) => (e.ownerId === null ? false : byId.get(e.ownerId)?.sector === 'borger');
  const recipient = options.recipientParticipantId ?? null;

  const nextBy = minutes.nextMeetingBy ? formatDate(minutes.nextMeetingBy, lang) : null;
  const nextTovholderName = nameOf(minutes.nextTovholderId);

  return {
    lang,
    detail,
    text,
    caseReference: plan.caseReference,
    citizenName: full && plan.citizenName.trim() !== '' ? plan.citizenName : null,
    meetingDate,
    when: text.meetingTime(
      formatDate(meetingDate, lang),
      formatTime(start, lang),
      formatTime(new Date(meeting.end), lang),
    ),
    participants,
    roles,
    consent: consentView,
    round: full
      ? minutes.round.map((r) => ({
          name: nameOf(r.participantId) ?? r.participantId,
          relation: r.relation,
          currentWork: r.currentWork,
          challenges: r.challenges,
        }))
      : [],
    writtenInput: full
      ? invited.flatMap(({ p, attendance }) =>
          attendance.kind === 'apologies' && attendance.writtenInput.trim() !== ''
            ? [{ name: participantName(p, detail, text), text: attendance.writtenInput }]
            : [],
        )
      : [],
    challenges: full ? minutes.challenges.map((c) => c.text).filter((t) => t.trim() !== '') : [],
    goals: minutes.goals.map((g) => g.text),
    efforts: minutes.efforts.filter((e) => !isCitizenTask(e)).map(effortView),
    citizenTasks: minutes.efforts.filter(isCitizenTask).map(effortView),
    yourTasks: recipient === null ? null : minutes.efforts.filter((e) => e.ownerId === recipient).map(effortView),
    youAreNextTovholder:
      recipient !== null && recipient === minutes.nextTovholderId ? text.youAreNextTovholder(nextBy) : null,
    acceptance: text.acceptanceState[minutes.acceptance],
    nextTovholderId: minutes.nextTovholderId,
    nextTovholder:
      nextTovholderName === null
        ? text.nextTovholderMissing
        : nextBy === null
          ? nextTovholderName
          : text.nextTovholderLine(nextTovholderName, nextBy),
    nextMeeting: nextBy === null ? text.nextMeetingMissing : text.nextMeetingLine(nextBy),
    followUp: minutes.followUp.map((f) => ({
      what: f.what,
      owner: nameOf(f.ownerId) ?? text.effortNoOwner,
      status: f.status === null ? text.followUpNotAssessed : text.followUpStatus[f.status],
      note: full && f.note.trim() !== '' ? f.note : null,
    })),
  };
};
