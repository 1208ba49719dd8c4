// The embedded Celonis simulator: a loopback node:http server speaking the documented endpoints
// over an in-memory tenant, with faults to inject and counters to read. It imports nothing from
// the client so that it stays an honest stand-in for the real service.
import { createHash, randomBytes, randomUUID, timingSafeEqual } from "node:crypto";
import { setMaxListeners } from "node:events";
import { UserError } from "../shared/errors.js";
import { type IncomingMessage, type ServerResponse, createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { performance } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import type { LoadType } from "../shared/types.js";
import {
  type ErrorAnswer,
  answerForStatus,
  badRequest,
  echoingKey,
  invalidAttributes,
  loadAlreadyRunning,
  methodNotAllowed,
  notFound,
  serverError,
  tooManyRequests,
  unauthorized,
} from "./error-bodies.js";
import { DEMO_FIXTURE_PATH, type LoadOutcome, loadFixture, parseFixture } from "./fixture.js";
import { Instrumentation } from "./instrumentation.js";
import { createPrng } from "./prng.js";
import { ROUTE_METHOD, type Route, matchRoute } from "./routes.js";
import { type SimLoad, type SimModel, Tenant, lastLoadBody } from "./tenant.js";
import { TokenBucket } from "./token-bucket.js";
import type { GlobalSettings, ModelFault, RequestLogEntry, SimOptions, Simulator } from "./types.js";

export type {
  GlobalSettings,
  LoadRecord,
  ModelFault,
  RequestLogEntry,
  SimOptions,
  SimStats,
  Simulator,
  TenantSummary,
} from "./types.js";
export type { Fixture } from "./fixture.js";
export { DEMO_FIXTURE_PATH, FixtureError, loadFixture, parseFixture } from "./fixture.js";

/** A new load's run time when neither options, fault nor fixture say. */
export const DEFAULT_LOAD_DURATION_MS = 2_000;
const MAX_BODY_BYTES = 1 << 20;
const SERVER_ERRORS = [500, 502, 503] as const;
const ERROR_COLUMNS = ["MANDT", "BUKRS", "WAERS", "ERDAT", "LIFNR", "X"] as const;

type Answer = ErrorAnswer | { drop: true };
const ok = (body: unknown): ErrorAnswer =>
  body === undefined
    ? { status: 200, body: "", contentType: "application/json" }
    : { status: 200, body: JSON.stringify(body), contentType: "application/json" };
const NO_CONTENT: ErrorAnswer = { status: 204, body: "", contentType: "application/json" };

interface Settings {
  latencyMs: number;
  errorRate5xx: number;
  triggerErrorRate5xx: number;
  dropRate: number;
  failRate: number;
  warnRate: number;
  hangRate: number;
}
const RATE_KEYS = ["errorRate5xx", "triggerErrorRate5xx", "dropRate", "failRate", "warnRate", "hangRate"] as const;

export async function startSimulator(opts: SimOptions = {}): Promise<Simulator> {
  const now = opts.now ?? Date.now;
  const fixture =
    typeof opts.fixture === "object" ? parseFixture(opts.fixture) : loadFixture(opts.fixture ?? DEMO_FIXTURE_PATH);
  const tenant = new Tenant(fixture, now());
  if (opts.pageSize !== undefined && !(Number.isInteger(opts.pageSize) && opts.pageSize >= 1)) {
    throw new RangeError(`pageSize must be a whole number of at least 1; got ${opts.pageSize}`);
  }
  const key = opts.key ?? randomBytes(24).toString("base64url");
  if (!/^\S+$/.test(key)) throw new RangeError("the simulator's key must be non-empty and without spaces");
  const keyDigest = digest(key);
  const prng = createPrng(opts.seed ?? 1);
  const stats = new Instrumentation();
  const faults = new Map<string, ModelFault>();
  /** Models whose slowReadsMs fault is armed (by a trigger). */
  const slowReads = new Set<string>();
  const settings: Settings = { latencyMs: 0, errorRate5xx: 0, triggerErrorRate5xx: 0, dropRate: 0, failRate: 0, warnRate: 0, hangRate: 0 };
  let bucket: TokenBucket | null = null;
  const closing = new AbortController();
  setMaxListeners(0, closing.signal); // every request waiting out its latency listens on it

  function setGlobal(g: GlobalSettings): void {
    for (const k of RATE_KEYS) {
      const v = g[k];
      if (v === undefined) continue;
      if (!(v >= 0 && v <= 1)) throw new RangeError(`${k} must be between 0 and 1; got ${v}`);
      settings[k] = v;
    }
    if (g.latencyMs !== undefined) {
      if (!(g.latencyMs >= 0)) throw new RangeError(`latencyMs must be 0 or more; got ${g.latencyMs}`);
      settings.latencyMs = g.latencyMs;
    }
    if (g.rateLimit !== undefined) bucket = g.rateLimit === null ? null : new TokenBucket(g.rateLimit.perSecond, now());
  }

  function setFault(modelId: string, fault: ModelFault | null): void {
    if (!tenant.model(modelId)) throw new UserError(`the simulator has no data model ${modelId}`, "--fault takes a data model id from the fixture");
    slowReads.delete(modelId);
    if (fault === null) faults.delete(modelId);
    else faults.set(modelId, { ...fault });
  }

  setGlobal(opts.global ?? {});
  setGlobal({
    ...(opts.latencyMs !== undefined ? { latencyMs: opts.latencyMs } : {}),
    ...(opts.rateLimit !== undefined ? { rateLimit: opts.rateLimit } : {}),
  });
  for (const [modelId, fault] of Object.entries(opts.faults ?? {})) setFault(modelId, fault);

  /** A bare array, or with `pageSize` one page of it in an envelope. */
  function listing(items: unknown[], query: URLSearchParams): ErrorAnswer {
    const size = opts.pageSize;
    if (size === undefined) return ok(items);
    const raw = query.get("page") ?? "0";
    const page = /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
    if (!Number.isSafeInteger(page)) return badRequest(`page must be a whole number from 0; got "${raw}".`, "INVALID_PARAMETER");
    const totalPages = Math.ceil(items.length / size);
    return ok({ content: items.slice(page * size, (page + 1) * size), page, pageSize: size, totalCount: items.length, totalPages });
  }

  function authorized(header: string | undefined): boolean {
    const m = /^(?:Bearer|AppKey)\s+(\S+)\s*$/i.exec(header ?? "");
    return m !== null && timingSafeEqual(digest(m[1] ?? ""), keyDigest);
  }

  function defaultMessage(outcome: LoadOutcome, model: SimModel): string | null {
    const table = (): string => prng.pick(model.tables)?.name ?? "UNKNOWN";
    switch (outcome) {
      case "SUCCESS":
        return null;
      case "ERROR":
        return `Table ${table()}: column ${prng.pick(ERROR_COLUMNS) ?? "X"} missing`;
      case "WARNING":
        return `Some rows rejected: ${1 + Math.floor(prng.next() * 500)} rows of table ${table()} have duplicate keys`;
      case "CANCELED":
        return "The load was canceled by a user.";
    }
  }

  /** A fault wins, then the random rates, then the fixture's behaviour for the model, then its defaults. */
  function outcomeOf(model: SimModel, fault: ModelFault | undefined): { outcome: LoadOutcome; message: string | null } {
    const planned: { outcome: LoadOutcome; message: string | null } = fault?.outcome
      ? { outcome: fault.outcome, message: null }
      : prng.chance(settings.failRate)
        ? { outcome: "ERROR", message: null }
        : prng.chance(settings.warnRate)
          ? { outcome: "WARNING", message: null }
          : model.behavior.outcome
            ? { outcome: model.behavior.outcome, message: model.behavior.message }
            : { outcome: tenant.defaults.outcome ?? "SUCCESS", message: tenant.defaults.message };
    return { outcome: planned.outcome, message: fault?.message ?? planned.message ?? defaultMessage(planned.outcome, model) };
  }

  function startLoad(model: SimModel, loadType: LoadType, tableIds: string[] | null, fault: ModelFault | undefined): SimLoad {
    const t = now();
    const hang = fault?.hang === true || prng.chance(settings.hangRate);
    const durationMs = hang
      ? null
      : (fault?.loadDurationMs ?? opts.loadDurationMs ?? model.behavior.loadTimeMs ?? tenant.defaults.loadTimeMs ?? DEFAULT_LOAD_DURATION_MS);
    const load: SimLoad = {
      id: randomUUID(),
      poolId: model.poolId,
      modelId: model.id,
      loadType,
      tableIds,
      startMs: t,
      durationMs,
      ...outcomeOf(model, fault),
      appearAtMs: t + (fault?.appearDelayMs ?? 0),
    };
    tenant.addLoad(load);
    stats.loadStarted(
      { loadId: load.id, poolId: load.poolId, modelId: load.modelId, loadType, tableIds, startedAt: t },
      tenant.runningCounts(model.poolId, t),
    );
    return load;
  }

  function partialTableIds(model: SimModel, body: string): string[] | ErrorAnswer {
    let ids: unknown;
    try {
      ids = JSON.parse(body);
    } catch {
      ids = undefined;
    }
    if (!Array.isArray(ids) || ids.some((id) => typeof id !== "string")) {
      return badRequest('The request body must be a JSON array of table ids, e.g. ["id1","id2"].', "INVALID_REQUEST_BODY");
    }
    if (ids.length === 0) {
      return invalidAttributes([{ attribute: "tableIds", error: "At least one table id is required.", errorCode: "EMPTY_TABLE_LIST" }]);
    }
    const unknown = (ids as string[]).flatMap((id, i) =>
      model.tableIds.has(id)
        ? []
        : [{ attribute: `tableIds[${i}]`, error: `Table ${id} does not exist in data model ${model.id}.`, errorCode: "TABLE_NOT_FOUND" }],
    );
    return unknown.length > 0 ? invalidAttributes(unknown) : (ids as string[]);
  }

  function trigger(model: SimModel, route: Route, query: URLSearchParams, body: string, fault: ModelFault | undefined): Answer {
    if (fault?.slowReadsMs !== undefined) slowReads.add(model.id);
    if (fault?.triggerStatus !== undefined) {
      const status = fault.triggerStatus;
      delete fault.triggerStatus;
      return answerForStatus(status, model.id);
    }
    if (prng.chance(settings.triggerErrorRate5xx)) return serverError(prng.pick(SERVER_ERRORS) ?? 500);
    if (fault?.olderLoadMs !== undefined) {
      const olderMs = fault.olderLoadMs;
      delete fault.olderLoadMs;
      showOlderLoad(model, olderMs);
      return ok(undefined);
    }
    let loadType: LoadType;
    let tableIds: string[] | null = null;
    if (route.kind === "partial-sync") {
      const ids = partialTableIds(model, body);
      if (!Array.isArray(ids)) return ids;
      loadType = "PARTIAL";
      tableIds = ids;
    } else {
      const full = query.get("fullReload");
      if (full !== null && full !== "true" && full !== "false") {
        return badRequest(`fullReload must be true or false; got "${full}".`, "INVALID_PARAMETER");
      }
      loadType = full === "false" ? "FROM_CACHE" : "COMPLETE";
    }
    const running = tenant.runningLoad(model, now());
    if (running) return loadAlreadyRunning(409, model.id, running.id);
    startLoad(model, loadType, tableIds, fault);
    if (fault?.triggerStartedStatus !== undefined) {
      const status = fault.triggerStartedStatus;
      delete fault.triggerStartedStatus;
      return answerForStatus(status, model.id);
    }
    if (fault?.dropAfterTrigger) {
      delete fault.dropAfterTrigger;
      return { drop: true };
    }
    return prng.chance(settings.dropRate) ? { drop: true } : ok(undefined);
  }

  /** A finished load with a new id that started `olderMs` before now, shown by last-load from now on; no load runs. */
  function showOlderLoad(model: SimModel, olderMs: number): void {
    const t = now();
    const durationMs = Math.min(olderMs / 2, 10 * 60_000);
    tenant.addLoad({
      id: randomUUID(),
      poolId: model.poolId,
      modelId: model.id,
      loadType: "COMPLETE",
      tableIds: null,
      startMs: t - olderMs,
      durationMs,
      outcome: "SUCCESS",
      message: null,
      appearAtMs: t,
    });
  }

  /** Decides the answer; synchronous, so concurrent triggers of one model cannot interleave. */
  function answer(req: IncomingMessage, res: ServerResponse, route: Route | null, pathname: string, query: URLSearchParams, body: string): Answer {
    if (bucket) {
      const taken = bucket.take(now());
      res.setHeader("x-ratelimit-limit", String(taken.limit));
      res.setHeader("x-ratelimit-remaining", String(taken.remaining));
      if (!taken.ok) return tooManyRequests(taken.resetSeconds);
    }
    if (!authorized(req.headers.authorization)) return unauthorized();
    if (prng.chance(settings.errorRate5xx)) return serverError(prng.pick(SERVER_ERRORS) ?? 500);
    if (!route) return notFound(`No endpoint ${pathname}`);
    const method = req.method ?? "GET";
    if (ROUTE_METHOD[route.kind] !== method) return methodNotAllowed([ROUTE_METHOD[route.kind]]);
    if (route.kind === "pools") return listing(tenant.pools.map((p) => ({ id: p.id, name: p.name })), query);

    const pool = tenant.pool(route.poolId);
    if (!pool) return notFound(`Data pool ${route.poolId} not found`, "DATA_POOL_NOT_FOUND");
    if (route.kind === "models") return listing(pool.models.map((m) => ({ id: m.id, name: m.name, poolId: pool.id })), query);

    const model = tenant.model(route.modelId);
    if (!model || model.poolId !== pool.id) {
      return notFound(`Data model ${route.modelId} not found in data pool ${pool.id}`, "DATA_MODEL_NOT_FOUND");
    }
    const fault = faults.get(model.id);
    if (fault?.rateLimitHeader !== undefined) {
      res.setHeader("x-ratelimit-limit", fault.rateLimitHeader);
      res.setHeader("x-ratelimit-remaining", "0");
    }
    if (fault?.echoKeyTimes !== undefined && fault.echoKeyTimes > 0) {
      fault.echoKeyTimes--;
      return echoingKey(fault.echoKeyStatus ?? 400, req.headers.authorization ?? "");
    }
    if (fault?.status429Times !== undefined && fault.status429Times > 0) {
      fault.status429Times--;
      return tooManyRequests(fault.retryAfterSeconds ?? 1);
    }
    if (fault?.errorTimes !== undefined && fault.errorTimes > 0) {
      fault.errorTimes--;
      return answerForStatus(fault.errorStatus ?? 503, model.id);
    }
    switch (route.kind) {
      case "tables":
        return ok(model.tables);
      case "last-load": {
        const t = now();
        const load = tenant.visibleLastLoad(model, t);
        return load ? ok(lastLoadBody(load, t)) : NO_CONTENT;
      }
      case "load":
      case "partial-sync":
        return trigger(model, route, query, body, fault);
    }
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const arrivedAt = now();
    const t0 = performance.now();
    const method = req.method ?? "GET";
    const target = req.url ?? "/";
    const q = target.indexOf("?");
    const pathname = q < 0 ? target : target.slice(0, q);
    const query = new URLSearchParams(q < 0 ? "" : target.slice(q + 1));
    const route = matchRoute(pathname);
    const modelId = route && "modelId" in route ? route.modelId : null;

    stats.requestStarted();
    res.once("close", () => {
      const entry: RequestLogEntry = {
        method,
        path: target,
        status: res.writableFinished ? res.statusCode : null,
        at: arrivedAt,
        durationMs: performance.now() - t0,
        modelId,
      };
      stats.requestEnded(entry);
      opts.onRequest?.(entry);
    });

    const read = await readBody(req);
    if (read === "aborted") {
      res.destroy();
      return;
    }
    if (read === "too-large") {
      send(res, { status: 413, body: "", contentType: "application/json", headers: { connection: "close" } });
      return;
    }
    const modelFault = modelId ? faults.get(modelId) : undefined;
    const slowRead = route?.kind === "last-load" && modelId !== null && slowReads.has(modelId) ? (modelFault?.slowReadsMs ?? 0) : 0;
    const latency = settings.latencyMs + (modelFault?.latencyMs ?? 0) + slowRead;
    if (latency > 0) {
      try {
        await sleep(latency, undefined, { signal: closing.signal });
      } catch {
        res.destroy();
        return;
      }
    }
    const result = answer(req, res, route, pathname, query, read.text);
    if ("drop" in result) {
      stats.connectionDropped();
      res.destroy();
      return;
    }
    send(res, result);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (res.headersSent) res.destroy();
      else send(res, serverError(500));
      // A bug in the simulator must be visible to whoever runs it, but must not take it down.
      process.emitWarning(`reloadctl sim: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port ?? 0, opts.host ?? "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const host = address.family === "IPv6" ? `[${address.address}]` : address.address;

  return {
    url: `http://${host}:${address.port}`,
    key,
    tenant: tenant.summary(),
    close: () =>
      new Promise<void>((resolve) => {
        closing.abort();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
    setFault,
    setGlobal,
    rename: (id, name) => {
      if (!tenant.rename(id, name)) throw new UserError(`the simulator has no pool or data model ${id}`);
    },
    stats: () => stats.snapshot(),
    resetStats: () => stats.reset(),
    loadsStarted: (modelId) => stats.loadsStarted(modelId),
  };
}

function digest(text: string): Buffer {
  return createHash("sha256").update(text).digest();
}

/** The whole body as text, unless it is larger than the simulator accepts or the client went away. */
async function readBody(req: IncomingMessage): Promise<{ text: string } | "too-large" | "aborted"> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of req as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) return "too-large";
      chunks.push(chunk);
    }
  } catch {
    return "aborted";
  }
  return { text: Buffer.concat(chunks).toString("utf8") };
}

function send(res: ServerResponse, a: ErrorAnswer): void {
  const headers: Record<string, string> = { ...a.headers };
  if (a.status !== 204) headers["content-length"] = String(Buffer.byteLength(a.body));
  if (a.body !== "") headers["content-type"] = a.contentType;
  res.writeHead(a.status, headers);
  res.end(a.body);
}
