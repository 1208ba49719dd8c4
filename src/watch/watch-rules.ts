// What watch asks of a manifest beyond validity: every model it keeps fresh has a maxAge, or it
// would reload that model at every tick.
import type { Manifest } from "../manifest/types.js";
import { manifestProblems } from "../manifest/locate.js";
import { applySelection, type Selection } from "../plan/select.js";

/** The selected models; throws a located ManifestError when any has no maxAge (UserError for a bad selection). */
export function checkForWatch(manifest: Manifest, selection: Selection) {
  const models = applySelection(manifest.models, selection);
  const without = models.filter((m) => m.maxAgeMs <= 0);
  if (without.length === 0) return models;
  throw manifestProblems(
    manifest,
    without.map((m) => ({
      path: ["pools", m.poolKey, "models"],
      key: m.modelKey,
      message: `${m.address} has no maxAge: watch would reload it at every tick; set maxAge on it (or defaults.maxAge), or leave it out with --exclude ${m.address}`,
    })),
  );
}
