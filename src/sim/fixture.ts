// The simulator's tenant file: pools, models, tables, each model's last load (relative to the
// simulator's start, so ages look real) and how its next loads behave.
//
// {
//   "version": 1,
//   "defaults": { "loadTime": "2s" },                       // optional, for every model
//   "pools": [{
//     "id": "…uuid…", "name": "Finance",
//     "models": [{
//       "id": "…uuid…", "name": "Purchase to Pay",
//       "tables": [{ "id": "…uuid…", "name": "EKPO", "alias": "PO Items", "dataSourceId": "…uuid…" }],
//       "lastLoad": { "id": "…uuid…", "status": "ERROR", "loadType": "COMPLETE",
//                     "startedAgo": "29h", "took": "1h2m", "message": "Table RET: column X missing" },
//       "behavior": { "loadTime": "2s", "outcome": "WARNING", "message": "Some rows rejected" }
//     }]
//   }]
// }
//
// Durations are strings like `90s`, `1h2m`, `1d`, or integer milliseconds. `lastLoad` is absent or
// null for a model never loaded. A RUNNING last load has no `took`; it ends `endsIn` after the
// simulator starts (never, when absent) with `outcome` (default SUCCESS). Keys starting with `$`
// (e.g. `$comment`) are ignored.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseDuration } from "../shared/duration.js";
import { UserError } from "../shared/errors.js";
import type { LoadType } from "../shared/types.js";
import { PACKAGE_ROOT } from "../version.js";

/** The demo tenant that `reload.config.yaml` and `examples/` describe. */
export const DEMO_FIXTURE_PATH = join(PACKAGE_ROOT, "examples", "tenant.fixture.json");

/** `"1h2m"`-style duration, or milliseconds. */
export type FixtureDuration = string | number;
export type LoadOutcome = "SUCCESS" | "WARNING" | "ERROR" | "CANCELED";
export const LOAD_OUTCOMES: readonly LoadOutcome[] = ["SUCCESS", "WARNING", "ERROR", "CANCELED"];
const LOAD_TYPES: readonly LoadType[] = ["COMPLETE", "PARTIAL", "FROM_CACHE"];

export interface FixtureBehavior {
  /** How long a new load runs before it ends. */
  loadTime?: FixtureDuration;
  /** How a new load ends (default SUCCESS). */
  outcome?: LoadOutcome;
  message?: string | null;
}

export interface FixtureLastLoad {
  /** Default: a random uuid. */
  id?: string;
  status: LoadOutcome | "RUNNING";
  /** Default COMPLETE. */
  loadType?: LoadType;
  startedAgo: FixtureDuration;
  /** Required unless RUNNING; at most `startedAgo`. */
  took?: FixtureDuration;
  /** RUNNING only: ends this long after the simulator starts; never when absent. */
  endsIn?: FixtureDuration;
  /** RUNNING only: how it ends (default SUCCESS). */
  outcome?: LoadOutcome;
  message?: string | null;
}

export interface FixtureTable {
  id: string;
  name: string;
  alias?: string | null;
  dataSourceId?: string | null;
}

export interface FixtureModel {
  id: string;
  name: string;
  tables: FixtureTable[];
  lastLoad?: FixtureLastLoad | null;
  behavior?: FixtureBehavior;
}

export interface FixturePool {
  id: string;
  name: string;
  models: FixtureModel[];
}

export interface Fixture {
  version?: 1;
  defaults?: FixtureBehavior;
  pools: FixturePool[];
}

/** A fixture that cannot be used: every problem, each with its JSON path. */
export class FixtureError extends UserError {
  override readonly name = "FixtureError";
  constructor(
    readonly source: string,
    readonly problems: readonly string[],
  ) {
    super(
      `invalid simulator fixture ${source}: ${problems.length} problem${problems.length === 1 ? "" : "s"}`,
      `a complete example to start from: ${DEMO_FIXTURE_PATH}`,
      problems,
    );
  }
}

/** Milliseconds of a duration that `parseFixture` accepted. */
export function fixtureDurationMs(d: FixtureDuration): number {
  return typeof d === "number" ? d : (parseDuration(d) ?? 0);
}

/** Reads and checks a fixture file. Throws FixtureError (never a stack-worthy error) on any problem. */
export function loadFixture(path: string): Fixture {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new FixtureError(path, [code === "ENOENT" ? "file not found" : `cannot read it (${code ?? "unknown error"})`]);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new FixtureError(path, [`not valid JSON: ${(err as Error).message}`]);
  }
  return parseFixture(raw, path);
}

type Obj = Record<string, unknown>;

/** Checks a parsed fixture and returns it typed. Throws FixtureError listing every problem. */
export function parseFixture(raw: unknown, source = "(fixture)"): Fixture {
  const problems: string[] = [];
  const seenIds = new Map<string, string>();
  const at = (path: string, message: string): void => {
    problems.push(`${path || "(root)"}: ${message}`);
  };

  const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);
  const object = (v: unknown, path: string, keys: readonly string[]): Obj | null => {
    if (!isObj(v)) {
      at(path, "must be an object");
      return null;
    }
    for (const k of Object.keys(v)) {
      if (!k.startsWith("$") && !keys.includes(k)) at(join2(path, k), `unknown key; expected one of ${keys.join(", ")}`);
    }
    return v;
  };
  const text = (o: Obj, key: string, path: string, required: boolean): void => {
    const v = o[key];
    if (v === undefined && !required) return;
    if (typeof v !== "string" || v.trim() === "") at(join2(path, key), "must be a non-empty string");
  };
  const nullableText = (o: Obj, key: string, path: string): void => {
    const v = o[key];
    if (v !== undefined && v !== null && typeof v !== "string") at(join2(path, key), "must be a string or null");
  };
  const duration = (o: Obj, key: string, path: string, required: boolean): number | null => {
    const v = o[key];
    if (v === undefined) {
      if (required) at(join2(path, key), 'is required (a duration like "1h2m", or milliseconds)');
      return null;
    }
    if (typeof v === "number" && Number.isInteger(v) && v >= 0) return v;
    if (typeof v === "string" && parseDuration(v) !== null) return parseDuration(v);
    at(join2(path, key), `must be a duration like "90s" or "1h2m", or milliseconds; got ${JSON.stringify(v)}`);
    return null;
  };
  const oneOf = (o: Obj, key: string, path: string, allowed: readonly string[]): void => {
    const v = o[key];
    if (v !== undefined && (typeof v !== "string" || !allowed.includes(v))) {
      at(join2(path, key), `must be one of ${allowed.join(", ")}; got ${JSON.stringify(v)}`);
    }
  };
  const uniqueId = (o: Obj, path: string, what: string): void => {
    text(o, "id", path, true);
    const id = o["id"];
    if (typeof id !== "string" || id.trim() === "") return;
    const previous = seenIds.get(id);
    if (previous !== undefined) at(join2(path, "id"), `${what} id ${id} is already used at ${previous}`);
    else seenIds.set(id, join2(path, "id"));
  };
  const array = (o: Obj, key: string, path: string): unknown[] => {
    const v = o[key];
    if (!Array.isArray(v)) {
      at(join2(path, key), "must be an array");
      return [];
    }
    return v;
  };
  const behavior = (v: unknown, path: string): void => {
    const o = object(v, path, ["loadTime", "outcome", "message"]);
    if (!o) return;
    duration(o, "loadTime", path, false);
    oneOf(o, "outcome", path, LOAD_OUTCOMES);
    nullableText(o, "message", path);
  };
  const lastLoad = (v: unknown, path: string): void => {
    if (v === null || v === undefined) return;
    const o = object(v, path, ["id", "status", "loadType", "startedAgo", "took", "endsIn", "outcome", "message"]);
    if (!o) return;
    if (o["id"] !== undefined) uniqueId(o, path, "load");
    oneOf(o, "status", path, [...LOAD_OUTCOMES, "RUNNING"]);
    if (o["status"] === undefined) at(join2(path, "status"), "is required");
    oneOf(o, "loadType", path, LOAD_TYPES);
    nullableText(o, "message", path);
    const ago = duration(o, "startedAgo", path, true);
    if (o["status"] === "RUNNING") {
      if (o["took"] !== undefined) at(join2(path, "took"), "a RUNNING load has not ended: use endsIn (from the simulator's start)");
      duration(o, "endsIn", path, false);
      oneOf(o, "outcome", path, LOAD_OUTCOMES);
    } else {
      if (o["endsIn"] !== undefined) at(join2(path, "endsIn"), "only for a RUNNING load; an ended load has took");
      if (o["outcome"] !== undefined) at(join2(path, "outcome"), "only for a RUNNING load; an ended load's outcome is its status");
      const took = duration(o, "took", path, true);
      if (ago !== null && took !== null && took > ago) at(join2(path, "took"), "cannot be longer than startedAgo (the load would end in the future)");
    }
  };

  const root = object(raw, "", ["version", "defaults", "pools"]);
  if (root) {
    if (root["version"] !== undefined && root["version"] !== 1) at("version", `must be 1; got ${JSON.stringify(root["version"])}`);
    if (root["defaults"] !== undefined) behavior(root["defaults"], "defaults");
    const pools = array(root, "pools", "");
    if (Array.isArray(root["pools"]) && pools.length === 0) at("pools", "must list at least one pool");
    pools.forEach((p, pi) => {
      const pPath = `pools[${pi}]`;
      const pool = object(p, pPath, ["id", "name", "models"]);
      if (!pool) return;
      uniqueId(pool, pPath, "pool");
      text(pool, "name", pPath, true);
      array(pool, "models", pPath).forEach((m, mi) => {
        const mPath = `${pPath}.models[${mi}]`;
        const model = object(m, mPath, ["id", "name", "tables", "lastLoad", "behavior"]);
        if (!model) return;
        uniqueId(model, mPath, "data model");
        text(model, "name", mPath, true);
        array(model, "tables", mPath).forEach((t, ti) => {
          const tPath = `${mPath}.tables[${ti}]`;
          const table = object(t, tPath, ["id", "name", "alias", "dataSourceId"]);
          if (!table) return;
          uniqueId(table, tPath, "table");
          text(table, "name", tPath, true);
          nullableText(table, "alias", tPath);
          nullableText(table, "dataSourceId", tPath);
          if (typeof table["alias"] === "string" && table["alias"].trim() === "") at(join2(tPath, "alias"), "must be null or a non-empty string");
        });
        lastLoad(model["lastLoad"], join2(mPath, "lastLoad"));
        if (model["behavior"] !== undefined) behavior(model["behavior"], join2(mPath, "behavior"));
      });
    });
  }
  if (problems.length > 0) throw new FixtureError(source, problems);
  return raw as Fixture;
}

function join2(path: string, key: string): string {
  return path === "" ? key : `${path}.${key}`;
}
