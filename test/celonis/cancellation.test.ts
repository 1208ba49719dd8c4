import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import { ApiError } from "../../src/celonis/errors.js";
import { FakeClock } from "./fake-clock.js";
import { BASE, makeClient, MODEL_PATH, REF, rejectionOf, until, useMswServer } from "./support.js";

const server = useMswServer();
const POOLS = `${BASE}/integration/api/pools`;
const never = () => new Promise<Response>(() => {});

describe("per-request timeout", () => {
  it("times out a read that gets no answer, retries it, and gives up with kind timeout", async () => {
    let entered = 0;
    server.use(
      http.get(POOLS, () => {
        entered++;
        return never();
      }),
    );
    const { client, retries } = makeClient({ requestTimeoutMs: 20, retry: { maxAttempts: 2 } });
    const err = (await rejectionOf(client.listPools())) as ApiError;
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ kind: "timeout", status: null, retryable: true });
    expect(err.message).toBe("GET /integration/api/pools: no answer from acme.eu-1.celonis.cloud within 20ms");
    expect(entered).toBe(2);
    expect(retries).toEqual([expect.objectContaining({ attempt: 1, reason: "timed out after 20ms" })]);
  });

  it("a timed-out trigger is not re-sent and may have reached the service", async () => {
    let entered = 0;
    server.use(
      http.post(`${MODEL_PATH}/load`, () => {
        entered++;
        return never();
      }),
    );
    const { client } = makeClient({ requestTimeoutMs: 20 });
    const err = (await rejectionOf(client.triggerLoad(REF, "full"))) as ApiError;
    expect(err).toMatchObject({ kind: "timeout", method: "POST", retryable: false, mayHaveReachedServer: true });
    expect(entered).toBe(1);
  });
});

describe("the caller's abort", () => {
  it("rejects a request in flight at once with an AbortError, without retrying", async () => {
    let entered = 0;
    server.use(
      http.get(POOLS, () => {
        entered++;
        return never();
      }),
    );
    const { client } = makeClient();
    const controller = new AbortController();
    const pending = client.listPools({ signal: controller.signal });
    await until(() => entered === 1, "the request reached the handler");
    controller.abort();
    const err = await rejectionOf(pending);
    expect(err).toMatchObject({ name: "AbortError" });
    expect(err).not.toBeInstanceOf(ApiError);
    expect(client.stats()).toEqual({ requests: 1, retries: 0, rateLimited: 0 });
  });

  it("keeps the caller's own reason", async () => {
    server.use(http.get(POOLS, never));
    const { client } = makeClient();
    const controller = new AbortController();
    const reason = new Error("interrupted by user");
    const pending = client.listPools({ signal: controller.signal });
    controller.abort(reason);
    expect(await rejectionOf(pending)).toBe(reason);
  });

  it("ends a backoff wait at once", async () => {
    const clock = new FakeClock(0, false);
    server.use(http.get(POOLS, () => new HttpResponse(null, { status: 503 })));
    const { client } = makeClient({ clock });
    const controller = new AbortController();
    const pending = client.listPools({ signal: controller.signal });
    await until(() => clock.pendingSleeps === 1, "backing off");
    controller.abort();
    expect(await rejectionOf(pending)).toMatchObject({ name: "AbortError" });
    expect(client.stats().requests).toBe(1);
  });

  it("ends the wait at a shut rate-limit gate, even if the injected sleep ignores the signal", async () => {
    let n = 0;
    server.use(http.get(POOLS, () => (n++ === 0 ? new HttpResponse(null, { status: 429, headers: { "x-ratelimit-reset": "60" } }) : HttpResponse.json([]))));
    const { client } = makeClient({ sleep: () => never().then(() => undefined) });
    const controller = new AbortController();
    const pending = client.listPools({ signal: controller.signal });
    await until(() => n === 1, "rate limited");
    controller.abort();
    expect(await rejectionOf(pending)).toMatchObject({ name: "AbortError" });
  });

  it("never sends a request whose signal is already aborted", async () => {
    const { client } = makeClient();
    await expect(client.triggerLoad(REF, "full", { signal: AbortSignal.abort() })).rejects.toMatchObject({ name: "AbortError" });
    expect(client.stats().requests).toBe(0);
  });

  it("leaves the queue for a concurrency slot, and the slot goes to the next caller", async () => {
    const releases: Array<() => void> = [];
    server.use(
      http.get(POOLS, async () => {
        await new Promise<void>((r) => releases.push(r));
        return HttpResponse.json([]);
      }),
    );
    const { client } = makeClient({ maxConcurrency: 1 });
    const first = client.listPools();
    await until(() => releases.length === 1, "first in flight");
    const controller = new AbortController();
    const queued = client.listPools({ signal: controller.signal });
    const third = client.listPools();
    controller.abort();
    expect(await rejectionOf(queued)).toMatchObject({ name: "AbortError" });
    releases[0]!();
    await first;
    await until(() => releases.length === 2, "third in flight");
    releases[1]!();
    await third;
    expect(client.stats().requests).toBe(2);
  });
});

describe("maxConcurrency", () => {
  it("holds requests in flight to the cap across all callers", async () => {
    let inFlight = 0;
    let most = 0;
    const hold = async () => {
      inFlight++;
      most = Math.max(most, inFlight);
      for (let i = 0; i < 5; i++) await new Promise<void>((r) => setImmediate(r));
      inFlight--;
      return HttpResponse.json([]);
    };
    server.use(http.get(POOLS, hold), http.get(`${MODEL_PATH}/tables`, hold), http.get(`${MODEL_PATH}/last-load`, hold));
    const { client } = makeClient({ maxConcurrency: 3 });
    await Promise.all(
      Array.from({ length: 12 }, (_, i) => (i % 3 === 0 ? client.listPools() : i % 3 === 1 ? client.listTables(REF) : client.lastLoad(REF))),
    );
    expect(most).toBe(3);
    expect(client.stats().requests).toBe(12);
  });
});
