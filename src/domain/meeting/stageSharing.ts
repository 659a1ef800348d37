import { isCitizenOrRelative, type Participant } from '../plan/planDocument';

/**
 * How "Vis for alle" shares the stage (teams-js `shareAppContentToStage`'s sharing protocols):
 * - `collaborative`: each participant's Teams runs its own copy of the stage view, which signs in and reads the plan
 *   document from the plan store. Only colleagues in our own organisation can do that.
 * - `screenShare`: everyone sees the presenter's copy as a shared screen. Guests and people from other
 *   organisations (the citizen, relatives, the region, the GP) can follow it.
 */
export type StageSharing = 'collaborative' | 'screenShare';

/** Guests: the citizen and relatives join without an account of ours, whatever their address. */
const isGuest = (p: Participant): boolean => isCitizenOrRelative(p) || p.reach !== 'inTenant';

/**
 * Collaborative sharing where everyone in the plan can run it (all colleagues in our organisation); the screen-share
 * protocol where collaborative sharing is not available to someone in the meeting.
 */
export const stageSharingFor = (participants: readonly Participant[]): StageSharing =>
  participants.some(isGuest) ? 'screenShare' : 'collaborative';
