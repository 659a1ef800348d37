import { describe, expect, it } from 'vitest';
import { findCitizenName, nameParts } from '../../../src/domain/privacy/citizenName';

const found = (text: string, name: string, exempt: string[] = []) =>
  findCitizenName(text, name, { exempt }).map((s) => s.text);

describe("finding the citizen's name", () => {
  it('finds the whole name as one span, with its position', () => {
    expect(findCitizenName('Møde med Jens Holm i dag', 'Jens Holm')).toEqual([
      { start: 9, end: 18, text: 'Jens Holm' },
    ]);
  });

  it('finds each part of the name on its own, in any case', () => {
    expect(found('JENS kommer', 'Jens Holm')).toEqual(['JENS']);
    expect(found('hr. holm ringede', 'Jens Holm')).toEqual(['holm']);
  });

  it('gives no alarm for a word that merely contains part of the name', () => {
    expect(found('Bor på Holmegade 4, hos Jensens bageri', 'Jens Holm')).toEqual([]);
    expect(found('Skovholm', 'Jens Holm')).toEqual([]);
  });

  it('finds names with Danish letters in any case', () => {
    expect(found('SØREN ÆBLØ mødte op', 'Søren Æblø')).toEqual(['SØREN ÆBLØ']);
    expect(found('åse kommer', 'Åse Grøn')).toEqual(['åse']);
    // The letter boundary is Unicode-aware: "Grønne" is not "Grøn".
    expect(found('Grønne områder', 'Åse Grøn')).toEqual([]);
  });

  it('finds a Danish name written without Danish letters', () => {
    expect(found('Soeren kommer', 'Søren Dahl')).toEqual(['Soeren']);
    expect(found('Aase kommer', 'Åse Dahl')).toEqual(['Aase']);
    expect(found('Ågård', 'Ida Aagaard')).toEqual(['Ågård']);
  });

  it('finds hyphenated names as a whole and by each piece', () => {
    const name = 'Anne-Marie Holm-Jensen';
    expect(found('Anne-Marie Holm-Jensen', name)).toEqual(['Anne-Marie Holm-Jensen']);
    expect(found('Marie sagde ja', name)).toEqual(['Marie']);
    expect(found('fru holm-jensen', name)).toEqual(['holm-jensen']);
    expect(nameParts(name)).toContain('Holm-Jensen');
  });

  it('ignores initials, and takes two-letter parts only when written as a name', () => {
    expect(nameParts('Jens J. Holm')).not.toContain('J');
    expect(found('i byen', 'Jens J. Holm')).toEqual([]);
    expect(found('Hjælp til at bo i egen bolig', 'Bo Jensen')).toEqual([]);
    expect(found('Bo kommer', 'Bo Jensen')).toEqual(['Bo']);
    expect(found('bo jensen kommer', 'Bo Jensen')).toEqual(['bo jensen']);
  });

  it("does not count another participant's name that shares a part with the citizen's", () => {
    expect(found('Lise Holm (pårørende) deltog', 'Jens Holm', ['Lise Holm'])).toEqual([]);
    expect(found('Lise Holm og Holm selv', 'Jens Holm', ['Lise Holm'])).toEqual(['Holm']);
  });

  it('finds the name across a line break or double space', () => {
    expect(found('Jens\n  Holm', 'Jens Holm')).toEqual(['Jens\n  Holm']);
  });

  it('finds nothing when the plan has no name yet', () => {
    expect(found('Jens Holm', '')).toEqual([]);
  });
});
