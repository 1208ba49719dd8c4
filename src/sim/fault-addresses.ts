// `--fault POOL/MODEL:…`: a model by its address in a manifest, as the user knows it, instead of
// its id. The simulator reads the manifest's pool and model ids itself (with `yaml`, not through
// the client's manifest code: the simulator imports nothing of the client).
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type * as Yaml from "yaml";
import { UserError } from "../shared/errors.js";
import type { ModelFault } from "./types.js";

type Pools = Record<string, { models?: Record<string, { id?: unknown } | null> } | null>;

/** The faults with each POOL/MODEL key replaced by that model's id in the manifest at `manifestPath`. */
export function resolveFaultAddresses(faults: Record<string, ModelFault>, manifestPath: string): Record<string, ModelFault> {
  const addresses = Object.keys(faults).filter((key) => key.includes("/"));
  if (addresses.length === 0) return faults;
  let pools: Pools;
  try {
    const yaml = createRequire(import.meta.url)("yaml") as typeof Yaml;
    pools = ((yaml.parse(readFileSync(manifestPath, "utf8")) as { pools?: Pools } | null)?.pools ?? {}) as Pools;
  } catch (err) {
    const why = (err as NodeJS.ErrnoException).code === "ENOENT" ? "it is not found" : "it cannot be read as YAML";
    throw new UserError(`--fault ${addresses[0]}: a POOL/MODEL address is looked up in the manifest ${manifestPath}, but ${why}`, "give the manifest with -c FILE, or the model's id instead of its address");
  }
  const idOf = new Map<string, string>();
  for (const [poolKey, pool] of Object.entries(pools)) {
    for (const [modelKey, model] of Object.entries(pool?.models ?? {})) {
      if (typeof model?.id === "string") idOf.set(`${poolKey}/${modelKey}`, model.id);
    }
  }
  const out: Record<string, ModelFault> = {};
  for (const [key, fault] of Object.entries(faults)) {
    if (!key.includes("/")) {
      out[key] = { ...out[key], ...fault };
      continue;
    }
    const id = idOf.get(key);
    if (id === undefined) {
      const known = [...idOf.keys()];
      throw new UserError(`--fault ${key}: no model ${key} in ${manifestPath}`, `its addresses: ${known.slice(0, 20).join(", ") || "(none with an id)"}`);
    }
    out[id] = { ...out[id], ...fault };
  }
  return out;
}
