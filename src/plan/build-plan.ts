// plan: read each selected model's last load (and tables, for partial reloads) concurrently,
// resolve table words, decide, and assemble the plan document. Reads only.
import { actionCounts } from "../shared/summary-order.js";
import type { CelonisApi, LastLoad } from "../celonis/api.js";
import type { Manifest, ManifestModel } from "../manifest/types.js";
import { resolveNames, type ResolvedModel } from "./resolve-names.js";
import type { DataModelTable } from "../shared/types.js";
import { manifestProblems, type UnplacedProblem } from "../manifest/locate.js";
import { contentSha256 } from "../manifest/content-hash.js";
import { ModelError, UserError } from "../shared/errors.js";
import { isNotFound } from "../celonis/errors.js";
import { VERSION } from "../version.js";
import { decideAction } from "./decide-action.js";
import { computePlanId } from "./plan-id.js";
import { resolutionMessage, resolveTableWord, sameTableMessage } from "./resolve-tables.js";
import { applySelection, recordSelection, type Selection } from "./select.js";
import { expectedDurationMs } from "./expected-duration.js";
import { expectedWallMs, startOrder, type StartOrder } from "./schedule.js";
import type { PlanDocument, PlannedModel, PlannedTable, PlanSummary } from "./types.js";

export const PLAN_TTL_MS = 24 * 60 * 60 * 1000;

export interface BuildPlanInput {
  manifest: Manifest;
  api: CelonisApi;
  selection: Selection;
  now: () => number;
  signal?: AbortSignal;
  /** The order apply will start loads in (default longest-first). */
  order?: StartOrder;
  /** The manifest's target the plan is for; null (default) without targets. */
  target?: string | null;
}

interface ModelReading {
  model: ResolvedModel;
  last: LastLoad | null;
  tables: DataModelTable[] | null;
}

async function readModel(api: CelonisApi, model: ResolvedModel, signal?: AbortSignal): Promise<ModelReading> {
  const ref = { poolId: model.poolId, modelId: model.modelId };
  const opts = signal ? { signal } : {};
  const [last, tables] = await Promise.all([
    api.lastLoad(ref, opts),
    model.reload.kind === "partial" ? api.listTables(ref, opts) : Promise.resolve(null),
  ]);
  return { model, last, tables };
}

const modelPath = (model: ManifestModel) => ["pools", model.poolKey, "models", model.modelKey];

/** Resolves every table word of a partial model; a problem is placed at its word. */
export function resolveModelTables(model: ManifestModel, tables: readonly DataModelTable[]): { resolved: PlannedTable[]; problems: UnplacedProblem[] } {
  const resolved: PlannedTable[] = [];
  const problems: UnplacedProblem[] = [];
  if (model.reload.kind !== "partial") return { resolved, problems };
  const wordById = new Map<string, string>();
  model.reload.tables.forEach((word, i) => {
    const r = resolveTableWord(word, tables);
    const earlier = r.ok ? wordById.get(r.table.id) : undefined;
    if (r.ok && earlier !== undefined) {
      // Validate catches a word written twice; a name and its alias only resolve to one table here.
      problems.push({ path: [...modelPath(model), "reload", "tables", i], message: sameTableMessage(model.address, word, earlier, r.table) });
    } else if (r.ok) {
      wordById.set(r.table.id, word);
      resolved.push({ name: r.table.name, alias: r.table.alias, id: r.table.id, word });
    } else {
      problems.push({ path: [...modelPath(model), "reload", "tables", i], message: resolutionMessage(model.address, word, r) });
    }
  });
  return { resolved, problems };
}

export async function buildPlan(input: BuildPlanInput): Promise<PlanDocument> {
  const { manifest, api, selection } = input;
  const named = await resolveNames(manifest.pools, applySelection(manifest.models, selection), api, input.signal ? { signal: input.signal } : {});
  const models = named.models;

  const settled = await Promise.allSettled(models.map((m) => readModel(api, m, input.signal)));
  const problems: UnplacedProblem[] = [...named.problems];
  const readings: ModelReading[] = [];
  settled.forEach((s, i) => {
    const model = models[i]!;
    if (s.status === "fulfilled") {
      readings.push(s.value);
    } else if (isNotFound(s.reason)) {
      problems.push({
        path: modelPath(model).slice(0, 3),
        key: model.modelKey,
        message: `${model.address}: the service knows no data model ${model.modelId} in pool ${model.poolId} (404); check the ids`,
      });
    }
  });
  if (models.length > 1 && settled.every((s) => s.status === "rejected" && isNotFound(s.reason))) throw everyModelNotFound(models.length, api.baseUrl);
  // Anything but a 404 (auth, network, 5xx after retries) is not a manifest problem: stop on it.
  const firstFailure = settled.findIndex((s) => s.status === "rejected" && !isNotFound(s.reason));
  if (firstFailure >= 0) {
    throw new ModelError(models[firstFailure]!.address, (settled[firstFailure] as PromiseRejectedResult).reason);
  }

  const now = input.now();
  const planned: PlannedModel[] = [];
  for (const { model, last, tables } of readings) {
    const decision = decideAction(model, last, now);
    const { resolved, problems: tableProblems } = tables ? resolveModelTables(model, tables) : { resolved: [], problems: [] };
    problems.push(...tableProblems);
    planned.push({
      address: model.address,
      pool: model.poolKey,
      model: model.modelKey,
      poolId: model.poolId,
      modelId: model.modelId,
      poolName: model.foundPoolName,
      modelName: model.foundModelName,
      action: decision.action,
      reload: decision.reload,
      reason: decision.reason,
      skipReason: decision.skipReason,
      tables: decision.action === "partial" ? resolved : [],
      tableCount: tables ? tables.length : null,
      lastLoad: last,
      expectedDurationMs: expectedDurationMs(decision.action, last),
      tags: [...model.tags],
      timeoutMs: model.timeoutMs,
      maxAgeMs: model.maxAgeMs,
      onWarning: model.onWarning,
      onRunning: model.onRunning,
    });
  }
  if (problems.length > 0) throw manifestProblems(manifest, problems);

  const summary: PlanSummary = actionCounts(planned.map((m) => m.action));
  const poolParallelism: Record<string, number> = {};
  for (const p of manifest.pools) poolParallelism[p.key] = p.poolParallelism;
  const intent = { models: planned, parallelism: manifest.parallelism, poolParallelism };
  const ordered = startOrder(planned, input.order ?? "longest-first");
  return {
    formatVersion: 1,
    planId: computePlanId(intent),
    createdAt: new Date(now).toISOString(),
    expiresAt: new Date(now + PLAN_TTL_MS).toISOString(),
    tool: { name: "reloadctl", version: VERSION },
    manifest: { path: manifest.path, sha256: manifest.sha256, contentSha256: contentSha256(manifest.source) },
    baseUrl: api.baseUrl,
    target: input.target ?? null,
    selection: recordSelection(manifest.models, selection),
    parallelism: manifest.parallelism,
    poolParallelism,
    models: planned,
    summary,
    order: ordered.map((m) => m.address),
    expectedWallMs: expectedWallMs(ordered, { parallelism: manifest.parallelism, poolParallelism }),
  };
}

/** Not one of the models is known there: the address is wrong far likelier than every id. */
export function everyModelNotFound(count: number, baseUrl: string): UserError {
  return new UserError(
    `every model answered 404 (${count} of ${count}): the service at ${baseUrl} knows none of them.`,
    "Check CELONIS_URL (else connection.url) first: it must be your team's address, like https://acme.eu-1.celonis.cloud. Then check the pool and model ids.",
  );
}

export function toReload(doc: PlanDocument): number {
  return doc.summary.full + doc.summary.cache + doc.summary.partial;
}
