/**
 * Sandbox builds only: webpack leaves this module out of a production build (`__TOVHOLDER_LOCAL_TEAMS_HOST__`, see
 * webpack.config.js), so no local origin ever reaches a tenant's pages.
 *
 * teams-js accepts the host's messages only from HTTPS origins on its own list or passed to `app.initialize`. The
 * local Teams host (sandbox/teamsHost/) is on neither: it names itself in the frame's URL (`teamsHost=<origin>`), as
 * it also passes `sandbox=`, and only an HTTPS loopback origin is taken from there.
 */
export const localTeamsHostOrigins = (search: string): string[] => {
  const given = new URLSearchParams(search).get('teamsHost');
  if (!given) return [];
  let url: URL;
  try {
    url = new URL(given);
  } catch {
    return [];
  }
  const loopback = url.hostname === 'localhost' || url.hostname === '127.0.0.1';
  return url.protocol === 'https:' && loopback ? [url.origin] : [];
};
