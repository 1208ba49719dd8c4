import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseShard, takeShard } from "../../src/plan/shard.js";
import { applySelection } from "../../src/plan/select.js";

const models = (pools: number[]) => pools.flatMap((n, p) => Array.from({ length: n }, (_, i) => ({ address: `pool${p}/m${i}`, tags: [] as string[] })));

describe("--shard K/N", () => {
  it("parses K/N and refuses anything else, saying the form", () => {
    expect(parseShard("2/4")).toEqual({ index: 2, count: 4 });
    for (const bad of ["0/4", "5/4", "2", "a/b", "1/0", "-1/2", "1/2/3"]) expect(() => parseShard(bad)).toThrow(/--shard must be K\/N with 1 ≤ K ≤ N, like 2\/4/);
  });

  it("for N = 1..4 the shards cover the selection exactly once, sizes within one, each in manifest order", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 1, maxLength: 5 }), fc.integer({ min: 1, max: 4 }), (pools, n) => {
        const items = models(pools);
        const shards = Array.from({ length: n }, (_, k) => takeShard(items, { index: k + 1, count: n }));
        const all = shards.flat().map((m) => m.address);
        expect([...all].sort()).toEqual(items.map((m) => m.address).sort());
        expect(new Set(all).size).toBe(items.length);
        const sizes = shards.map((s) => s.length);
        expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
        for (const s of shards) expect(s).toEqual(items.filter((m) => s.includes(m)));
        // One pool's models spread: no shard holds more than its share (rounded up) of a pool.
        pools.forEach((size, p) => {
          for (const s of shards) expect(s.filter((m) => m.address.startsWith(`pool${p}/`)).length).toBeLessThanOrEqual(Math.ceil(size / n));
        });
      }),
    );
  });

  it("is decided by the selection alone: the same K/N takes the same models every time", () => {
    const items = models([5, 3, 4]);
    expect(takeShard(items, { index: 2, count: 3 })).toEqual(takeShard([...items], { index: 2, count: 3 }));
    expect(takeShard(items, { index: 1, count: 3 }).map((m) => m.address)).toEqual(["pool0/m0", "pool0/m3", "pool1/m1", "pool2/m1"]);
  });

  it("shards what the selectors take, and refuses a shard left empty", () => {
    const items = models([4, 4]);
    expect(applySelection(items, { select: ["pool1"], exclude: [], shard: { index: 2, count: 2 } }).map((m) => m.address)).toEqual(["pool1/m1", "pool1/m3"]);
    expect(() => applySelection(items, { select: ["pool1/m0"], exclude: [], shard: { index: 2, count: 2 } })).toThrow("shard 2/2 has no model: the selection has only 1");
  });
});
