import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import { FakeClock } from "./fake-clock.js";
import { BASE, makeClient, MODEL_PATH, REF, until, useMswServer } from "./support.js";

const server = useMswServer();
const POOLS = `${BASE}/integration/api/pools`;

describe("the shared rate-limit gate", () => {
  it("after one 429 with x-ratelimit-reset N, no request of the client is sent before N has passed", async () => {
    const clock = new FakeClock(0, false);
    const sentAt: Array<{ path: string; t: number }> = [];
    let limited = false;
    const record = (path: string) => () => {
      sentAt.push({ path, t: clock.now() });
      if (!limited) {
        limited = true;
        return new HttpResponse(null, { status: 429, headers: { "x-ratelimit-reset": "5" } });
      }
      return HttpResponse.json([]);
    };
    server.use(http.get(POOLS, record("pools")), http.get(`${MODEL_PATH}/tables`, record("tables")), http.get(`${BASE}/integration/api/pools/:p/data-models`, record("models")));
    const { client } = makeClient({ clock });

    const first = client.listPools();
    await until(() => clock.pendingSleeps === 1, "the limited request waits");
    const others = [client.listTables(REF), client.listModels("p1"), client.listPools()];
    await until(() => clock.pendingSleeps === 4, "every new request waits at the gate");
    expect(sentAt).toEqual([{ path: "pools", t: 0 }]);

    clock.advance(4_999);
    expect(clock.pendingSleeps).toBe(4);
    expect(sentAt).toHaveLength(1);

    clock.advance(1);
    await Promise.all([first, ...others]);
    expect(sentAt).toHaveLength(5);
    expect(sentAt.slice(1).every((s) => s.t >= 5_000)).toBe(true);
    expect(client.stats()).toEqual({ requests: 5, retries: 1, rateLimited: 1 });
  });

  it("requests in flight that are limited together all wait for the reset, then go", async () => {
    const clock = new FakeClock(0, true);
    const sentAt: number[] = [];
    server.use(
      http.get(POOLS, () => {
        sentAt.push(clock.now());
        return clock.now() < 2_000 ? new HttpResponse(null, { status: 429, headers: { "x-ratelimit-reset": "2" } }) : HttpResponse.json([]);
      }),
    );
    const { client } = makeClient({ clock });
    await Promise.all([client.listPools(), client.listPools(), client.listPools()]);
    expect(sentAt.filter((t) => t < 2_000)).toEqual([0, 0, 0]);
    expect(sentAt.filter((t) => t >= 2_000)).toHaveLength(3);
    expect(client.stats().rateLimited).toBe(3);
  });

  it("a 429 without a reset header shuts the gate for a backoff delay", async () => {
    const clock = new FakeClock(0, true);
    const sentAt: number[] = [];
    let n = 0;
    server.use(
      http.get(POOLS, () => {
        sentAt.push(clock.now());
        return n++ === 0 ? new HttpResponse(null, { status: 429 }) : HttpResponse.json([]);
      }),
    );
    const { client, retries } = makeClient({ clock, random: () => 1 });
    await client.listPools();
    expect(sentAt).toEqual([0, 250]);
    expect(retries).toEqual([expect.objectContaining({ attempt: 1, delayMs: 250, reason: "429 Too Many Requests" })]);
  });

  it("a success saying the budget is spent (x-ratelimit-remaining: 0) holds the next request until the reset", async () => {
    const clock = new FakeClock(0, true);
    const sentAt: number[] = [];
    server.use(
      http.get(POOLS, () => {
        sentAt.push(clock.now());
        return HttpResponse.json([], { headers: { "x-ratelimit-limit": "20", "x-ratelimit-remaining": sentAt.length === 1 ? "0" : "19", "x-ratelimit-reset": "1" } });
      }),
    );
    const { client } = makeClient({ clock });
    await client.listPools();
    await client.listPools();
    await client.listPools();
    expect(sentAt).toEqual([0, 1_000, 1_000]);
    expect(client.stats()).toEqual({ requests: 3, retries: 0, rateLimited: 0 });
  });

  it("honours Retry-After on a 429 as the gate's reset", async () => {
    const clock = new FakeClock(0, true);
    const sentAt: number[] = [];
    server.use(
      http.get(POOLS, () => {
        sentAt.push(clock.now());
        return sentAt.length === 1 ? new HttpResponse(null, { status: 429, headers: { "retry-after": "9" } }) : HttpResponse.json([]);
      }),
    );
    const { client } = makeClient({ clock });
    await client.listPools();
    expect(sentAt).toEqual([0, 9_000]);
  });
});

describe("the gate with an injected sleep whose clock does not move", () => {
  it("waits once, then goes, instead of spinning", async () => {
    const sleeps: number[] = [];
    let n = 0;
    server.use(http.get(POOLS, () => (n++ === 0 ? new HttpResponse(null, { status: 429, headers: { "x-ratelimit-reset": "30" } }) : HttpResponse.json([]))));
    const { client } = makeClient({ now: () => 1_000, sleep: async (ms) => void sleeps.push(ms) });
    await client.listPools();
    expect(sleeps).toEqual([30_000]);
    expect(n).toBe(2);
  });
});
