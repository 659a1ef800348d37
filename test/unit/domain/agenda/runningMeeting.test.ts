import { describe, expect, it } from 'vitest';
import {
  endAgenda,
  goToItem,
  isMeetingHeld,
  nextItem,
  reopenAgenda,
  runningMeeting,
} from '../../../../src/domain/agenda/runningMeeting';
import type { Meeting } from '../../../../src/domain/plan/planDocument';
import { copenhagenInstant } from '../../../../src/domain/time/danishTime';
import { aMeeting } from '../../../support/builders';

const MIN = 60000;
/** A Copenhagen wall-clock time on 4 March 2027, when the meeting is held 13.00–14.30. */
const at = (time: string) => copenhagenInstant('2027-03-04', time);
const meeting = (): Meeting => aMeeting().startingAt('2027-03-04', '13:00').lasting(90).build();

/** The mødeleder presses "Næste punkt" at each of these times. */
const pressNext = (m: Meeting, ...times: string[]): Meeting =>
  times.reduce((acc, time) => ({ ...acc, agendaSteps: nextItem(acc, at(time)) }), m);

describe('the running meeting', () => {
  it('has not started before 13.00, and shows the whole meeting ahead', () => {
    const state = runningMeeting(meeting(), at('12:55'));
    expect(state).toMatchObject({ phase: 'notStarted', current: null, index: -1, finished: false });
    expect(state.meetingRemainingMs).toBe(95 * MIN);
    expect(state.rebalanced.map((i) => i.minutes)).toEqual([5, 35, 15, 20, 15]);
  });

  it('is on stamoplysninger from the start even before anyone presses a button', () => {
    const state = runningMeeting(meeting(), at('13:03'));
    expect(state).toMatchObject({ phase: 'running', current: 'stamoplysninger', index: 0 });
    expect(state.remainingMs).toBe(2 * MIN);
    expect(state.overrunMs).toBe(0);
  });

  it('shows how far an item runs over its box', () => {
    const state = runningMeeting(meeting(), at('13:08'));
    expect(state.remainingMs).toBe(-3 * MIN);
    expect(state.overrunMs).toBe(3 * MIN);
  });

  it('moves to afdækning on "Næste punkt" and counts its 35 minutes from then', () => {
    const m = pressNext(meeting(), '13:06');
    const state = runningMeeting(m, at('13:16'));
    expect(state.current).toBe('afdaekning');
    expect(state.itemStartedAt).toBe(at('13:06').toISOString());
    expect(state.remainingMs).toBe(25 * MIN);
  });

  it('the timer keeps time across a reload: the same stored meeting gives the same clock', () => {
    const m = pressNext(meeting(), '13:06', '13:40');
    const reloaded = JSON.parse(JSON.stringify(m)) as Meeting;
    expect(runningMeeting(reloaded, at('13:47'))).toEqual(runningMeeting(m, at('13:47')));
    expect(runningMeeting(reloaded, at('13:47'))).toMatchObject({ current: 'udfordringer', remainingMs: 8 * MIN });
  });

  it('rebalances the remaining items over the time left when afdækning ran 10 minutes over', () => {
    // Afdækning from 13.05 to 13.50 (45 min instead of 35); udfordringer's 15 minutes run to 14.05.
    const m = pressNext(meeting(), '13:05', '13:50');
    const state = runningMeeting(m, at('13:50'));
    expect(state.current).toBe('udfordringer');
    // 40 minutes left, 15 of them udfordringer's: 25 minutes for mål (20 planned) and opfølgning (15 planned).
    expect(state.rebalanced).toEqual([
      { key: 'maal', lead: 'behandlere', plannedMinutes: 20, minutes: 14 },
      { key: 'opfoelgning', lead: 'koordinator', plannedMinutes: 15, minutes: 11 },
    ]);
  });

  it('gives the remaining items more time when the meeting runs ahead', () => {
    const m = pressNext(meeting(), '13:05', '13:30', '13:40');
    const state = runningMeeting(m, at('13:40'));
    expect(state.current).toBe('maal');
    expect(state.rebalanced).toEqual([{ key: 'opfoelgning', lead: 'koordinator', plannedMinutes: 15, minutes: 30 }]);
  });

  it('gives the remaining items no time, not negative time, after the planned end', () => {
    const m = pressNext(meeting(), '13:05', '13:50', '14:20');
    const state = runningMeeting(m, at('14:40'));
    expect(state.meetingRemainingMs).toBe(-10 * MIN);
    expect(state.rebalanced.map((i) => i.minutes)).toEqual([0]);
  });

  it('stays on the last item when "Næste punkt" is pressed there, until the agenda is closed', () => {
    const m = pressNext(meeting(), '13:05', '13:40', '13:55', '14:15');
    expect(runningMeeting(m, at('14:20')).current).toBe('opfoelgning');
    expect(nextItem(m, at('14:25'))).toEqual(m.agendaSteps);
    const closed = endAgenda(m, at('14:28'));
    expect(runningMeeting(closed, at('14:29'))).toMatchObject({ phase: 'finished', current: null, finished: true });
    expect(runningMeeting(reopenAgenda(closed), at('14:29')).current).toBe('opfoelgning');
  });

  it('starts the first item at once when the mødeleder begins early', () => {
    const m = pressNext(meeting(), '12:58');
    expect(runningMeeting(m, at('12:59'))).toMatchObject({ current: 'stamoplysninger', remainingMs: 4 * MIN });
  });

  it('counts time already spent when going back to an earlier item', () => {
    const m = pressNext(meeting(), '13:05', '13:40');
    const back = { ...m, agendaSteps: goToItem(m, 'afdaekning', at('13:45')) };
    // 35 minutes earlier plus 5 now: the box is used up.
    expect(runningMeeting(back, at('13:50')).remainingMs).toBe(-5 * MIN);
  });

  it("keeps the first item's time when jumping ahead before anything was recorded", () => {
    const jumped = { ...meeting(), agendaSteps: goToItem(meeting(), 'maal', at('13:10')) };
    expect(jumped.agendaSteps.map((s) => s.key)).toEqual(['stamoplysninger', 'maal']);
    expect(jumped.agendaSteps[0]?.at).toBe(meeting().start);
  });

  it("never shows negative time spent when another panel's clock is a little behind", () => {
    const m = pressNext(meeting(), '13:06');
    expect(runningMeeting(m, new Date(at('13:06').getTime() - 2000)).itemElapsedMs).toBe(0);
  });
});

describe('a meeting long after its end (afholdt)', () => {
  const seeded = (): Meeting => aMeeting().startingAt('2026-09-03', '13:00').lasting(90).build();

  it('is held, not 121776 minutes over, when it is opened months later with the agenda never closed', () => {
    const state = runningMeeting(seeded(), copenhagenInstant('2026-12-01', '10:00'));
    expect(state).toMatchObject({ phase: 'finished', finished: true, heldOn: '2026-09-03', current: null });
    expect(state.overrunMs).toBe(0);
    expect(isMeetingHeld(seeded(), copenhagenInstant('2026-12-01', '10:00'))).toBe(true);
  });

  it('still runs over calmly within two hours of its end, and is held after that', () => {
    const running = runningMeeting(pressNext(meeting(), '13:05', '13:40', '13:55', '14:15'), at('16:00'));
    expect(running).toMatchObject({ phase: 'running', current: 'opfoelgning', heldOn: null });
    expect(running.overrunMs).toBeGreaterThan(0);
    expect(runningMeeting(meeting(), at('16:31'))).toMatchObject({ phase: 'finished', heldOn: '2027-03-04' });
  });

  it('is held the next Copenhagen day, even less than two hours after a late end', () => {
    const late = aMeeting().startingAt('2027-03-04', '22:00').lasting(90).build();
    expect(isMeetingHeld(late, copenhagenInstant('2027-03-04', '23:40'))).toBe(false);
    expect(isMeetingHeld(late, copenhagenInstant('2027-03-05', '00:10'))).toBe(true);
  });
});
