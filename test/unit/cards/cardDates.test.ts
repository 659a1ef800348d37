import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderMinutes } from '../../../src/cards/renderMinutes';
import { addDays } from '../../../src/domain/time/danishTime';
import { demoPeople, demoPlan } from '../../support/builders';
import { lastMeeting, PLAN_URL } from '../../fixtures/cards/minutesFixtures';

afterEach(() => vi.restoreAllMocks());

/** The seeded plan with forty efforts, each due on its own day. */
const planWithFortyDueDates = () => {
  const plan = demoPlan();
  const minutes = lastMeeting(plan).minutes;
  minutes.efforts = Array.from({ length: 40 }, (_, i) => ({
    id: `e-${i}`,
    what: `Opgave ${i + 1}`,
    goalId: null,
    ownerId: demoPeople.aisha.id,
    due: addDays('2026-10-01', i),
    status: 'aaben' as const,
  }));
  return plan;
};

describe("the minutes' dates", () => {
  it('reads "1. oktober 2026" in the e-mail and the card, as the rest of Tovholder writes dates', () => {
    const plan = planWithFortyDueDates();
    const rendered = renderMinutes({
      plan,
      meeting: lastMeeting(plan),
      channel: 'email',
      recipient: demoPeople.ole,
      detail: 'summary',
      lang: 'da',
      planUrl: PLAN_URL,
      deliveryMarker: 'tovholder-1',
      chatMembers: null,
      mail: { kind: 'protectedEmail', mark: 'purview' },
    });
    if (rendered.kind !== 'mail') throw new Error('expected an e-mail');
    expect(rendered.mail.html).toContain('1. oktober 2026');
    expect(rendered.mail.html).toContain('9. november 2026');
  });

  it('are formatted with the cached formatters of danishTime, not a new Intl formatter per date', () => {
    const render = (plan: ReturnType<typeof demoPlan>) =>
      renderMinutes({
        plan,
        meeting: lastMeeting(plan),
        channel: 'meetingChat',
        recipient: null,
        detail: 'summary',
        lang: 'da',
        planUrl: PLAN_URL,
        deliveryMarker: 'tovholder-1',
        chatMembers: null,
        mail: null,
      });
    render(planWithFortyDueDates());
    const made = vi.spyOn(Intl, 'DateTimeFormat');
    render(planWithFortyDueDates());
    expect(made).not.toHaveBeenCalled();
  });
});
