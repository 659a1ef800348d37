import { describe, expect, it } from 'vitest';
import { escapeMarkdown, escapeMarkdownLine, textLines } from '../../../src/cards/markdownEscape';

// How the escaped text then renders is proven with the real renderer in test/ui/cards/markdownRendering.test.ts.
describe('escaping user text for card markdown', () => {
  it('leaves ordinary Danish text, emoji and case references untouched', () => {
    const text = 'Søge om bolig hos Aalborg Boligselskab inden 1. december 🎉 (KI-2026-014), 50 % af tiden.';
    expect(escapeMarkdown(text)).toBe(text);
  });

  it('escapes links, emphasis, code, HTML and mentions wherever they are', () => {
    expect(escapeMarkdown('[x](http://evil.example) **fed** _kursiv_ `kode` <at>Peter</at> &amp;')).toBe(
      '\\[x\\](http://evil.example) \\*\\*fed\\*\\* \\_kursiv\\_ \\`kode\\` \\<at\\>Peter\\</at\\> \\&amp;',
    );
  });

  it('escapes markers that only mean something at the start of a line', () => {
    expect(escapeMarkdown('# Overskrift')).toBe('\\# Overskrift');
    expect(escapeMarkdown('- punkt')).toBe('\\- punkt');
    expect(escapeMarkdown('+ punkt')).toBe('\\+ punkt');
    expect(escapeMarkdown('12. nummer')).toBe('12\\. nummer');
    expect(escapeMarkdown('3) nummer')).toBe('3\\) nummer');
    // …and not inside a line, where they are just text.
    expect(escapeMarkdown('Mål 2. prioritet - se #3 + mere')).toBe('Mål 2. prioritet - se #3 + mere');
  });

  it('doubles backslashes so C:\\mapper stays a path', () => {
    expect(escapeMarkdown('C:\\mapper\\fil')).toBe('C:\\\\mapper\\\\fil');
  });

  it('breaks the card date functions, which the renderer expands before markdown', () => {
    expect(escapeMarkdown('{{DATE(2017-02-14T06:08:39Z, SHORT)}}')).toBe(
      '\\{\\{DATE(2017-02-14T06:08:39Z, SHORT)\\}\\}',
    );
  });

  it('turns every kind of line break into a paragraph break and drops blank lines', () => {
    expect(escapeMarkdown('en\r\nto\rtre\n\n\nfire\u2028fem')).toBe('en\n\nto\n\ntre\n\nfire\n\nfem');
    expect(textLines('  indrykket\t\n   \nnæste  ')).toEqual(['indrykket', 'næste']);
  });

  it('puts a multi-line text on one line where only one line fits', () => {
    expect(escapeMarkdownLine('- første\n1. anden')).toBe('\\- første 1. anden');
  });
});
