// What every networked command opens: the manifest, the connection, the client.
import { resolveConnection } from "../celonis/connection.js";
import { createCelonisClient, type CelonisClient } from "../celonis/client.js";
import { loadManifest } from "../manifest/load-manifest.js";
import type { Manifest } from "../manifest/types.js";
import { UserError } from "../shared/errors.js";
import { readAll, type Io } from "./io.js";
import { VERSION } from "../version.js";

export const DEFAULT_MANIFEST = "reload.config.yaml";

export function openManifest(config: string | undefined, io: Io): Promise<Manifest> {
  return loadManifest(config ?? DEFAULT_MANIFEST, { cwd: io.cwd, readStdin: () => readAll(io.stdin) });
}

export interface Session {
  manifest: Manifest;
  client: CelonisClient;
  tokenEnv: string;
}

export function openClient(manifest: Manifest, io: Io): CelonisClient {
  const conn = resolveConnection(io.env, manifest.connection);
  return createCelonisClient({
    baseUrl: conn.baseUrl,
    key: conn.key,
    keyType: conn.keyType,
    userAgent: `reloadctl/${VERSION}`,
  });
}

export function selectionOf(values: { select?: string[] | undefined; exclude?: string[] | undefined }) {
  return { select: values.select ?? [], exclude: values.exclude ?? [] };
}

export function requireNoPositionals(command: string, positionals: string[]): void {
  if (positionals.length > 0) throw new UserError(`unexpected argument "${positionals[0]}" for \`reloadctl ${command}\``, `see: reloadctl ${command} --help`);
}
