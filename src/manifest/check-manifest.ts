// The checks a schema cannot express. They read the raw value defensively, so they run (and
// report) even when the schema found problems elsewhere.
import { parseDuration } from "../shared/duration.js";
import { isLoopbackHost } from "../shared/loopback.js";
import { ENV_NAME_SHAPE, isPlausibleEnvName } from "../shared/env-name.js";
import { BUILTIN_DEFAULTS } from "./types.js";
import type { ProblemList } from "./problem-list.js";
import type { ManifestLocator, PathSegment } from "./locator.js";

type RawMap = Record<string, unknown>;

const POOL_KEYS = new Set(["id", "name", "poolParallelism", "defaults", "models"]);

function asMap(value: unknown): RawMap | null {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as RawMap) : null;
}

function isCount(value: unknown): value is number {
  return typeof value === "number" && Number.isInteger(value) && value >= 1;
}

/** The map's entries whose values are maps, in document order. */
function entries(value: unknown, path: PathSegment[], locator: ManifestLocator): Array<[string, RawMap]> {
  const map = asMap(value);
  if (!map) return [];
  const keys = locator.keysOf(path) ?? Object.keys(map);
  return keys.flatMap((key) => {
    const inner = Object.hasOwn(map, key) ? asMap(map[key]) : null;
    return inner ? [[key, inner] as [string, RawMap]] : [];
  });
}

export function checkManifest(data: unknown, locator: ManifestLocator, problems: ProblemList): void {
  const root = asMap(data);
  if (!root) return;
  const defaults = asMap(root.defaults);
  const pools = entries(root.pools, ["pools"], locator);
  const lineOf = (path: readonly PathSegment[]): number => locator.locateValue(path).line;
  const report = (path: PathSegment[], message: string): void => problems.add(locator.locateValue(path), message, path);
  const tokenEnv = asMap(root.connection)?.tokenEnv;
  if (typeof tokenEnv === "string" && ENV_NAME_SHAPE.test(tokenEnv) && !isPlausibleEnvName(tokenEnv)) {
    report(["connection", "tokenEnv"], "`connection.tokenEnv` must be the name of an environment variable in capitals, like CELONIS_API_TOKEN: this value looks like a key, and keys never go in the manifest");
  }
  const checkUrl = (path: PathSegment[], url: unknown, name: string): void => {
    if (typeof url !== "string") return;
    let parsed: URL | null = null;
    try {
      parsed = new URL(url);
    } catch {
      report(path, `\`${name}\` must be a URL like https://acme.eu-1.celonis.cloud`);
    }
    if (parsed && parsed.protocol !== "https:" && !(parsed.protocol === "http:" && isLoopbackHost(parsed.hostname))) {
      report(path, `\`${name}\` must use https:// (plain http:// only to localhost, 127.0.0.0/8 or [::1]): the key must not cross the network unencrypted`);
    }
  };
  checkUrl(["connection", "url"], asMap(root.connection)?.url, "connection.url");
  checkTargets(root, locator, report, checkUrl);
  if (root.pools === undefined || root.pools === null) {
    report([], "the manifest declares no pools: add `pools:` with at least one pool and one model");
  }
  const declaredPools = asMap(root.pools);
  if (declaredPools && Object.keys(declaredPools).length === 0) {
    report(["pools"], "`pools` declares no pool: a manifest needs at least one pool with one model");
  }

  const written = isCount(defaults?.parallelism);
  const parallelism = isCount(defaults?.parallelism) ? defaults.parallelism : BUILTIN_DEFAULTS.parallelism;
  const checkPoolParallelism = (path: PathSegment[], value: unknown): void => {
    if (!isCount(value) || value <= parallelism) return;
    const limit = written ? `${parallelism}` : `${parallelism}, the default`;
    report(path, `\`poolParallelism\` (${value}) is more than \`parallelism\` (${limit}): a pool cannot run more loads at once than all pools together`);
  };
  checkPoolParallelism(["defaults", "poolParallelism"], defaults?.poolParallelism);

  const checkTimeout = (path: PathSegment[], value: unknown): void => {
    if (typeof value === "string" && parseDuration(value) === 0) report(path, "`timeout` must be longer than 0s");
  };
  checkTimeout(["defaults", "timeout"], defaults?.timeout);

  const poolByRef = new Map<string, string>();
  const modelById = new Map<string, { address: string; path: PathSegment[] }>();
  for (const [poolKey, pool] of pools) {
    const poolPath: PathSegment[] = ["pools", poolKey];
    checkPoolParallelism([...poolPath, "poolParallelism"], pool.poolParallelism);
    checkTimeout([...poolPath, "defaults", "timeout"], asMap(pool.defaults)?.timeout);

    // A pool is named by `id` or by `name` (the schema says which of them to give): the same one twice is one pool.
    const poolRef = refOf(pool);
    if (poolRef !== null) {
      const first = poolByRef.get(poolRef.key);
      if (first === undefined) poolByRef.set(poolRef.key, poolKey);
      else {
        report(
          [...poolPath, poolRef.field],
          `pool ${poolRef.field} \`${poolRef.value}\` is already declared by pool \`${first}\` (line ${lineOf(["pools", first, poolRef.field])}): declare each pool once, with all its models`,
        );
      }
    }

    const models = pool.models === undefined || pool.models === null ? {} : asMap(pool.models);
    // With an unknown key in the pool (`modles:`), that key is the problem to report.
    const onlyKnownKeys = Object.keys(pool).every((key) => POOL_KEYS.has(key));
    if (models && Object.keys(models).length === 0 && onlyKnownKeys) {
      problems.add(locator.locateKey(["pools"], poolKey), `pool \`${poolKey}\` declares no models: add them under \`models:\`, or remove the pool`, poolPath);
    }

    for (const [modelKey, model] of entries(pool.models, [...poolPath, "models"], locator)) {
      const modelPath = [...poolPath, "models", modelKey];
      const address = `${poolKey}/${modelKey}`;
      checkTimeout([...modelPath, "timeout"], model.timeout);
      const modelRef = refOf(model);
      if (poolRef !== null && modelRef !== null) {
        const id = `${poolRef.key}\u0000${modelRef.key}`;
        const first = modelById.get(id);
        if (first === undefined) modelById.set(id, { address, path: [...modelPath, modelRef.field] });
        else {
          report(
            [...modelPath, modelRef.field],
            `model \`${address}\` is the same data model as \`${first.address}\` (line ${lineOf(first.path)}): declare each model once`,
          );
        }
      }
      checkTables(asMap(model.reload)?.tables, [...modelPath, "reload", "tables"], address, locator, report);
    }
  }
}

function checkTargets(
  root: RawMap,
  locator: ManifestLocator,
  report: (path: PathSegment[], message: string) => void,
  checkUrl: (path: PathSegment[], url: unknown, name: string) => void,
): void {
  const targets = entries(root.targets, ["targets"], locator);
  const declared = asMap(root.targets);
  if (declared && Object.keys(declared).length === 0) report(["targets"], "`targets` declares no target: add one (`NAME: { url: … }`), or remove `targets`");
  if (targets.length > 0 && typeof asMap(root.connection)?.url === "string") {
    report(["connection", "url"], "`connection.url` is not used when the manifest has `targets`: each target gives its own `url`");
  }
  let firstDefault: string | null = null;
  for (const [name, target] of targets) {
    checkUrl(["targets", name, "url"], target.url, `targets.${name}.url`);
    const tokenEnv = target.tokenEnv;
    if (typeof tokenEnv === "string" && ENV_NAME_SHAPE.test(tokenEnv) && !isPlausibleEnvName(tokenEnv)) {
      report(["targets", name, "tokenEnv"], `\`tokenEnv\` of target \`${name}\` must be the name of an environment variable in capitals, like CELONIS_API_TOKEN: this value looks like a key, and keys never go in the manifest`);
    }
    if (target.default !== true) continue;
    if (firstDefault === null) firstDefault = name;
    else {
      const line = locator.locateValue(["targets", firstDefault, "default"]).line;
      report(["targets", name, "default"], `target \`${name}\` is marked \`default: true\`, as \`${firstDefault}\` is (line ${line}): at most one target is the default`);
    }
  }
}

/** How a pool or model is named, when by exactly one of `id` and `name`; a name never equals an id here. */
function refOf(map: RawMap): { field: "id" | "name"; value: string; key: string } | null {
  const id = typeof map.id === "string" ? map.id : null;
  const name = typeof map.name === "string" ? map.name : null;
  if (id !== null && name === null) return { field: "id", value: id, key: `id\u0000${id}` };
  if (name !== null && id === null) return { field: "name", value: name, key: `name\u0000${name}` };
  return null;
}

function checkTables(
  tables: unknown,
  path: PathSegment[],
  address: string,
  locator: ManifestLocator,
  report: (path: PathSegment[], message: string) => void,
): void {
  if (!Array.isArray(tables)) return;
  const seen = new Map<string, number>();
  tables.forEach((word: unknown, index) => {
    if (typeof word !== "string") return;
    const folded = word.toLowerCase();
    const firstIndex = seen.get(folded);
    if (firstIndex === undefined) {
      seen.set(folded, index);
      return;
    }
    const firstWord = tables[firstIndex] as string;
    const firstLine = locator.locateValue([...path, firstIndex]).line;
    const message =
      firstWord === word
        ? `table \`${word}\` is listed twice in \`${address}\` (first on line ${firstLine})`
        : `table \`${word}\` is listed twice in \`${address}\`: as \`${firstWord}\` on line ${firstLine} (table words match case-insensitively)`;
    report([...path, index], message);
  });
}
