import * as z from 'zod/mini';

/** The surfaces, one page (and webpack entry) each. */
export type Surface = 'plans' | 'meeting' | 'compose';

const email = z.pipe(z.string().check(z.trim(), z.toLowerCase()), z.email());

/**
 * The URL parameters a page understands. In local mode they replace what Teams or Outlook would tell the app:
 *   host=standalone  run without Teams/Outlook (a local page opened on its own is standalone anyway; framed without
 *                    it, a local page is in the local Teams host, sandbox/teamsHost/, and takes the Teams path)
 *   user=<upn>       the demo user to sign in as (e.g. mette.larsen@sundby-kommune.example)
 *   frame=content|sidePanel|meetingStage|personal|taskPane   where the meeting surface runs
 *   theme=light|dark|contrast     lang=da|en     planId=<id>
 *   sandbox=<origin> the sandbox to talk to (default: the one the build was made for)
 *   presenter=false  act as a meeting attendee who may not share to the stage
 *   cardDetail=summary|full       the tenant policy for card detail (local mode only)
 *   view=config      the meeting tab's configuration page (Teams opens it when the tab is added)
 *   view=setup       the plans page's "Tjek opsætning" (an admin's check of what the tenant lacks)
 *   ask=<name>       the tovholder to ask for access, named by the invitation's and the tab's links
 * Everything is optional here; which ones a page needs is decided by the composition root.
 */
export const LaunchParamsSchema = z.object({
  host: z.optional(z.enum(['standalone', 'teams', 'office'])),
  user: z.optional(email),
  frame: z.optional(z.enum(['content', 'sidePanel', 'meetingStage', 'personal', 'taskPane'])),
  theme: z.optional(z.enum(['light', 'dark', 'contrast'])),
  lang: z.optional(z.enum(['da', 'en'])),
  planId: z.optional(z.string().check(z.minLength(1), z.maxLength(200))),
  sandbox: z.optional(
    z.pipe(
      z.url({ protocol: /^https?$/ }),
      z.transform((value: string) => new URL(value).origin),
    ),
  ),
  presenter: z.optional(z.enum(['true', 'false'])),
  cardDetail: z.optional(z.enum(['summary', 'full'])),
  view: z.optional(z.enum(['config', 'setup'])),
  /** The tovholder to ask for access, from the link (for someone the plan is not shared with). */
  ask: z.optional(z.string().check(z.minLength(1), z.maxLength(200))),
});
export type LaunchParams = z.infer<typeof LaunchParamsSchema>;

export type ParamsResult = { ok: true; params: LaunchParams } | { ok: false; param: string; value: string };

/** Reads the known parameters from a query string; an unknown parameter is ignored, a bad value is reported. */
export const readLaunchParams = (search: string): ParamsResult => {
  const query = new URLSearchParams(search);
  const raw: Record<string, string> = {};
  for (const key of Object.keys(LaunchParamsSchema.shape)) {
    const value = query.get(key);
    if (value !== null && value !== '') raw[key] = value;
  }
  const parsed = LaunchParamsSchema.safeParse(raw);
  if (parsed.success) return { ok: true, params: parsed.data };
  const param = String(parsed.error.issues[0]?.path[0] ?? '');
  return { ok: false, param, value: raw[param] ?? '' };
};
