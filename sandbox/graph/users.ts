import type { Ctx, Router } from '../router';
import type { State, UserRecord } from '../store';
import { GraphError, badRequest } from './errors';
import { applyFilter, applySelect, paginate, parseSelect, type Json } from './odata';

/** Users and people: GET /me, /users, /users/{id}, /me/people. */

const DEFAULT_USER_PROPERTIES = [
  'businessPhones',
  'displayName',
  'givenName',
  'jobTitle',
  'mail',
  'mobilePhone',
  'officeLocation',
  'preferredLanguage',
  'surname',
  'userPrincipalName',
  'id',
];

/** Every property the sandbox knows for a user (what $select may ask for). */
export const userJson = (user: UserRecord): Json => ({
  businessPhones: user.businessPhones,
  displayName: user.displayName,
  givenName: user.givenName,
  jobTitle: user.jobTitle,
  mail: user.mail,
  mobilePhone: user.mobilePhone,
  officeLocation: user.officeLocation,
  preferredLanguage: user.preferredLanguage,
  surname: user.surname,
  userPrincipalName: user.userPrincipalName,
  id: user.id,
  accountEnabled: true,
  companyName: user.companyName,
  department: user.department,
  userType: user.kind === 'guest' ? 'Guest' : 'Member',
  externalUserState: user.externalUserState,
  creationType: user.kind === 'guest' ? 'Invitation' : null,
  usageLocation: 'DK',
  country: 'Danmark',
  city: 'Sundby',
  mailNickname: user.userPrincipalName.split('@')[0] ?? '',
  proxyAddresses: [`SMTP:${user.mail}`],
  otherMails: [],
  imAddresses: [user.userPrincipalName],
});

const shapeUser = (user: UserRecord, select: string[] | null): Json => {
  const full = userJson(user);
  if (select) {
    const unknown = select.find((name) => !Object.keys(full).some((key) => key.toLowerCase() === name.toLowerCase()));
    if (unknown) {
      throw badRequest(
        `Could not find a property named '${unknown}' on type 'microsoft.graph.user'.`,
        'Request_BadRequest',
      );
    }
    return applySelect(full, select);
  }
  return applySelect(full, DEFAULT_USER_PROPERTIES);
};

export const userById = (state: State, id: string): UserRecord | undefined =>
  state.users.find((user) => user.id === id);

/** A person by address: their own account (never a guest account, which shares its home account's address). */
export const userByMail = (state: State, address: string): UserRecord | undefined =>
  state.users.find((user) => user.kind !== 'guest' && user.mail.toLowerCase() === address.toLowerCase());

/** Sandbox users who have an Exchange calendar (in-tenant and federated Teams users). */
export const hasCalendar = (user: UserRecord | undefined): user is UserRecord => !!user && user.kind !== 'emailOnly';

/** Users in the caller's own directory (federated users are in their own tenant's directory). */
export const directoryOf = (state: State, me: UserRecord): UserRecord[] =>
  state.users.filter((user) => user.kind !== 'emailOnly' && user.tenantId === me.tenantId);

/** `/users/{id-or-upn}` as Graph resolves it: object id or userPrincipalName, in the caller's tenant. */
export const resolveDirectoryUser = (state: State, me: UserRecord, idOrUpn: string): UserRecord => {
  const key = idOrUpn.toLowerCase();
  const user = directoryOf(state, me).find(
    (candidate) => candidate.id.toLowerCase() === key || candidate.userPrincipalName.toLowerCase() === key,
  );
  if (!user) {
    throw new GraphError(
      404,
      'Request_ResourceNotFound',
      `Resource '${idOrUpn}' does not exist or one of its queried reference-property objects are not present.`,
    );
  }
  return user;
};

/** For /users/{id}/… routes on a mailbox or calendar: only the caller's own. */
export const requireSelf = (ctx: Ctx, idOrUpn: string): UserRecord => {
  const user = resolveDirectoryUser(ctx.sandbox.store.state, ctx.me, idOrUpn);
  if (user.id !== ctx.me.id)
    throw new GraphError(403, 'ErrorAccessDenied', 'Access is denied. Check credentials and try again.');
  return user;
};

const contextFor = (ctx: Ctx, select: string[] | null, entity: boolean): string =>
  `${ctx.graphBase}/$metadata#users${select ? `(${select.join(',')})` : ''}${entity ? '/$entity' : ''}`;

/** Tokens a directory search term may prefix: words of the value and the value itself. */
const tokensOf = (value: string): string[] => [
  value.toLowerCase(),
  ...value
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean),
];

const matchesTerm = (value: string | null, term: string): boolean => {
  if (!value) return false;
  const tokens = tokensOf(value);
  return term
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => tokens.some((token) => token.startsWith(word)));
};

/**
 * Directory $search: `"property:term"` clauses joined by OR / AND, like Graph. Needs `ConsistencyLevel: eventual`.
 */
const directorySearch = (users: UserRecord[], search: string): UserRecord[] => {
  const clauseRe = /"([^":]+):([^"]*)"/g;
  const rest = search
    .replace(clauseRe, ' ')
    .replace(/\b(AND|OR)\b/g, ' ')
    .trim();
  if (rest) {
    throw badRequest(
      `Invalid $search query '${search}': each clause must be "property:term" in double quotes, joined by OR or AND.`,
      'Request_UnsupportedQuery',
    );
  }
  const clauses: { property: string; term: string }[] = [];
  const joins: string[] = [];
  for (const match of search.matchAll(clauseRe)) clauses.push({ property: match[1] ?? '', term: match[2] ?? '' });
  for (const match of search.matchAll(/"\s+(AND|OR)\s+"/g)) joins.push(match[1] ?? 'OR');
  if (clauses.length === 0) throw badRequest(`Invalid $search query '${search}'.`, 'Request_UnsupportedQuery');
  const searchable: Record<string, (user: UserRecord) => string | null> = {
    displayname: (user) => user.displayName,
    mail: (user) => user.mail,
    userprincipalname: (user) => user.userPrincipalName,
    givenname: (user) => user.givenName,
    surname: (user) => user.surname,
    jobtitle: (user) => user.jobTitle,
    department: (user) => user.department,
    companyname: (user) => user.companyName,
  };
  for (const clause of clauses) {
    if (!searchable[clause.property.toLowerCase()]) {
      throw badRequest(`Property '${clause.property}' does not support $search.`, 'Request_UnsupportedQuery');
    }
  }
  return users.filter((user) => {
    let result = matchesTerm(searchable[clauses[0]!.property.toLowerCase()]!(user), clauses[0]!.term);
    clauses.slice(1).forEach((clause, index) => {
      const hit = matchesTerm(searchable[clause.property.toLowerCase()]!(user), clause.term);
      result = joins[index] === 'AND' ? result && hit : result || hit;
    });
    return result;
  });
};

const listUsers = (ctx: Ctx) => {
  const { query, headers } = ctx.req;
  const eventual = (headers['consistencylevel'] ?? '').toLowerCase() === 'eventual';
  const search = query.get('$search');
  const wantsCount = (query.get('$count') ?? '').toLowerCase() === 'true';
  if ((search || wantsCount) && !eventual) {
    throw badRequest(
      `Request with ${search ? '$search' : '$count'} query parameter only works through MSGraph with a special request header: 'ConsistencyLevel: eventual'`,
      'Request_UnsupportedQuery',
    );
  }
  let users = directoryOf(ctx.sandbox.store.state, ctx.me);
  if (search) users = directorySearch(users, search);
  const select = parseSelect(query);
  const filtered = applyFilter(
    users.map((user) => ({ user, json: userJson(user) })).map((entry) => ({ ...entry.json, __user: entry.user })),
    query,
  ).map((entry) => entry.__user as UserRecord);
  const sorted = [...filtered].sort((a, b) => a.displayName.localeCompare(b.displayName, 'da'));
  const page = paginate(sorted, query, `${ctx.graphBase}/users`, { defaultTop: 100, maxTop: 999, style: 'skiptoken' });
  return {
    status: 200,
    body: {
      '@odata.context': contextFor(ctx, select, false),
      ...(wantsCount ? { '@odata.count': sorted.length } : {}),
      ...(page.nextLink ? { '@odata.nextLink': page.nextLink } : {}),
      value: page.items.map((user) => shapeUser(user, select)),
    },
  };
};

// ---------------------------------------------------------------- people

const relevance = (state: State, me: UserRecord): Map<string, number> => {
  const scores = new Map<string, number>();
  for (const event of state.events) {
    const addresses = [
      state.users.find((user) => user.id === event.organizerId)?.mail.toLowerCase() ?? '',
      ...event.attendees.map((attendee) => attendee.address.toLowerCase()),
    ];
    if (!addresses.includes(me.mail.toLowerCase())) continue;
    for (const address of addresses) scores.set(address, (scores.get(address) ?? 0) + 1);
  }
  // Mail the caller has sent counts too: Graph ranks people by communication as well as collaboration.
  for (const mail of state.mail) {
    if (mail.mailbox !== me.mail.toLowerCase() || mail.folder !== 'sentitems') continue;
    for (const { address } of [...mail.to, ...mail.cc, ...mail.bcc])
      scores.set(address.toLowerCase(), (scores.get(address.toLowerCase()) ?? 0) + 1);
  }
  return scores;
};

const personJson = (user: UserRecord, me: UserRecord, score: number): Json => ({
  id: user.id,
  displayName: user.displayName,
  givenName: user.givenName,
  surname: user.surname,
  birthday: '',
  personNotes: '',
  isFavorite: false,
  jobTitle: user.jobTitle,
  companyName: user.companyName,
  yomiCompany: '',
  department: user.department,
  officeLocation: user.officeLocation,
  profession: '',
  userPrincipalName: user.tenantId === me.tenantId ? user.userPrincipalName : '',
  imAddress: user.kind === 'emailOnly' ? null : `sip:${user.userPrincipalName}`,
  scoredEmailAddresses: [{ address: user.mail, relevanceScore: score, selectionLikelihood: 'notSpecified' }],
  phones: user.businessPhones.map((number) => ({ type: 'business', number })),
  personType: {
    class: 'Person',
    subclass: user.tenantId === me.tenantId && user.kind !== 'emailOnly' ? 'OrganizationUser' : 'ImplicitContact',
  },
});

/**
 * /me/people: colleagues in the caller's tenant plus everyone the caller has met (attendees of shared events) or
 * written to (sent mail),
 * most relevant first. `$search` matches the start of any word of the name or address (no ConsistencyLevel needed).
 */
const listPeople = (ctx: Ctx) => {
  const state = ctx.sandbox.store.state;
  const me = ctx.me;
  const scores = relevance(state, me);
  const known = state.users.filter(
    (user) =>
      user.id !== me.id &&
      // A guest account stands for a person already known by their own account (and address).
      user.kind !== 'guest' &&
      ((user.tenantId === me.tenantId && user.kind !== 'emailOnly') || scores.has(user.mail.toLowerCase())),
  );
  let people = known
    .map((user) => ({ user, score: scores.get(user.mail.toLowerCase()) ?? 0 }))
    .sort((a, b) => b.score - a.score || a.user.displayName.localeCompare(b.user.displayName, 'da'));
  const search = ctx.req.query.get('$search');
  if (search) {
    const term = search.replace(/^"|"$/g, '').trim();
    people = people.filter(({ user }) => matchesTerm(user.displayName, term) || matchesTerm(user.mail, term));
  }
  const maxScore = Math.max(1, ...people.map((entry) => entry.score));
  const json = people.map(({ user, score }) =>
    personJson(user, me, Math.round((10 + (score / maxScore) * 20) * 10) / 10),
  );
  const filtered = applyFilter(json, ctx.req.query);
  const page = paginate(filtered, ctx.req.query, `${ctx.graphBase}${ctx.req.path}`, {
    defaultTop: 10,
    maxTop: 1000,
    style: 'skip',
  });
  const select = parseSelect(ctx.req.query);
  return {
    status: 200,
    body: {
      '@odata.context': `${ctx.graphBase}/$metadata#users('${encodeURIComponent(me.id)}')/people`,
      ...(page.nextLink ? { '@odata.nextLink': page.nextLink } : {}),
      value: page.items.map((person) => applySelect(person, select, ['id'])),
    },
  };
};

export const registerUsers = (router: Router): void => {
  router
    .add('GET', '/me', (ctx) => {
      const select = parseSelect(ctx.req.query);
      return { status: 200, body: { '@odata.context': contextFor(ctx, select, true), ...shapeUser(ctx.me, select) } };
    })
    .add('GET', '/users', listUsers)
    .add('GET', '/users/{userId}', (ctx) => {
      const user = resolveDirectoryUser(ctx.sandbox.store.state, ctx.me, ctx.params.userId ?? '');
      const select = parseSelect(ctx.req.query);
      return { status: 200, body: { '@odata.context': contextFor(ctx, select, true), ...shapeUser(user, select) } };
    })
    .self('GET', '/people', listPeople);
};
