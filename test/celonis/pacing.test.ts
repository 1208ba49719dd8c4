// The client against a service with a token bucket on a fake clock: once the service has told its
// limit, a crowd of requests spends what budget is left, then goes at the limit, and the service
// never has to refuse one.
import { describe, expect, it } from "vitest";
import { createCelonisClient, type FetchFn } from "../../src/celonis/client.js";
import { FakeClock } from "./fake-clock.js";
import { BASE, KEY, REF, until } from "./support.js";

/** A service allowing `perSecond` requests a second, in a bucket of one second's worth. */
function limitedService(clock: FakeClock, perSecond: number) {
  let tokens = perSecond;
  let last = clock.now();
  const sentAt: number[] = [];
  const statuses: number[] = [];
  const fetch: FetchFn = async () => {
    const now = clock.now();
    tokens = Math.min(perSecond, tokens + ((now - last) * perSecond) / 1000);
    last = now;
    sentAt.push(now);
    const ok = tokens >= 1;
    if (ok) tokens -= 1;
    const status = ok ? 200 : 429;
    statuses.push(status);
    const headers = new Headers({ "x-ratelimit-limit": String(perSecond), "x-ratelimit-remaining": String(Math.floor(tokens)) });
    if (!ok) headers.set("x-ratelimit-reset", "1");
    return { status, statusText: "", headers, text: async () => (ok ? "[]" : "") };
  };
  return { fetch, sentAt, statuses };
}

describe("pacing to the service's rate limit", () => {
  it("spends the budget left, then spaces requests at the limit, and sees no 429", async () => {
    const clock = new FakeClock(0, false);
    const service = limitedService(clock, 10);
    const client = createCelonisClient({ baseUrl: BASE, key: KEY, keyType: "USER_KEY", fetch: service.fetch, sleep: clock.sleep, now: clock.now, maxConcurrency: 64 });

    await client.listTables(REF); // the first answer tells the limit: 10/s, 9 left
    let done = 0;
    const crowd = Array.from({ length: 40 }, () => client.listTables(REF).then(() => done++));
    await until(() => clock.pendingSleeps + done === 40, "every request is sent or waits its turn");
    while (done < 40) {
      clock.advance(10);
      await until(() => clock.pendingSleeps + done === 40, "the requests due are answered");
    }
    await Promise.all(crowd);

    expect(service.statuses.filter((s) => s === 429)).toEqual([]);
    expect(client.stats()).toEqual({ requests: 41, retries: 0, rateLimited: 0 });
    // 9 left: 8 go at once (a reserve of 1 is kept), the other 32 one every 100 ms.
    const paced = service.sentAt.slice(9);
    expect(service.sentAt.slice(0, 9)).toEqual(Array(9).fill(0));
    expect(paced).toEqual(Array.from({ length: 32 }, (_, i) => 100 * (i + 1)));
  });

  it("without pacing the same crowd would have been refused: a service that never tells its limit gets the burst", async () => {
    const clock = new FakeClock(0, false);
    const service = limitedService(clock, 10);
    const silent: FetchFn = async (url, init) => {
      const r = await service.fetch(url, init);
      const headers = new Headers();
      if (r.status === 429) headers.set("x-ratelimit-reset", "1");
      return { ...r, headers };
    };
    const client = createCelonisClient({ baseUrl: BASE, key: KEY, keyType: "USER_KEY", fetch: silent, sleep: clock.sleep, now: clock.now, maxConcurrency: 64 });
    let settled = 0;
    const crowd = Array.from({ length: 20 }, () => client.listTables(REF).finally(() => settled++));
    await until(() => service.sentAt.length === 20, "the burst is sent");
    expect(service.statuses.filter((s) => s === 429)).toHaveLength(10);
    clock.advance(60_000);
    await until(() => clock.pendingSleeps + settled === 20, "the retries are sent");
    while (settled < 20) {
      clock.advance(1_000);
      await until(() => clock.pendingSleeps + settled === 20, "the retries are answered");
    }
    await Promise.allSettled(crowd);
  });

  it("a request waiting its turn still waits for a gate a 429 shut meanwhile", async () => {
    const clock = new FakeClock(0, false);
    const sentAt: number[] = [];
    const fetch: FetchFn = async () => {
      sentAt.push(clock.now());
      const n = sentAt.length;
      const headers = new Headers({ "x-ratelimit-limit": "10", "x-ratelimit-remaining": n === 1 || n === 2 ? "0" : "9" });
      if (n === 2) headers.set("x-ratelimit-reset", "5");
      return { status: n === 2 ? 429 : 200, statusText: "", headers, text: async () => (n === 2 ? "" : "[]") };
    };
    const client = createCelonisClient({ baseUrl: BASE, key: KEY, keyType: "USER_KEY", fetch, sleep: clock.sleep, now: clock.now });
    await client.listTables(REF); // 10/s, none left
    let done = 0;
    const both = [client.listTables(REF), client.listTables(REF)].map((p) => p.then(() => done++));
    await until(() => clock.pendingSleeps === 2, "both wait their turn");
    clock.advance(100); // the first goes, and is refused for 5 s
    await until(() => sentAt.length === 2 && clock.pendingSleeps === 2, "the refused one waits for the gate");
    clock.advance(100); // the second's turn: the gate is shut, so it waits on
    await until(() => clock.pendingSleeps === 2, "the second waits for the gate");
    expect(sentAt).toEqual([0, 100]);
    while (done < 2) {
      clock.advance(100);
      await until(() => clock.pendingSleeps + done === 2, "the requests due are answered");
    }
    await Promise.all(both);
    expect(sentAt.slice(2).every((t) => t >= 5_100)).toBe(true);
    expect(client.stats()).toEqual({ requests: 4, retries: 1, rateLimited: 1 });
  });
});
