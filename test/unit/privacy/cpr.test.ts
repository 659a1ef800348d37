import { describe, expect, it } from 'vitest';
import { cprCentury, findCprNumbers } from '../../../src/domain/privacy/cpr';

const found = (text: string) => findCprNumbers(text).map((s) => s.text);

describe('finding CPR numbers', () => {
  it('finds a CPR number written with the dash, and where it is', () => {
    const text = 'Borgerens CPR er 010190-1234, se journalen.';
    expect(findCprNumbers(text)).toEqual([{ start: 17, end: 28, text: '010190-1234' }]);
  });

  it('finds a CPR number written without the dash', () => {
    expect(found('cpr 0101901234')).toEqual(['0101901234']);
  });

  it('finds one written with a space or the en dash a word processor puts in', () => {
    expect(found('CPR 010190 1234 og 311285–2468')).toEqual(['010190 1234', '311285–2468']);
  });

  it('finds the forms people and word processors write, read as a person sees them (issue 18.1)', () => {
    const forms = [
      '010190—1234', // em dash
      '01.01.90-1234', // dots in the date
      '01-01-90-1234', // dashes throughout
      '01 01 90 1234', // spaces throughout
      '010190/1234', // a slash
      '01/01/90-1234',
      '０１０１９０－１２３４', // fullwidth digits and dash
      '0101\u200b90-1234', // a zero-width space inside
      '01\u00ad0190\u20601234', // a soft hyphen and a word joiner
      '010190\u200e-1234', // a left-to-right mark
      '010190\u00a01234', // a non-breaking space
    ];
    for (const form of forms) {
      const text = `Borgeren har ${form} i journalen.`;
      expect(findCprNumbers(text), JSON.stringify(form)).toEqual([{ start: 13, end: 13 + form.length, text: form }]);
    }
  });

  it('still spares phone numbers, case numbers and dates written with separators', () => {
    expect(found('Ring 12 34 56 78, sag 2026/014-7, mødet 12.03.2026 kl. 10.00')).toEqual([]);
    // Mixed separators inside the date are not one number.
    expect(found('01.01-90 1234')).toEqual([]);
    // Not a date at all.
    expect(found('45.13.90-1234')).toEqual([]);
  });

  it('finds several in one text, at the start and at the end', () => {
    expect(found('120380-1111 og 2802994321')).toEqual(['120380-1111', '2802994321']);
  });

  it('needs no modulus-11 check: numbers issued since 2007 that fail it are found too', () => {
    // Weights 4,3,2,7,6,5,4,3,2,1: 010190-1234 sums to 84 and 150385-0013 to 118, neither a multiple of 11.
    expect(found('010190-1234 og 1503850013')).toEqual(['010190-1234', '1503850013']);
    // A number that does pass modulus 11 (sum 154) is found all the same.
    expect(found('0707614285')).toEqual(['0707614285']);
  });

  it('gives no alarm for ten digits whose first six are not a date (a phone or case number)', () => {
    expect(found('Ring på 4512345678')).toEqual([]); // day 45
    expect(found('Sag 3213001234')).toEqual([]); // month 13
    expect(found('Ordre 0000001234')).toEqual([]); // day 0
    expect(found('3104901234')).toEqual([]); // 31 April
  });

  it('gives no alarm for digits inside a longer run of digits', () => {
    expect(found('konto 12010190123499')).toEqual([]);
    expect(found('010190-12345')).toEqual([]);
    expect(found('9010190-1234')).toEqual([]);
  });

  it('knows leap years from the century the seventh digit gives', () => {
    expect(found('290200-4123')).toEqual(['290200-4123']); // 2000 is a leap year
    expect(found('290200-1123')).toEqual([]); // 1900 is not
    expect(found('290296-1234')).toEqual(['290296-1234']); // 1996
    expect(found('290297-1234')).toEqual([]); // 1997
    expect(found('290204-4321')).toEqual(['290204-4321']); // 2004
  });

  it('reads the century as CPR defines it', () => {
    expect(cprCentury(90, 1)).toBe(1990);
    expect(cprCentury(10, 4)).toBe(2010);
    expect(cprCentury(40, 4)).toBe(1940);
    expect(cprCentury(57, 6)).toBe(2057);
    expect(cprCentury(70, 6)).toBe(1870);
    expect(cprCentury(36, 9)).toBe(2036);
  });

  it('leaves the case reference and dates alone', () => {
    expect(found('KI-2026-014, møde 2026-09-03 kl. 13.00, tlf. 12 34 56 78')).toEqual([]);
  });
});
