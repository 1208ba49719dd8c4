// The in-memory tenant: pools, models, tables and every load. A load's status is a pure function
// of the clock (RUNNING until start + duration, then its outcome), so an injected clock drives it
// without timers.
import { randomUUID } from "node:crypto";
import type { DataModelTable, LoadType } from "../shared/types.js";
import { type Fixture, type FixtureBehavior, type LoadOutcome, fixtureDurationMs } from "./fixture.js";
import type { TenantSummary } from "./types.js";

export interface SimLoad {
  id: string;
  poolId: string;
  modelId: string;
  loadType: LoadType;
  tableIds: string[] | null;
  startMs: number;
  /** null: never ends. */
  durationMs: number | null;
  outcome: LoadOutcome;
  message: string | null;
  /** Before this, last-load still shows the previous load. */
  appearAtMs: number;
}

export interface ModelBehavior {
  loadTimeMs: number | null;
  outcome: LoadOutcome | null;
  message: string | null;
}

export interface SimModel {
  id: string;
  name: string;
  poolId: string;
  tables: DataModelTable[];
  tableIds: ReadonlySet<string>;
  behavior: ModelBehavior;
  /** Oldest first. */
  loads: SimLoad[];
}

export interface SimPool {
  id: string;
  name: string;
  models: SimModel[];
}

/** `GET …/last-load` body. */
export interface LastLoadBody {
  dataLoadId: string;
  dataModelId: string;
  startDate: string;
  endDate: string | null;
  loadStatus: "RUNNING" | LoadOutcome;
  message: string | null;
  loadType: LoadType;
}

export const isRunningAt = (load: SimLoad, now: number): boolean =>
  load.durationMs === null || now < load.startMs + load.durationMs;

export function lastLoadBody(load: SimLoad, now: number): LastLoadBody {
  const running = isRunningAt(load, now);
  return {
    dataLoadId: load.id,
    dataModelId: load.modelId,
    startDate: new Date(load.startMs).toISOString(),
    endDate: running ? null : new Date(load.startMs + (load.durationMs ?? 0)).toISOString(),
    loadStatus: running ? "RUNNING" : load.outcome,
    message: running ? null : load.message,
    loadType: load.loadType,
  };
}

export class Tenant {
  readonly pools: SimPool[];
  readonly defaults: ModelBehavior;
  private readonly models = new Map<string, SimModel>();

  constructor(fixture: Fixture, startMs: number) {
    this.defaults = behaviorOf(fixture.defaults);
    this.pools = fixture.pools.map((p) => ({
      id: p.id,
      name: p.name,
      models: p.models.map((m): SimModel => {
        const model: SimModel = {
          id: m.id,
          name: m.name,
          poolId: p.id,
          tables: m.tables.map((t) => ({
            id: t.id,
            dataModelId: m.id,
            dataSourceId: t.dataSourceId ?? null,
            name: t.name,
            alias: t.alias ?? null,
            aliasOrName: t.alias ?? t.name,
          })),
          tableIds: new Set(m.tables.map((t) => t.id)),
          behavior: behaviorOf(m.behavior),
          loads: [],
        };
        const last = m.lastLoad;
        if (last) {
          const start = startMs - fixtureDurationMs(last.startedAgo);
          const running = last.status === "RUNNING";
          model.loads.push({
            id: last.id ?? randomUUID(),
            poolId: p.id,
            modelId: m.id,
            loadType: last.loadType ?? "COMPLETE",
            tableIds: null,
            startMs: start,
            durationMs: running
              ? last.endsIn === undefined
                ? null
                : startMs + fixtureDurationMs(last.endsIn) - start
              : fixtureDurationMs(last.took ?? 0),
            outcome: last.status === "RUNNING" ? (last.outcome ?? "SUCCESS") : last.status,
            message: last.message ?? null,
            appearAtMs: Number.NEGATIVE_INFINITY,
          });
        }
        this.models.set(m.id, model);
        return model;
      }),
    }));
  }

  pool(poolId: string): SimPool | undefined {
    return this.pools.find((p) => p.id === poolId);
  }

  model(modelId: string): SimModel | undefined {
    return this.models.get(modelId);
  }

  /** Renames the pool or model with this id; false when there is none. */
  rename(id: string, name: string): boolean {
    const target: { name: string } | undefined = this.pool(id) ?? this.model(id);
    if (target) target.name = name;
    return target !== undefined;
  }

  /** What last-load shows: the newest load that has appeared. */
  visibleLastLoad(model: SimModel, now: number): SimLoad | null {
    for (let i = model.loads.length - 1; i >= 0; i--) {
      const load = model.loads[i];
      if (load && load.appearAtMs <= now) return load;
    }
    return null;
  }

  /** The model's load in progress, shown yet or not (only the newest can be: triggers refuse while one runs). */
  runningLoad(model: SimModel, now: number): SimLoad | null {
    const newest = model.loads.at(-1);
    return newest && isRunningAt(newest, now) ? newest : null;
  }

  addLoad(load: SimLoad): void {
    this.models.get(load.modelId)?.loads.push(load);
  }

  /** Loads running at `now`, overall and in one pool. */
  runningCounts(poolId: string, now: number): { total: number; inPool: number } {
    let total = 0;
    let inPool = 0;
    for (const model of this.models.values()) {
      if (this.runningLoad(model, now)) {
        total++;
        if (model.poolId === poolId) inPool++;
      }
    }
    return { total, inPool };
  }

  summary(): TenantSummary {
    return {
      pools: this.pools.map((p) => ({
        id: p.id,
        name: p.name,
        models: p.models.map((m) => ({ id: m.id, name: m.name, tables: m.tables.length })),
      })),
    };
  }
}

function behaviorOf(b: FixtureBehavior | undefined): ModelBehavior {
  return {
    loadTimeMs: b?.loadTime === undefined ? null : fixtureDurationMs(b.loadTime),
    outcome: b?.outcome ?? null,
    message: b?.message ?? null,
  };
}
