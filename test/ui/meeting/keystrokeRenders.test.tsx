/**
 * What a keystroke in the referat re-renders (issue 5: under one frame per key with 40 efforts). Typing in one
 * indsats must render that indsats only — not the other rows, not the goals or the challenges — or every key pays
 * for the whole plan again. The components are the real ones; the mocks only count their renders.
 */
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createElement, memo, type ComponentProps, type ComponentType } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Effort } from '../../../src/domain/plan/planDocument';
import type * as ChallengesModule from '../../../src/surfaces/meeting/ChallengesEditor';
import type * as EffortRowModule from '../../../src/surfaces/meeting/EffortRow';
import type * as GoalsModule from '../../../src/surfaces/meeting/GoalsEditor';
import { aMeetingWorld, people, renderMeeting, todaysPlan } from './meetingHarness';

const renders = vi.hoisted(() => ({ effort: new Map<string, number>(), goals: 0, challenges: 0 }));

// The real EffortRow, with its own props comparison, counting the renders of each row.
vi.mock('../../../src/surfaces/meeting/EffortRow', async (original) => {
  const real = (await original()) as typeof EffortRowModule;
  const row = real.EffortRow as unknown as {
    type: ComponentType<ComponentProps<typeof real.EffortRow>>;
    compare: (a: object, b: object) => boolean;
  };
  const Counted = (props: ComponentProps<typeof real.EffortRow>) => {
    renders.effort.set(props.effort.id, (renders.effort.get(props.effort.id) ?? 0) + 1);
    return createElement(row.type, props);
  };
  return { ...real, EffortRow: memo(Counted, row.compare) };
});
vi.mock('../../../src/surfaces/meeting/GoalsEditor', async (original) => {
  const real = (await original()) as typeof GoalsModule;
  const GoalsEditor = (props: ComponentProps<typeof real.GoalsEditor>) => {
    renders.goals += 1;
    // Called, not rendered as a child: this is the component itself, reading the session as the real one does.
    return real.GoalsEditor(props);
  };
  return { ...real, GoalsEditor };
});
vi.mock('../../../src/surfaces/meeting/ChallengesEditor', async (original) => {
  const real = (await original()) as typeof ChallengesModule;
  const ChallengesEditor = (props: ComponentProps<typeof real.ChallengesEditor>) => {
    renders.challenges += 1;
    return real.ChallengesEditor(props);
  };
  return { ...real, ChallengesEditor };
});

const effort = (n: number, ownerId: string): Effort => ({
  id: `e${n}`,
  what: `Indsats nummer ${n} er aftalt`,
  goalId: 'g-bolig',
  ownerId,
  due: '2027-05-01',
  status: 'aaben',
});

const plan = todaysPlan((p) => {
  const minutes = p.meetings[0]!.minutes;
  minutes.challenges = [{ id: 'c1', text: 'Huslejerestance' }];
  minutes.goals = [{ id: 'g-bolig', text: 'Beholder sin lejlighed' }];
  minutes.efforts = [1, 2, 3, 4, 5].map((n) => effort(n, people.peter.id)).concat(effort(6, people.jens.id));
  // Set, so the editor makes no edit of its own (the default date) while the test counts.
  minutes.nextMeetingBy = '2027-06-03';
});

beforeEach(() => {
  sessionStorage.clear();
  renders.effort.clear();
  renders.goals = 0;
  renders.challenges = 0;
});

describe('a keystroke in one indsats', () => {
  it('renders that indsats again and leaves the other indsatser, the goals and the challenges alone', async () => {
    const user = userEvent.setup();
    renderMeeting(aMeetingWorld({ plan }), { saveDelayMs: 60 * 60000, pollMs: 60 * 60000 });
    const texts = await screen.findAllByRole('textbox', { name: 'Hvad' });
    const second = texts[1] as HTMLTextAreaElement;
    expect(second.value).toBe('Indsats nummer 2 er aftalt');
    await user.click(second);
    renders.effort.clear();
    renders.goals = 0;
    renders.challenges = 0;

    await user.keyboard(' i dag');

    expect(second.value).toBe('Indsats nummer 2 er aftalt i dag');
    expect(renders.effort.get('e2')).toBeGreaterThanOrEqual(' i dag'.length);
    expect([...renders.effort.keys()]).toEqual(['e2']);
    expect(renders.goals).toBe(0);
    expect(renders.challenges).toBe(0);
  });
});
