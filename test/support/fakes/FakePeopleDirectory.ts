import type { DirectoryPerson, PeopleDirectory } from '../../../src/domain/ports/peopleDirectory';
import { failure, success, type Outcome } from '../../../src/domain/ports/outcome';

/** The directory of a tenant in memory: matches name or e-mail, case-insensitive, like Graph's $search. */
export class FakePeopleDirectory implements PeopleDirectory {
  readonly queries: string[] = [];

  constructor(
    private readonly people: DirectoryPerson[],
    private readonly signedIn: DirectoryPerson | null = people[0] ?? null,
  ) {}

  async me(): Promise<Outcome<DirectoryPerson>> {
    return this.signedIn ? success(this.signedIn) : failure('unauthorized', 'NotSignedIn', 'No signed-in user', 401);
  }

  async search(query: string): Promise<Outcome<DirectoryPerson[]>> {
    this.queries.push(query);
    const q = query.trim().toLocaleLowerCase('da-DK');
    if (q === '') return success([]);
    return success(
      this.people.filter((p) => p.name.toLocaleLowerCase('da-DK').includes(q) || p.email.toLowerCase().includes(q)),
    );
  }
}
