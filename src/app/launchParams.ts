import { z } from 'zod';

/** The surfaces, one page (and webpack entry) each. */
export type Surface = 'plans' | 'meeting' | 'compose';

const email = z.string().trim().toLowerCase().pipe(z.email());

/**
 * The URL parameters a page understands. In local mode they replace what Teams or Outlook would tell the app:
 *   host=standalone  run without Teams/Outlook (required in local mode)
 *   user=<upn>       the demo user to sign in as (e.g. mette.larsen@sundby-kommune.example)
 *   frame=content|sidePanel|meetingStage|personal|taskPane   where the meeting surface runs
 *   theme=light|dark|contrast     lang=da|en     planId=<id>
 *   sandbox=<origin> the sandbox to talk to (default: the one the build was made for)
 *   presenter=false  act as a meeting attendee who may not share to the stage
 *   cardDetail=summary|full       the tenant policy for card detail (local mode only)
 *   view=config      the meeting tab's configuration page (Teams opens it when the tab is added)
 * Everything is optional here; which ones a page needs is decided by the composition root.
 */
export const LaunchParamsSchema = z.object({
  host: z.enum(['standalone', 'teams', 'office']).optional(),
  user: email.optional(),
  frame: z.enum(['content', 'sidePanel', 'meetingStage', 'personal', 'taskPane']).optional(),
  theme: z.enum(['light', 'dark', 'contrast']).optional(),
  lang: z.enum(['da', 'en']).optional(),
  planId: z.string().min(1).max(100).optional(),
  sandbox: z
    .url({ protocol: /^https?$/ })
    .transform((value) => new URL(value).origin)
    .optional(),
  presenter: z.enum(['true', 'false']).optional(),
  cardDetail: z.enum(['summary', 'full']).optional(),
  view: z.enum(['config']).optional(),
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
