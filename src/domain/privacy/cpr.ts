/**
 * Finds Danish CPR numbers (personnummer) in free text: `ddmmyy-xxxx` and `ddmmyyxxxx`.
 *
 * Only a valid birth date counts, so a phone number, an order number or a case number with ten digits
 * does not raise an alarm. The century comes from the seventh digit, as CPR itself defines it (CPR-kontoret's
 * table), which also settles whether 29 February exists in that year. There is no modulus-11 check: CPR
 * stopped guaranteeing it in 2007, and a real number that fails it must still be caught.
 *
 * The text is read as a person sees it (issue 18.1): compatibility forms folded (fullwidth digits, a
 * non-breaking space), every invisible format character (zero-width spaces and joiners, soft hyphens, bidi
 * marks) left out, and every kind of dash read as a hyphen. Accepted separators: between date and serial none,
 * a hyphen (any dash), a slash, a dot or a space ("010190 1234", common in letters); inside the date the same
 * separator twice or none ("01.01.90-1234", "01-01-90-1234", "01 01 90 1234"). A match must not be part of a
 * longer run of digits ("12345678901" is not a CPR number). Spans are given in the original text.
 */

export interface TextSpan {
  /** Index of the first character (UTF-16 code units, as String.prototype.slice counts). */
  start: number;
  /** Index after the last character. */
  end: number;
  text: string;
}

const CPR_PATTERN = /(?<![\p{Nd}])(\d{2})([-./ ]?)(\d{2})\2(\d{2})[-./ ]?(\d)(\d{3})(?![\p{Nd}])/gu;

/**
 * The text as a person reads it, with where each of its UTF-16 units came from in the original: NFKC per code
 * point (fullwidth digits become ASCII), format characters (\p{Cf}: zero-width, soft hyphen, bidi controls)
 * dropped, every dash (\p{Pd}) and every space (\p{Zs}) read as `-` and ` `.
 */
export const readableText = (text: string): { text: string; origin: number[] } => {
  let out = '';
  const origin: number[] = [];
  let index = 0;
  for (const char of text) {
    const at = index;
    index += char.length;
    if (/\p{Cf}/u.test(char)) continue;
    let folded = char.normalize('NFKC');
    if (/^\p{Pd}$/u.test(folded)) folded = '-';
    else if (/^\p{Zs}$/u.test(folded)) folded = ' ';
    for (let i = 0; i < folded.length; i += 1) origin.push(at);
    out += folded;
  }
  origin.push(index);
  return { text: out, origin };
};

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
export const findCprNumbers = (original: string): TextSpan[] => {
  const found: TextSpan[] = [];
  const { text, origin } = readableText(original);
  for (const match of text.matchAll(CPR_PATTERN)) {
    const [whole, dd, , mm, yy, seventh] = match;
    if (
      dd !== undefined &&
      mm !== undefined &&
      yy !== undefined &&
      seventh !== undefined &&
      isValidCprDate(Number(dd), Number(mm), Number(yy), Number(seventh))
    ) {
      const start = origin[match.index] ?? 0;
      // The end: just after the original character the match's last unit came from.
      const lastFrom = origin[match.index + whole.length - 1] ?? start;
      const end =
        lastFrom + (original.codePointAt(lastFrom) !== undefined && original.codePointAt(lastFrom)! > 0xffff ? 2 : 1);
      found.push({ start, end, text: original.slice(start, end) });
    }
  }
  return found;
};

export const containsCprNumber = (text: string): boolean => findCprNumbers(text).length > 0;
