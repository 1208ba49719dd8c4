// Manifests built from plain values, for planner tests (the loader has its own tests). Each has a
// real YAML text, so problems found later are placed as they would be in a user's file.
import { stringify } from "yaml";
import type { Manifest, ManifestModel, ReloadSpec } from "../../src/manifest/types.js";

export function manifestModel(address: string, reload: ReloadSpec = { kind: "full" }, over: Partial<ManifestModel> = {}): ManifestModel {
  const [poolKey = "p", modelKey = "m"] = address.split("/");
  return {
    address,
    poolKey,
    modelKey,
    poolId: `pool-${poolKey}`,
    modelId: `model-${modelKey}`,
    reload,
    tags: [],
    timeoutMs: 3_600_000,
    maxAgeMs: 0,
    onWarning: "fail",
    onRunning: "wait",
    ...over,
  };
}

/** The manifest's text: pools in order, each model with its id and reload. */
function sourceOf(models: ManifestModel[]): string {
  const pools: Record<string, { id: string; models: Record<string, unknown> }> = {};
  for (const m of models) {
    const pool = (pools[m.poolKey] ??= { id: m.poolId, models: {} });
    pool.models[m.modelKey] = { id: m.modelId, reload: m.reload.kind === "partial" ? { tables: m.reload.tables } : m.reload.kind };
  }
  return stringify({ version: 1, pools });
}

export function manifestOf(models: ManifestModel[]): Manifest {
  const pools = [...new Set(models.map((m) => m.poolKey))].map((key) => ({ key, id: `pool-${key}`, poolParallelism: 2 }));
  return {
    path: "reload.config.yaml",
    sha256: "a".repeat(64),
    source: sourceOf(models),
    version: 1,
    connection: { url: null, keyType: "USER_KEY", tokenEnv: "CELONIS_API_TOKEN" },
    parallelism: 4,
    pools,
    models,
  };
}
