// The manifest, kept current: read again at every tick (a ConfigMap's file is swapped by a
// symlink, which file watchers miss), checked when it changed, and taken only when valid.
// An invalid change is logged once with its located problems; the last good one keeps running.
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { loadManifest } from "../manifest/load-manifest.js";
import type { Manifest } from "../manifest/types.js";
import type { Selection } from "../plan/select.js";
import { fileErrorReason } from "../shared/file-errors.js";
import { problemLines } from "./describe-error.js";
import type { Logger } from "./log.js";
import { checkForWatch } from "./watch-rules.js";

export interface KeeperOptions {
  /** The manifest watch started with (already valid for watch). */
  initial: Manifest;
  cwd: string;
  selection: Selection;
  log: Logger;
}

/** Returns the manifest for this tick: the newest valid one. Never throws. */
export function createManifestKeeper(opts: KeeperOptions): () => Promise<Manifest> {
  const { initial, cwd, selection, log } = opts;
  const path = initial.path;
  let good = initial;
  let refused: string | null = null;
  let unreadable = false;
  return async () => {
    let text: string;
    try {
      text = await readFile(resolve(cwd, path), "utf8");
    } catch (err) {
      if (!unreadable) log.error("cannot read the manifest: the last good one keeps running", { manifest: path, problems: [`${path}: ${fileErrorReason(err, "read")}`] });
      unreadable = true;
      return good;
    }
    unreadable = false;
    if (text === good.source || text === refused) return good;
    try {
      const next = await loadManifest(path, { cwd });
      checkForWatch(next, selection);
      const connectionOf = (m: Manifest) => JSON.stringify([m.connection, m.targets]);
      if (connectionOf(next) !== connectionOf(good)) {
        log.warn("the manifest's connection or targets changed: they take effect when watch restarts", { manifest: path });
      }
      good = next;
      refused = null;
      log.info("manifest changed: in effect from this tick", { manifest: path, sha256: next.sha256, models: next.models.length });
    } catch (err) {
      refused = text;
      log.error("manifest change refused: the last good one keeps running", { manifest: path, problems: problemLines(err) });
    }
    return good;
  };
}
