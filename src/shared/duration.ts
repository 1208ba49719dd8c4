// Durations as users write them (`90s`, `15m`, `2h`, `1h30m`, `1d`, `0s`) and as people read them.

const UNIT_MS = { d: 86_400_000, h: 3_600_000, m: 60_000, s: 1_000 } as const;
const DURATION_RE = /^(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/;

/** Milliseconds for a duration string, or null if it is not one. */
export function parseDuration(text: string): number | null {
  const m = DURATION_RE.exec(text.trim());
  // The pattern matches the empty text too (every part is optional): that is no duration.
  if (!m || text.trim() === "") return null;
  const [, d, h, min, s] = m;
  return (
    Number(d ?? 0) * UNIT_MS.d + Number(h ?? 0) * UNIT_MS.h + Number(min ?? 0) * UNIT_MS.m + Number(s ?? 0) * UNIT_MS.s
  );
}

/** Compact, manifest-style: `6h`, `1h30m`, `0s`. Inverse of parseDuration for whole seconds; a rest of milliseconds (only a hand-edited plan has one) is shown as `ms`. */
export function formatDurationSpec(ms: number): string {
  if (ms <= 0) return "0s";
  let rest = Math.floor(ms / 1000);
  let out = "";
  for (const [unit, size] of [["d", 86_400], ["h", 3_600], ["m", 60], ["s", 1]] as const) {
    const n = Math.floor(rest / size);
    rest -= n * size;
    if (n > 0) out += `${n}${unit}`;
  }
  const millis = Math.round(ms % 1000);
  return millis > 0 ? `${out}${millis}ms` : out;
}

/** For elapsed times in views: `41s`, `2m 03s`, `1h 02m`. */
export function formatElapsed(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m ${String(s % 60).padStart(2, "0")}s`;
  const h = Math.floor(m / 60);
  return `${h}h ${String(m % 60).padStart(2, "0")}m`;
}

/** For ages in views: `42m ago` style without the "ago": `12s`, `42m`, `29h`, `3d`. */
export function formatAge(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m`;
  const h = Math.floor(m / 60);
  if (h < 48) return `${h}h`;
  return `${Math.floor(h / 24)}d`;
}
