import * as z from 'zod/mini';
import { failure, success, type Outcome } from '../../domain/ports/outcome';

/**
 * The local sign-in's user picker: the demo users the sandbox offers (`GET /_sandbox/users`). Part of the sandbox
 * sign-in, so it lives beside sandboxAuth.ts; it reads names and roles, nothing from a plan.
 */
const DemoUserSchema = z.object({
  upn: z.string().check(z.minLength(1)),
  id: z.string(),
  name: z.string(),
  mail: z.nullish(z.string()),
  jobTitle: z.nullish(z.string()),
  organisation: z.nullish(z.string()),
  sector: z.nullish(z.string()),
  tenant: z.nullish(z.string()),
  tenantId: z.nullish(z.string()),
  /** inTenant | federated | emailOnly (e-mail-only people cannot sign in). */
  kind: z.string(),
  /** e.g. "koordinator" in the seeded plan. */
  role: z.nullish(z.string()),
});
export type DemoUser = z.infer<typeof DemoUserSchema>;

const DemoUsersSchema = z.object({ users: z.array(DemoUserSchema) });

export const fetchDemoUsers = async (sandboxOrigin: string): Promise<Outcome<DemoUser[]>> => {
  const url = `${sandboxOrigin.replace(/\/+$/, '')}/_sandbox/users`;
  let response: Response;
  try {
    response = await fetch(url);
  } catch (error) {
    return failure('failed', 'sandboxUnreachable', `Sandkassen svarer ikke (${url}): ${(error as Error).message}`);
  }
  if (!response.ok)
    return failure('failed', 'sandboxRefused', `Sandkassen svarede ${response.status}`, response.status);
  const parsed = DemoUsersSchema.safeParse(await response.json().catch(() => null));
  if (!parsed.success) return failure('invalid', 'sandboxShape', 'Sandkassens brugerliste har en ukendt form');
  return success(parsed.data.users);
};
