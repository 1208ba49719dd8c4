// The manifest a command works on: -c FILE, - for stdin, else ./reload.config.yaml.
// Kept apart from session.ts so `validate` never loads the HTTP client.
import { loadManifest } from "../manifest/load-manifest.js";
import type { Manifest } from "../manifest/types.js";
import { readAll, type Io } from "./io.js";

export const DEFAULT_MANIFEST = "reload.config.yaml";

export function openManifest(config: string | undefined, io: Io): Promise<Manifest> {
  return loadManifest(config ?? DEFAULT_MANIFEST, { cwd: io.cwd, readStdin: () => readAll(io.stdin) });
}
