// Summaries the benchmarks print: medians and quantiles over per-page times.

/** The median of `v` (null when empty). */
export const median = (v) => {
  if (!v.length) return null;
  const s = [...v].sort((a, b) => a - b);
  const n = s.length;
  return n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
};

/** The `q` quantile of `v`, interpolated between neighbours (null when empty). */
export const quantile = (v, q) => {
  if (!v.length) return null;
  const s = [...v].sort((a, b) => a - b);
  const pos = (s.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return s[lo] + (s[hi] - s[lo]) * (pos - lo);
};

/** Rounded to two decimals, for JSON results. */
export const r2 = (x) => (x == null ? null : Math.round(x * 100) / 100);
