/** A short quote of the user's own text, so a message says which effort or goal it means without repeating all of it. */
export const quote = (text: string, max = 40): string => {
  const t = text.trim().replace(/\s+/g, ' ');
  return t.length > max ? `"${t.slice(0, max - 1)}…"` : `"${t}"`;
};
