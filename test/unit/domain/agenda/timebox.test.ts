import { describe, expect, it } from 'vitest';
import { standardAgenda } from '../../../../src/domain/agenda/standardAgenda';
import { agendaProblems, fitAgenda, setTimebox, totalOf } from '../../../../src/domain/agenda/timebox';

const minutesOf = (items: ReturnType<typeof standardAgenda>) => items.map((i) => i.minutes);

describe('changing a time box', () => {
  it('keeps the meeting at 90 minutes when afdækning gets 45', () => {
    const agenda = setTimebox(standardAgenda(90), 'afdaekning', 45, 90);
    expect(agenda.find((i) => i.key === 'afdaekning')?.minutes).toBe(45);
    expect(totalOf(agenda)).toBe(90);
  });

  it('takes the difference from the other items in proportion to their time', () => {
    // The other items had 5/15/20/15 = 55 minutes; they now share 45.
    expect(minutesOf(setTimebox(standardAgenda(90), 'afdaekning', 45, 90))).toEqual([4, 45, 12, 17, 12]);
  });

  it('never makes another item negative, even when one item asks for the whole meeting', () => {
    const agenda = setTimebox(standardAgenda(90), 'maal', 200, 90);
    expect(minutesOf(agenda)).toEqual([0, 0, 0, 90, 0]);
  });

  it('shares the freed time evenly when the other items had none', () => {
    const allInOne = setTimebox(standardAgenda(90), 'afdaekning', 90, 90);
    expect(minutesOf(setTimebox(allInOne, 'afdaekning', 50, 90))).toEqual([10, 50, 10, 10, 10]);
  });

  it('fits the agenda to a longer meeting in the same proportions', () => {
    expect(totalOf(fitAgenda(standardAgenda(90), 120))).toBe(120);
    expect(minutesOf(fitAgenda(standardAgenda(90), 180))).toEqual([10, 70, 30, 40, 30]);
  });
});

describe('agenda problems', () => {
  it('finds nothing wrong with the standard agenda', () => {
    expect(agendaProblems(standardAgenda(90), 90)).toEqual([]);
  });

  it('warns when the items run longer than the meeting, and by how much', () => {
    const problems = agendaProblems(standardAgenda(100), 90);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ code: 'agenda.overLength', severity: 'warning' });
    expect(problems[0]?.message.da).toContain('Kort punkterne ned med 10 min');
  });

  it('warns when time is left over', () => {
    expect(agendaProblems(standardAgenda(60), 90).map((p) => p.code)).toEqual(['agenda.underLength']);
  });

  it('refuses an agenda without one of the five parts', () => {
    const withoutFollowUp = standardAgenda(90).filter((i) => i.key !== 'opfoelgning');
    const problems = agendaProblems(withoutFollowUp, 75);
    expect(problems).toContainEqual(
      expect.objectContaining({ code: 'agenda.missingItem', severity: 'error', field: 'agenda.opfoelgning' }),
    );
    expect(problems.find((p) => p.code === 'agenda.missingItem')?.message.da).toContain('"Opfølgning" mangler');
  });

  it('points at an item with no time', () => {
    const agenda = setTimebox(standardAgenda(90), 'stamoplysninger', 0, 90);
    expect(agendaProblems(agenda, 90)).toEqual([
      expect.objectContaining({ code: 'agenda.noTime', field: 'agenda.stamoplysninger.minutes' }),
    ]);
  });
});
