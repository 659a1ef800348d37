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
}

export interface PeopleDirectory {
  me(): Promise<Outcome<DirectoryPerson>>;
  /** Search by name or e-mail; combines /users and /me/people, de-duplicated by e-mail. */
  search(query: string): Promise<Outcome<DirectoryPerson[]>>;
}
