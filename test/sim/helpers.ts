// Shared by the simulator's tests: a small tenant, a clock the test moves, and a plain-fetch caller.
import type { Fixture } from "../../src/sim/fixture.js";
import { startSimulator } from "../../src/sim/server.js";
import type { SimOptions, Simulator } from "../../src/sim/types.js";

export const POOL_A = "aaaaaaaa-0000-4000-8000-00000000000a";
export const POOL_B = "bbbbbbbb-0000-4000-8000-00000000000b";
export const M_LOADED = "11111111-0000-4000-8000-000000000001";
export const M_NEVER = "22222222-0000-4000-8000-000000000002";
export const M_FAILED = "33333333-0000-4000-8000-000000000003";
export const M_RUNNING = "44444444-0000-4000-8000-000000000004";
export const M_OTHER = "55555555-0000-4000-8000-000000000005";
export const T_EKKO = "eeee0001-0000-4000-8000-000000000001";
export const T_EKPO = "eeee0002-0000-4000-8000-000000000002";
export const T_LFA1 = "eeee0003-0000-4000-8000-000000000003";
export const LOADED_LOAD_ID = "10ad0001-0000-4000-8000-000000000001";
export const DEFAULT_LOAD_MS = 10_000;

export const testFixture = (): Fixture => ({
  defaults: { loadTime: "10s" },
  pools: [
    {
      id: POOL_A,
      name: "Finance",
      models: [
        {
          id: M_LOADED,
          name: "Purchase to Pay",
          tables: [
            { id: T_EKKO, name: "EKKO", alias: null, dataSourceId: "d5000000-0000-4000-8000-000000000001" },
            { id: T_EKPO, name: "EKPO", alias: "PO Items", dataSourceId: "d5000000-0000-4000-8000-000000000001" },
            { id: T_LFA1, name: "LFA1", alias: "Vendor Master" },
          ],
          lastLoad: { id: LOADED_LOAD_ID, status: "SUCCESS", startedAgo: "2h", took: "10m" },
        },
        { id: M_NEVER, name: "Order to Cash", tables: [{ id: "eeee0004-0000-4000-8000-000000000004", name: "VBAK" }] },
        {
          id: M_FAILED,
          name: "Returns",
          tables: [{ id: "eeee0005-0000-4000-8000-000000000005", name: "RET" }],
          lastLoad: { status: "ERROR", startedAgo: "3h", took: "4m", message: "Table RET: column X missing" },
        },
      ],
    },
    {
      id: POOL_B,
      name: "Logistics",
      models: [
        {
          id: M_RUNNING,
          name: "Shipments",
          tables: [{ id: "eeee0006-0000-4000-8000-000000000006", name: "LIKP", alias: "Deliveries" }],
          lastLoad: { status: "RUNNING", loadType: "FROM_CACHE", startedAgo: "5m", endsIn: "1m", outcome: "WARNING", message: "Some rows rejected" },
        },
        { id: M_OTHER, name: "Inventory", tables: [{ id: "eeee0007-0000-4000-8000-000000000007", name: "MARA" }] },
      ],
    },
  ],
});

export const START = Date.parse("2026-11-28T17:00:00.000Z");

/** A clock that moves only when the test says. */
export function manualClock(start = START): { now: () => number; advance: (ms: number) => void } {
  let t = start;
  return { now: () => t, advance: (ms) => void (t += ms) };
}

export const modelPath = (poolId: string, modelId: string, endpoint: string): string =>
  `/integration/api/v1/data-pools/${poolId}/data-models/${modelId}/${endpoint}`;

export interface Reply {
  status: number;
  headers: Headers;
  text: string;
  json: () => any;
}

export interface CallOptions {
  /** null: no Authorization header. Default: the simulator's key. */
  key?: string | null;
  scheme?: string;
  body?: unknown;
}

export async function call(sim: Simulator, method: string, path: string, opts: CallOptions = {}): Promise<Reply> {
  const key = opts.key === undefined ? sim.key : opts.key;
  const headers: Record<string, string> = {};
  if (key !== null) headers["authorization"] = `${opts.scheme ?? "Bearer"} ${key}`;
  let body: string | undefined;
  if (opts.body !== undefined) {
    headers["content-type"] = "application/json";
    body = typeof opts.body === "string" ? opts.body : JSON.stringify(opts.body);
  }
  const res = await fetch(`${sim.url}${path}`, { method, headers, ...(body !== undefined ? { body } : {}) });
  const text = await res.text();
  return { status: res.status, headers: res.headers, text, json: () => JSON.parse(text) };
}

/** A simulator over the test tenant with a manual clock; closed by the caller. */
export async function startTestSim(opts: SimOptions = {}): Promise<{ sim: Simulator; clock: ReturnType<typeof manualClock> }> {
  const clock = manualClock();
  const sim = await startSimulator({ fixture: testFixture(), now: clock.now, key: "test-key-123", ...opts });
  return { sim, clock };
}

export const lastLoad = (sim: Simulator, poolId: string, modelId: string): Promise<Reply> =>
  call(sim, "GET", modelPath(poolId, modelId, "last-load"));
export const trigger = (sim: Simulator, poolId: string, modelId: string, query = ""): Promise<Reply> =>
  call(sim, "POST", modelPath(poolId, modelId, `load${query}`));
export const partialSync = (sim: Simulator, poolId: string, modelId: string, body: unknown): Promise<Reply> =>
  call(sim, "POST", modelPath(poolId, modelId, "load/partial-sync"), { body });
