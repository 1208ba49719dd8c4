// The typed, defaulted manifest that manifest/ produces from reload.config.yaml.
// The format's single source is schemas/reload.config.schema.json; these types follow it.

export type KeyType = "USER_KEY" | "APP_KEY";
export type OnWarning = "fail" | "succeed";
export type OnRunning = "wait" | "skip" | "fail";

/** What the manifest declares for one model. */
export type ReloadSpec =
  | { kind: "full" }
  | { kind: "cache" }
  /** `tables` are the words as written (alias or name), in manifest order. */
  | { kind: "partial"; tables: string[] };

export interface ManifestModel {
  /** `POOL/MODEL`, from the manifest keys. */
  address: string;
  poolKey: string;
  modelKey: string;
  /** The manifest gives exactly one of a pool's `id` and `name` (a name is looked up at plan time). */
  poolId: string | null;
  poolName: string | null;
  /** The manifest gives exactly one of a model's `id` and `name`. */
  modelId: string | null;
  modelName: string | null;
  reload: ReloadSpec;
  tags: string[];
  /** Effective settings: the model's own, else the pool's defaults, else the manifest's, else built-in. */
  timeoutMs: number;
  maxAgeMs: number;
  onWarning: OnWarning;
  onRunning: OnRunning;
}

export interface ManifestPool {
  key: string;
  /** Exactly one of `id` and `name` is set. */
  id: string | null;
  name: string | null;
  /** Loads in flight at once within this pool. */
  poolParallelism: number;
}

/** One of the manifest's `targets`: a tenant to run against. */
export interface ManifestTarget {
  name: string;
  url: string;
  /** null: the manifest's `connection` setting (else the built-in default). */
  keyType: KeyType | null;
  tokenEnv: string | null;
  isDefault: boolean;
}

export interface Manifest {
  /** The path as the user gave it (`-` for stdin), for messages and the plan document. */
  path: string;
  /** sha256 hex of the exact bytes read. */
  sha256: string;
  /** The text, to locate problems found later (plan's table resolution) and show them in code
   * frames. A valid manifest holds no secret: key-like fields are refused. */
  source: string;
  version: 1;
  connection: {
    url: string | null;
    keyType: KeyType;
    tokenEnv: string;
  };
  /** `targets`, in manifest order; empty when it declares none. */
  targets: ManifestTarget[];
  /** Loads in flight at once, all pools together. */
  parallelism: number;
  pools: ManifestPool[];
  /** Every model, flattened, in manifest order (pools in order, then models in order). */
  models: ManifestModel[];
}

/** Built-in defaults, used where neither the manifest's `defaults` nor a model sets a value. */
export const BUILTIN_DEFAULTS = {
  parallelism: 4,
  poolParallelism: 2,
  timeoutMs: 2 * 60 * 60 * 1000,
  maxAgeMs: 0,
  onWarning: "fail" as OnWarning,
  onRunning: "wait" as OnRunning,
  keyType: "USER_KEY" as KeyType,
  tokenEnv: "CELONIS_API_TOKEN",
};
