// Starts jobs in list order within bounds: a global one, one per pool, and one load per model at a
// time. Whenever a slot frees, the first waiting job that fits starts (list scheduling), so a job
// whose pool is full lets the next one go, and starts as soon as its pool has room, ahead of any
// job listed after it. Nested FIFO limits (p-limit per pool, then a global one) do not: a job
// holding its pool's slot queues for a global slot behind jobs listed after it.

export interface DispatchBounds {
  global: number;
  /** Loads at once within one pool. */
  perPool: (pool: string) => number;
}

export interface Dispatchable {
  pool: string;
  /** Jobs with the same key never run at once (one load per model). */
  key: string;
}

export function dispatch<T extends Dispatchable>(jobs: readonly T[], bounds: DispatchBounds, run: (job: T) => Promise<void>): Promise<void> {
  const waiting = [...jobs];
  const global = Math.max(1, bounds.global);
  const inPool = new Map<string, number>();
  const busy = new Set<string>();
  let active = 0;
  return new Promise((resolve, reject) => {
    const pump = () => {
      for (let i = 0; i < waiting.length && active < global; ) {
        const job = waiting[i]!;
        const used = inPool.get(job.pool) ?? 0;
        if (used >= Math.max(1, bounds.perPool(job.pool)) || busy.has(job.key)) {
          i++;
          continue;
        }
        waiting.splice(i, 1);
        active++;
        inPool.set(job.pool, used + 1);
        busy.add(job.key);
        // run() settles on its own (a model's failure is an outcome, not a rejection); a rejection is a bug.
        Promise.resolve()
          .then(() => run(job))
          .then(() => {
            active--;
            inPool.set(job.pool, inPool.get(job.pool)! - 1);
            busy.delete(job.key);
            pump();
          }, reject);
      }
      if (active === 0 && waiting.length === 0) resolve();
    };
    pump();
  });
}
