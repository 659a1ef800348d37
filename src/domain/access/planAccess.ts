/**
 * Adgang til planen: who may open the plan, decided by the citizen's consent and the roles, and given by
 * Microsoft 365 itself (a role on the plan's SharePoint Embedded container), not by what the app shows.
 *
 * - The koordinator (tovholder) of the plan's current meeting: owner. It is their case; they keep the plan even
 *   when the consent has run out or been withdrawn, until a new one is recorded.
 * - Those who write: the current meeting's mødeleder and referent, and the next tovholder the last sent minutes
 *   named: manager — they edit the plan, and because sending the minutes or booking the next meeting hands roles
 *   on, they must be able to give the next person access at once (a SharePoint Embedded writer cannot).
 * - Everyone else the consent covers today: reader.
 * - Nobody else: no access. Not a participant the consent leaves out, not one whose consent ended, not the
 *   citizen or relatives (they have no Microsoft 365 account here: they get their copy another way), not anyone
 *   reached only by e-mail.
 *
 * A writer the consent does not cover gets no access either: the consent decides, the role does not widen it.
 */
import { consentStatus, mayReceiveMinutes } from '../consent/consentStatus';
import type { AccessRole, Meeting, Participant, Plan } from '../plan/planDocument';
import { isCitizenOrRelative } from '../plan/planDocument';

/** Why a person has the access they have, or none: shown beside each name ("who can open the plan"). */
export type AccessReason =
  | 'koordinator'
  | 'moedeleder'
  | 'referent'
  | 'nextTovholder'
  | 'consent'
  /** A participant the consent does not name. */
  | 'notCovered'
  /** The consent is missing, expired, withdrawn or not yet valid: only the koordinator keeps the plan. */
  | 'consentNotValid'
  /** The citizen or a relative: no Microsoft 365 access; they get the plan another way. */
  | 'citizenOrRelative'
  /** Reached by e-mail only (no account in a Microsoft 365 tenant the app can give a role to). */
  | 'noAccount';

export interface WantedAccess {
  participantId: string;
  role: AccessRole | null;
  reason: AccessReason;
}

const RANK: Record<AccessRole, number> = { reader: 1, manager: 2, owner: 3 };

/** The higher of two roles (a koordinator who is also referent is owner). */
export const higherRole = (a: AccessRole | null, b: AccessRole | null): AccessRole | null =>
  a === null ? b : b === null ? a : RANK[a] >= RANK[b] ? a : b;

/** The meeting whose roles are in force now: the plan's last (the one being prepared, held or just held). */
export const currentMeeting = (plan: Plan): Meeting | null => plan.meetings.at(-1) ?? null;

/** The koordinator now: the current meeting's, or the latest meeting that had one. */
export const currentKoordinatorId = (plan: Plan): string | null =>
  [...plan.meetings].reverse().find((m) => m.roles.koordinator !== null)?.roles.koordinator ?? null;

/** The next tovholder named in the last minutes that were sent. */
export const namedNextTovholderId = (plan: Plan): string | null => {
  const sent = [...plan.meetings].reverse().find((m) => m.delivery !== null);
  return (sent?.delivery?.sentMinutes ?? sent?.minutes)?.nextTovholderId ?? null;
};

const hasAccount = (participant: Participant): boolean => participant.reach !== 'emailOnly';

/** Every participant's access as it should be on `today` (YYYY-MM-DD, Copenhagen), in the plan's order. */
export const wantedAccess = (plan: Plan, today: string): WantedAccess[] => {
  const meeting = currentMeeting(plan);
  const koordinator = currentKoordinatorId(plan);
  const nextTovholder = namedNextTovholderId(plan);
  const consentValid = consentStatus(plan.consent, today) === 'valid';
  return plan.participants.map((participant): WantedAccess => {
    const id = participant.id;
    const none = (reason: AccessReason): WantedAccess => ({ participantId: id, role: null, reason });
    if (isCitizenOrRelative(participant)) return none('citizenOrRelative');
    if (!hasAccount(participant)) return none('noAccount');
    if (id === koordinator) return { participantId: id, role: 'owner', reason: 'koordinator' };
    if (!consentValid) return none('consentNotValid');
    if (!mayReceiveMinutes(plan, id, today).allowed) return none('notCovered');
    const writes: AccessReason | null =
      meeting?.roles.moedeleder === id
        ? 'moedeleder'
        : meeting?.roles.referent === id
          ? 'referent'
          : nextTovholder === id
            ? 'nextTovholder'
            : null;
    return writes
      ? { participantId: id, role: 'manager', reason: writes }
      : { participantId: id, role: 'reader', reason: 'consent' };
  });
};

/** May this role change who has access (SharePoint Embedded: owner and manager manage container members)? */
export const managesAccess = (role: AccessRole | null | undefined): boolean => role === 'owner' || role === 'manager';

/** May this role change the plan's content? */
export const writesPlan = managesAccess;
