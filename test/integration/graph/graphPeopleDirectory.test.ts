import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { GraphClient } from '../../../src/adapters/graph/graphClient';
import { GraphCalendar } from '../../../src/adapters/graph/graphCalendar';
import { GraphPeopleDirectory } from '../../../src/adapters/graph/graphPeopleDirectory';
import { defaultPolicy } from '../../../src/domain/policy';
import { clearEventDraft, verdictOutcome } from '../../../src/domain/privacy/privacyGuard';
import { demoPlan } from '../../support/builders';
import { startSandbox, type RunningSandbox } from '../../support/sandboxProcess';
import { clearFaults, graphAs, injectFault, resetStats, stats, upn } from './graphSandbox';

let sandbox: RunningSandbox;

beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(async () => {
  await sandbox?.stop();
});
beforeEach(async () => {
  await clearFaults(sandbox);
  await resetStats(sandbox);
});

describe('GraphPeopleDirectory against the sandbox', () => {
  it('knows who is signed in, with organisation and job title', async () => {
    const me = await new GraphPeopleDirectory(graphAs(sandbox, upn.mette)).me();
    expect(me).toMatchObject({
      ok: true,
      value: {
        name: 'Mette Larsen',
        email: upn.mette,
        organisation: 'Sundby Rusmiddelcenter',
        jobTitle: 'Rusmiddelbehandler',
        inTenant: true,
      },
    });
  });

  it('finds colleagues in the directory and external people the koordinator works with, each once', async () => {
    // Graph's people list knows external people once you have met or written to them. The professionals are invited
    // to a meeting; the citizen and the relative (never calendar attendees) get a letter by e-mail.
    const invite = (email: string) => ({ email, name: email, required: true });
    const draft = verdictOutcome(
      clearEventDraft(
        {
          subject: 'Koordinerende indsatsplansmøde – KI-2026-014',
          bodyHtml: '<p>Dagsorden</p>',
          start: '2027-03-04T12:00:00.000Z',
          end: '2027-03-04T13:30:00.000Z',
          attendees: [invite(upn.karen), invite(upn.jonas)],
          transactionId: 'people-test',
        },
        { plan: demoPlan(), policy: defaultPolicy, today: '2026-10-01' },
      ),
    );
    if (!draft.ok) throw new Error(draft.message);
    expect((await new GraphCalendar(graphAs(sandbox, upn.mette)).createEvent(draft.value)).ok).toBe(true);
    const letter = await graphAs(sandbox, upn.mette).send({
      method: 'POST',
      path: '/me/sendMail',
      body: {
        message: {
          subject: 'Tid og sted for mødet',
          body: { contentType: 'text', content: 'Vi ses torsdag kl. 13 på Rusmiddelcentret.' },
          toRecipients: [upn.jens, upn.lise].map((address) => ({ emailAddress: { address } })),
        },
      },
    });
    expect(letter.ok).toBe(true);

    const people = new GraphPeopleDirectory(graphAs(sandbox, upn.mette));
    const jonas = await people.search('Jonas');
    expect(jonas.ok && jonas.value.map((p) => [p.email, p.inTenant, p.userId !== null])).toEqual([
      [upn.jonas, true, true],
    ]);

    const karen = await people.search('karen');
    expect(karen.ok && karen.value.map((p) => [p.email, p.inTenant])).toEqual([[upn.karen, false]]);

    const holm = await people.search('holm');
    expect(holm.ok && holm.value.map((p) => p.email).sort()).toEqual([upn.jens, upn.lise]);
  });

  it('gives each person found the sector the directory\'s department points to, and "andet" when unclear', async () => {
    const people = new GraphPeopleDirectory(graphAs(sandbox, upn.mette));
    const sectorOf = async (text: string) => {
      const found = await people.search(text);
      if (!found.ok) throw new Error(found.message);
      return found.value.map((p) => [p.email, p.sector]);
    };
    expect(await sectorOf('Jonas')).toContainEqual([upn.jonas, 'socialpsykiatri']);
    expect(await sectorOf('Peter')).toContainEqual([upn.peter, 'jobcenter']);
    expect(await sectorOf('Lars')).toContainEqual([upn.lars, 'botilbud']);
    // Kriminalforsorgen is none of the sectors the form knows: the koordinator chooses.
    expect(await sectorOf('Mikkel')).toContainEqual([upn.mikkel, 'andet']);
    // The region's people come from the people list once met (here: in the meeting created above).
    expect(await sectorOf('karen')).toContainEqual([upn.karen, 'regionPsykiatri']);
  });

  // Graph answers GET /tenantRelationships/findTenantInformationByDomainName(domainName='regionms.example') with the
  // region's tenant id.
  it('reaches a region colleague found through the people list in Teams, as a federated user', async () => {
    const people = new GraphPeopleDirectory(graphAs(sandbox, upn.mette));
    const karen = await people.search('karen');
    expect(karen.ok && karen.value.find((p) => p.email === upn.karen)).toMatchObject({
      inTenant: false,
      userId: expect.any(String),
      tenantId: '22222222-2222-4222-8222-222222222222',
    });
  });

  it('still finds a region colleague, by e-mail, when their organisation cannot be looked up', async () => {
    // The tenant has not consented to CrossTenantInformation.ReadBasic.All: Graph refuses the look-up with 403.
    await injectFault(sandbox, { route: '^GET /v1\\.0/tenantRelationships/', kind: '403' });
    const people = new GraphPeopleDirectory(graphAs(sandbox, upn.mette));
    await resetStats(sandbox);
    const karen = await people.search('karen');
    expect(karen.ok && karen.value.map((p) => [p.email, p.inTenant, p.userId, p.tenantId ?? null])).toEqual([
      [upn.karen, false, null, null],
    ]);
    // Asked for the region's tenant (she has a Teams address), in a second round trip.
    const counted = await stats(sandbox);
    expect(counted.requests).toBe(2);
  });

  it('does not look up the organisation of people without a Teams address (e-mail only)', async () => {
    const people = new GraphPeopleDirectory(graphAs(sandbox, upn.mette));
    await resetStats(sandbox);
    const holm = await people.search('holm');
    expect(holm.ok && holm.value.map((p) => [p.email, p.userId])).toEqual(
      expect.arrayContaining([
        [upn.jens, null],
        [upn.lise, null],
      ]),
    );
    expect((await stats(sandbox)).requests).toBe(1);
  });

  it('asks the directory and the people list in one round trip', async () => {
    await new GraphPeopleDirectory(graphAs(sandbox, upn.mette)).search('Hanne');
    const counted = await stats(sandbox);
    expect(counted.requests).toBe(1);
    expect(counted.batchItems).toBe(2);
  });

  it('says "sign in again" when the token is refused (401)', async () => {
    const graph = new GraphClient({ baseUrl: sandbox.graphUrl, tokenSource: { getToken: async () => 'not-a-token' } });
    const me = await new GraphPeopleDirectory(graph).me();
    expect(me).toMatchObject({ ok: false, kind: 'unauthorized', status: 401, code: 'InvalidAuthenticationToken' });
  });

  it('waits out a 429 with Retry-After and then answers', async () => {
    await injectFault(sandbox, { route: '^GET /v1\\.0/me', kind: '429', count: 2, retryAfterSeconds: 1 });
    const started = performance.now();
    const me = await new GraphPeopleDirectory(graphAs(sandbox, upn.mette)).me();
    expect(me.ok).toBe(true);
    expect((await stats(sandbox)).byRoute['GET /me']).toBe(3);
    // Two waits of the second Graph asked for, not the client's own 0.05 s back-off.
    expect(performance.now() - started).toBeGreaterThanOrEqual(1950);
  });

  it('gives up on a throttle longer than the user should wait, and says when to try again', async () => {
    await injectFault(sandbox, { route: '^GET /v1\\.0/me', kind: '429', count: 1, retryAfterSeconds: 120 });
    const me = await new GraphPeopleDirectory(graphAs(sandbox, upn.mette)).me();
    expect(me).toMatchObject({ ok: false, kind: 'throttled', status: 429, retryAfterMs: 120000 });
  });

  it('turns a dropped connection that never recovers into a failure, not a crash', async () => {
    await injectFault(sandbox, { route: '^GET /v1\\.0/me', kind: 'drop' });
    const me = await new GraphPeopleDirectory(graphAs(sandbox, upn.mette, { maxRetries: 1 })).me();
    expect(me).toMatchObject({ ok: false, kind: 'failed', code: 'network' });
  });

  it('times out a request that hangs', async () => {
    await injectFault(sandbox, { route: '^GET /v1\\.0/me', kind: 'slow', delayMs: 3000 });
    const me = await new GraphPeopleDirectory(graphAs(sandbox, upn.mette, { timeoutMs: 300, maxRetries: 0 })).me();
    expect(me).toMatchObject({ ok: false, kind: 'failed', code: 'timeout' });
  });
});
