import * as z from 'zod/mini';

/**
 * The part of teams-js's `app.getContext()` the app relies on, validated at the boundary: hosts differ
 * (Teams, Outlook, the Microsoft 365 app) and an unexpected shape should fail loudly here, not deep in a surface.
 */
export const TeamsContextSchema = z.object({
  app: z.object({
    locale: z.string().check(z.minLength(2)),
    theme: z._default(z.string(), 'default'),
    host: z.optional(z.object({ name: z.string(), clientType: z.optional(z.string()) })),
  }),
  page: z.object({
    id: z.string(),
    frameContext: z.optional(z.string()),
    /** The deep link's sub-entity: the plan id when a card's "Åbn planen" opened the tab. */
    subPageId: z.optional(z.string()),
  }),
  user: z.optional(
    z.object({
      id: z.optional(z.string()),
      loginHint: z.optional(z.string()),
      userPrincipalName: z.optional(z.string()),
      displayName: z.optional(z.string()),
      tenant: z.optional(z.object({ id: z.string() })),
    }),
  ),
  meeting: z.optional(z.object({ id: z.string() })),
  chat: z.optional(z.object({ id: z.string() })),
});
export type TeamsContext = z.infer<typeof TeamsContextSchema>;
