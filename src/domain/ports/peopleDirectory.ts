import type { Sector } from '../plan/planDocument';
import type { Outcome } from './outcome';

/** A person found in the directory (Graph users and people). */
export interface DirectoryPerson {
  userId: string | null;
  name: string;
  email: string;
  organisation: string;
  jobTitle: string | null;
  /** True for users of the signed-in user's own tenant. */
  inTenant: boolean;
  /** The sector the directory's department, company or job title clearly points to; absent or "andet" otherwise. */
  sector?: Sector;
  /** Home tenant id of a federated Teams user (another organisation), when known. */
  tenantId?: string | null;
}

export interface PeopleDirectory {
  me(): Promise<Outcome<DirectoryPerson>>;
  /** Search by name or e-mail; combines /users and /me/people, de-duplicated by e-mail. */
  search(query: string): Promise<Outcome<DirectoryPerson[]>>;
}
