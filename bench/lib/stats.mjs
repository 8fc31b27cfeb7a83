// Statistics over samples. Non-numbers and non-finite values are left out of every figure.

const sorted = (xs) => xs.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);

export function median(xs) {
  const s = sorted(xs);
  if (s.length === 0) return null;
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

export function quantile(xs, q) {
  const s = sorted(xs);
  if (s.length === 0) return null;
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))];
}

export const min = (xs) => sorted(xs)[0] ?? null;
export const max = (xs) => sorted(xs).at(-1) ?? null;
/** Median, spread and count, with the samples kept for the JSON. */
export const summary = (xs) => ({ median: median(xs), min: min(xs), max: max(xs), n: sorted(xs).length, samples: xs });
export const round = (x, digits = 1) => (x === null || x === undefined || !Number.isFinite(x) ? null : Number(x.toFixed(digits)));
export const ratio = (a, b) => (a === null || b === null || !b ? null : a / b);
