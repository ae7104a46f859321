// The median the bench scripts report: the middle value, or the mean of the two middle values of
// an even count (NaN for none).

/** The median of `xs` (numbers; not changed). */
export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = (s.length - 1) / 2;
  return (s[Math.floor(m)] + s[Math.ceil(m)]) / 2;
}
