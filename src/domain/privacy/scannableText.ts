/**
 * Turns outbound text into what a reader would see, so a name hidden by markup or encoding is still found:
 * "S&oslash;ren", "Jens%20Holm", "Jens <b>Holm</b>", a card whose texts sit inside a JSON string, "Jens\-Holm"
 * escaped for card markdown, or a soft hyphen in the middle of a word.
 */

export type TextFormat = 'plain' | 'html' | 'url' | 'card';

/** Characters that render as nothing and would otherwise split a name or a CPR number. */
const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/gu;

const namedEntities: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  shy: '',
  aelig: 'æ',
  AElig: 'Æ',
  oslash: 'ø',
  Oslash: 'Ø',
  aring: 'å',
  Aring: 'Å',
  auml: 'ä',
  Auml: 'Ä',
  ouml: 'ö',
  Ouml: 'Ö',
  uuml: 'ü',
  Uuml: 'Ü',
  eacute: 'é',
  Eacute: 'É',
  ndash: '–',
  mdash: '—',
  hyphen: '‐',
};

const codePoint = (value: number): string => {
  try {
    return String.fromCodePoint(value);
  } catch {
    return '';
  }
};

export const decodeHtmlEntities = (text: string): string =>
  text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/giu, (whole, body: string) => {
    if (body.startsWith('#x') || body.startsWith('#X')) return codePoint(parseInt(body.slice(2), 16));
    if (body.startsWith('#')) return codePoint(parseInt(body.slice(1), 10));
    return namedEntities[body] ?? whole;
  });

/** Percent-decoding that never throws, repeated because deep links nest encoded JSON in encoded URLs. */
const decodeUrl = (text: string): string => {
  let current = text.replace(/\+/g, ' ');
  for (let round = 0; round < 3; round += 1) {
    let next: string;
    try {
      next = decodeURIComponent(current);
    } catch {
      next = current.replace(/%([0-9a-f]{2})/giu, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    }
    if (next === current) break;
    current = next;
  }
  return current;
};

const stringsIn = (value: unknown): string[] => {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (typeof value === 'object' && value !== null) return Object.values(value).flatMap(stringsIn);
  return [];
};

/** Markdown escapes ("\*", "\-", "\[") do not change what the reader sees. */
const unescapeMarkdown = (text: string): string => text.replace(/\\([^\p{L}\p{Nd}\s])/gu, '$1');

/** Formatting tags a mail client renders inline, so "Ho<b>lm</b>" reads "Holm". */
const INLINE_TAG =
  /<\/?(?:a|abbr|b|bdi|bdo|cite|code|data|dfn|em|font|i|kbd|mark|q|s|samp|small|span|strike|strong|sub|sup|time|u|var)\b[^>]*>/giu;

/**
 * Inline tags with a letter or digit directly on both sides sit inside one word and are nothing. Any other tag
 * is a separator: a cell, a paragraph or a line break between the owner "Aisha Khan" and "Lise Holm følger med"
 * must not glue them into "KhanLise Holm", which would no longer read as the sister's name.
 */
const joinInlineTagsInsideWords = (text: string): string =>
  text.replace(/(?<=[\p{L}\p{Nd}])(?:<\/?[a-z][^>]*>)+(?=[\p{L}\p{Nd}])/giu, (tags: string) =>
    tags.replace(INLINE_TAG, '').length === 0 ? '' : tags,
  );

/**
 * The values of every attribute in the markup (`href`, `title`, `alt`, `src` …), each on a line of its own: a link
 * made from a case's data, a tooltip or an image's text reaches the reader too, though no tag shows it.
 */
const attributeValues = (html: string): string =>
  [...html.matchAll(/<[a-z][^>]*>/giu)]
    .flatMap((tag) =>
      [...tag[0].matchAll(/\s[^\s=>/]+\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gu)].map(
        (a) => a[1] ?? a[2] ?? a[3] ?? '',
      ),
    )
    .map(decodeHtmlEntities)
    .join('\n');

/**
 * The readable versions of a text. More than one when the markup is ambiguous: every tag is a separator
 * ("<p>Jens</p><p>Holm</p>", "<td>Aisha Khan</td><td>Lise Holm</td>"), and inline formatting inside a word is
 * nothing ("Ho<b>lm</b>"); both are checked.
 */
export const scannableVariants = (text: string, format: TextFormat): string[] => {
  const clean = (s: string) => s.normalize('NFC').replace(INVISIBLE, '');
  switch (format) {
    case 'plain':
      return [clean(text)];
    case 'html': {
      const spaced = decodeHtmlEntities(text.replace(/<[^>]*>/g, ' '));
      const joined = decodeHtmlEntities(joinInlineTagsInsideWords(text).replace(/<[^>]*>/g, ' '));
      const attributes = attributeValues(text);
      return [
        ...new Set([
          clean(spaced),
          clean(joined),
          clean(decodeUrl(spaced)),
          ...(attributes ? [clean(attributes), clean(decodeUrl(attributes))] : []),
        ]),
      ];
    }
    case 'url':
      return [...new Set([clean(text), clean(decodeUrl(text))])];
    case 'card': {
      let strings: string[];
      try {
        strings = stringsIn(JSON.parse(text) as unknown);
      } catch {
        strings = [text];
      }
      const readable = strings.map((s) => unescapeMarkdown(decodeHtmlEntities(s)));
      return [clean(readable.join('\n')), ...scannableVariants(readable.join('\n'), 'html')];
    }
  }
};
