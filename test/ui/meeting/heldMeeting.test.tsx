import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Frame } from '../../../src/domain/ports/meetingHost';
import { copenhagenInstant } from '../../../src/domain/time/danishTime';
import { aMeetingWorld, currentMinutes, people, renderMeeting, todaysPlan } from './meetingHarness';

beforeEach(() => sessionStorage.clear());

const NOTICE =
  'Dette møde er afholdt. Næste møde er ikke booket endnu — tovholderen (Peter Nielsen) indkalder senest 3. december 2026.';

/**
 * The plan's last meeting was held 3 September 2026 13.00–14.30 and nobody closed the agenda; Peter convenes the
 * next one by 3 December. It is opened on 28 November 2026.
 */
const openedMonthsLater = (frame: Frame, as: keyof typeof people = 'aisha') => {
  const plan = todaysPlan((p) => {
    const meeting = p.meetings[0]!;
    meeting.start = copenhagenInstant('2026-09-03', '13:00').toISOString();
    meeting.end = copenhagenInstant('2026-09-03', '14:30').toISOString();
    meeting.agendaSteps = [{ key: 'stamoplysninger', at: meeting.start }];
    meeting.minutes.nextTovholderId = people.peter.id;
    meeting.minutes.nextMeetingBy = '2026-12-03';
  });
  const world = aMeetingWorld({ as, frame, plan });
  world.clock.set(copenhagenInstant('2026-11-28', '10:00'));
  renderMeeting(world);
  return world;
};

describe('a meeting opened long after it was held', () => {
  it('says calmly in the side panel that it was held and who books the next one, with nothing to press', async () => {
    openedMonthsLater('sidePanel');
    const agenda = await screen.findByRole('region', { name: 'Dagsorden' });
    expect(within(agenda).getByText('Mødet er afholdt torsdag 3. september 2026')).toBeVisible();
    expect(within(agenda).getByText(NOTICE)).toBeVisible();
    expect(screen.queryByText(/min over/)).toBeNull();
    expect(screen.queryByRole('button', { name: 'Næste punkt' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Afslut dagsordenen' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Vis for alle' })).toBeNull();
  });

  it('still lets the referent read and correct the referat', async () => {
    const user = userEvent.setup();
    const world = openedMonthsLater('sidePanel', 'aisha');
    await screen.findByText(NOTICE);
    await user.click(await screen.findByRole('button', { name: 'Tilføj indsats' }));
    await user.keyboard('Søge boligstøtte');
    await waitFor(() =>
      expect(currentMinutes(world).efforts).toEqual([expect.objectContaining({ what: 'Søge boligstøtte' })]),
    );
  });

  it('shows the same calm date on the stage, no timer', async () => {
    openedMonthsLater('meetingStage', 'peter');
    expect(await screen.findByText('Mødet er afholdt torsdag 3. september 2026')).toBeVisible();
    expect(screen.queryByText(/min over|min tilbage/)).toBeNull();
  });

  it('says it at the top of the details tab', async () => {
    openedMonthsLater('content', 'mette');
    const notice = await screen.findByText(NOTICE);
    const main = screen.getByRole('main');
    expect(main.firstElementChild?.contains(notice)).toBe(true);
  });
});
