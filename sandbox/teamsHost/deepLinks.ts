/**
 * What `app.openLink` (teams-js `executeDeepLink`) opens in the local Teams host. Teams deep links
 * (https://teams.microsoft.com/l/…) to our app's personal tab or to a meeting open inside the host; any other web
 * link opens in a new browser tab, as Teams opens external links; anything else is refused with the reason teams-js
 * passes on as the promise's error.
 */
export type DeepLinkTarget =
  | { kind: 'personal'; subEntityId: string | null }
  | { kind: 'meeting'; chatId: string }
  | { kind: 'web'; url: string }
  | { kind: 'invalid'; reason: string };

export const deepLinkTarget = (link: string, teamsAppId: string): DeepLinkTarget => {
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    return { kind: 'invalid', reason: 'Invalid deep link: not a URL.' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:' && url.protocol !== 'msteams:')
    return { kind: 'invalid', reason: `Invalid deep link: ${url.protocol} links are not opened.` };
  const teams = url.protocol === 'msteams:' || url.hostname === 'teams.microsoft.com';
  if (!teams) return { kind: 'web', url: url.href };
  const parts = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
  if (parts[0] !== 'l') return { kind: 'invalid', reason: 'Invalid deep link: not a Teams /l/ link.' };
  if (parts[1] === 'entity') {
    if (parts[2] !== teamsAppId) return { kind: 'invalid', reason: `The app '${parts[2] ?? ''}' is not installed.` };
    if (parts[3] !== 'plans') return { kind: 'invalid', reason: `The app has no tab '${parts[3] ?? ''}'.` };
    let subEntityId: string | null = null;
    const context = url.searchParams.get('context');
    if (context) {
      try {
        const parsed = JSON.parse(context) as { subEntityId?: unknown };
        subEntityId = typeof parsed.subEntityId === 'string' ? parsed.subEntityId : null;
      } catch {
        return { kind: 'invalid', reason: 'Invalid deep link: its context is not JSON.' };
      }
    }
    return { kind: 'personal', subEntityId };
  }
  if (parts[1] === 'meetup-join' && parts[2]) return { kind: 'meeting', chatId: parts[2] };
  return { kind: 'invalid', reason: `The local Teams host does not open /l/${parts[1] ?? ''} links.` };
};
