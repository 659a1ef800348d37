import { describe, expect, it } from 'vitest';
import { apportion } from '../../../../src/domain/agenda/apportion';
import { standardAgenda } from '../../../../src/domain/agenda/standardAgenda';

describe('the standard agenda', () => {
  it('has the five parts of the plan in order, with who leads each', () => {
    expect(standardAgenda().map((i) => [i.key, i.lead])).toEqual([
      ['stamoplysninger', 'koordinator'],
      ['afdaekning', 'koordinator'],
      ['udfordringer', 'behandlere'],
      ['maal', 'behandlere'],
      ['opfoelgning', 'koordinator'],
    ]);
  });

  it('gives a 90-minute meeting 5, 35, 15, 20 and 15 minutes', () => {
    expect(standardAgenda(90).map((i) => i.minutes)).toEqual([5, 35, 15, 20, 15]);
  });

  it.each([30, 45, 60, 75, 100, 120, 7])('fills a %i-minute meeting exactly', (length) => {
    const agenda = standardAgenda(length);
    expect(agenda.reduce((s, i) => s + i.minutes, 0)).toBe(length);
    expect(agenda.every((i) => i.minutes >= 0)).toBe(true);
  });

  it('gives the speaker round the most time at any length', () => {
    for (const length of [45, 60, 120]) {
      const agenda = standardAgenda(length);
      const afdaekning = agenda.find((i) => i.key === 'afdaekning')?.minutes ?? 0;
      expect(Math.max(...agenda.map((i) => i.minutes))).toBe(afdaekning);
    }
  });
});

describe('splitting minutes over weights', () => {
  it('spreads evenly when there is no weight', () => {
    expect(apportion(10, [0, 0, 0])).toEqual([4, 3, 3]);
  });
  it('never goes negative', () => {
    expect(apportion(-5, [1, 2])).toEqual([0, 0]);
  });
});
