// status: each declared model's last load, read concurrently; one model's error hides no other.
import type { CelonisApi } from "../celonis/api.js";
import { ApiError } from "../celonis/errors.js";
import { ModelError } from "../shared/errors.js";
import type { Manifest } from "../manifest/types.js";
import { manifestProblems } from "../manifest/locate.js";
import { resolveNames } from "../plan/resolve-names.js";
import { applySelection, type Selection } from "../plan/select.js";
import type { StatusDocument, StatusRow } from "./types.js";
import { VERSION } from "../version.js";

export async function readStatus(manifest: Manifest, api: CelonisApi, selection: Selection, now: number): Promise<StatusDocument> {
  const named = await resolveNames(manifest.pools, applySelection(manifest.models, selection), api);
  if (named.problems.length > 0) throw manifestProblems(manifest, named.problems);
  const models = named.models;
  const rows = await Promise.all(
    models.map(async (m): Promise<StatusRow> => {
      const base = { address: m.address, pool: m.poolKey, model: m.modelKey, poolId: m.poolId, modelId: m.modelId, poolName: m.foundPoolName, modelName: m.foundModelName };
      try {
        return { ...base, lastLoad: await api.lastLoad({ poolId: m.poolId, modelId: m.modelId }), error: null };
      } catch (err) {
        // A refused key or an unreachable service is not about one model: say it once.
        if (!(err instanceof ApiError) || err.status === 401 || err.kind === "network") throw new ModelError(m.address, err);
        // The row shows the status beside the message, so the message is the service's own words.
        return { ...base, lastLoad: null, error: { status: err.status, message: err.serviceMessage ?? err.message } };
      }
    }),
  );
  return {
    formatVersion: 1,
    tool: { name: "reloadctl", version: VERSION },
    createdAt: new Date(now).toISOString(),
    baseUrl: api.baseUrl,
    manifest: { path: manifest.path, sha256: manifest.sha256 },
    models: rows,
  };
}
