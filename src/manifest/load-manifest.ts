import { open } from "node:fs/promises";
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

/** A manifest larger than this is refused unread (a 5,000-model one is under 1 MB). */
export const MAX_MANIFEST_BYTES = 16 * 1024 * 1024;

function tooLarge(path: string): UserError {
  return new UserError(`${path === "-" ? "stdin" : path} is larger than ${MAX_MANIFEST_BYTES / 1024 / 1024} MB: not a manifest reloadctl reads`, HINT);
}

/** The file's bytes, stopping at MAX_MANIFEST_BYTES whatever it is (a device like /dev/zero never ends). */
async function readCapped(path: string, file: string): Promise<Buffer> {
  const fh = await open(file, "r");
  try {
    const st = await fh.stat();
    if (st.isFile() && st.size > MAX_MANIFEST_BYTES) throw tooLarge(path);
    if (st.isFile() && st.size > 0) return await fh.readFile();
    const chunks: Buffer[] = [];
    let size = 0;
    for (;;) {
      const buffer = Buffer.allocUnsafe(64 * 1024);
      const { bytesRead } = await fh.read(buffer, 0, buffer.length, null);
      if (bytesRead === 0) return Buffer.concat(chunks);
      size += bytesRead;
      if (size > MAX_MANIFEST_BYTES) throw tooLarge(path);
      chunks.push(buffer.subarray(0, bytesRead));
    }
  } finally {
    await fh.close();
  }
}

function cannotRead(path: string, error: unknown): UserError {
  return new UserError(`cannot read ${path}: ${fileErrorReason(error, "read")}`, HINT);
}

export async function readProcessStdin(): Promise<string> {
  if (process.stdin.isTTY) throw new UserError("cannot read the manifest from stdin: stdin is a terminal", "pipe it in: reloadctl validate -c - < reload.config.yaml");
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin) {
    const b = typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer);
    size += b.length;
    if (size > MAX_MANIFEST_BYTES) throw tooLarge("-");
    chunks.push(b);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** Reads and parses the manifest at `path` (as the user gave it; `-` is stdin). Throws UserError or ManifestError. */
export async function loadManifest(path: string, opts: LoadManifestOptions): Promise<Manifest> {
  if (path === "") throw new UserError("the manifest path is empty", HINT);
  let bytes: Buffer;
  if (path === "-") {
    bytes = Buffer.from(await (opts.readStdin ?? readProcessStdin)(), "utf8");
    if (bytes.length > MAX_MANIFEST_BYTES) throw tooLarge(path);
  } else {
    try {
      bytes = await readCapped(path, resolve(opts.cwd, path));
    } catch (error) {
      throw error instanceof UserError ? error : cannotRead(path, error);
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
