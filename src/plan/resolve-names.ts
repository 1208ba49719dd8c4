// Pools and models named in the manifest, resolved to ids through the listings, as table words are
// through the tables: a name matches exactly, else case-insensitively, each step only when it picks
// exactly one. The listings are read once per run (pools once, each pool's models once), all at
// once, through the client's own bounds and pacing; a manifest of ids reads none.
import type { CallOptions, CelonisApi } from "../celonis/api.js";
import { isNotFound } from "../celonis/errors.js";
import type { UnplacedProblem } from "../manifest/locate.js";
import type { ManifestModel, ManifestPool } from "../manifest/types.js";
import { closest, editDistance } from "../shared/closest.js";
import type { DataModelInfo, PoolInfo } from "../shared/types.js";

export interface Named {
  id: string;
  name: string;
}

export type NameResolution<T extends Named> =
  | { ok: true; item: T }
  | { ok: false; reason: "ambiguous"; candidates: T[] }
  | { ok: false; reason: "unknown"; closest: string[] };

export function resolveName<T extends Named>(name: string, items: readonly T[]): NameResolution<T> {
  const lower = name.toLowerCase();
  for (const step of [(i: T) => i.name === name, (i: T) => i.name.toLowerCase() === lower]) {
    const hits = items.filter(step);
    if (hits.length === 1) return { ok: true, item: hits[0]! };
    if (hits.length > 1) return { ok: false, reason: "ambiguous", candidates: hits };
  }
  // Only names a slip of the keyboard away: a list of unrelated names helps nobody.
  const near = closest(name, [...new Set(items.map((i) => i.name))]).filter(
    (n) => editDistance(name, n) <= Math.max(2, Math.floor(name.length / 4)) || n.toLowerCase().includes(lower) || lower.includes(n.toLowerCase()),
  );
  return { ok: false, reason: "unknown", closest: near };
}

/** A model with the ids it names, given or looked up. */
export interface ResolvedModel extends ManifestModel {
  poolId: string;
  modelId: string;
  /** The service's names, where the manifest gave a name and it was looked up; else null. */
  foundPoolName: string | null;
  foundModelName: string | null;
}

export interface NameResolutionResult {
  models: ResolvedModel[];
  /** Located at the `name` (or `id`) the problem is about. */
  problems: UnplacedProblem[];
}

const quoted = (s: string) => JSON.stringify(s);

/** `no data pool is named "Finanse"; did you mean "Finance"?` and the like. */
export function nameMessage(subject: string, what: string, where: string, name: string, r: Exclude<NameResolution<Named>, { ok: true }>, count: number): string {
  if (r.reason === "ambiguous") {
    const list = r.candidates.map((c) => `${quoted(c.name)} (id ${c.id})`).join(", ");
    return `${subject}: ${r.candidates.length} ${what}s${where} match the name ${quoted(name)}: ${list}; write the \`id\` of the one you mean instead of \`name\``;
  }
  const hint =
    r.closest.length > 0 ? `; did you mean ${r.closest.map(quoted).join(" or ")}?` : count === 0 ? `; the key sees no ${what}s${where}` : `; none of the ${what}s${where} (${count}) is close`;
  return `${subject}: no ${what}${where} is named ${quoted(name)}${hint}`;
}

const poolPath = (key: string) => ["pools", key];
const modelPath = (m: ManifestModel) => ["pools", m.poolKey, "models", m.modelKey];

/**
 * Resolves the pools and models of `models` that the manifest names; those given by id pass as they
 * are. Every problem is returned (none thrown) so plan shows them all at once, located; an answer
 * other than 404 (auth, network, 5xx after retries) is thrown: it is not the manifest's.
 */
export async function resolveNames(pools: readonly ManifestPool[], models: readonly ManifestModel[], api: CelonisApi, opts: CallOptions = {}): Promise<NameResolutionResult> {
  const problems: UnplacedProblem[] = [];
  const used = new Map(pools.filter((p) => models.some((m) => m.poolKey === p.key)).map((p) => [p.key, p]));
  let poolListing: Promise<PoolInfo[]> | null = null;
  const listPools = () => (poolListing ??= api.listPools(opts));
  const modelListings = new Map<string, Promise<DataModelInfo[]>>();
  const listModels = (poolId: string) => {
    let listing = modelListings.get(poolId);
    if (!listing) modelListings.set(poolId, (listing = api.listModels(poolId, opts)));
    return listing;
  };

  /** The pool's id and the service's name for it, or null after a problem. */
  async function resolvePool(pool: ManifestPool): Promise<{ id: string; name: string | null } | null> {
    if (pool.id !== null) return { id: pool.id, name: null };
    const name = pool.name!;
    const all = await listPools();
    const r = resolveName(name, all);
    if (r.ok) return { id: r.item.id, name: r.item.name };
    problems.push({ path: [...poolPath(pool.key), "name"], message: nameMessage(`pool \`${pool.key}\``, "data pool", "", name, r, all.length) });
    return null;
  }

  async function resolvePoolModels(pool: ManifestPool): Promise<ResolvedModel[]> {
    const resolved = await resolvePool(pool);
    if (resolved === null) return [];
    const mine = models.filter((m) => m.poolKey === pool.key);
    let listing: DataModelInfo[] | null = null;
    if (mine.some((m) => m.modelId === null)) {
      try {
        listing = await listModels(resolved.id);
      } catch (err) {
        if (!isNotFound(err)) throw err;
        problems.push({
          path: [...poolPath(pool.key), pool.id !== null ? "id" : "name"],
          message: `pool \`${pool.key}\`: the service knows no data pool ${resolved.id} (404); check the ${pool.id !== null ? "id" : "name"}`,
        });
        return [];
      }
    }
    const out: ResolvedModel[] = [];
    for (const m of mine) {
      const base = { ...m, poolId: resolved.id, foundPoolName: resolved.name };
      if (m.modelId !== null) {
        out.push({ ...base, modelId: m.modelId, foundModelName: null });
        continue;
      }
      const name = m.modelName!;
      const r = resolveName(name, listing ?? []);
      if (r.ok) out.push({ ...base, modelId: r.item.id, foundModelName: r.item.name });
      else {
        const where = ` in pool ${quoted(resolved.name ?? pool.name ?? resolved.id)}`;
        problems.push({ path: [...modelPath(m), "name"], message: nameMessage(`model \`${m.address}\``, "data model", where, name, r, listing?.length ?? 0) });
      }
    }
    return out;
  }

  const perPool = await Promise.all([...used.values()].map(resolvePoolModels));
  const byAddress = new Map(perPool.flat().map((m) => [m.address, m]));
  const resolved = models.flatMap((m) => byAddress.get(m.address) ?? []);
  problems.push(...sameModelProblems(resolved));
  return { models: resolved, problems };
}

/** Two addresses that name one data model (one by id, one by name; or two names that fold together). */
function sameModelProblems(models: readonly ResolvedModel[]): UnplacedProblem[] {
  const first = new Map<string, ResolvedModel>();
  const problems: UnplacedProblem[] = [];
  for (const m of models) {
    const key = `${m.poolId}\u0000${m.modelId}`;
    const earlier = first.get(key);
    if (earlier === undefined) first.set(key, m);
    else {
      problems.push({
        path: [...modelPath(m), m.modelName !== null ? "name" : "id"],
        message: `model \`${m.address}\` is data model ${m.modelId}, as \`${earlier.address}\` is: declare each model once`,
      });
    }
  }
  return problems;
}
