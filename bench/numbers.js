// Small statistics and formatting for the bench table.

export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

export const max = (xs) => xs.reduce((a, b) => Math.max(a, b), -Infinity);

/** Least squares y = a + b·x; returns { a, b, r2 }. */
export function fitLine(xs, ys) {
  const n = xs.length;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (xs[i] - mx) * (ys[i] - my);
    sxx += (xs[i] - mx) ** 2;
    syy += (ys[i] - my) ** 2;
  }
  const b = sxy / sxx;
  return { a: my - b * mx, b, r2: syy === 0 ? 1 : (sxy * sxy) / (sxx * syy) };
}

export const ms = (x) =>
  x >= 10_000 ? `${(x / 1000).toFixed(x % 1000 === 0 ? 0 : 1)} s` : x >= 1000 ? `${(x / 1000).toFixed(x % 1000 === 0 ? 0 : 2)} s` : `${Math.round(x)} ms`;
export const count = (n) => n.toLocaleString("en-US");
export const ratio = (x) => `${x >= 10 ? x.toFixed(1) : x.toFixed(2)}×`;
export const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
export const pct = (x) => `${(x * 100).toFixed(1)} %`;
