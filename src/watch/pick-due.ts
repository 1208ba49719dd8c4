// Which of a tick's planned reloads start now: a pure function of the plan, what is in flight,
// the backoffs and the bounds, so the rules are tested with plain values.
import { DEFAULT_POOL_PARALLELISM } from "../plan/schedule.js";
import type { PlannedModel } from "../plan/types.js";
import type { Backoff } from "./backoff.js";

export interface Running {
  /** `poolId/modelId` */
  key: string;
  /** The pool's manifest key. */
  pool: string;
}

export interface DueInput {
  models: readonly PlannedModel[];
  /** Loads the loop runs now, and those that ran while this tick's plan was read (its view of them is stale). */
  busy: ReadonlySet<string>;
  running: readonly Running[];
  backoff: ReadonlyMap<string, Backoff>;
  /** The tick's time. */
  now: number;
  parallelism: number;
  poolParallelism: Readonly<Record<string, number>>;
}

export type Held = { address: string; why: "running" | "backoff" | "no_slot"; until?: number };

export interface DueDecision {
  start: PlannedModel[];
  /** Due, but not started at this tick, and why. */
  held: Held[];
}

export const modelKey = (m: { poolId: string; modelId: string }) => `${m.poolId}/${m.modelId}`;

export function pickDue(input: DueInput): DueDecision {
  const start: PlannedModel[] = [];
  const held: Held[] = [];
  let total = input.running.length;
  const inPool = new Map<string, number>();
  for (const r of input.running) inPool.set(r.pool, (inPool.get(r.pool) ?? 0) + 1);
  for (const m of input.models) {
    if (m.action === "skip") continue;
    const key = modelKey(m);
    if (input.busy.has(key)) {
      held.push({ address: m.address, why: "running" });
      continue;
    }
    const b = input.backoff.get(key);
    if (b && b.notBefore > input.now) {
      held.push({ address: m.address, why: "backoff", until: b.notBefore });
      continue;
    }
    const poolBound = input.poolParallelism[m.pool] ?? DEFAULT_POOL_PARALLELISM; // as apply gives an unbounded pool
    const here = inPool.get(m.pool) ?? 0;
    if (total >= input.parallelism || here >= poolBound) {
      held.push({ address: m.address, why: "no_slot" });
      continue;
    }
    total++;
    inPool.set(m.pool, here + 1);
    start.push(m);
  }
  return { start, held };
}
