/**
 * Split a whole number over weights so the parts are whole, never negative, and sum exactly to the total
 * (largest-remainder method: the time boxes a user sees always add up to the meeting length).
 */
export const apportion = (total: number, weights: readonly number[]): number[] => {
  if (weights.length === 0) return [];
  const whole = Math.max(0, Math.round(total));
  const clean = weights.map((w) => (Number.isFinite(w) && w > 0 ? w : 0));
  const sum = clean.reduce((a, b) => a + b, 0);
  // With no weight anywhere, share evenly.
  const shares = sum === 0 ? clean.map(() => whole / clean.length) : clean.map((w) => (whole * w) / sum);
  const parts = shares.map(Math.floor);
  let left = whole - parts.reduce((a, b) => a + b, 0);
  const byRemainder = shares.map((s, i) => ({ i, r: s - Math.floor(s) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of byRemainder) {
    if (left <= 0) break;
    parts[i] = (parts[i] ?? 0) + 1;
    left -= 1;
  }
  return parts;
};
