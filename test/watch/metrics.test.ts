import { afterEach, describe, expect, it, vi } from "vitest";
import { WatchMetrics } from "../../src/watch/metrics.js";
import { Exposition, HAS_PROMTOOL, promtoolProblems } from "./exposition.js";
import { MIN, T0, startWorld, stopWorld, type World } from "./support.js";

let world: World | null = null;
afterEach(async () => {
  await stopWorld(world);
  world = null;
});

const scrape = async (m: WatchMetrics) => new Exposition((await m.expose()).text);
const GOOD = { address: "fin/good", pool: "fin" };
const BAD = { address: "fin/bad", pool: "fin" };

describe("watch metrics", () => {
  it("change as loads start and end, and freshness follows the clock at each scrape", async () => {
    world = await startWorld(
      [
        { address: "fin/good", maxAgeMs: 10 * MIN, fake: { durationMs: 30_000 } },
        { address: "fin/bad", maxAgeMs: 10 * MIN, fake: { durationMs: 60_000, outcome: "ERROR" } },
      ],
      { intervalMs: 15 * MIN },
    );
    let e = await scrape(world.metrics);
    expect(e.value("reloadctl_model_loads_started_total", GOOD)).toBe(1);
    expect(e.value("reloadctl_model_load_in_flight", GOOD)).toBe(1);
    expect(e.value("reloadctl_model_loads_succeeded_total", GOOD)).toBe(0);
    expect(e.value("reloadctl_model_within_max_age", GOOD)).toBe(0);
    expect(e.sample("reloadctl_model_last_success_timestamp_seconds", GOOD)).toBeUndefined();
    expect(e.value("reloadctl_model_max_age_seconds", GOOD)).toBe(600);
    expect(e.sample("reloadctl_tick_duration_seconds")?.count).toBe(1);
    expect(e.value("reloadctl_ticks_total", { result: "ok" })).toBe(1);

    await world.at(45_000); // the good load has ended (30 s), the bad one not (60 s)
    e = await scrape(world.metrics);
    const ended = world.lines.find((l) => l.msg === "load ended" && l.address === GOOD.address)!;
    expect(e.value("reloadctl_model_loads_succeeded_total", GOOD)).toBe(1);
    expect(e.value("reloadctl_model_load_in_flight", GOOD)).toBe(0);
    expect(e.value("reloadctl_model_last_result", { ...GOOD, result: "succeeded" })).toBe(1);
    expect(e.value("reloadctl_model_last_result", { ...GOOD, result: "failed" })).toBe(0);
    expect(e.value("reloadctl_model_last_success_timestamp_seconds", GOOD)).toBe(Date.parse(ended.time) / 1000);
    expect(e.value("reloadctl_model_within_max_age", GOOD)).toBe(1);
    expect(e.sample("reloadctl_model_load_duration_seconds", { ...GOOD, result: "succeeded" })).toMatchObject({ count: 1, sum: Number(ended.durationMs) / 1000 });
    expect(e.value("reloadctl_model_load_in_flight", BAD)).toBe(1);
    expect(e.sample("reloadctl_model_last_result", BAD)).toBeUndefined();

    await world.at(2 * MIN);
    e = await scrape(world.metrics);
    expect(e.value("reloadctl_model_loads_failed_total", BAD)).toBe(1);
    expect(e.value("reloadctl_model_last_result", { ...BAD, result: "failed" })).toBe(1);
    expect(e.value("reloadctl_model_within_max_age", BAD)).toBe(0);
    expect(e.sample("reloadctl_model_load_duration_seconds", { ...BAD, result: "failed" })?.count).toBe(1);

    // No tick between 10m30s (the good load is stale) and 15m: the gauge says so at the scrape.
    await world.at(12 * MIN);
    expect((await scrape(world.metrics)).value("reloadctl_model_within_max_age", GOOD)).toBe(0);
    // The 15m tick read the service's own end date of the load watch verified: it now says that.
    await world.at(15 * MIN + 10_000);
    e = await scrape(world.metrics);
    expect(e.value("reloadctl_model_last_success_timestamp_seconds", GOOD)).toBe((T0 + 30_000) / 1000);
    expect(Date.parse(ended.time)).toBeGreaterThan(T0 + 30_000);
    await world.at(15 * MIN + 45_000);
    e = await scrape(world.metrics);
    expect(e.value("reloadctl_model_loads_started_total", GOOD)).toBe(2);
    expect(e.value("reloadctl_model_within_max_age", GOOD)).toBe(1);
  });

  it("count API requests and 429s from the client's totals, and drop the series of a model that left the manifest", async () => {
    const totals = { requests: 0, rateLimited: 0 };
    const m = new WatchMetrics({ now: () => T0, apiCounts: () => totals });
    m.setModels([GOOD].map((x) => ({ ...x, maxAgeMs: MIN })).concat([{ ...BAD, maxAgeMs: MIN }]));
    totals.requests = 7;
    totals.rateLimited = 2;
    let e = await scrape(m);
    expect([e.value("reloadctl_api_requests_total"), e.value("reloadctl_api_rate_limited_total")]).toEqual([7, 2]);
    totals.requests = 10;
    e = await scrape(m);
    expect([e.value("reloadctl_api_requests_total"), e.value("reloadctl_api_rate_limited_total")]).toEqual([10, 2]);
    expect(e.type("reloadctl_api_requests_total")).toBe("COUNTER");

    m.loadStarted(BAD.address, BAD.pool);
    m.loadEnded(BAD.address, BAD.pool, "failed", 1_000);
    m.setModels([{ ...GOOD, maxAgeMs: MIN }]);
    e = await scrape(m);
    expect(e.text).not.toContain(BAD.address);
    expect(e.value("reloadctl_model_loads_started_total", GOOD)).toBe(0);
  });

  it("parse as the Prometheus text format, with the types and names Prometheus expects", async () => {
    const m = new WatchMetrics({ now: () => T0, apiCounts: () => ({ requests: 3, rateLimited: 1 }) });
    m.setModels([{ ...GOOD, maxAgeMs: MIN }]);
    m.loadStarted(GOOD.address, GOOD.pool);
    m.loadEnded(GOOD.address, GOOD.pool, "succeeded", 42_000);
    m.sawSuccess(GOOD.address, T0 - 1_000);
    m.tickEnded(120, true);
    const e = await scrape(m);
    const types = Object.fromEntries([...e.families.values()].map((f) => [f.name, f.type]));
    expect(types).toEqual({
      reloadctl_build_info: "GAUGE",
      reloadctl_model_last_success_timestamp_seconds: "GAUGE",
      reloadctl_model_max_age_seconds: "GAUGE",
      reloadctl_model_within_max_age: "GAUGE",
      reloadctl_model_last_result: "GAUGE",
      reloadctl_model_load_in_flight: "GAUGE",
      reloadctl_model_load_duration_seconds: "HISTOGRAM",
      reloadctl_model_loads_started_total: "COUNTER",
      reloadctl_model_loads_succeeded_total: "COUNTER",
      reloadctl_model_loads_failed_total: "COUNTER",
      reloadctl_tick_duration_seconds: "HISTOGRAM",
      reloadctl_ticks_total: "COUNTER",
      reloadctl_api_requests_total: "COUNTER",
      reloadctl_api_rate_limited_total: "COUNTER",
    });
    for (const f of e.families.values()) expect(f.help, f.name).not.toBe("");
    expect(e.value("reloadctl_model_within_max_age", GOOD)).toBe(1);
  });

  it.skipIf(!HAS_PROMTOOL)("pass `promtool check metrics`", async () => {
    const m = new WatchMetrics({ now: () => T0, apiCounts: () => ({ requests: 3, rateLimited: 1 }) });
    m.setModels([
      { ...GOOD, maxAgeMs: MIN },
      { ...BAD, maxAgeMs: MIN },
    ]);
    m.loadStarted(GOOD.address, GOOD.pool);
    m.loadEnded(GOOD.address, GOOD.pool, "succeeded", 42_000);
    m.loadStarted(BAD.address, BAD.pool);
    m.loadEnded(BAD.address, BAD.pool, "timed_out", 7_200_000);
    m.sawSuccess(GOOD.address, T0 - 1_000);
    m.tickEnded(120, true);
    expect(promtoolProblems((await m.expose()).text)).toBe("");
  });
});
