import { z } from 'zod';

/**
 * The part of teams-js's `app.getContext()` the app relies on, validated at the boundary: hosts differ
 * (Teams, Outlook, the Microsoft 365 app) and an unexpected shape should fail loudly here, not deep in a surface.
 */
export const TeamsContextSchema = z.object({
  app: z.object({
    locale: z.string().min(2),
    theme: z.string().default('default'),
    host: z.object({ name: z.string(), clientType: z.string().optional() }).optional(),
  }),
  page: z.object({
    id: z.string(),
    frameContext: z.string().optional(),
    /** The deep link's sub-entity: the plan id when a card's "Åbn planen" opened the tab. */
    subPageId: z.string().optional(),
  }),
  user: z
    .object({
      id: z.string().optional(),
      loginHint: z.string().optional(),
      userPrincipalName: z.string().optional(),
      displayName: z.string().optional(),
      tenant: z.object({ id: z.string() }).optional(),
    })
    .optional(),
  meeting: z.object({ id: z.string() }).optional(),
  chat: z.object({ id: z.string() }).optional(),
});
export type TeamsContext = z.infer<typeof TeamsContextSchema>;
