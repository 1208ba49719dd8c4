// A watch loop over the in-memory FakeApi, on vitest's fake timers: time moves only when the test
// moves it, so "at the next tick and only then" is checked minute by minute.
import { vi } from "vitest";
import { systemClock } from "../../src/apply/clock.js";
import type { CelonisApi } from "../../src/celonis/api.js";
import type { Manifest, ManifestModel } from "../../src/manifest/types.js";
import { createLogger } from "../../src/watch/log.js";
import { createWatchLoop, type StopReport, type WatchLoop } from "../../src/watch/loop.js";
import { WatchMetrics } from "../../src/watch/metrics.js";
import { FakeApi, type FakeModel } from "../helpers/fake-api.js";
import { manifestModel, manifestOf } from "../helpers/manifest.js";

export const T0 = Date.parse("2026-11-28T12:00:00.000Z");
export const MIN = 60_000;
export const clock = { now: () => Date.now(), sleep: systemClock.sleep };

export interface ModelSpec {
  address: string;
  maxAgeMs?: number;
  over?: Partial<ManifestModel>;
  fake?: Partial<FakeModel>;
}

export interface LogLine {
  time: string;
  level: string;
  msg: string;
  [k: string]: unknown;
}

export interface World {
  api: FakeApi;
  fakes: Map<string, FakeModel>;
  loop: WatchLoop;
  metrics: WatchMetrics;
  lines: LogLine[];
  stop: AbortController;
  running: Promise<StopReport>;
  setManifest(m: Manifest): void;
  /** Moves the fake clock to T0 + ms, running every timer due on the way. */
  at(ms: number): Promise<void>;
  triggers(address: string): number;
}

export function manifestFor(models: ModelSpec[], parallelism = 4): Manifest {
  const manifest = manifestOf(models.map((m) => manifestModel(m.address, { kind: "full" }, { maxAgeMs: m.maxAgeMs ?? 60 * MIN, ...m.over })));
  return { ...manifest, parallelism };
}

const idOf = (address: string) => `model-${address.split("/")[1]}`;

export interface WorldOptions {
  intervalMs?: number;
  maxBackoffMs?: number;
  graceMs?: number;
  parallelism?: number;
  /** Wraps the fake service as the loop sees it. */
  api?: (fake: FakeApi) => CelonisApi;
}

export async function startWorld(models: ModelSpec[], o: WorldOptions = {}): Promise<World> {
  vi.useFakeTimers({ now: T0 });
  const fakes = new Map<string, FakeModel>();
  for (const m of models) {
    const [pool] = m.address.split("/");
    fakes.set(m.address, { poolId: `pool-${pool}`, modelId: idOf(m.address), durationMs: 5_000, ...m.fake });
  }
  const api = new FakeApi([...fakes.values()], () => Date.now());
  let manifest = manifestFor(models, o.parallelism);
  const lines: LogLine[] = [];
  const log = createLogger({ format: "json", write: (l) => void lines.push(JSON.parse(l) as LogLine), now: () => Date.now() });
  const metrics = new WatchMetrics({ now: () => Date.now() });
  const stop = new AbortController();
  const loop = createWatchLoop({
    api: o.api ? o.api(api) : api,
    clock,
    intervalMs: o.intervalMs ?? MIN,
    maxBackoffMs: o.maxBackoffMs ?? 60 * MIN,
    graceMs: o.graceMs ?? 10 * MIN,
    manifest: async () => manifest,
    selection: { select: [], exclude: [] },
    log,
    metrics,
    stop: stop.signal,
    random: () => 0.5,
  });
  const running = loop.run();
  await vi.advanceTimersByTimeAsync(0);
  return {
    api,
    fakes,
    loop,
    metrics,
    lines,
    stop,
    running,
    setManifest: (m) => void (manifest = m),
    at: async (ms) => void (await vi.advanceTimersByTimeAsync(Math.max(0, T0 + ms - Date.now()))),
    triggers: (address) => api.triggers(idOf(address)),
  };
}

/** Ends a world a test started (its loop stopped, its timers run out) and puts real timers back. */
export async function stopWorld(w: World | null): Promise<void> {
  if (w) {
    w.stop.abort();
    await vi.runAllTimersAsync();
    await w.running;
  }
  vi.useRealTimers();
}

/** The minutes (from T0) at which each new trigger of `address` was seen, stepping a minute at a time. */
export async function triggerMinutes(w: World, address: string, untilMinute: number): Promise<number[]> {
  const seen: number[] = [];
  // At T0 the first tick has already run (startWorld flushes it): its triggers are minute 0's.
  let count = Date.now() === T0 ? 0 : w.triggers(address);
  for (let minute = Math.ceil((Date.now() - T0) / MIN); minute <= untilMinute; minute++) {
    await w.at(minute * MIN);
    // A tick's trigger follows its plan reads within the same instant.
    await vi.advanceTimersByTimeAsync(0);
    const now = w.triggers(address);
    for (; count < now; count++) seen.push(minute);
  }
  return seen;
}
