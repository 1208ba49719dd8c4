// The one HTTP boundary: CelonisApi over fetch, with the auth header, per-request timeouts, a cap on
// requests in flight, retries of reads, a rate-limit gate shared by all callers (which also paces
// requests to the budget the service reports), and no blind re-sending of writes. Every text that leaves here has the key redacted.
import { STATUS_CODES } from "node:http";
import { fetch as undiciFetch, type Dispatcher } from "undici";
import type { DataModelInfo, DataModelTable, ModelRef, PoolInfo } from "../shared/types.js";
import { UserError } from "../shared/errors.js";
import { VERSION } from "../version.js";
import type { CallOptions, CelonisApi, LastLoad, TriggerKind } from "./api.js";
import { abortError, raceAbort, realSleep, throwIfAborted } from "./abort.js";
import { unusableBody, type Where } from "./body-json.js";
import { authorizationHeader, type KeyType } from "./connection.js";
import { createDispatcher } from "./dispatcher.js";
import { paths } from "./endpoints.js";
import { parseErrorBody } from "./error-body.js";
import { ApiError } from "./errors.js";
import { parseLastLoad } from "./last-load.js";
import { modelReader, readPage, readPool, parseTables, type ListingPage, type NextPage } from "./listings.js";
import { classifyNetworkError, networkHint, type NetworkFailure } from "./network-error.js";
import { budgetReport, NO_REPORT, RateGate, type BudgetReport } from "./rate-gate.js";
import { makeRedactor, redactDeep } from "./redact.js";
import {
  backoffDelay,
  exhaustedBudgetWaitMs,
  RETRYABLE_READ_STATUSES,
  serviceWaitMs,
  writeMayHaveActed,
  type HeaderReader,
  type RetrySettings,
} from "./retry-policy.js";
import { Semaphore } from "./semaphore.js";

/** What the client needs of a fetch: Node's global fetch (msw in tests) and undici's both fit. */
export interface FetchInit {
  method: string;
  headers: Record<string, string>;
  body?: string;
  signal: AbortSignal;
  redirect: "manual";
}
export interface FetchResponse {
  readonly status: number;
  readonly statusText: string;
  readonly headers: HeaderReader;
  /** Read with a bound when present (both fetches have it); else text() is used. */
  readonly body?: ReadableStream<Uint8Array> | null;
  text(): Promise<string>;
}
export type FetchFn = (url: string, init: FetchInit) => Promise<FetchResponse>;

export interface RetryInfo {
  method: string;
  path: string;
  /** The attempt that failed, from 1. */
  attempt: number;
  /** The wait before the next attempt. */
  delayMs: number;
  reason: string;
}

export interface ClientStats {
  /** Requests handed to fetch (every attempt counts). */
  requests: number;
  retries: number;
  /** 429 answers received. */
  rateLimited: number;
}

export interface ClientOptions {
  baseUrl: string;
  key: string;
  keyType: KeyType;
  /** Default: undici's fetch with `dispatcher`. When given (tests: msw's globalThis.fetch), no dispatcher is passed to it. */
  fetch?: FetchFn;
  /** Default: createDispatcher(process.env, { baseUrl }), closed by close(). Ignored when `fetch` is given. */
  dispatcher?: Dispatcher;
  requestTimeoutMs?: number;
  retry?: Partial<RetrySettings>;
  /** Requests in flight at once, all callers together. */
  maxConcurrency?: number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  random?: () => number;
  now?: () => number;
  onRetry?: (info: RetryInfo) => void;
  userAgent?: string;
  /** A response body larger than this is not read: an error (never retried), not memory. */
  maxBodyBytes?: number;
}

export interface CelonisClient extends CelonisApi {
  stats(): ClientStats;
  /** Closes the dispatcher the client created (not one it was given). */
  close(): Promise<void>;
}

/** A listing that pages on past this is not ending: stop rather than loop. */
const MAX_LISTING_PAGES = 10_000;

export const CLIENT_DEFAULTS = {
  requestTimeoutMs: 30_000,
  retry: { maxAttempts: 5, baseDelayMs: 250, maxDelayMs: 30_000 },
  maxConcurrency: 16,
  /** A listing of 5,000 tables is about 1 MB. */
  maxBodyBytes: 32 * 1024 * 1024,
} as const;

interface Answer {
  status: number;
  statusText: string;
  headers: HeaderReader;
  text: string;
  /** The body was over maxBodyBytes and was not read (`text` is empty). */
  oversize?: boolean;
}

type Outcome =
  | ({ type: "response" } & Answer)
  | { type: "failure"; kind: "network" | "timeout"; failure: NetworkFailure | null; status: number | null };

type Verdict =
  | { type: "done"; answer: Answer }
  | { type: "fail"; error: ApiError }
  /** Try again after `delayMs` (already waited by the shared gate when `gated`); `error` if attempts run out. */
  | { type: "retry"; delayMs: number; gated: boolean; reason: string; error: ApiError };

export function createCelonisClient(opts: ClientOptions): CelonisClient {
  const baseUrl = opts.baseUrl.replace(/\/+$/, "");
  const host = safeHost(baseUrl);
  const redact = makeRedactor(opts.key);
  const retry: RetrySettings = { ...CLIENT_DEFAULTS.retry, ...stripUndefined(opts.retry ?? {}) };
  const timeoutMs = opts.requestTimeoutMs ?? CLIENT_DEFAULTS.requestTimeoutMs;
  const maxBodyBytes = opts.maxBodyBytes ?? CLIENT_DEFAULTS.maxBodyBytes;
  const now = opts.now ?? Date.now;
  const random = opts.random ?? Math.random;
  const rawSleep = opts.sleep ?? realSleep;
  const sleep = (ms: number, signal?: AbortSignal): Promise<void> => raceAbort(rawSleep(ms, signal), signal);
  const gate = new RateGate(now);
  const slots = new Semaphore(opts.maxConcurrency ?? CLIENT_DEFAULTS.maxConcurrency);
  const counters: ClientStats = { requests: 0, retries: 0, rateLimited: 0 };

  let ownDispatcher: Dispatcher | null = null;
  let fetchFn: FetchFn;
  if (opts.fetch) {
    fetchFn = opts.fetch;
  } else {
    const dispatcher = opts.dispatcher ?? (ownDispatcher = createDispatcher(process.env, { baseUrl }));
    fetchFn = (url, init) => undiciFetch(url, { ...init, dispatcher });
  }

  const baseHeaders: Record<string, string> = {
    accept: "application/json",
    authorization: authorizationHeader(opts.keyType, opts.key),
    "user-agent": opts.userAgent ?? `reloadctl/${VERSION}`,
  };

  async function admit(signal: AbortSignal | undefined, onWait: WaitReporter): Promise<() => void> {
    for (;;) {
      if (gate.remainingMs() > 0) onWait(RATE_LIMIT_WAIT);
      const honoured = await gate.pass(sleep, signal);
      const release = await slots.acquire(signal);
      // The gate may have been shut further while this request waited for a slot.
      if (gate.openAt === honoured || gate.remainingMs() === 0) return release;
      release();
    }
  }

  /** One attempt in its turn: the gate spaces starts to the service's limit and learns from each answer. */
  async function pacedAttempt(where: Where, body: string | undefined, signal: AbortSignal | undefined, onWait: WaitReporter): Promise<Outcome> {
    const waitMs = gate.book();
    let report: BudgetReport = NO_REPORT;
    try {
      if (waitMs > 0) {
        onWait(PACING_WAIT);
        await sleep(waitMs, signal);
        await gate.pass(sleep, signal);
      }
      onWait(`an answer to ${where.method} ${where.path}`);
      const outcome = await attemptOnce(where, body, signal);
      if (outcome.type === "response") report = budgetReport(outcome.headers);
      return outcome;
    } finally {
      gate.answered(report);
    }
  }

  async function attemptOnce(where: Where, body: string | undefined, signal: AbortSignal | undefined): Promise<Outcome> {
    const timeout = AbortSignal.timeout(timeoutMs);
    const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
    const headers = body === undefined ? baseHeaders : { ...baseHeaders, "content-type": "application/json" };
    const init: FetchInit = { method: where.method, headers, signal: combined, redirect: "manual" };
    if (body !== undefined) init.body = body;
    const failed = (err: unknown, status: number | null): Outcome => {
      if (signal?.aborted) throw abortError(signal);
      if (timeout.aborted) return { type: "failure", kind: "timeout", failure: null, status };
      return { type: "failure", kind: "network", failure: classifyNetworkError(err), status };
    };
    counters.requests++;
    let res: FetchResponse;
    try {
      res = await fetchFn(baseUrl + where.path, init);
    } catch (err) {
      return failed(err, null);
    }
    try {
      const body = await readBounded(res, maxBodyBytes);
      return { type: "response", status: res.status, statusText: res.statusText, headers: res.headers, text: body ?? "", ...(body === null ? { oversize: true } : {}) };
    } catch (err) {
      return failed(err, res.status);
    }
  }

  function judgeResponse(where: Where, a: Answer, attempt: number): Verdict {
    const write = where.method !== "GET";
    if (a.oversize && !write && a.status >= 200 && a.status < 300) {
      // Asking again would fetch as much again: refused at once.
      return { type: "fail", error: unusableBody(a.status, where, `the service sent a body larger than ${Math.round(maxBodyBytes / 1024 / 1024)} MB; it was not read`) };
    }
    if (a.status >= 200 && a.status < 300) {
      const budgetWait = exhaustedBudgetWaitMs(a.headers, now());
      if (budgetWait !== null) gate.shutFor(Math.min(budgetWait, retry.maxDelayMs));
      return { type: "done", answer: a };
    }
    const asked = serviceWaitMs(a.headers, now());
    const delayMs = Math.min(asked ?? backoffDelay(attempt, retry, random), retry.maxDelayMs);
    const reason = `${a.status} ${statusName(a)}`;
    if (a.status === 429) {
      counters.rateLimited++;
      gate.shutFor(delayMs);
      // A 429 was refused before any work: even a write is safe to send again.
      const error = httpError(where, a, { retryable: true, mayHaveReachedServer: false, retryAfterMs: asked, attempts: attempt });
      return { type: "retry", delayMs, gated: true, reason, error };
    }
    if (!write && RETRYABLE_READ_STATUSES.has(a.status)) {
      const error = httpError(where, a, { retryable: true, mayHaveReachedServer: false, retryAfterMs: asked, attempts: attempt });
      return { type: "retry", delayMs, gated: false, reason, error };
    }
    // A write's 5xx does not say whether the load started (a gateway's, or the origin's after it acted).
    const mayHaveReachedServer = write && writeMayHaveActed(a.status);
    return { type: "fail", error: httpError(where, a, { retryable: false, mayHaveReachedServer, retryAfterMs: asked, attempts: 1 }) };
  }

  function judge(where: Where, o: Outcome, attempt: number): Verdict {
    if (o.type === "response") return judgeResponse(where, o, attempt);
    const write = where.method !== "GET";
    // The status line arrived but the body did not: a write's outcome is the status (its body is not used).
    if (write && o.status !== null) return judgeResponse(where, { status: o.status, statusText: "", headers: new Headers(), text: "" }, attempt);
    const f = o.failure;
    if (f?.certificate || f?.proxyStatus) return { type: "fail", error: transportError(where, o, false, false) };
    const safe = !write || (o.kind === "network" && f !== null && f.neverSent);
    if (!safe) return { type: "fail", error: transportError(where, o, false, true) };
    const reason = o.kind === "timeout" ? `timed out after ${seconds(timeoutMs)}` : (f?.description ?? "network error");
    const error = transportError(where, o, true, !(o.kind === "network" && f?.neverSent));
    return { type: "retry", delayMs: backoffDelay(attempt, retry, random), gated: false, reason, error };
  }

  async function send(where: Where, body: string | undefined, call: CallOptions | undefined): Promise<Answer> {
    const signal = call?.signal;
    const onWait: WaitReporter = call?.onWait ?? (() => {});
    for (let attempt = 1; ; attempt++) {
      throwIfAborted(signal);
      const release = await admit(signal, onWait);
      let outcome: Outcome;
      try {
        outcome = await pacedAttempt(where, body, signal, onWait);
      } finally {
        release();
      }
      const verdict = judge(where, outcome, attempt);
      if (verdict.type === "done") return verdict.answer;
      if (verdict.type === "fail") throw verdict.error;
      if (attempt >= retry.maxAttempts) throw verdict.error;
      counters.retries++;
      const delayMs = verdict.gated ? gate.remainingMs() : verdict.delayMs;
      opts.onRetry?.({ method: where.method, path: where.path, attempt, delayMs, reason: redact(verdict.reason) });
      if (!verdict.gated) {
        onWait(`a retry of ${where.method} ${where.path} (after ${redact(verdict.reason)})`);
        await sleep(delayMs, signal);
      }
    }
  }

  function httpError(
    where: Where,
    a: Answer,
    o: { retryable: boolean; mayHaveReachedServer: boolean; retryAfterMs: number | null; attempts: number },
  ): ApiError {
    // Masked before any cut (parseErrorBody and redirectText cut only masked text).
    const parsed = parseErrorBody(a.text, redact);
    const said = a.status >= 300 && a.status < 400 ? redirectText(a.headers, redact) : parsed.message;
    const reference = parsed.reference;
    const gaveUp = o.attempts > 1 ? ` (gave up after ${o.attempts} attempts)` : "";
    const message = `${a.status} ${statusName(a)}${said ? `: ${said}` : ""}${reference ? ` (reference ${reference})` : ""}${gaveUp}`;
    return new ApiError({
      kind: "http",
      status: a.status,
      method: where.method,
      path: where.path,
      message: redact(message),
      serviceMessage: said,
      reference,
      errorCode: parsed.errorCode,
      retryable: o.retryable,
      mayHaveReachedServer: o.mayHaveReachedServer,
      retryAfterMs: o.retryAfterMs,
      hint: a.status >= 300 && a.status < 400 ? REDIRECT_HINT : (HINTS[a.status] ?? null),
    });
  }

  function transportError(where: Where, o: Outcome & { type: "failure" }, retryable: boolean, mayHaveReachedServer: boolean): ApiError {
    const what =
      o.kind === "timeout" ? `no answer from ${host} within ${seconds(timeoutMs)}` : `${o.failure?.description ?? "network error"} talking to ${host}`;
    const consequence = where.method !== "GET" && mayHaveReachedServer ? "; the request may have reached the service" : "";
    return new ApiError({
      kind: o.kind,
      status: null,
      method: where.method,
      path: where.path,
      message: redact(`${where.method} ${where.path}: ${what}${consequence}`),
      errorCode: o.failure?.code ?? null,
      retryable,
      mayHaveReachedServer,
      hint: o.failure?.proxyStatus
        ? `The proxy in HTTPS_PROXY answered ${o.failure.proxyStatus}: check its address and credentials, whether it lets this host through, or NO_PROXY.`
        : networkHint(o.failure, host),
    });
  }

  async function get(path: string, opts: CallOptions | undefined): Promise<{ answer: Answer; where: Where }> {
    const where = { method: "GET", path };
    return { answer: await send(where, undefined, opts), where };
  }

  async function rethrowAt<T>(where: Where, parse: () => T): Promise<T> {
    try {
      // Every text the service sent, even in a success, may echo the key.
      return redactDeep(parse(), redact);
    } catch (err) {
      throw err instanceof ApiError ? err.at(where.method, where.path) : err;
    }
  }

  /** Every item of a listing: one request for a bare array, one per page for a paged envelope. */
  async function listAll<T>(path: string, what: string, read: (item: Record<string, unknown>) => T | null, o: CallOptions | undefined): Promise<T[]> {
    const all: T[] = [];
    let next: NextPage | null = null;
    for (let pages = 0; ; pages++) {
      if (pages >= MAX_LISTING_PAGES) {
        throw unusableBody(200, { method: "GET", path }, `the ${what} listing did not end after ${MAX_LISTING_PAGES} pages`);
      }
      const asked: NextPage | null = next;
      const { answer, where } = await get(asked === null ? path : `${path}?page=${asked.page}&pageSize=${asked.pageSize}`, o);
      const page: ListingPage<T> = await rethrowAt(where, () => readPage(answer.status, answer.text, where, what, read, asked?.page ?? 0, all.length));
      all.push(...page.items);
      if (page.next === null) return all;
      next = page.next;
    }
  }

  return {
    baseUrl,
    async listPools(o): Promise<PoolInfo[]> {
      return listAll(paths.pools(), "pools", readPool, o);
    },
    async listModels(poolId, o): Promise<DataModelInfo[]> {
      return listAll(paths.models(poolId), "data models", modelReader(poolId), o);
    },
    async listTables(ref: ModelRef, o) {
      const { answer, where } = await get(paths.tables(ref), o);
      return rethrowAt(where, (): DataModelTable[] => parseTables(answer.status, answer.text, ref, where));
    },
    async lastLoad(ref: ModelRef, o): Promise<LastLoad | null> {
      const { answer, where } = await get(paths.lastLoad(ref), o);
      return rethrowAt(where, () => parseLastLoad(answer.status, answer.text, where));
    },
    async triggerLoad(ref: ModelRef, kind: TriggerKind, o) {
      await send({ method: "POST", path: paths.load(ref, kind) }, undefined, o);
    },
    async partialSync(ref: ModelRef, tableIds: readonly string[], o) {
      if (tableIds.length === 0) throw new UserError("A partial reload needs at least one table id.");
      await send({ method: "POST", path: paths.partialSync(ref) }, JSON.stringify(tableIds), o);
    },
    stats: () => ({ ...counters }),
    async close() {
      const d = ownDispatcher;
      ownDispatcher = null;
      await d?.close();
    },
  };
}

type WaitReporter = (what: string) => void;
const RATE_LIMIT_WAIT = "the service's rate limit to let requests through again (it answered 429 or said its budget was spent)";
const PACING_WAIT = "its turn under the service's rate limit (x-ratelimit-limit)";

const REDIRECT_HINT = "The service redirected instead of answering: check the base URL (CELONIS_URL / connection.url).";
const HINTS: Record<number, string> = {
  401: "Check the API key and its type: USER_KEY is sent as Bearer, APP_KEY as AppKey (CELONIS_KEY_TYPE).",
  403: "The key needs Edit permission on the data pool (OAuth scope integration.data-pools).",
  404: "Check the pool and data model ids, and the base URL.",
  429: "The service is rate limiting: try again later, or lower parallelism.",
};

function statusName(a: { status: number; statusText: string }): string {
  return STATUS_CODES[a.status] ?? (a.statusText || "Unknown Status");
}

function redirectText(headers: HeaderReader, redact: (text: string) => string): string {
  const location = headers.get("location");
  if (!location) return "redirected";
  const masked = redact(location);
  return `redirected to ${masked.length > 200 ? `${masked.slice(0, 199)}…` : masked}`;
}

/** The body as text, or null when it is larger than `max` bytes (then not read further). */
async function readBounded(res: FetchResponse, max: number): Promise<string | null> {
  const declared = Number(res.headers.get("content-length") ?? Number.NaN);
  if (declared > max) {
    // Not awaited: a body that never ends may never settle its cancellation either.
    res.body?.cancel().catch(() => {});
    return null;
  }
  if (!res.body) {
    const text = await res.text();
    return Buffer.byteLength(text) > max ? null : text;
  }
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  let size = 0;
  let text = "";
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return text + decoder.decode();
    size += value.byteLength;
    if (size > max) {
      reader.cancel().catch(() => {});
      return null;
    }
    text += decoder.decode(value, { stream: true });
  }
}

function seconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000}s` : `${ms}ms`;
}

function safeHost(baseUrl: string): string {
  try {
    return new URL(baseUrl).host;
  } catch {
    return "the service";
  }
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
