/**
 * Cut a user text to at most `max` characters (graphemes, so an emoji or "å" written as a + ring is never split),
 * ending with "…" when something was cut. Used when the card has to shrink to fit a chat message.
 */
const segmenter = new Intl.Segmenter('da', { granularity: 'grapheme' });

export const shortenText = (text: string, max: number | null): string => {
  if (max === null || text.length <= max) return text;
  // Walk only as far as needed: texts may be 20 000 characters and the card is rebuilt for each shrink step.
  const kept: string[] = [];
  for (const { segment } of segmenter.segment(text)) {
    if (kept.length === max)
      return `${kept
        .slice(0, Math.max(0, max - 1))
        .join('')
        .trimEnd()}…`;
    kept.push(segment);
  }
  return text;
};
