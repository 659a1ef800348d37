import { describe, expect, it } from 'vitest';
import { escapeMarkdown, escapeMarkdownLine, textLines } from '../../../src/cards/markdownEscape';
import { renderAdaptiveCard } from '../../../src/ui/cards/renderAdaptiveCard';
import { INJECTIONS } from '../../fixtures/cards/minutesFixtures';

/** Render one TextBlock and one FactSet with the real renderer, Teams' host config and markdown-it. */
const render = (text: string, value: string) => {
  const { element, problems } = renderAdaptiveCard(
    {
      type: 'AdaptiveCard',
      version: '1.5',
      body: [
        { type: 'TextBlock', text, wrap: true },
        { type: 'FactSet', facts: [{ title: 'Titel', value }] },
      ],
    },
    'light',
  );
  expect(problems).toEqual([]);
  if (!element) throw new Error('nothing rendered');
  const [block, factValue] = [element.querySelector('.ac-textBlock'), element.querySelector('.ac-fact-value')];
  if (!block || !factValue) throw new Error('text not rendered');
  const visible = (el: Element) =>
    Array.from(el.querySelectorAll('p'))
      .map((p) => p.textContent)
      .join('\n');
  return { block, factValue, text: visible(block), factText: visible(factValue) };
};

const FORMATTING =
  'a, strong, em, code, pre, h1, h2, h3, h4, h5, h6, ul, ol, li, blockquote, hr, img, script, mark, s, del, table, at';

const CASES = [
  ...INJECTIONS,
  'Æblegrød, øllebrød og ålesuppe — ÆØÅ æøå 👩‍👩‍👧 🇩🇰',
  '**Peter Nielsen**',
  '_Karen_ Skov',
  '1. Mette Larsen',
  '<at id="0">Peter Nielsen</at>',
  'a\\*b\\\\c\\',
  '![billede](http://x.example/a.png)',
  '[ref]: http://x.example',
  'Linje med <b>HTML</b>\nog en ny linje',
  '&lt;script&gt; &#42;stjerne&#42; &copy;',
  '* * *',
  '=====',
];

describe('user text in a card renders as exactly that text', () => {
  it.each(CASES)('%j', (input) => {
    const { block, factValue, text, factText } = render(escapeMarkdown(input), escapeMarkdownLine(input));
    expect(text).toBe(textLines(input).join('\n'));
    expect(factText).toBe(textLines(input).join(' '));
    expect(block.querySelectorAll(FORMATTING)).toHaveLength(0);
    expect(factValue.querySelectorAll(FORMATTING)).toHaveLength(0);
  });

  it('would not without the escaping: the same texts raw become links, bold, headings and lists', () => {
    const raw = render(INJECTIONS.slice(0, 3).join('\n\n'), 'x');
    expect(raw.block.querySelector('a')?.getAttribute('href')).toBe('http://evil.example/?q=1');
    expect(raw.block.querySelector('strong')?.textContent).toBe('fed');
    expect(raw.block.querySelector('h1')).not.toBeNull();
    expect(raw.block.querySelectorAll('ul li, ol li').length).toBeGreaterThan(0);
  });
});
