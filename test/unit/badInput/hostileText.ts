/**
 * The bad-input corpus's raw material: what people paste into text fields, on purpose or not. Markdown, HTML and
 * mention injection, Teams card functions, pasted line breaks, æøå and emoji, and very long texts.
 */

const DANISH =
  'Borgeren ønsker hjælp til økonomien og til at få ro på i lejligheden på Åboulevarden; æbler, øl og ål. ';

/** A realistic Danish text of exactly `length` characters (UTF-16 units, as the plan document counts). */
export const LONG = (length: number): string =>
  `${DANISH.repeat(Math.ceil(length / DANISH.length)).slice(0, length - 1)}.`;

/** 10 000 characters: a whole letter pasted into a one-line field. */
export const TEN_THOUSAND = LONG(10000);

/**
 * Texts that mean something to a markdown, HTML or Teams renderer. Each must show up as exactly the text typed.
 * `lines`: what the reader should see (line by line, trimmed, blank lines dropped, as the cards show user text).
 */
export interface Hostile {
  name: string;
  text: string;
}

export const HOSTILE: readonly Hostile[] = [
  { name: 'a markdown link', text: '[Klik her for at se planen](http://evil.example/?q=1)' },
  { name: 'bold, italics and code', text: '**VIGTIGT** _kursiv_ `kode` ~~slettet~~' },
  { name: 'an HTML script and image', text: '<script>alert(1)</script><img src=x onerror=alert(1)>' },
  { name: 'a forged mention', text: '<at id="0">Peter Nielsen</at> skal gøre det hele' },
  { name: 'a heading, list and quote', text: '# Overskrift\n- punkt\n1. nummer\n> citat' },
  { name: 'Teams card functions and entities', text: '{{DATE(2017-02-14T06:08:39Z, SHORT)}} &amp; &lt;b&gt;' },
  { name: 'Danish letters and emoji', text: 'Ærø, Øster Åby og Ålborg 👩‍👩‍👧 🇩🇰 ✅' },
  { name: 'pasted Windows line breaks', text: 'Første linje\r\nAnden linje\r\n\r\nTredje linje' },
];
