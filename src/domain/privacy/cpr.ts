/**
 * Finds Danish CPR numbers (personnummer) in free text: `ddmmyy-xxxx` and `ddmmyyxxxx`.
 *
 * Only a valid birth date counts, so a phone number, an order number or a case number with ten digits
 * does not raise an alarm. The century comes from the seventh digit, as CPR itself defines it (CPR-kontoret's
 * table), which also settles whether 29 February exists in that year. There is no modulus-11 check: CPR
 * stopped guaranteeing it in 2007, and a real number that fails it must still be caught.
 *
 * Accepted separators between date and serial: none, a hyphen, a non-breaking hyphen or an en dash (what
 * word processors turn a typed hyphen into), or a single space ("010190 1234", common in letters). A match
 * must not be part of a longer run of digits ("12345678901" is not a CPR number).
 */

export interface TextSpan {
  /** Index of the first character (UTF-16 code units, as String.prototype.slice counts). */
  start: number;
  /** Index after the last character. */
  end: number;
  text: string;
}

const CPR_PATTERN = /(?<![\p{Nd}])(\d{2})(\d{2})(\d{2})[-\u2011\u2013 ]?(\d)(\d{3})(?![\p{Nd}])/gu;

/** The full year of a CPR date, from the two-digit year and the seventh digit (first serial digit). */
export const cprCentury = (yy: number, seventh: number): number => {
  if (seventh <= 3) return 1900 + yy;
  if (seventh === 4 || seventh === 9) return yy <= 36 ? 2000 + yy : 1900 + yy;
  return yy <= 57 ? 2000 + yy : 1800 + yy;
};

const daysInMonth = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** True when day and month form a real date in the year the seventh digit gives. */
export const isValidCprDate = (dd: number, mm: number, yy: number, seventh: number): boolean => {
  if (mm < 1 || mm > 12 || dd < 1) return false;
  return dd <= daysInMonth(cprCentury(yy, seventh), mm);
};

/** Every CPR number in the text, in order of appearance. */
export const findCprNumbers = (text: string): TextSpan[] => {
  const found: TextSpan[] = [];
  for (const match of text.matchAll(CPR_PATTERN)) {
    const [whole, dd, mm, yy, seventh] = match;
    if (
      dd !== undefined &&
      mm !== undefined &&
      yy !== undefined &&
      seventh !== undefined &&
      isValidCprDate(Number(dd), Number(mm), Number(yy), Number(seventh))
    ) {
      found.push({ start: match.index, end: match.index + whole.length, text: whole });
    }
  }
  return found;
};

export const containsCprNumber = (text: string): boolean => findCprNumbers(text).length > 0;
