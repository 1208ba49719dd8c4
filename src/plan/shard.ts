// `--shard K/N`: the K-th of N disjoint parts of a selection, for a CI matrix of N jobs. Pure and
// decided by the selection alone (the manifest's order): the same K/N always takes the same
// models, the N parts together are the selection, and their sizes differ by at most one. Models
// are dealt out pool by pool, so each pool's models spread across the shards, and every shard
// keeps the pool's `poolParallelism` by itself (N shards run N × the bounds against the tenant).
import { UserError } from "../shared/errors.js";

export interface Shard {
  /** 1-based. */
  index: number;
  count: number;
}

export function parseShard(text: string): Shard {
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = m ? Number(m[1]) : NaN;
  const count = m ? Number(m[2]) : NaN;
  if (!m || count < 1 || index < 1 || index > count) {
    throw new UserError(`--shard must be K/N with 1 ≤ K ≤ N, like 2/4; got "${text}"`, "shard K of N takes its part of the selection: run one job per K, with the same N");
  }
  return { index, count };
}

export function shardText(shard: Shard): string {
  return `${shard.index}/${shard.count}`;
}

const poolOf = (address: string) => address.slice(0, address.indexOf("/"));

/** The items of shard K of N, in their order. */
export function takeShard<T extends { address: string }>(items: readonly T[], shard: Shard): T[] {
  // Deal in pool order (pools as first met, models in their order), the next model to the next shard.
  const pools = new Map<string, number[]>();
  items.forEach((item, i) => {
    const pool = poolOf(item.address);
    const list = pools.get(pool) ?? [];
    list.push(i);
    pools.set(pool, list);
  });
  const mine = new Set<number>();
  let dealt = 0;
  for (const indexes of pools.values()) {
    for (const i of indexes) {
      if (dealt % shard.count === shard.index - 1) mine.add(i);
      dealt++;
    }
  }
  return items.filter((_, i) => mine.has(i));
}
