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
    poolName: null,
    modelId: `model-${modelKey}`,
    modelName: null,
    reload,
    tags: [],
    timeoutMs: 3_600_000,
    maxAgeMs: 0,
    onWarning: "fail",
    onRunning: "wait",
    ...over,
  };
}

const idOrName = (id: string | null, name: string | null) => (id !== null ? { id } : { name });

/** The manifest's text: pools in order, each model with its id (or name) and reload. */
function sourceOf(models: ManifestModel[]): string {
  const pools: Record<string, { models: Record<string, unknown> }> = {};
  for (const m of models) {
    const pool = (pools[m.poolKey] ??= { ...idOrName(m.poolId, m.poolName), models: {} });
    pool.models[m.modelKey] = { ...idOrName(m.modelId, m.modelName), reload: m.reload.kind === "partial" ? { tables: m.reload.tables } : m.reload.kind };
  }
  return stringify({ version: 1, pools });
}

export function manifestOf(models: ManifestModel[]): Manifest {
  const firstOf = (key: string) => models.find((m) => m.poolKey === key)!;
  const pools = [...new Set(models.map((m) => m.poolKey))].map((key) => ({ key, id: firstOf(key).poolId, name: firstOf(key).poolName, poolParallelism: 2 }));
  return {
    path: "reload.config.yaml",
    sha256: "a".repeat(64),
    source: sourceOf(models),
    version: 1,
    connection: { url: null, keyType: "USER_KEY", tokenEnv: "CELONIS_API_TOKEN" },
    targets: [],
    parallelism: 4,
    pools,
    models,
  };
}
