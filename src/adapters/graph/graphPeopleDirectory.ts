import { z } from 'zod';
import { sectorFromDirectory } from '../../domain/booking/sectorFromDirectory';
import { failure, success, type Outcome } from '../../domain/ports/outcome';
import type { DirectoryPerson, PeopleDirectory } from '../../domain/ports/peopleDirectory';
import { batchResult, sendBatch } from './graphBatch';
import { query, type GraphClient } from './graphClient';

/**
 * Finding participants: the signed-in user's own directory (GET /users with $search, which needs
 * `ConsistencyLevel: eventual`) and the people they work with, external contacts included (GET /me/people).
 * Both go in one $batch; the result is de-duplicated by e-mail, the directory entry winning.
 */

const USER_FIELDS = 'id,displayName,mail,userPrincipalName,jobTitle,department,companyName,userType';

const UserSchema = z.object({
  id: z.string().min(1),
  displayName: z.string().nullish(),
  mail: z.string().nullish(),
  userPrincipalName: z.string().nullish(),
  jobTitle: z.string().nullish(),
  department: z.string().nullish(),
  companyName: z.string().nullish(),
  userType: z.string().nullish(),
});
type GraphUser = z.infer<typeof UserSchema>;

const PersonSchema = z.object({
  id: z.string().min(1),
  displayName: z.string().nullish(),
  jobTitle: z.string().nullish(),
  department: z.string().nullish(),
  companyName: z.string().nullish(),
  imAddress: z.string().nullish(),
  scoredEmailAddresses: z.array(z.object({ address: z.string().nullish() })).nullish(),
  personType: z.object({ class: z.string().nullish(), subclass: z.string().nullish() }).nullish(),
});
type GraphPerson = z.infer<typeof PersonSchema>;

const UsersSchema = z.object({ value: z.array(UserSchema) });
const PeopleSchema = z.object({ value: z.array(PersonSchema) });

const organisationOf = (entry: { department?: string | null; companyName?: string | null }): string =>
  entry.department?.trim() || entry.companyName?.trim() || '';

const fromUser = (user: GraphUser): DirectoryPerson | null => {
  const email = user.mail ?? user.userPrincipalName ?? null;
  if (!email) return null;
  return {
    userId: user.id,
    name: user.displayName ?? email,
    email,
    organisation: organisationOf(user),
    jobTitle: user.jobTitle ?? null,
    // Guests sit in our directory but belong to another organisation.
    inTenant: user.userType !== 'Guest',
    sector: sectorFromDirectory(user),
  };
};

const fromPerson = (person: GraphPerson): DirectoryPerson | null => {
  const email = person.scoredEmailAddresses?.find((entry) => entry.address)?.address ?? null;
  if (!email) return null;
  const inTenant = person.personType?.subclass === 'OrganizationUser';
  return {
    // A person's id is the user's object id only for users of our own organisation.
    userId: inTenant ? person.id : null,
    name: person.displayName ?? email,
    email,
    organisation: organisationOf(person),
    jobTitle: person.jobTitle ?? null,
    inTenant,
    sector: sectorFromDirectory(person),
  };
};

/** Quotes are the only thing that can break out of a $search clause. */
const searchTerm = (text: string): string => text.replace(/["\\]/g, ' ').replace(/\s+/g, ' ').trim();

export class GraphPeopleDirectory implements PeopleDirectory {
  constructor(private readonly graph: GraphClient) {}

  async me(): Promise<Outcome<DirectoryPerson>> {
    const outcome = await this.graph.request(
      { method: 'GET', path: `/me${query({ $select: USER_FIELDS })}` },
      UserSchema,
    );
    if (!outcome.ok) return outcome;
    const me = fromUser(outcome.value);
    if (!me) return failure('failed', 'malformedResponse', 'Din bruger har ingen e-mailadresse i Microsoft 365');
    return success({ ...me, inTenant: true });
  }

  async search(text: string): Promise<Outcome<DirectoryPerson[]>> {
    const term = searchTerm(text);
    if (term.length < 2) return success([]);
    const results = await sendBatch(this.graph, [
      {
        id: 'users',
        method: 'GET',
        path: `/users${query({
          $search: `"displayName:${term}" OR "mail:${term}"`,
          $select: USER_FIELDS,
          $top: 25,
        })}`,
        headers: { ConsistencyLevel: 'eventual' },
      },
      { id: 'people', method: 'GET', path: `/me/people${query({ $search: `"${term}"`, $top: 25 })}` },
    ]);
    const users = batchResult(results, 'users', UsersSchema, 'GET /users');
    const people = batchResult(results, 'people', PeopleSchema, 'GET /me/people');
    // Either source alone is still useful; only when both fail is the search a failure.
    if (!users.ok && !people.ok) return users;
    const found = new Map<string, DirectoryPerson>();
    const add = (person: DirectoryPerson | null) => {
      if (!person) return;
      const key = person.email.toLowerCase();
      if (!found.has(key)) found.set(key, person);
    };
    if (users.ok) users.value.value.forEach((user) => add(fromUser(user)));
    if (people.ok) people.value.value.forEach((person) => add(fromPerson(person)));
    return success([...found.values()]);
  }
}
