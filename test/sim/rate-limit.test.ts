import { afterEach, describe, expect, it } from "vitest";
import { TokenBucket } from "../../src/sim/token-bucket.js";
import type { Simulator } from "../../src/sim/types.js";
import { M_NEVER, POOL_A, START, call, startTestSim, trigger } from "./helpers.js";

let sim: Simulator | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

const pools = "/integration/api/pools";

describe("the global rate limit", () => {
  it("sends limit and remaining on every response, then 429 with reset and Retry-After", async () => {
    const started = await startTestSim({ rateLimit: { perSecond: 3 } });
    sim = started.sim;
    const remaining: (string | null)[] = [];
    for (let i = 0; i < 3; i++) {
      const r = await call(sim, "GET", pools);
      expect(r.status).toBe(200);
      expect(r.headers.get("x-ratelimit-limit")).toBe("3");
      remaining.push(r.headers.get("x-ratelimit-remaining"));
    }
    expect(remaining).toEqual(["2", "1", "0"]);

    const refused = await call(sim, "GET", pools);
    expect(refused.status).toBe(429);
    expect(refused.headers.get("x-ratelimit-limit")).toBe("3");
    expect(refused.headers.get("x-ratelimit-remaining")).toBe("0");
    expect(refused.headers.get("x-ratelimit-reset")).toBe("1");
    expect(refused.headers.get("retry-after")).toBe("1");
    expect(refused.json()).toMatchObject({ shortMessage: "Too Many Requests" });
    expect((await trigger(sim, POOL_A, M_NEVER)).status).toBe(429);
    expect(sim.loadsStarted(M_NEVER)).toBe(0);
    expect(sim.stats().rateLimited).toBe(2);

    started.clock.advance(1_000);
    expect((await call(sim, "GET", pools)).status).toBe(200);
  });

  it("counts requests with a bad key too, and their 401 carries the headers", async () => {
    ({ sim } = await startTestSim({ rateLimit: { perSecond: 1 } }));
    const r = await call(sim, "GET", pools, { key: "wrong" });
    expect(r.status).toBe(401);
    expect(r.headers.get("x-ratelimit-remaining")).toBe("0");
    expect((await call(sim, "GET", pools)).status).toBe(429);
  });

  it("can be turned on and off at runtime", async () => {
    ({ sim } = await startTestSim());
    expect((await call(sim, "GET", pools)).headers.get("x-ratelimit-limit")).toBeNull();
    sim.setGlobal({ rateLimit: { perSecond: 1 } });
    expect((await call(sim, "GET", pools)).status).toBe(200);
    expect((await call(sim, "GET", pools)).status).toBe(429);
    sim.setGlobal({ rateLimit: null });
    const r = await call(sim, "GET", pools);
    expect(r.status).toBe(200);
    expect(r.headers.get("x-ratelimit-limit")).toBeNull();
  });
});

describe("TokenBucket", () => {
  it("refills at perSecond up to one second's worth, and tells how long until the next token", () => {
    const bucket = new TokenBucket(2, START);
    expect([bucket.take(START).ok, bucket.take(START).ok, bucket.take(START).ok]).toEqual([true, true, false]);
    expect(bucket.take(START).resetSeconds).toBe(1);
    expect(bucket.take(START + 500).ok).toBe(true);
    expect(bucket.take(START + 10_000).remaining).toBe(1);
  });

  it("waits whole seconds when the rate is below one per second", () => {
    const bucket = new TokenBucket(0.25, START);
    expect(bucket.take(START).ok).toBe(true);
    expect(bucket.take(START)).toMatchObject({ ok: false, resetSeconds: 4 });
    expect(bucket.take(START + 4_000).ok).toBe(true);
  });

  it("does not refill when the clock steps back", () => {
    const bucket = new TokenBucket(1, START);
    bucket.take(START);
    expect(bucket.take(START - 5_000).ok).toBe(false);
  });
});
