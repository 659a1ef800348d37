/**
 * Cut a user text to at most `max` characters (graphemes, so an emoji or "å" written as a + ring is never split),
 * ending with "…" when something was cut. Used when the card has to shrink to fit a chat message.
 */
const segmenter = new Intl.Segmenter('da', { granularity: 'grapheme' });

export const shortenText = (text: string, max: number | null): string => {
  if (max === null || text.length <= max) return text;
  const graphemes = Array.from(segmenter.segment(text), (s) => s.segment);
  if (graphemes.length <= max) return text;
  return `${graphemes
    .slice(0, Math.max(0, max - 1))
    .join('')
    .trimEnd()}…`;
};
