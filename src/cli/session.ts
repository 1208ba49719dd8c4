// What every networked command opens: the manifest, the connection, the client.
import { resolveConnection, type Connection } from "../celonis/connection.js";
import type { CelonisClient } from "../celonis/client.js";
import type { Manifest } from "../manifest/types.js";
import type { Io } from "./io.js";
import { chooseTarget, type ChosenTarget } from "./target.js";
import { VERSION } from "../version.js";

export { openManifest } from "./manifest-source.js";
export { chooseTarget, type ChosenTarget } from "./target.js";

/** Where the chosen target's requests go, and with which key: checked before any module of the client loads. */
export function connectionFor(manifest: Manifest, io: Io, target: ChosenTarget = chooseTarget(manifest, undefined, io.env)): Connection {
  io.hints.tokenEnv = target.settings.tokenEnv;
  return resolveConnection(io.env, target.settings);
}

/**
 * The client for the chosen target (default: the manifest's own choice, or its `connection`).
 * The HTTP client (undici above all, ~100 ms of a cold start) loads here, not with the command,
 * so a command can say what it is about to read before that cost is paid.
 */
export async function openClient(
  manifest: Manifest,
  io: Io,
  target: ChosenTarget = chooseTarget(manifest, undefined, io.env),
  conn: Connection = connectionFor(manifest, io, target),
): Promise<CelonisClient> {
  const { createCelonisClient } = await import("../celonis/client.js");
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
