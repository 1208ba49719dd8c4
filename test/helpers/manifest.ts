// Manifests built from plain values, for planner tests (the loader has its own tests).
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
    location: { file: "reload.config.yaml", line: 10, column: 7 },
    tableLocations: reload.kind === "partial" ? reload.tables.map((_, i) => ({ file: "reload.config.yaml", line: 20 + i, column: 13 })) : [],
    ...over,
  };
}

export function manifestOf(models: ManifestModel[]): Manifest {
  const pools = [...new Set(models.map((m) => m.poolKey))].map((key, i) => ({
    key,
    id: `pool-${key}`,
    poolParallelism: 2,
    location: { file: "reload.config.yaml", line: 5 + i, column: 3 },
  }));
  return {
    path: "reload.config.yaml",
    sha256: "a".repeat(64),
    version: 1,
    connection: { url: null, keyType: "USER_KEY", tokenEnv: "CELONIS_API_TOKEN" },
    parallelism: 4,
    pools,
    models,
  };
}
