/**
 * Links into the app that open one plan: what the card's "Åbn planen" button, the invitation body and the
 * history point at. In Teams it is an entity deep link to the personal tab (the tab reads the plan id from
 * `subEntityId`); locally it is the standalone plans page. Every link passes the privacy guard (url channel),
 * so it carries the plan id and nothing else about the case.
 */
import type { MeetingHost } from '../ports/meetingHost';
import { failure, type Outcome } from '../ports/outcome';
import type { Cleared } from '../privacy/cleared';
import { clearUrl, verdictOutcome, type PrivacyContext } from '../privacy/privacyGuard';

export interface LinkTarget {
  /** The deployed origin (or the local dev server), e.g. "https://tovholder.example" or "http://localhost:5300". */
  appBaseUrl: string;
  /** Our app's id in the Teams catalogue. */
  teamsAppId: string;
  host: 'teams' | 'standalone';
}

/**
 * Which links a page makes: the local standalone pages link to each other; everywhere else (Teams, Outlook, the
 * Microsoft 365 app, a plain browser tab in a real tenant) a link is a Teams deep link, which opens for every
 * recipient.
 */
export const linkHostFor = (kind: MeetingHost['kind']): LinkTarget['host'] =>
  kind === 'standalone' ? 'standalone' : 'teams';

/** The personal tab's entity id in the manifest. */
export const PLANS_ENTITY_ID = 'plans';

const SUB_ENTITY_PREFIX = 'plan:';
const ASK_SEPARATOR = '|ask:';

/**
 * The tab's `subEntityId` for a plan, and back (the plans surface reads it from the Teams context). `ask` is the
 * tovholder to ask for access, for someone the plan is not shared with (a professional's name, never the case's).
 */
export const planSubEntityId = (planId: string, ask: string | null = null): string =>
  `${SUB_ENTITY_PREFIX}${planId}${ask ? `${ASK_SEPARATOR}${encodeURIComponent(ask)}` : ''}`;
export const planFromSubEntityId = (
  subEntityId: string | null | undefined,
): { planId: string; ask: string | null } | null => {
  if (!subEntityId?.startsWith(SUB_ENTITY_PREFIX) || subEntityId.length <= SUB_ENTITY_PREFIX.length) return null;
  const rest = subEntityId.slice(SUB_ENTITY_PREFIX.length);
  const at = rest.indexOf(ASK_SEPARATOR);
  if (at < 0) return { planId: rest, ask: null };
  let ask: string | null = null;
  try {
    ask = decodeURIComponent(rest.slice(at + ASK_SEPARATOR.length)) || null;
  } catch {
    ask = null;
  }
  return { planId: rest.slice(0, at), ask };
};
export const planIdFromSubEntityId = (subEntityId: string | null | undefined): string | null =>
  planFromSubEntityId(subEntityId)?.planId ?? null;

/** `&ask=<name>` for a page URL, or nothing. */
export const askParam = (ask: string | null): string => (ask ? `&ask=${encodeURIComponent(ask)}` : '');

const isHttpUrl = (text: string): boolean => {
  try {
    const url = new URL(text);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
};

/**
 * A deep link to one plan, cleared by the privacy guard; a misconfigured base URL or app id is a failure value.
 * `ask` names the tovholder to ask for access, for links read by people the plan may not be shared with (the
 * invitation, the meeting's tab); the privacy guard clears it like the rest of the link.
 */
export const planDeepLink = (
  target: LinkTarget,
  planId: string,
  ctx: PrivacyContext,
  ask: string | null = null,
): Outcome<Cleared<string>> => {
  if (planId.trim() === '') return failure('invalid', 'link.noPlanId', 'Linket mangler planens id.');
  if (target.host === 'teams') {
    if (target.teamsAppId.trim() === '') {
      return failure('invalid', 'link.noTeamsAppId', 'Appens Teams-id mangler i konfigurationen (teamsAppId).');
    }
    const context = encodeURIComponent(JSON.stringify({ subEntityId: planSubEntityId(planId, ask) }));
    const url = `https://teams.microsoft.com/l/entity/${encodeURIComponent(target.teamsAppId)}/${PLANS_ENTITY_ID}?context=${context}`;
    return verdictOutcome(clearUrl(url, ctx));
  }
  if (!isHttpUrl(target.appBaseUrl)) {
    return failure(
      'invalid',
      'link.badBaseUrl',
      'Appens adresse (appBaseUrl) i konfigurationen er ikke en gyldig URL.',
    );
  }
  const base = target.appBaseUrl.replace(/\/+$/, '');
  const url = `${base}/plans.html?host=standalone&planId=${encodeURIComponent(planId)}${askParam(ask)}`;
  return verdictOutcome(clearUrl(url, ctx));
};
