/**
 * Text a user typed (a name, an effort, a goal) goes into Adaptive Card TextBlocks, and every TextBlock is markdown.
 * Without escaping, `[klik](http://…)` becomes a link in a card that looks like it came from the koordinator,
 * `**` turns bold, `<at>` could mention someone, and a line starting with `1.` becomes a list with a different number.
 *
 * The escaping uses CommonMark backslash escapes, which Teams (desktop, web, and mobile since 2023) and the
 * adaptivecards renderer with markdown-it honour. It escapes only what has a meaning, so a client that ignores
 * escapes shows as few backslashes as possible.
 */

/** Punctuation with a meaning anywhere in a line: emphasis, code, links, HTML/mentions, entities, strikethrough,
 * highlight (`===`), and the `{{DATE(…)}}` functions the renderer expands before markdown. */
const ANYWHERE = /[\\`*_[\]<>&~={}]/g;

/** Markers that only mean something at the start of a line: headings, lists, quotes, thematic breaks. */
const LINE_START_MARKER = /^([#+-])/;
const ORDERED_LIST_MARKER = /^(\d{1,9})([.)])/;

/** Line separators a user may paste (Windows, old Mac, Unicode) all become one kind of line break. */
const LINE_BREAKS = /\r\n|[\r\u2028\u2029\u0085]/g;
/** Control characters render as nothing or as boxes; tabs become spaces. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/** The lines of a user text as the card shows them: trimmed, blank lines dropped, controls removed. */
export const textLines = (text: string): string[] =>
  text
    .replace(LINE_BREAKS, '\n')
    .replace(/\t/g, ' ')
    .replace(CONTROL, '')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');

const escapeLine = (line: string): string =>
  line
    .replace(ANYWHERE, (c) => `\\${c}`)
    .replace(LINE_START_MARKER, '\\$1')
    .replace(ORDERED_LIST_MARKER, '$1\\$2');

/**
 * Escape user text for a TextBlock so it renders as exactly that text. Line breaks become paragraph breaks
 * (a single `\n` is swallowed by markdown); leading and trailing spaces on a line are dropped (HTML would
 * collapse them anyway, and leading spaces would start a code block).
 */
export const escapeMarkdown = (text: string): string => textLines(text).map(escapeLine).join('\n\n');

/** Escape user text for a place that holds one line (a fact, a compact effort line): line breaks become spaces. */
export const escapeMarkdownLine = (text: string): string => escapeLine(textLines(text).join(' '));
