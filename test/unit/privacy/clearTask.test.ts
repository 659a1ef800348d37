import { describe, expect, it } from 'vitest';
import type { Plan } from '../../../src/domain/plan/planDocument';
import type { TenantPolicy } from '../../../src/domain/policy';
import type { TaskToAdd } from '../../../src/domain/ports/taskList';
import { clearTask, verdictOutcome, type PrivacyContext } from '../../../src/domain/privacy/privacyGuard';
import { demoPlan } from '../../support/builders';

const summary: TenantPolicy = { cardDetail: 'summary', pinTab: true };
const full: TenantPolicy = { cardDetail: 'full', pinTab: true };
const ctx = (policy: TenantPolicy = summary, plan: Plan | null = demoPlan()): PrivacyContext => ({
  plan,
  policy,
  today: '2026-11-27',
});

const task = (over: Partial<TaskToAdd> = {}): TaskToAdd => ({
  key: 'plan-ki-2026-014/e-praktik',
  title: 'KI-2026-014: Søg boligstøtte',
  due: '2026-12-10',
  linkUrl: 'https://tovholder.example/plans.html?host=standalone&planId=plan-ki-2026-014',
  ...over,
});

const messagesOf = (verdict: ReturnType<typeof clearTask>) =>
  verdict.verdict === 'blocked' ? verdict.reasons.map((r) => r.message.da) : [];

describe('the privacy guard on my own Microsoft To Do', () => {
  it('lets a task titled with the case reference and the effort through, link and due date unchanged', () => {
    const verdict = clearTask(task(), ctx());
    expect(verdict.verdict).toBe('allowed');
    expect(verdict.verdict === 'allowed' && verdict.cleared).toEqual(task());
  });

  it("refuses the citizen's name in the title and says what to change", () => {
    const verdict = clearTask(task({ title: 'KI-2026-014: Skrive CV sammen med Jens' }), ctx());
    expect(messagesOf(verdict)).toEqual([
      'Opgaven til Microsoft To Do indeholder borgerens navn — ret indsatsens tekst i planen, så der står »borgeren« i stedet for navnet.',
    ]);
    expect(verdict.verdict === 'blocked' && verdict.reasons[0]?.field).toBe('task');
  });

  it('refuses the name under the full card policy too: the list syncs to phones, like the calendar', () => {
    expect(clearTask(task({ title: 'KI-2026-014: Ringe til jens holm' }), ctx(full)).verdict).toBe('blocked');
  });

  it('refuses a CPR number in the title, with or without the dash', () => {
    expect(messagesOf(clearTask(task({ title: 'KI-2026-014: Journal 010190-1234' }), ctx()))).toEqual([
      'Opgaven til Microsoft To Do indeholder et CPR-nummer — fjern CPR-nummeret fra indsatsens tekst i planen.',
    ]);
    expect(clearTask(task({ title: 'KI-2026-014: Journal 0101901234' }), ctx(full, null)).verdict).toBe('blocked');
  });

  it('gives no alarm for a street that merely contains part of the name, or a number that is no CPR number', () => {
    expect(clearTask(task({ title: 'KI-2026-014: Besøg i Holmegade, ring 3312345678' }), ctx()).verdict).toBe(
      'allowed',
    );
  });

  it('refuses a link back that carries the name', () => {
    const verdict = clearTask(task({ linkUrl: 'https://tovholder.example/plans.html?q=Jens%20Holm' }), ctx());
    expect(messagesOf(verdict)).toEqual([
      'Linket indeholder borgerens navn — links må kun bære plan-id og sagsreference.',
    ]);
  });

  it('lets a task without a link through, and gives a refusal as a blocked Outcome', () => {
    expect(clearTask(task({ linkUrl: null }), ctx()).verdict).toBe('allowed');
    const outcome = verdictOutcome(clearTask(task({ title: 'KI-2026-014: Holm' }), ctx()));
    expect(!outcome.ok && outcome.kind).toBe('blocked');
  });
});
