/**
 * What a reader sees of a minutes card: every TextBlock and fact rendered as markdown the way the Adaptive Cards
 * designer and our preview do (markdown-it, HTML off), reduced to its visible text.
 */
import MarkdownIt from 'markdown-it';
import { textLines } from '../../../src/cards/markdownEscape';

const markdown = new MarkdownIt({ html: false, linkify: false, typographer: false });

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

const decode = (html: string): string =>
  html.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, body: string) => {
    if (/^#x/i.test(body)) return String.fromCodePoint(parseInt(body.slice(2), 16));
    if (body.startsWith('#')) return String.fromCodePoint(parseInt(body.slice(1), 10));
    return ENTITIES[body] ?? whole;
  });

/** Every markdown string a card shows: TextBlock texts, fact titles and values. */
export const cardTexts = (node: unknown): string[] => {
  if (Array.isArray(node)) return node.flatMap(cardTexts);
  if (typeof node !== 'object' || node === null) return [];
  const record = node as Record<string, unknown>;
  const own: string[] = [];
  if (record.type === 'TextBlock' && typeof record.text === 'string') own.push(record.text);
  if (typeof record.title === 'string' && typeof record.value === 'string') own.push(record.title, record.value);
  return [...own, ...Object.values(record).flatMap(cardTexts)];
};

export interface Rendered {
  /** The HTML markdown-it makes of the string. */
  html: string;
  /** What the reader sees, paragraphs on their own lines. */
  visible: string;
}

export const renderMarkdown = (text: string): Rendered => {
  const html = markdown.render(text);
  const visible = decode(
    html
      .replace(/<\/p>\s*/g, '\n')
      .replace(/<[^>]*>/g, '')
      .trim(),
  );
  return { html, visible };
};

/** What the card shows, one rendered string per TextBlock or fact. */
export const visibleCard = (card: unknown): Rendered[] => cardTexts(card).map(renderMarkdown);

/** The lines a user text shows as in a card (trimmed, blank lines dropped). */
export const shownLines = (text: string): string[] => textLines(text);
