import { describe, expect, it } from 'vitest';
import type { Plan } from '../../../src/domain/plan/planDocument';
import { defaultPolicy } from '../../../src/domain/policy';
import { failure } from '../../../src/domain/ports/outcome';
import { addMyEffortsToTodo, type AddToTodoDeps } from '../../../src/domain/tasks/addMyEffortsToTodo';
import { effortTaskTitle } from '../../../src/domain/tasks/effortTask';
import { demoIds, demoPeople, demoPlan } from '../../support/builders';
import { FakeTaskList } from '../../support/fakes/FakeTaskList';

const today = '2026-11-27';
const deps = (tasks: FakeTaskList): AddToTodoDeps => ({
  tasks,
  policy: defaultPolicy,
  link: { appBaseUrl: 'https://tovholder.example', teamsAppId: 'app-1', host: 'standalone' },
  today,
});

/** The demo plan with two more efforts for Peter: one naming the citizen, one already done. */
const planForPeter = (): Plan => {
  const plan = demoPlan();
  plan.meetings[0]?.minutes.efforts.push(
    {
      id: 'e-cv',
      what: 'Skrive CV sammen med Jens',
      goalId: demoIds.goals.aktivitet,
      ownerId: demoPeople.peter.id,
      due: '2026-12-10',
      status: 'aaben',
    },
    {
      id: 'e-samtale',
      what: 'Holde første samtale i jobcentret',
      goalId: demoIds.goals.aktivitet,
      ownerId: demoPeople.peter.id,
      due: '2026-10-01',
      status: 'udfoert',
    },
  );
  return plan;
};

describe('adding my efforts to my own To Do', () => {
  it('titles a task with the case reference before the effort text', () => {
    expect(effortTaskTitle('KI-2026-014', '  Søg\nboligstøtte ')).toBe('KI-2026-014: Søg boligstøtte');
  });

  it('adds only my own open efforts, with the case reference, due date and a link back to the plan', async () => {
    const list = new FakeTaskList();
    const results = await addMyEffortsToTodo([demoPlan()], demoPeople.peter.email ?? '', deps(list));

    expect(list.tasks).toEqual([
      {
        key: 'plan-ki-2026-014/e-praktik',
        title: 'KI-2026-014: Finde et praktiksted med få timer om ugen',
        due: '2026-11-15',
        linkUrl: 'https://tovholder.example/plans.html?host=standalone&planId=plan-ki-2026-014',
      },
    ]);
    expect(results.map((r) => r.result.kind)).toEqual(['added']);
  });

  it('refuses an effort naming the citizen with what to change, adds the others, and skips what is done', async () => {
    const list = new FakeTaskList();
    const results = await addMyEffortsToTodo([planForPeter()], demoPeople.peter.email ?? '', deps(list));

    expect(list.tasks.map((t) => t.title)).toEqual(['KI-2026-014: Finde et praktiksted med få timer om ugen']);
    const refused = results.find((r) => r.item.effort.id === 'e-cv')?.result;
    expect(refused?.kind === 'refused' && refused.reasons.map((p) => p.message.da)).toEqual([
      'Opgaven til Microsoft To Do indeholder borgerens navn — ret indsatsens tekst i planen, så der står »borgeren« i stedet for navnet.',
    ]);
    expect(results.some((r) => r.item.effort.id === 'e-samtale')).toBe(false);
  });

  it('adds nothing new the second time, and answers with the same tasks', async () => {
    const list = new FakeTaskList();
    const first = await addMyEffortsToTodo([demoPlan()], demoPeople.peter.email ?? '', deps(list));
    const second = await addMyEffortsToTodo([demoPlan()], demoPeople.peter.email ?? '', deps(list));

    expect(list.tasks).toHaveLength(1);
    expect(second.map((r) => r.result)).toEqual(first.map((r) => r.result));
  });

  it('sends nothing when every effort is refused', async () => {
    const list = new FakeTaskList();
    const results = await addMyEffortsToTodo([demoPlan()], demoPeople.mette.email ?? '', deps(list));

    expect(results.map((r) => r.result.kind)).toEqual(['refused']);
    expect(list.calls).toEqual([]);
  });

  it("reports To Do's refusal per effort", async () => {
    const list = new FakeTaskList();
    list.failNext(failure('forbidden', 'Authorization_RequestDenied', 'no Tasks.ReadWrite', 403));
    const results = await addMyEffortsToTodo([demoPlan()], demoPeople.peter.email ?? '', deps(list));

    const result = results[0]?.result;
    expect(result?.kind === 'failed' && result.failure.kind).toBe('forbidden');
    expect(list.tasks).toEqual([]);
  });
});
