// The order apply starts loads in, and the wall time that order is expected to take under the
// bounds: pure functions of the plan, simulated with the executor's own queueing rules.
import type { Action } from "./types.js";

export type StartOrder = "longest-first" | "manifest";
export const START_ORDERS: readonly StartOrder[] = ["longest-first", "manifest"];

export interface ScheduledModel {
  address: string;
  pool: string;
  action: Action;
  expectedDurationMs: number | null;
}

/** A pool the bounds name no value for gets this many loads at once (the executor uses it too). */
export const DEFAULT_POOL_PARALLELISM = 1;

export interface Bounds {
  parallelism: number;
  poolParallelism: Record<string, number>;
}

/**
 * The models apply starts, in the order it queues them; skips start nothing and are left out.
 * `longest-first`: the longest expected load first, so no long load starts last and runs on
 * alone (list scheduling longest-first stays within 4/3 of the optimum; an arbitrary order, 2×).
 * A load of unknown duration goes before every known one: it may be the longest of all, and
 * started early it cannot run on alone at the end; were it short, starting it first costs
 * little. Ties and unknowns keep manifest order, so a plan always gives the same order.
 * `manifest`: manifest order.
 */
export function startOrder<T extends ScheduledModel>(models: readonly T[], order: StartOrder): T[] {
  const started = models.filter((m) => m.action !== "skip");
  if (order === "manifest") return started;
  const unknown = started.filter((m) => m.expectedDurationMs === null);
  const known = started.filter((m) => m.expectedDurationMs !== null);
  // Array.prototype.sort is stable: equal durations keep manifest order.
  return [...unknown, ...known.sort((a, b) => b.expectedDurationMs! - a.expectedDurationMs!)];
}

const median = (xs: readonly number[]): number | null => {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

/**
 * Durations to simulate with: a known one as is, an unknown one as the median of the known ones
 * (the best guess the plan holds). Null when none is known: nothing to estimate from.
 */
export function fillUnknown(durations: readonly (number | null)[]): number[] | null {
  const m = median(durations.filter((d): d is number => d !== null));
  if (m === null) return durations.length === 0 ? [] : null;
  return durations.map((d) => d ?? m);
}

export interface SimJob {
  pool: string;
  durationMs: number;
}

export interface SimRunning {
  pool: string;
  /** Time left from the simulation's start; 0 when it is due now. */
  remainingMs: number;
}

export interface SimResult {
  /** When the last load ends, from the simulation's start. */
  wallMs: number;
  /** When each queued job starts, by its index in the queue. */
  startMs: number[];
}

/**
 * Runs the queue through the executor's rule (apply/dispatch.ts) in simulated time: whenever a
 * slot frees, the first waiting job whose pool has room starts. `running` jobs hold their slots
 * from the start. Of jobs ending at the same time, the one started first ends first (which one
 * does changes nothing: the same jobs start then, each in the first slot that fits).
 */
export function simulateSchedule(queue: readonly SimJob[], bounds: Bounds, running: readonly SimRunning[] = []): SimResult {
  const global = Math.max(1, bounds.parallelism);
  const poolBound = (pool: string) => Math.max(1, bounds.poolParallelism[pool] ?? DEFAULT_POOL_PARALLELISM);
  const inPool = new Map<string, number>();
  // In flight: pool and end time.
  const active: { pool: string; end: number }[] = [];
  // Every job starts in the end: its start is set then.
  const startMs: number[] = [];
  // Waiting jobs by pool, each in queue order: the first waiting job that fits is the lowest
  // index at the head of a pool with room.
  const waiting = new Map<string, { items: number[]; head: number }>();
  queue.forEach((job, i) => {
    let w = waiting.get(job.pool);
    if (!w) waiting.set(job.pool, (w = { items: [], head: 0 }));
    w.items.push(i);
  });
  let now = 0;

  const take = (pool: string, end: number) => {
    inPool.set(pool, (inPool.get(pool) ?? 0) + 1);
    active.push({ pool, end });
  };
  for (const r of running) take(r.pool, Math.max(0, r.remainingMs));
  const startWaiting = () => {
    while (active.length < global) {
      // the lowest queue index at the head of a pool with room
      let next = Number.POSITIVE_INFINITY;
      for (const [pool, w] of waiting) {
        if (w.head < w.items.length && (inPool.get(pool) ?? 0) < poolBound(pool)) next = Math.min(next, w.items[w.head]!);
      }
      if (next === Number.POSITIVE_INFINITY) return;
      const job = queue[next]!;
      waiting.get(job.pool)!.head++;
      startMs[next] = now;
      take(job.pool, now + Math.max(0, job.durationMs));
    }
  };
  startWaiting();
  while (active.length > 0) {
    now = Math.min(...active.map((a) => a.end));
    const [done] = active.splice(active.findIndex((a) => a.end === now), 1);
    inPool.set(done!.pool, inPool.get(done!.pool)! - 1);
    startWaiting();
  }
  return { wallMs: now, startMs };
}

/**
 * The expected wall time of applying `models` (already in start order) under `bounds`: null when
 * no load has a known duration to estimate from; 0 when nothing is to run.
 */
export function expectedWallMs(ordered: readonly ScheduledModel[], bounds: Bounds): number | null {
  const durations = fillUnknown(ordered.map((m) => m.expectedDurationMs));
  if (durations === null) return null;
  return simulateSchedule(ordered.map((m, i) => ({ pool: m.pool, durationMs: durations[i]! })), bounds).wallMs;
}

export interface ApplyProgress {
  /** Loads not started yet, in start order. */
  queued: readonly { pool: string; expectedDurationMs: number | null }[];
  /** Loads in flight, and how long each has run. */
  running: readonly { pool: string; expectedDurationMs: number | null; elapsedMs: number }[];
  /** Loads that ended well: what was expected of them and what they took. */
  finished: readonly { expectedDurationMs: number | null; durationMs: number }[];
}

/**
 * The expected time left of an apply, corrected by what has happened: a factor (what loads took
 * over what was expected of them) scales every expectation still open. Its evidence is the loads
 * that ended, and those running past their expectation (they take at least that long); a prior
 * of one longest expected load at factor 1 keeps the first loads to end (the ones that ran short,
 * by selection) from swinging it. A running load is expected to end at its scaled expectation,
 * or now if it is past it. An unknown duration is the median of the known ones (scaled), else of
 * the loads that ended. Null when there is nothing to estimate from.
 */
export function expectedRemainingMs(p: ApplyProgress, bounds: Bounds): number | null {
  const all = [...p.queued, ...p.running, ...p.finished].flatMap((m) => (m.expectedDurationMs === null ? [] : [m.expectedDurationMs]));
  const prior = Math.max(0, ...all);
  let expected = prior;
  let took = prior;
  for (const f of p.finished) {
    if (f.expectedDurationMs === null || f.expectedDurationMs <= 0) continue;
    expected += f.expectedDurationMs;
    took += f.durationMs;
  }
  for (const r of p.running) {
    if (r.expectedDurationMs === null || r.elapsedMs <= r.expectedDurationMs) continue;
    expected += r.expectedDurationMs;
    took += r.elapsedMs;
  }
  const factor = expected > 0 ? took / expected : 1;
  const guess = (all.length > 0 ? median(all)! * factor : null) ?? median(p.finished.map((f) => f.durationMs));
  const scaled = (d: number | null): number | null => (d === null ? guess : d * factor);
  const running: SimRunning[] = [];
  for (const r of p.running) {
    const d = scaled(r.expectedDurationMs);
    if (d === null) return null;
    running.push({ pool: r.pool, remainingMs: Math.max(0, d - r.elapsedMs) });
  }
  const queue: SimJob[] = [];
  for (const q of p.queued) {
    const d = scaled(q.expectedDurationMs);
    if (d === null) return null;
    queue.push({ pool: q.pool, durationMs: d });
  }
  return simulateSchedule(queue, bounds, running).wallMs;
}
