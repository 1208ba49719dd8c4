import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import { ApiError } from "../../src/celonis/errors.js";
import { FakeClock } from "./fake-clock.js";
import { BASE, makeClient, MODEL_PATH, REF, rejectionOf, useMswServer } from "./support.js";

const server = useMswServer();
const POOLS = `${BASE}/integration/api/pools`;

/** A handler answering from a script, one entry per request; records the fake time of each. */
function scripted(clock: FakeClock, answers: Array<() => Response>, at: number[] = []) {
  let i = 0;
  return () => {
    at.push(clock.now());
    const answer = answers[Math.min(i++, answers.length - 1)];
    return answer!();
  };
}

const status = (code: number, headers: Record<string, string> = {}) => () => new HttpResponse(null, { status: code, headers });
const okList = () => HttpResponse.json([]);

describe("retrying reads", () => {
  it("retries a 503 until it succeeds, with exponential backoff and full jitter", async () => {
    const clock = new FakeClock();
    server.use(http.get(POOLS, scripted(clock, [status(503), status(503), status(503), okList])));
    const { client, retries } = makeClient({ clock, random: () => 0.5 });
    expect(await client.listPools()).toEqual([]);
    // random 0.5 × min(30 s, 250 ms × 2^(n-1))
    expect(clock.slept).toEqual([125, 250, 500]);
    expect(retries).toEqual([
      { method: "GET", path: "/integration/api/pools", attempt: 1, delayMs: 125, reason: "503 Service Unavailable" },
      { method: "GET", path: "/integration/api/pools", attempt: 2, delayMs: 250, reason: "503 Service Unavailable" },
      { method: "GET", path: "/integration/api/pools", attempt: 3, delayMs: 500, reason: "503 Service Unavailable" },
    ]);
    expect(client.stats()).toEqual({ requests: 4, retries: 3, rateLimited: 0 });
  });

  it("draws each delay from the whole jitter range and caps it at maxDelayMs", async () => {
    const clock = new FakeClock();
    server.use(http.get(POOLS, scripted(clock, [status(502), status(504), status(500), status(503), okList])));
    const draws = [0, 0.999, 1, 1];
    const { client } = makeClient({ clock, random: () => draws.shift() ?? 0, retry: { baseDelayMs: 100, maxDelayMs: 300 } });
    await client.listPools();
    expect(clock.slept).toEqual([0, 199, 300, 300]);
  });

  it("gives up after maxAttempts with a retryable error that says so", async () => {
    const clock = new FakeClock();
    const at: number[] = [];
    server.use(http.get(POOLS, scripted(clock, [status(503)], at)));
    const { client } = makeClient({ clock, retry: { maxAttempts: 3 } });
    const err = (await rejectionOf(client.listPools())) as ApiError;
    expect(err).toMatchObject({ kind: "http", status: 503, retryable: true });
    expect(err.message).toBe("503 Service Unavailable (gave up after 3 attempts)");
    expect(at).toHaveLength(3);
    expect(client.stats()).toEqual({ requests: 3, retries: 2, rateLimited: 0 });
  });

  it("does not retry other 4xx", async () => {
    const clock = new FakeClock();
    const at: number[] = [];
    server.use(http.get(POOLS, scripted(clock, [status(404)], at)));
    const { client } = makeClient({ clock });
    await expect(client.listPools()).rejects.toMatchObject({ status: 404, retryable: false });
    expect(at).toHaveLength(1);
  });

  it("retries a network error", async () => {
    const clock = new FakeClock();
    server.use(http.get(POOLS, scripted(clock, [() => HttpResponse.error(), okList])));
    const { client, retries } = makeClient({ clock });
    expect(await client.listPools()).toEqual([]);
    expect(retries).toEqual([expect.objectContaining({ attempt: 1, reason: "network error" })]);
  });

  it("gives up on network errors after maxAttempts with kind network", async () => {
    const clock = new FakeClock();
    server.use(http.get(POOLS, () => HttpResponse.error()));
    const { client } = makeClient({ clock, retry: { maxAttempts: 2 } });
    const err = (await rejectionOf(client.listPools())) as ApiError;
    expect(err).toMatchObject({ kind: "network", status: null, retryable: true });
    expect(err.message).toBe("GET /integration/api/pools: network error talking to acme.eu-1.celonis.cloud");
    expect(client.stats().requests).toBe(2);
  });

  it("waits as long as Retry-After says, in seconds", async () => {
    const clock = new FakeClock();
    const at: number[] = [];
    server.use(http.get(POOLS, scripted(clock, [status(503, { "retry-after": "7" }), okList], at)));
    const { client, retries } = makeClient({ clock });
    await client.listPools();
    expect(at).toEqual([0, 7000]);
    expect(retries[0]?.delayMs).toBe(7000);
  });

  it("waits until the HTTP date of Retry-After", async () => {
    const start = Date.parse("2026-11-28T17:00:00.000Z");
    const clock = new FakeClock(start);
    const at: number[] = [];
    server.use(http.get(POOLS, scripted(clock, [status(503, { "retry-after": "Sat, 28 Nov 2026 17:00:12 GMT" }), okList], at)));
    const { client } = makeClient({ clock });
    await client.listPools();
    expect(at.map((t) => t - start)).toEqual([0, 12_000]);
  });

  it("caps what the service asks for at maxDelayMs", async () => {
    const clock = new FakeClock();
    const at: number[] = [];
    server.use(http.get(POOLS, scripted(clock, [status(503, { "retry-after": "3600" }), okList], at)));
    const { client } = makeClient({ clock, retry: { maxDelayMs: 2000 } });
    await client.listPools();
    expect(at).toEqual([0, 2000]);
  });

  it("passes retryAfterMs on when it gives up", async () => {
    server.use(http.get(POOLS, status(429, { "retry-after": "4" })));
    const { client } = makeClient({ retry: { maxAttempts: 1 } });
    await expect(client.listPools()).rejects.toMatchObject({ status: 429, retryable: true, retryAfterMs: 4000 });
  });
});

describe("writes are never blindly re-sent", () => {
  const LOAD = `${MODEL_PATH}/load`;

  it.each([
    [500, true],
    [501, true],
    [502, true],
    [503, true],
    [504, true],
    [524, true],
    [400, false],
    [403, false],
  ])("a %i to a trigger is thrown at once (mayHaveReachedServer: %s)", async (code, mayHaveReachedServer) => {
    const clock = new FakeClock();
    const at: number[] = [];
    server.use(http.post(LOAD, scripted(clock, [status(code), status(200)], at)));
    const { client } = makeClient({ clock });
    const err = (await rejectionOf(client.triggerLoad(REF, "full"))) as ApiError;
    expect(err).toMatchObject({ kind: "http", status: code, method: "POST", retryable: false, mayHaveReachedServer });
    expect(at).toHaveLength(1);
  });

  it("a connection lost after sending a trigger is thrown at once with mayHaveReachedServer", async () => {
    const clock = new FakeClock();
    const at: number[] = [];
    server.use(http.post(LOAD, scripted(clock, [() => HttpResponse.error(), status(200)], at)));
    const { client, retries } = makeClient({ clock });
    const err = (await rejectionOf(client.triggerLoad(REF, "cache"))) as ApiError;
    expect(err).toMatchObject({ kind: "network", status: null, method: "POST", retryable: false, mayHaveReachedServer: true });
    expect(err.path).toBe("/integration/api/v1/data-pools/pool-1/data-models/model-1/load?fullReload=false");
    expect(err.message).toMatch(/may have reached the service/);
    expect(at).toHaveLength(1);
    expect(retries).toEqual([]);
  });

  it("a partial reload lost on the way is not re-sent either", async () => {
    const at: number[] = [];
    const clock = new FakeClock();
    server.use(http.post(`${MODEL_PATH}/load/partial-sync`, scripted(clock, [() => HttpResponse.error()], at)));
    const { client } = makeClient({ clock });
    await expect(client.partialSync(REF, ["t1"])).rejects.toMatchObject({ mayHaveReachedServer: true });
    expect(at).toHaveLength(1);
  });

  it("a 429 to a trigger is re-sent after the wait: the service refused it before doing anything", async () => {
    const clock = new FakeClock();
    const at: number[] = [];
    server.use(http.post(LOAD, scripted(clock, [status(429, { "x-ratelimit-reset": "3" }), status(200)], at)));
    const { client } = makeClient({ clock });
    await client.triggerLoad(REF, "full");
    expect(at).toEqual([0, 3000]);
    expect(client.stats()).toEqual({ requests: 2, retries: 1, rateLimited: 1 });
  });

  it("a trigger's 4xx is thrown as is", async () => {
    server.use(http.post(LOAD, status(403)));
    const { client } = makeClient();
    await expect(client.triggerLoad(REF, "full")).rejects.toMatchObject({ status: 403, mayHaveReachedServer: false, retryable: false });
  });

  it("an empty partial reload is refused before anything is sent", async () => {
    const { client } = makeClient();
    await expect(client.partialSync(REF, [])).rejects.toMatchObject({ name: "UserError" });
    expect(client.stats().requests).toBe(0);
  });
});
