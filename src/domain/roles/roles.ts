/**
 * Roller at a meeting: koordinator (tovholder), mødeleder (chair) and referent (minute-taker).
 * The sources recommend chair and minute-taker be two people: doing both is what makes staff give up the format.
 */
import type { Meeting, Participant, Plan, RoleName, Roles } from '../plan/planDocument';
import { problem, type Problem } from '../problems';

export const ROLE_NAMES: readonly RoleName[] = ['koordinator', 'moedeleder', 'referent'];

export const roleTitles: Record<RoleName, { da: string; en: string }> = {
  koordinator: { da: 'koordinator', en: 'coordinator' },
  moedeleder: { da: 'mødeleder', en: 'chair' },
  referent: { da: 'referent', en: 'minute-taker' },
};

/** E-mail addresses compare as Exchange does: case and surrounding spaces do not matter. */
export const sameEmail = (a: string | null | undefined, b: string | null | undefined): boolean =>
  !!a && !!b && a.trim().toLowerCase() === b.trim().toLowerCase();

/** The participant with this e-mail address (the signed-in user, usually). */
export const participantByEmail = (plan: Plan, email: string): Participant | null =>
  plan.participants.find((p) => sameEmail(p.email, email)) ?? null;

/** The roles the user with this e-mail holds at the meeting. */
export const rolesOf = (plan: Plan, meeting: Meeting, email: string): RoleName[] => {
  const me = participantByEmail(plan, email);
  return me ? ROLE_NAMES.filter((role) => meeting.roles[role] === me.id) : [];
};

/** What a user may do in the meeting panel. Everyone can read. */
export interface MeetingPermissions {
  /** "Næste punkt", the timer: the mødeleder, or the koordinator while no mødeleder is chosen. */
  driveAgenda: boolean;
  /** The referat: the referent, or the mødeleder while no referent is chosen. */
  writeMinutes: boolean;
  /** "Send referat": the referent or the mødeleder. */
  sendMinutes: boolean;
}

export const permissionsOf = (plan: Plan, meeting: Meeting, email: string): MeetingPermissions => {
  const mine = rolesOf(plan, meeting, email);
  const has = (role: RoleName) => mine.includes(role);
  return {
    driveAgenda: has('moedeleder') || (meeting.roles.moedeleder === null && has('koordinator')),
    writeMinutes: has('referent') || (meeting.roles.referent === null && has('moedeleder')),
    sendMinutes: has('referent') || has('moedeleder'),
  };
};

/** Give a role to another participant ("Giv rollen videre"); null leaves it open. */
export const handOverRole = (meeting: Meeting, role: RoleName, participantId: string | null): Meeting => ({
  ...meeting,
  roles: { ...meeting.roles, [role]: participantId },
});

/** A warning when one person is both mødeleder and referent, or null. */
export const sameChairAndMinuteTakerProblem = (roles: Roles): Problem | null =>
  roles.moedeleder !== null && roles.moedeleder === roles.referent
    ? problem(
        'roles.sameChairAndMinuteTaker',
        'warning',
        'roles.referent',
        'Samme person er både mødeleder og referent. Det er svært at lede mødet og skrive referat på samme tid; vælg gerne en anden referent.',
        'The same person is both chair and minute-taker. It is hard to run the meeting and write the minutes at once; consider choosing another minute-taker.',
      )
    : null;

/** Role problems for booking and running the meeting: no koordinator (error), a role held by a non-participant (error), same chair and minute-taker (warning). */
export const roleProblems = (plan: Pick<Plan, 'participants'>, roles: Roles): Problem[] => {
  const problems: Problem[] = [];
  if (roles.koordinator === null) {
    problems.push(
      problem(
        'roles.noKoordinator',
        'error',
        'roles.koordinator',
        'Mødet har ingen koordinator. Vælg den deltager, der indkalder og følger op.',
        'The meeting has no coordinator. Choose the participant who convenes and follows up.',
      ),
    );
  }
  for (const role of ROLE_NAMES) {
    const id = roles[role];
    if (id !== null && !plan.participants.some((p) => p.id === id)) {
      const title = roleTitles[role];
      problems.push(
        problem(
          'roles.notParticipant',
          'error',
          `roles.${role}`,
          `Den valgte ${title.da} er ikke deltager. Vælg en af deltagerne som ${title.da}.`,
          `The chosen ${title.en} is not a participant. Choose one of the participants as ${title.en}.`,
        ),
      );
    }
  }
  const same = sameChairAndMinuteTakerProblem(roles);
  return same ? [...problems, same] : problems;
};
