// What every networked command opens: the manifest, the connection, the client.
import { resolveConnection } from "../celonis/connection.js";
import { createCelonisClient, type CelonisClient } from "../celonis/client.js";
import type { Manifest } from "../manifest/types.js";
import type { Io } from "./io.js";
import { chooseTarget, type ChosenTarget } from "./target.js";
import { VERSION } from "../version.js";

export { openManifest } from "./manifest-source.js";
export { chooseTarget, type ChosenTarget } from "./target.js";

/** The client for the chosen target (default: the manifest's own choice, or its `connection`). */
export function openClient(manifest: Manifest, io: Io, target: ChosenTarget = chooseTarget(manifest, undefined, io.env)): CelonisClient {
  io.hints.tokenEnv = target.settings.tokenEnv;
  const conn = resolveConnection(io.env, target.settings);
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
