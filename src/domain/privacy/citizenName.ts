/**
 * Finds the citizen's name (borgerens navn), or any part of it, in free text.
 *
 * - Whole words only, with Unicode letter boundaries: for "Jens Holm", "Holm" and "holm" are found, "Holmegade"
 *   and "Jensen" are not.
 * - Case-insensitive, Danish letters included; "æ/ø/å" in the name also match their usual transliterations
 *   ("ae"/"ä", "oe"/"ö", "aa"), and "aa" in the name matches "å", because people without a Danish keyboard
 *   write "Soeren" for "Søren".
 * - Hyphenated names count as the whole and as each piece: "Anne-Marie Holm-Jensen" is found as "Holm-Jensen",
 *   "Holm" or "Marie".
 * - One-letter parts (initials like the "J." in "Jens J. Holm") are ignored: they would match every "i" and "å"
 *   in Danish text. Two-letter parts ("Bo", "Li") are only found as written with a capital first letter,
 *   because they are also everyday words ("at bo", "li'"); the full name is always found in any case.
 * - Other people's full names can be exempted: the citizen's sister "Lise Holm" is a participant whose name
 *   legitimately appears in the minutes, and "Holm" inside it says nothing about the citizen.
 */
import type { TextSpan } from './cpr';

const NOT_LETTER_BEFORE = '(?<![\\p{L}\\p{M}\\p{Nd}])';
const NOT_LETTER_AFTER = '(?![\\p{L}\\p{M}\\p{Nd}])';

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Danish letters and their transliterations match each other, in both directions. */
const letterAlternatives: [RegExp, string][] = [
  [/^(?:æ|ae|ä)/iu, '(?:æ|ae|ä)'],
  [/^(?:ø|oe|ö)/iu, '(?:ø|oe|ö)'],
  [/^(?:å|aa)/iu, '(?:å|aa)'],
];

/** A pattern source for one word of the name, with transliterations and any whitespace between words. */
const wordPattern = (word: string): string => {
  let source = '';
  let rest = word;
  while (rest.length > 0) {
    const alternative = letterAlternatives.find(([prefix]) => prefix.test(rest));
    if (alternative) {
      const [prefix, replacement] = alternative;
      const consumed = prefix.exec(rest)?.[0].length ?? 1;
      source += replacement;
      rest = rest.slice(consumed);
    } else if (/^\s/u.test(rest)) {
      source += '\\s+';
      rest = rest.replace(/^\s+/u, '');
    } else {
      const char = [...rest][0] ?? '';
      source += escapeRegExp(char);
      rest = rest.slice(char.length);
    }
  }
  return source;
};

const letterCount = (word: string): number => (word.match(/\p{L}/gu) ?? []).length;

/** The whole name, each space-separated part, and each piece of a hyphenated part, longest first. */
export const nameParts = (citizenName: string): string[] => {
  const whole = citizenName.normalize('NFC').trim().replace(/\s+/gu, ' ');
  if (letterCount(whole) < 2) return [];
  const words = whole.split(' ');
  const pieces = words.flatMap((word) => (word.includes('-') ? [word, ...word.split('-')] : [word]));
  const parts = [whole, ...pieces]
    .map((part) => part.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, ''))
    .filter((part) => letterCount(part) >= 2);
  return [...new Set(parts)].sort((a, b) => b.length - a.length);
};

/**
 * Compiled patterns per name part. The minutes editor asks on every keystroke in every field, so the patterns
 * are built once per part (a handful per plan) rather than each time. Global regexes are only used through
 * matchAll, which copies them, so sharing them is safe.
 */
const compiled = new Map<string, RegExp>();
const MAX_CACHED = 500;

const compile = (part: string, isWhole: boolean): RegExp => {
  const key = `${isWhole ? 'w' : 'p'}:${part}`;
  const cached = compiled.get(key);
  if (cached) return cached;
  let regex: RegExp;
  // Two-letter parts are everyday words in lower case; only a capitalised one is taken for the name.
  if (!isWhole && letterCount(part) === 2) {
    const first = [...part][0] ?? '';
    const rest = wordPattern(part.slice(first.length));
    regex = new RegExp(`${NOT_LETTER_BEFORE}${escapeRegExp(first.toUpperCase())}${rest}${NOT_LETTER_AFTER}`, 'gu');
  } else {
    regex = new RegExp(`${NOT_LETTER_BEFORE}${wordPattern(part)}${NOT_LETTER_AFTER}`, 'giu');
  }
  if (compiled.size >= MAX_CACHED) compiled.clear();
  compiled.set(key, regex);
  return regex;
};

const spansOf = (text: string, regex: RegExp): TextSpan[] =>
  [...text.matchAll(regex)].map((m) => ({ start: m.index, end: m.index + m[0].length, text: m[0] }));

const overlaps = (a: TextSpan, b: TextSpan): boolean => a.start < b.end && b.start < a.end;
const inside = (inner: TextSpan, outer: TextSpan): boolean => inner.start >= outer.start && inner.end <= outer.end;

/** Merge overlapping spans into one, so a redaction replaces "Jens Holm" once, not "Jens", "Holm" and the whole. */
const merge = (text: string, spans: TextSpan[]): TextSpan[] => {
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: TextSpan[] = [];
  for (const span of sorted) {
    const last = merged[merged.length - 1];
    if (last && overlaps(last, span)) {
      const end = Math.max(last.end, span.end);
      merged[merged.length - 1] = { start: last.start, end, text: text.slice(last.start, end) };
    } else {
      merged.push(span);
    }
  }
  return merged;
};

export interface CitizenNameOptions {
  /** Other people's full names whose occurrences do not count (participants other than the citizen). */
  exempt?: readonly string[];
}

/**
 * Every place the citizen's name or a part of it occurs, merged and in order. Positions refer to `text`
 * as given; callers that may receive decomposed letters should pass `text.normalize('NFC')`.
 */
export const findCitizenName = (text: string, citizenName: string, options: CitizenNameOptions = {}): TextSpan[] => {
  const parts = nameParts(citizenName);
  if (parts.length === 0 || text.length === 0) return [];
  // nameParts sorts longest first, so the first part is the whole name.
  const whole = parts[0];
  const citizenKey = citizenName.normalize('NFC').trim().replace(/\s+/gu, ' ').toLocaleLowerCase('da');
  const exemptSpans = (options.exempt ?? [])
    .map((name) => name.normalize('NFC').trim().replace(/\s+/gu, ' '))
    .filter((name) => letterCount(name) >= 2 && name.toLocaleLowerCase('da') !== citizenKey)
    .flatMap((name) => spansOf(text, compile(name, true)));
  const hits = parts
    .flatMap((part) => spansOf(text, compile(part, part === whole)))
    .filter((hit) => !exemptSpans.some((exempt) => inside(hit, exempt)));
  return merge(text, hits);
};

export const containsCitizenName = (text: string, citizenName: string, options: CitizenNameOptions = {}): boolean =>
  findCitizenName(text, citizenName, options).length > 0;
