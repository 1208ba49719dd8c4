// A small seeded PRNG (mulberry32): the same seed and the same sequence of requests give the
// same fault decisions, so a failing run can be repeated.

export interface Prng {
  /** Uniform in [0, 1). */
  next(): number;
  /** True with probability `rate` (0 never consumes a number, so adding a zero rate changes nothing). */
  chance(rate: number): boolean;
  pick<T>(items: readonly T[]): T | undefined;
}

export function createPrng(seed: number): Prng {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    chance: (rate) => rate > 0 && next() < rate,
    pick: (items) => (items.length === 0 ? undefined : items[Math.floor(next() * items.length)]),
  };
}
