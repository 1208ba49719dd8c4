// A checked manifest value → the typed Manifest: every default filled (model > pool defaults >
// manifest defaults > built-in), models flattened in manifest order. Places are not recorded here:
// they are found when a later problem needs them (locate.ts).
import { parseDuration } from "../shared/duration.js";
import { BUILTIN_DEFAULTS } from "./types.js";
import type { KeyType, Manifest, ManifestModel, ManifestPool, OnRunning, OnWarning, ReloadSpec } from "./types.js";
import type { ManifestLocator } from "./locator.js";

/** The manifest as the schema admits it (schemas/reload.config.schema.json). */
interface Settings {
  timeout?: string;
  maxAge?: string;
  onWarning?: OnWarning;
  onRunning?: OnRunning;
}

interface RawModel extends Settings {
  id?: string;
  name?: string;
  reload?: "full" | "cache" | { tables: string[] };
  tags?: string[];
}

interface RawPool {
  id?: string;
  name?: string;
  poolParallelism?: number;
  defaults?: Settings;
  models?: Record<string, RawModel> | null;
}

export interface RawManifest {
  version: 1;
  connection?: { url?: string; keyType?: KeyType; tokenEnv?: string };
  targets?: Record<string, { url: string; keyType?: KeyType; tokenEnv?: string; default?: boolean }>;
  defaults?: Settings & { parallelism?: number; poolParallelism?: number };
  pools?: Record<string, RawPool> | null;
}

function durationMs(text: string | undefined): number | undefined {
  return text === undefined ? undefined : (parseDuration(text) ?? undefined);
}

function reloadSpec(reload: RawModel["reload"]): ReloadSpec {
  if (reload === undefined || reload === "full") return { kind: "full" };
  if (reload === "cache") return { kind: "cache" };
  return { kind: "partial", tables: [...reload.tables] };
}

/**
 * `keysOf` gives a map's keys in document order where a JS object's own order differs (keys like
 * `2024`); null means the object's order is the document's.
 */
export function buildManifest(raw: RawManifest, meta: { path: string; sha256: string; source: string }, keysOf: ManifestLocator["keysOf"] = () => null): Manifest {
  const defaults = raw.defaults ?? {};
  const parallelism = defaults.parallelism ?? BUILTIN_DEFAULTS.parallelism;
  // The built-in per-pool bound never exceeds a smaller written parallelism.
  const poolParallelism = defaults.poolParallelism ?? Math.min(BUILTIN_DEFAULTS.poolParallelism, parallelism);

  const pools: ManifestPool[] = [];
  const models: ManifestModel[] = [];
  const inOrder = <T>(map: Record<string, T> | null | undefined, path: Array<string | number>): Array<[string, T]> =>
    map ? (keysOf(path) ?? Object.keys(map)).map((key) => [key, map[key] as T]) : [];
  for (const [poolKey, pool] of inOrder(raw.pools, ["pools"])) {
    pools.push({ key: poolKey, id: pool.id ?? null, name: pool.name ?? null, poolParallelism: pool.poolParallelism ?? poolParallelism });
    const poolDefaults = pool.defaults ?? {};
    for (const [modelKey, model] of inOrder(pool.models, ["pools", poolKey, "models"])) {
      const reload = reloadSpec(model.reload);
      models.push({
        address: `${poolKey}/${modelKey}`,
        poolKey,
        modelKey,
        poolId: pool.id ?? null,
        poolName: pool.name ?? null,
        modelId: model.id ?? null,
        modelName: model.name ?? null,
        reload,
        tags: [...(model.tags ?? [])],
        timeoutMs: durationMs(model.timeout ?? poolDefaults.timeout ?? defaults.timeout) ?? BUILTIN_DEFAULTS.timeoutMs,
        maxAgeMs: durationMs(model.maxAge ?? poolDefaults.maxAge ?? defaults.maxAge) ?? BUILTIN_DEFAULTS.maxAgeMs,
        onWarning: model.onWarning ?? poolDefaults.onWarning ?? defaults.onWarning ?? BUILTIN_DEFAULTS.onWarning,
        onRunning: model.onRunning ?? poolDefaults.onRunning ?? defaults.onRunning ?? BUILTIN_DEFAULTS.onRunning,
      });
    }
  }

  return {
    path: meta.path,
    sha256: meta.sha256,
    source: meta.source,
    version: 1,
    connection: {
      url: raw.connection?.url ?? null,
      keyType: raw.connection?.keyType ?? BUILTIN_DEFAULTS.keyType,
      tokenEnv: raw.connection?.tokenEnv ?? BUILTIN_DEFAULTS.tokenEnv,
    },
    targets: inOrder(raw.targets, ["targets"]).map(([name, t]) => ({
      name,
      url: t.url,
      keyType: t.keyType ?? null,
      tokenEnv: t.tokenEnv ?? null,
      isDefault: t.default === true,
    })),
    parallelism,
    pools,
    models,
  };
}
