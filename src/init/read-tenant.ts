// What `reloadctl init` reads of a tenant, through the same port as plan: the pools (all, or those
// asked for by name or id), each pool's models, and each model's tables (counted, for a comment).
import type { CallOptions, CelonisApi } from "../celonis/api.js";
import { resolveName } from "../plan/resolve-names.js";
import { UserError } from "../shared/errors.js";
import type { PoolInfo } from "../shared/types.js";
import type { TenantPool } from "./write-manifest.js";

export interface ReadProgress {
  /** Models whose tables have been counted, of those found so far. */
  modelsRead: number;
  modelsFound: number;
  poolsRead: number;
  pools: number;
}

export interface ReadTenantOptions extends CallOptions {
  /** `--pool NAME|ID`, in order; empty: every pool the key can see. */
  pools: readonly string[];
  onProgress?: (p: ReadProgress) => void;
}

/** The pools `wanted` names (an id exactly, else a name as plan resolves names), in the order asked. */
export function pickPools(all: readonly PoolInfo[], wanted: readonly string[]): PoolInfo[] {
  if (wanted.length === 0) return [...all];
  const picked = new Map<string, PoolInfo>();
  for (const word of wanted) {
    const byId = all.find((p) => p.id === word);
    const r = byId ? ({ ok: true, item: byId } as const) : resolveName(word, all);
    if (r.ok) {
      picked.set(r.item.id, r.item);
      continue;
    }
    if (r.reason === "ambiguous") {
      const list = r.candidates.map((c) => `${JSON.stringify(c.name)} (id ${c.id})`).join(", ");
      throw new UserError(`--pool ${JSON.stringify(word)} matches ${r.candidates.length} data pools: ${list}`, "pass the id of the one you mean: --pool ID");
    }
    const near = r.closest.length > 0 ? `did you mean ${r.closest.map((n) => JSON.stringify(n)).join(" or ")}? ` : "";
    const seen = all.length === 0 ? "the key sees no data pools" : `the key sees ${all.length}: ${all.slice(0, 8).map((p) => JSON.stringify(p.name)).join(", ")}${all.length > 8 ? ", …" : ""}`;
    throw new UserError(`--pool ${JSON.stringify(word)}: no data pool has this id or name`, `${near}${seen}`);
  }
  return [...picked.values()];
}

export async function readTenant(api: CelonisApi, opts: ReadTenantOptions): Promise<TenantPool[]> {
  const call: CallOptions = opts.signal ? { signal: opts.signal } : {};
  const pools = pickPools(await api.listPools(call), opts.pools);
  const progress: ReadProgress = { modelsRead: 0, modelsFound: 0, poolsRead: 0, pools: pools.length };
  const tell = () => opts.onProgress?.({ ...progress });
  tell();
  // Every pool and every model at once: the client holds the requests within its bounds and pace.
  return Promise.all(
    pools.map(async (pool): Promise<TenantPool> => {
      const models = await api.listModels(pool.id, call);
      progress.poolsRead++;
      progress.modelsFound += models.length;
      tell();
      return {
        id: pool.id,
        name: pool.name,
        models: await Promise.all(
          models.map(async (m) => {
            const tables = await api.listTables({ poolId: pool.id, modelId: m.id }, call);
            progress.modelsRead++;
            tell();
            return { id: m.id, name: m.name, tableCount: tables.length };
          }),
        ),
      };
    }),
  );
}
