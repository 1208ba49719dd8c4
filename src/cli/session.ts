// What every networked command opens: the manifest, the connection, the client.
import { resolveConnection } from "../celonis/connection.js";
import { createCelonisClient, type CelonisClient } from "../celonis/client.js";
import type { Manifest } from "../manifest/types.js";
import type { Io } from "./io.js";
import { VERSION } from "../version.js";

export { openManifest } from "./manifest-source.js";

export function openClient(manifest: Manifest, io: Io): CelonisClient {
  io.hints.tokenEnv = manifest.connection.tokenEnv;
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
