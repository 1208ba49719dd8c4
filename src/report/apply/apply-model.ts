// The state every apply view draws, folded from the executor's events by one pure reducer.
import type { ApplyEvent, ModelOutcome, ModelResult } from "../../apply/events.js";
import type { Action } from "../../plan/types.js";
import { expectedRemainingMs } from "../../plan/schedule.js";

export type ApplyPhase = "queued" | "waiting" | "triggered" | "running" | "finished";

export interface ApplyRow {
  address: string;
  action: Action;
  phase: ApplyPhase;
  loadId: string | null;
  loadStatus: string | null;
  /** Epoch ms when work on the model began (its first event past queueing); null while queued. */
  startedAt: number | null;
  /** Elapsed time reported by the latest poll. */
  elapsedMs: number | null;
  retries: number;
  result: ModelResult | null;
  message: string | null;
  durationMs: number | null;
}

export type SummaryEvent = Extract<ApplyEvent, { type: "summary" }>;
export type StartEvent = Extract<ApplyEvent, { type: "start" }>;

export interface ApplyState {
  /** Epoch ms of the start event. */
  startedAt: number | null;
  planId: string | null;
  manifest: string | null;
  baseUrl: string | null;
  parallelism: number | null;
  poolParallelism: Record<string, number>;
  /** In the order the start event listed them (models first seen later are appended). */
  rows: ApplyRow[];
  /** Addresses in the order they finished. */
  finished: string[];
  interrupted: boolean;
  summary: SummaryEvent | null;
  /** The start order, and each model's pool and expected duration, from the start event. */
  order: string[];
  expected: Record<string, { pool: string; expectedDurationMs: number | null }>;
  /** Epoch ms the run is expected to end, corrected as loads start and finish; null when unknown. */
  expectedEndAt: number | null;
  /** The expected wall time as it stood at the start. */
  expectedWallMs: number | null;
}

export const initialApplyState: ApplyState = {
  startedAt: null,
  planId: null,
  manifest: null,
  baseUrl: null,
  parallelism: null,
  poolParallelism: {},
  rows: [],
  finished: [],
  interrupted: false,
  summary: null,
  order: [],
  expected: {},
  expectedEndAt: null,
  expectedWallMs: null,
};

const epoch = (at: string): number | null => {
  const t = Date.parse(at);
  return Number.isNaN(t) ? null : t;
};

function newRow(address: string, action: Action): ApplyRow {
  return {
    address,
    action,
    phase: "queued",
    loadId: null,
    loadStatus: null,
    startedAt: null,
    elapsedMs: null,
    retries: 0,
    result: null,
    message: null,
    durationMs: null,
  };
}

function updateRow(state: ApplyState, address: string, change: (row: ApplyRow) => ApplyRow): ApplyState {
  const i = state.rows.findIndex((r) => r.address === address);
  if (i < 0) return { ...state, rows: [...state.rows, change(newRow(address, "full"))] };
  const rows = state.rows.slice();
  rows[i] = change(rows[i]!);
  return { ...state, rows };
}

/** A row past queueing: its work began at the first such event. */
function begun(row: ApplyRow, at: string): ApplyRow {
  return row.startedAt === null ? { ...row, startedAt: epoch(at) } : row;
}

function finish(state: ApplyState, outcome: ModelOutcome): ApplyState {
  const already = state.finished.includes(outcome.address);
  const next = updateRow(state, outcome.address, (row) => ({
    ...row,
    action: outcome.action,
    phase: "finished",
    result: outcome.result,
    loadStatus: outcome.loadStatus,
    loadId: outcome.loadId ?? row.loadId,
    message: outcome.message,
    durationMs: outcome.durationMs,
  }));
  return already ? next : { ...next, finished: [...next.finished, outcome.address] };
}

/** When the run is expected to end, seen from `now`: the schedule of what is left (schedule.ts). */
function expectedEnd(state: ApplyState, now: number | null): number | null {
  if (now === null || state.parallelism === null) return null;
  const info = (address: string) => state.expected[address] ?? { pool: address.split("/")[0] ?? "", expectedDurationMs: null };
  const rows = new Map(state.rows.map((r) => [r.address, r]));
  const inOrder = new Set(state.order);
  // After a first Ctrl-C nothing queued starts: only the loads in flight are left.
  // A skipped model never starts: it is in no plan's schedule, so in no estimate of it.
  const unordered = state.rows.filter((r) => !inOrder.has(r.address) && r.action !== "skip").map((r) => r.address);
  const queued = state.interrupted ? [] : [...state.order, ...unordered]
    .filter((a) => rows.get(a)?.phase === "queued")
    .map(info);
  const running = state.rows.filter(isActive).map((r) => ({ ...info(r.address), elapsedMs: Math.max(0, now - (r.startedAt ?? now)) }));
  const finished = state.rows
    .filter((r) => r.result === "succeeded" && r.durationMs !== null)
    .map((r) => ({ expectedDurationMs: info(r.address).expectedDurationMs, durationMs: r.durationMs! }));
  const left = expectedRemainingMs({ queued, running, finished }, { parallelism: state.parallelism, poolParallelism: state.poolParallelism });
  return left === null ? null : now + left;
}

/** The events after which the expected end is worked out again: a load began or ended, or no more will start. */
const RE_ESTIMATE: ReadonlySet<ApplyEvent["type"]> = new Set(["start", "waiting", "triggered", "finished", "interrupted"]);

export function reduceApply(state: ApplyState, event: ApplyEvent): ApplyState {
  const next = reduceEvent(state, event);
  if (!RE_ESTIMATE.has(event.type) || next.summary !== null) return next;
  const at = epoch(event.at);
  const expectedEndAt = expectedEnd(next, at);
  const atStart = event.type === "start" && expectedEndAt !== null && at !== null;
  return { ...next, expectedEndAt, expectedWallMs: atStart ? expectedEndAt - at : next.expectedWallMs };
}

function reduceEvent(state: ApplyState, event: ApplyEvent): ApplyState {
  switch (event.type) {
    case "start": {
      const known = new Set(state.rows.map((r) => r.address));
      const expected: ApplyState["expected"] = {};
      for (const m of event.models) expected[m.address] = { pool: m.pool, expectedDurationMs: m.expectedDurationMs };
      return {
        ...state,
        startedAt: epoch(event.at),
        planId: event.planId,
        manifest: event.manifest ?? null,
        baseUrl: event.baseUrl ?? null,
        parallelism: event.parallelism,
        poolParallelism: event.poolParallelism,
        rows: [...state.rows, ...event.models.filter((m) => !known.has(m.address)).map((m) => newRow(m.address, m.action))],
        order: event.order,
        expected,
      };
    }
    case "queued":
      return updateRow(state, event.address, (row) => ({ ...row, action: event.action }));
    case "waiting":
      return updateRow(state, event.address, (row) => ({
        ...begun(row, event.at),
        phase: "waiting",
        loadId: event.loadId,
        loadStatus: event.status,
      }));
    case "triggered":
      return updateRow(state, event.address, (row) => ({
        ...begun(row, event.at),
        action: event.action,
        phase: "triggered",
        loadId: null,
        loadStatus: null,
        elapsedMs: null,
      }));
    case "load_seen":
      return updateRow(state, event.address, (row) => ({
        ...begun(row, event.at),
        phase: "running",
        loadId: event.loadId,
        loadStatus: event.status,
      }));
    case "polled":
      return updateRow(state, event.address, (row) => ({
        ...begun(row, event.at),
        // A poll while waiting for someone else's load keeps the row waiting.
        phase: row.phase === "waiting" ? "waiting" : "running",
        loadId: event.loadId ?? row.loadId,
        loadStatus: event.status,
        elapsedMs: event.elapsedMs,
      }));
    case "checking":
      // It holds its slot and may already have a load: not queued any more.
      return updateRow(state, event.address, (row) => ({ ...begun(row, event.at), phase: "triggered" }));
    case "retry":
      return updateRow(state, event.address, (row) => ({ ...begun(row, event.at), retries: row.retries + 1 }));
    case "not_ours":
      // A load that is not ours changes nothing of the row: the watch for ours goes on.
      return state;
    case "finished":
      return finish(state, event);
    case "interrupted":
      return { ...state, interrupted: true };
    case "summary": {
      let next: ApplyState = { ...state, summary: event, interrupted: state.interrupted || event.interrupted };
      for (const outcome of event.models) {
        const row = next.rows.find((r) => r.address === outcome.address);
        if (row?.phase !== "finished") next = finish(next, outcome);
      }
      return next;
    }
  }
}

export function applyStateFrom(events: readonly ApplyEvent[]): ApplyState {
  return events.reduce(reduceApply, initialApplyState);
}

export const isActive = (row: ApplyRow): boolean =>
  row.phase === "waiting" || row.phase === "triggered" || row.phase === "running";
