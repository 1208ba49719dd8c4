// The manifest a command works on: -c FILE, - for stdin, else ./reload.config.yaml.
// Kept apart from session.ts so `validate` never loads the HTTP client.
import { makeRedactor } from "../celonis/redact.js";
import { loadManifest, MAX_MANIFEST_BYTES } from "../manifest/load-manifest.js";
import type { Manifest } from "../manifest/types.js";
import { ManifestError } from "../shared/errors.js";
import { readAll, type Io } from "./io.js";

export const DEFAULT_MANIFEST = "reload.config.yaml";

export async function openManifest(config: string | undefined, io: Io): Promise<Manifest> {
  try {
    return await loadManifest(config ?? DEFAULT_MANIFEST, { cwd: io.cwd, readStdin: () => readAll(io.stdin, MAX_MANIFEST_BYTES) });
  } catch (err) {
    throw err instanceof ManifestError ? withoutKeys(err, io.env) : err;
  }
}

const TOKEN_ENV = /\btokenEnv\s*:\s*["']?([A-Za-z_][A-Za-z0-9_]*)/g;

/**
 * The error with every key the environment holds for this manifest masked in its code frames and
 * messages, whatever the file is: the default variable's, and each one a `tokenEnv:` names.
 */
export function withoutKeys(err: ManifestError, env: NodeJS.ProcessEnv): ManifestError {
  const names = new Set(["CELONIS_API_TOKEN", ...[...(err.source ?? "").matchAll(TOKEN_ENV)].map((m) => m[1]!)]);
  const keys = [...names].map((n) => env[n]?.trim()).filter((k): k is string => k !== undefined && k !== "");
  if (keys.length === 0) return err;
  const redactors = keys.map(makeRedactor);
  const mask = (text: string) => redactors.reduce((t, r) => r(t), text);
  const problems = err.problems.map((p) => ({ ...p, message: mask(p.message) }));
  return new ManifestError(mask(err.file), problems, err.source === undefined ? undefined : mask(err.source));
}
