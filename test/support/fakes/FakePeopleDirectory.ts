import type { DirectoryPerson, PeopleDirectory } from '../../../src/domain/ports/peopleDirectory';
import { failure, success, type Failure, type Outcome } from '../../../src/domain/ports/outcome';

/** The directory of a tenant in memory: matches name or e-mail, case-insensitive, like Graph's $search. */
export class FakePeopleDirectory implements PeopleDirectory {
  readonly queries: string[] = [];
  private readonly failures: Failure[] = [];

  constructor(
    private readonly people: DirectoryPerson[],
    private readonly signedIn: DirectoryPerson | null = people[0] ?? null,
  ) {}

  async me(): Promise<Outcome<DirectoryPerson>> {
    return this.signedIn ? success(this.signedIn) : failure('unauthorized', 'NotSignedIn', 'No signed-in user', 401);
  }

  /** The next search fails with this, once (a 403 for a missing permission, a 429, a timeout). */
  failNext(failure: Failure): this {
    this.failures.push(failure);
    return this;
  }

  async search(query: string): Promise<Outcome<DirectoryPerson[]>> {
    this.queries.push(query);
    const failed = this.failures.shift();
    if (failed) return failed;
    const q = query.trim().toLocaleLowerCase('da-DK');
    if (q === '') return success([]);
    return success(
      this.people.filter((p) => p.name.toLocaleLowerCase('da-DK').includes(q) || p.email.toLowerCase().includes(q)),
    );
  }
}
