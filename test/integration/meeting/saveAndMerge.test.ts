/**
 * The meeting panel's save path against the real sandbox and the real Graph adapter: two people (the referent and
 * the mødeleder) save the same plan document with If-Match; the second save gets a real 412, and the panel's
 * sync step merges field by field (or holds the clash for the user) before saving again. Nothing is stubbed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphPlanStore } from '../../../src/adapters/graph/graphPlanStore';
import { nextItem } from '../../../src/domain/agenda/runningMeeting';
import type { Plan } from '../../../src/domain/plan/planDocument';
import type { SaveOutcome, StoredPlan } from '../../../src/domain/ports/planStore';
import { copenhagenInstant } from '../../../src/domain/time/danishTime';
import {
  afterConflict,
  afterSave,
  fromStored,
  resolveConflicts,
  type SyncSnapshot,
} from '../../../src/surfaces/meeting/planSync';
import { aMeeting, aPlan, demoPeople as people } from '../../support/builders';
import { startSandbox, type RunningSandbox } from '../../support/sandboxProcess';
import { aPlanPlace, clearFaults, injectFault, plansAs, upn } from '../graph/graphSandbox';

let sandbox: RunningSandbox;
let referent: GraphPlanStore;
let chair: GraphPlanStore;

beforeAll(async () => {
  sandbox = await startSandbox();
  referent = plansAs(sandbox, upn.aisha).planStore;
  chair = plansAs(sandbox, upn.jonas).planStore;
});
afterAll(async () => {
  await sandbox?.stop();
});

let counter = 0;
const aFreshPlan = async (): Promise<StoredPlan> => {
  counter += 1;
  const caseReference = `KI-2027-1${String(counter).padStart(2, '0')}`;
  // The mødeleder may write too, as the access sync makes him manager.
  const planId = await aPlanPlace(sandbox, upn.aisha, caseReference, [{ user: upn.jonas, role: 'manager' }]);
  const plan = aPlan()
    .withId(planId)
    .withCaseReference(`KI-2027-1${String(counter).padStart(2, '0')}`)
    .withParticipants([people.jens, people.mette, people.jonas, people.aisha, people.peter])
    .withMeeting(
      aMeeting()
        .startingAt('2027-03-04', '13:00')
        .withRoles({ koordinator: people.mette.id, moedeleder: people.jonas.id, referent: people.aisha.id })
        .withMinutes({
          efforts: [
            {
              id: 'e-rest',
              what: 'Søge enkeltydelse',
              goalId: null,
              ownerId: people.aisha.id,
              due: '2027-04-01',
              status: 'aaben',
            },
          ],
        }),
    )
    .build();
  const created = await referent.save(plan, null);
  if (!created.ok) throw new Error(`could not create the plan: ${JSON.stringify(created)}`);
  return created.value;
};

const minutesOf = (plan: Plan) => plan.meetings[0]!.minutes;
const editMinutes = (s: SyncSnapshot, change: (m: Plan['meetings'][number]['minutes']) => void): SyncSnapshot => {
  const draft = structuredClone(s.draft);
  change(minutesOf(draft));
  return { ...s, draft };
};
const expectSaved = (outcome: SaveOutcome): StoredPlan => {
  if (!outcome.ok) throw new Error(`expected a save, got ${JSON.stringify(outcome)}`);
  return outcome.value;
};

/** One panel's save, as useMeetingPlan does it: the draft with If-Match on the base's eTag. */
const save = (store: GraphPlanStore, s: SyncSnapshot) => store.save(s.draft, s.baseETag);

describe('saving the minutes while the mødeleder saves the same plan', () => {
  it('merges the referent’s effort with the mødeleder’s agenda step after a real 412, losing neither', async () => {
    const start = await aFreshPlan();
    let aisha = fromStored(start);
    let jonas = fromStored(start);

    // The mødeleder presses "Næste punkt" and saves first.
    const meeting = jonas.draft.meetings[0]!;
    const steps = nextItem(meeting, copenhagenInstant('2027-03-04', '13:06'));
    jonas = { ...jonas, draft: { ...jonas.draft, meetings: [{ ...meeting, agendaSteps: steps }] } };
    jonas = afterSave(jonas, jonas.draft, expectSaved(await save(chair, jonas)));

    // The referent, still on the version she loaded, adds an effort and a goal.
    aisha = editMinutes(aisha, (m) => {
      m.goals.push({ id: 'g-bolig', text: 'Borgeren beholder sin lejlighed' });
      m.efforts.push({
        id: 'e-ring',
        what: 'Ringe til udlejer',
        goalId: 'g-bolig',
        ownerId: people.peter.id,
        due: '2027-03-20',
        status: 'aaben',
      });
    });
    const first = await save(referent, aisha);
    expect(first).toMatchObject({ ok: false, kind: 'conflict' });
    if (first.ok || first.kind !== 'conflict') return;

    const { snapshot, open } = afterConflict(aisha, first.current);
    expect(open).toBeNull();
    aisha = afterSave(snapshot, snapshot.draft, expectSaved(await save(referent, snapshot)));

    const stored = expectSaved(await chair.load(start.plan.id));
    expect(stored.plan.meetings[0]!.agendaSteps.map((s) => s.key)).toEqual(['stamoplysninger', 'afdaekning']);
    expect(minutesOf(stored.plan).efforts.map((e) => e.what)).toEqual(['Søge enkeltydelse', 'Ringe til udlejer']);
    expect(minutesOf(stored.plan).goals.map((g) => g.text)).toEqual(['Borgeren beholder sin lejlighed']);
    expect(aisha.baseETag).toBe(stored.eTag);
  });

  it('holds a field both changed for the user, keeps the other person’s words in the store until then, and saves the choice', async () => {
    const start = await aFreshPlan();
    let aisha = fromStored(start);
    const jonas = editMinutes(fromStored(start), (m) => void (m.efforts[0]!.what = 'Søge enkeltydelse til huslejen'));
    expectSaved(await save(chair, jonas));

    aisha = editMinutes(aisha, (m) => {
      m.efforts[0]!.what = 'Søge enkeltydelse i april';
      m.acceptance = 'iMoedet';
    });
    const first = await save(referent, aisha);
    if (first.ok || first.kind !== 'conflict') throw new Error('expected a 412');
    const { snapshot, open } = afterConflict(aisha, first.current);
    expect(open?.conflicts).toEqual([
      expect.objectContaining({ mine: 'Søge enkeltydelse i april', theirs: 'Søge enkeltydelse til huslejen' }),
    ]);
    // Nothing was overwritten: the store still has the mødeleder's text.
    expect(minutesOf(expectSaved(await chair.load(start.plan.id)).plan).efforts[0]!.what).toBe(
      'Søge enkeltydelse til huslejen',
    );

    aisha = resolveConflicts(snapshot, open!, ['mine']);
    expectSaved(await save(referent, aisha));
    const stored = minutesOf(expectSaved(await chair.load(start.plan.id)).plan);
    expect(stored.efforts[0]!.what).toBe('Søge enkeltydelse i april');
    expect(stored.acceptance).toBe('iMoedet');
  });

  it('keeps the draft through a dropped connection and saves it on the next try', async () => {
    const start = await aFreshPlan();
    let aisha = editMinutes(fromStored(start), (m) => void m.challenges.push({ id: 'c-1', text: 'Huslejerestance' }));
    await injectFault(sandbox, { route: '^PUT /v1\\.0/drives/', kind: 'drop', count: 5 });
    const dropped = await save(referent, aisha);
    expect(dropped.ok).toBe(false);
    await clearFaults(sandbox);

    // The draft was never touched by the failure; the next save goes through (or merges, if the drop hid a save).
    let outcome = await save(referent, aisha);
    if (!outcome.ok && outcome.kind === 'conflict') {
      const merged = afterConflict(aisha, outcome.current);
      expect(merged.open).toBeNull();
      aisha = merged.snapshot;
      outcome = await save(referent, aisha);
    }
    expectSaved(outcome);
    expect(minutesOf(expectSaved(await chair.load(start.plan.id)).plan).challenges.map((c) => c.text)).toEqual([
      'Huslejerestance',
    ]);
  });
});
