import * as z from 'zod/mini';
import { sectorFromDirectory } from '../../domain/booking/sectorFromDirectory';
import { failure, success, type Outcome } from '../../domain/ports/outcome';
import type { DirectoryPerson, PeopleDirectory } from '../../domain/ports/peopleDirectory';
import { batchResult, sendBatch } from './graphBatch';
import { query, type GraphClient } from './graphClient';

/**
 * Finding participants: the signed-in user's own directory (GET /users with $search, which needs
 * `ConsistencyLevel: eventual`) and the people they work with, external contacts included (GET /me/people).
 * Both go in one $batch; the result is de-duplicated by e-mail, the directory entry winning.
 *
 * People from another organisation who have a Teams address (the people list's `imAddress` is `sip:…`; e-mail-only
 * contacts have none) are looked up by their e-mail domain (GET /tenantRelationships/
 * findTenantInformationByDomainName): when the domain belongs to a Microsoft 365 tenant, the person is a federated
 * Teams user of that tenant and is reached by 1:1 chat with their id from the people list. Without an answer
 * (the permission missing, an unknown domain) they stay e-mail only, which always reaches them.
 */

const USER_FIELDS = 'id,displayName,mail,userPrincipalName,jobTitle,department,companyName,userType';

const UserSchema = z.object({
  id: z.string().check(z.minLength(1)),
  displayName: z.nullish(z.string()),
  mail: z.nullish(z.string()),
  userPrincipalName: z.nullish(z.string()),
  jobTitle: z.nullish(z.string()),
  department: z.nullish(z.string()),
  companyName: z.nullish(z.string()),
  userType: z.nullish(z.string()),
});
type GraphUser = z.infer<typeof UserSchema>;

const PersonSchema = z.object({
  id: z.string().check(z.minLength(1)),
  displayName: z.nullish(z.string()),
  jobTitle: z.nullish(z.string()),
  department: z.nullish(z.string()),
  companyName: z.nullish(z.string()),
  imAddress: z.nullish(z.string()),
  scoredEmailAddresses: z.nullish(z.array(z.object({ address: z.nullish(z.string()) }))),
  personType: z.nullish(z.object({ class: z.nullish(z.string()), subclass: z.nullish(z.string()) })),
});
type GraphPerson = z.infer<typeof PersonSchema>;

const UsersSchema = z.object({ value: z.array(UserSchema) });
const TenantInformationSchema = z.object({ tenantId: z.string().check(z.minLength(1)) });
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

/** A Teams (or Skype for Business) address: the person can be reached in Teams, in whatever tenant. */
const hasTeamsAddress = (person: GraphPerson): boolean => /^sip:/i.test(person.imAddress ?? '');

const domainOf = (email: string): string => email.slice(email.lastIndexOf('@') + 1).toLowerCase();

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
    // A guest in our directory is a person of another organisation: their guest account's id is not who they are in
    // Teams, so they are reached like anyone else from there (their own tenant, below), or by e-mail.
    const guests = new Set<string>();
    if (users.ok)
      users.value.value.forEach((user) => {
        const person = fromUser(user);
        if (person && !person.inTenant) guests.add(person.email.toLowerCase());
        add(person && !person.inTenant ? { ...person, userId: null } : person);
      });
    // People of another organisation with a Teams address, not already found in our own directory.
    const teamsElsewhere = new Map<string, string>();
    if (people.ok) {
      for (const person of people.value.value) {
        const entry = fromPerson(person);
        add(entry);
        const key = entry?.email.toLowerCase() ?? '';
        if (entry && !entry.inTenant && hasTeamsAddress(person) && (found.get(key) === entry || guests.has(key)))
          teamsElsewhere.set(key, person.id);
      }
    }
    if (teamsElsewhere.size > 0) {
      const tenants = await this.tenantsOf([...teamsElsewhere.keys()].map(domainOf));
      for (const [email, personId] of teamsElsewhere) {
        const tenantId = tenants.get(domainOf(email));
        const entry = found.get(email);
        if (tenantId && entry) found.set(email, { ...entry, userId: personId, tenantId });
      }
    }
    return success([...found.values()]);
  }

  /** Tenant id by e-mail domain, asked once per domain for the life of the directory (one $batch for new ones). */
  private readonly tenants = new Map<string, string | null>();

  private async tenantsOf(domains: string[]): Promise<Map<string, string | null>> {
    const unknown = [...new Set(domains)].filter((domain) => !this.tenants.has(domain));
    if (unknown.length > 0) {
      const results = await sendBatch(
        this.graph,
        unknown.map((domain, i) => ({
          id: `tenant${i}`,
          method: 'GET' as const,
          path: `/tenantRelationships/findTenantInformationByDomainName(domainName='${encodeURIComponent(domain.replace(/'/g, "''"))}')`,
        })),
      );
      unknown.forEach((domain, i) => {
        const info = batchResult(
          results,
          `tenant${i}`,
          TenantInformationSchema,
          'GET findTenantInformationByDomainName',
        );
        // Not known now (no permission, throttled, unknown domain): e-mail only this time, asked again next search.
        if (info.ok) this.tenants.set(domain, info.value.tenantId);
      });
    }
    return new Map(domains.map((domain) => [domain, this.tenants.get(domain) ?? null]));
  }
}
