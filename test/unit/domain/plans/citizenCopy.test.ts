import { describe, expect, it } from 'vitest';
import { parsePlanDocument, serializePlan } from '../../../../src/domain/plan/migrations';
import type { Plan } from '../../../../src/domain/plan/planDocument';
import { citizenLetter } from '../../../../src/domain/plans/citizenLetter';
import {
  copyRecipients,
  letterMeeting,
  markCopySent,
  previousPlanCopy,
} from '../../../../src/domain/plans/citizenCopy';
import { consentCovering, demoIds, demoPeople as p, demoPlan } from '../../../support/builders';

const NOW = new Date('2026-09-05T08:00:00.000Z');
const mette = { email: p.mette.email ?? '', name: p.mette.name };

describe('marking the citizen’s copy (Din plan) as sent by Digital Post', () => {
  it('records to whom, when and by whom on the meeting whose plan it is; marking again keeps the first time', () => {
    const first = markCopySent(demoPlan(), demoIds.meetingId, p.jens.id, mette, NOW);
    if (!first.ok) throw new Error(first.problem.message.da);
    expect(first.plan.meetings[0]?.planCopies).toEqual([
      {
        participantId: p.jens.id,
        sentAt: NOW.toISOString(),
        sentBy: { participantId: p.mette.id, name: 'Mette Larsen' },
        via: 'digitalPost',
      },
    ]);
    const again = markCopySent(first.plan, demoIds.meetingId, p.jens.id, mette, new Date('2026-09-06T08:00:00Z'));
    expect(again.ok && again.plan.meetings[0]?.planCopies?.map((c) => c.sentAt)).toEqual([NOW.toISOString()]);
  });

  it('refuses a professional, a relative outside the consent, and someone who is neither koordinator nor next tovholder', () => {
    const professional = markCopySent(demoPlan(), demoIds.meetingId, p.ole.id, mette, NOW);
    expect(professional.ok === false && professional.problem.code).toBe('planCopy.notPrivatePerson');

    const plan = demoPlan();
    const leftOut: Plan = {
      ...plan,
      consent: consentCovering(plan.participants.filter((x) => x.id !== p.mikkel.id && x.id !== p.lise.id)),
    };
    const relative = markCopySent(leftOut, demoIds.meetingId, p.lise.id, mette, NOW);
    expect(relative.ok === false && relative.problem.code).toBe('consent.recipientOutside');

    const jonas = markCopySent(
      demoPlan(),
      demoIds.meetingId,
      p.jens.id,
      { email: p.jonas.email ?? '', name: 'J' },
      NOW,
    );
    expect(jonas.ok === false && jonas.problem.code).toBe('planCopy.notKoordinator');
    const peter = markCopySent(
      demoPlan(),
      demoIds.meetingId,
      p.jens.id,
      { email: p.peter.email ?? '', name: 'P' },
      NOW,
    );
    expect(peter.ok).toBe(true);
  });

  it('lists the citizen first, then each relative with whether the consent allows a copy', () => {
    const meeting = letterMeeting(demoPlan(), NOW);
    if (!meeting) throw new Error('the demo meeting is held');
    const recipients = copyRecipients(demoPlan(), meeting, '2026-09-05');
    expect(recipients.map((r) => [r.participant.id, r.relation, r.refused, r.sent])).toEqual([
      [p.jens.id, 'citizen', null, null],
      [p.lise.id, 'relative', null, null],
    ]);
  });

  it('is kept in the stored plan document and read back; documents written before it still parse', () => {
    const marked = markCopySent(demoPlan(), demoIds.meetingId, p.jens.id, mette, NOW);
    if (!marked.ok) throw new Error('marked');
    const parsed = parsePlanDocument(JSON.parse(serializePlan(marked.plan)));
    expect(parsed.ok && parsed.plan.meetings[0]?.planCopies?.[0]?.participantId).toBe(p.jens.id);
    const old = JSON.parse(serializePlan(demoPlan())) as { meetings: Record<string, unknown>[] };
    expect('planCopies' in (old.meetings[0] ?? {})).toBe(false);
    expect(parsePlanDocument(old).ok).toBe(true);
  });

  it('tells the next meeting whether the citizen got the last plan', () => {
    const plan = demoPlan();
    const next = { ...structuredClone(plan.meetings[0]!), id: 'm-next', start: '2026-12-03T12:00:00.000Z' };
    const two: Plan = { ...plan, meetings: [plan.meetings[0]!, next] };
    expect(previousPlanCopy(two, next)).toMatchObject({ previous: { id: demoIds.meetingId }, sent: null });
    const marked = markCopySent(two, demoIds.meetingId, p.jens.id, mette, NOW);
    expect(marked.ok && previousPlanCopy(marked.plan, next)?.sent?.sentBy.name).toBe('Mette Larsen');
    expect(previousPlanCopy(two, plan.meetings[0]!)).toBeNull();
  });
});

describe('the letter', () => {
  it('puts the citizen’s own tasks first and groups the others’ by person, earliest first', () => {
    const plan = demoPlan();
    const letter = citizenLetter(plan, plan.meetings[0]!, NOW);
    expect(letter.citizenName).toBe('Jens Holm');
    expect(letter.yourTasks).toEqual([
      { what: 'Tage bad og rydde op i køkkenet før næste møde', due: '2026-12-03', done: false },
    ]);
    expect(letter.others.map((o) => o.name)).toEqual(['Aisha Khan', 'Anders Frost', 'Mette Larsen', 'Peter Nielsen']);
    expect(letter.next).toMatchObject({ start: null, by: '2026-12-03', convener: { name: 'Peter Nielsen' } });
    expect(letter.contact?.name).toBe('Peter Nielsen');
  });
});
