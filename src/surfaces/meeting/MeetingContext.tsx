import { createContext, useCallback, useContext, useMemo, useRef, type ReactNode } from 'react';
import { useTranslation } from '../../ui/i18n/useTranslation';
import type { Meeting, Minutes, Participant, Plan, RoleName } from '../../domain/plan/planDocument';
import type { Lang } from '../../domain/problems';
import { participantByEmail, permissionsOf, rolesOf, type MeetingPermissions } from '../../domain/roles/roles';
import { useServices } from '../../ui/services/ServicesContext';

/** The plan and the meeting being held (the plan's last meeting), and who the signed-in user is in it. */
export interface MeetingSession {
  plan: Plan;
  meeting: Meeting;
  edit(change: (plan: Plan) => Plan): void;
  editMeeting(change: (meeting: Meeting) => Meeting): void;
  editMinutes(change: (minutes: Minutes) => Minutes): void;
  me: Participant | null;
  myRoles: RoleName[];
  can: MeetingPermissions & {
    /** The details tab before the meeting: koordinator, mødeleder or referent. */
    prepare: boolean;
  };
  lang: Lang;
}

const Context = createContext<MeetingSession | null>(null);

/** Replace the plan's last meeting (the one this surface is about). */
export const withCurrentMeeting = (plan: Plan, change: (meeting: Meeting) => Meeting): Plan => {
  const last = plan.meetings.length - 1;
  const meeting = plan.meetings[last];
  if (!meeting) return plan;
  return { ...plan, meetings: plan.meetings.map((m, i) => (i === last ? change(m) : m)) };
};

export const MeetingSessionProvider = ({
  plan,
  edit,
  children,
}: {
  plan: Plan;
  edit(change: (plan: Plan) => Plan): void;
  children: ReactNode;
}) => {
  const { me } = useServices();
  const { i18n } = useTranslation();
  const lang: Lang = i18n.language === 'en' ? 'en' : 'da';
  const meeting = plan.meetings[plan.meetings.length - 1];
  // Stable across keystrokes, so memoised rows re-render only when their own data changes.
  const editMeeting = useCallback(
    (change: (m: Meeting) => Meeting) => edit((p) => withCurrentMeeting(p, change)),
    [edit],
  );
  const editMinutes = useCallback(
    (change: (minutes: Minutes) => Minutes) => editMeeting((m) => ({ ...m, minutes: change(m.minutes) })),
    [editMeeting],
  );
  const value = useMemo<MeetingSession | null>(() => {
    if (!meeting) return null;
    const permissions = permissionsOf(plan, meeting, me.email);
    const myRoles = rolesOf(plan, meeting, me.email);
    return {
      plan,
      meeting,
      edit,
      editMeeting,
      editMinutes,
      me: participantByEmail(plan, me.email),
      myRoles,
      can: { ...permissions, prepare: myRoles.length > 0 },
      lang,
    };
  }, [plan, meeting, me.email, edit, editMeeting, editMinutes, lang]);
  return value ? <Context.Provider value={value}>{children}</Context.Provider> : null;
};

export const useMeetingSession = (): MeetingSession => {
  const session = useContext(Context);
  if (!session) throw new Error('useMeetingSession() needs a <MeetingSessionProvider> (MeetingApp renders one).');
  return session;
};

/**
 * Renders `children` again only when one of `on` changes (by identity), and gives them the session as it was
 * then. For the parts of the panel that do not depend on what is being typed: one keystroke in an effort then
 * re-renders the efforts, not the goals, the follow-up list or the role handover. `on` must name everything
 * the children read from the session (the plan's parts, the problems, the language).
 * Its child should itself read the session (GoalsEditor, not a <section> around it): React looks for readers of
 * the changed session below anything that skips a render, and re-renders the ones it finds under a plain element
 * whatever this boundary holds; a reader placed right here is checked against the held session and stays quiet.
 */
export const Steady = ({ on, children }: { on: readonly unknown[]; children: ReactNode }) => {
  const session = useMeetingSession();
  const held = useRef<{ on: readonly unknown[]; session: MeetingSession; children: ReactNode } | null>(null);
  const before = held.current;
  if (!before || before.on.length !== on.length || before.on.some((value, i) => !Object.is(value, on[i])))
    held.current = { on, session, children };
  const now = held.current ?? { session, children };
  // The same element as last time lets React skip the subtree; the held session keeps its consumers quiet.
  return <Context.Provider value={now.session}>{now.children}</Context.Provider>;
};
