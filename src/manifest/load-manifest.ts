import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { UserError } from "../shared/errors.js";
import { fileErrorReason } from "../shared/file-errors.js";
import { displayFile } from "./display-file.js";
import { parseFast } from "./fast-path.js";
import type { Manifest } from "./types.js";

export interface LoadManifestOptions {
  /** Relative paths are read from here. */
  cwd: string;
  /** Reads all of stdin, for path `-`; defaults to process.stdin. */
  readStdin?: () => Promise<string>;
}

const HINT = "pass the manifest with -c FILE (or -c - to read it from stdin)";

function cannotRead(path: string, error: unknown): UserError {
  return new UserError(`cannot read ${path}: ${fileErrorReason(error, "read")}`, HINT);
}

export async function readProcessStdin(): Promise<string> {
  if (process.stdin.isTTY) throw new UserError("cannot read the manifest from stdin: stdin is a terminal", "pipe it in: reloadctl validate -c - < reload.config.yaml");
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString("utf8");
}

/** Reads and parses the manifest at `path` (as the user gave it; `-` is stdin). Throws UserError or ManifestError. */
export async function loadManifest(path: string, opts: LoadManifestOptions): Promise<Manifest> {
  let bytes: Buffer;
  if (path === "-") {
    bytes = Buffer.from(await (opts.readStdin ?? readProcessStdin)(), "utf8");
  } else {
    try {
      bytes = await readFile(resolve(opts.cwd, path));
    } catch (error) {
      throw cannotRead(path, error);
    }
  }
  const text = bytes.toString("utf8");
  // The hash is worked out when first read: validate never needs it, and node:crypto costs start-up.
  let sha256: string | undefined;
  const hash = () => (sha256 ??= process.getBuiltinModule("node:crypto").createHash("sha256").update(bytes).digest("hex"));
  const meta = { path, file: displayFile(path), sha256: "" };
  // The thorough path (yaml, every problem located) is loaded only when the fast one declines.
  const manifest = parseFast(text, meta) ?? (await import("./parse-manifest.js")).parseManifest(text, path, hash());
  return Object.defineProperty(manifest, "sha256", { get: hash, enumerable: true, configurable: true });
}
