// Writing a file the user named (a plan, a report): a regular file, or none yet, is replaced
// atomically — written beside it, then renamed — so a reader never sees half of it. A symlink is
// followed to its target, which is written the same way. Anything else but a directory (a device
// like /dev/stdout, a FIFO) is written to directly: renaming over it would replace the node itself.
import { lstat, readlink, realpath, rename, stat, unlink, writeFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { UserError } from "./errors.js";
import { fileErrorReason } from "./file-errors.js";

/** Throws the file system's error (with its `code`) when the text cannot be written. */
export async function replaceFile(path: string, text: string): Promise<void> {
  let target: string;
  let direct: boolean;
  try {
    target = await realpath(path);
    const st = await stat(target);
    if (st.isDirectory()) throw Object.assign(new Error(`${path} is a directory`), { code: "EISDIR" });
    direct = !st.isFile();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "ENOENT") throw err;
    target = await danglingTarget(path);
    direct = false;
  }
  if (direct) return writeFile(target, text);
  const tmp = `${target}.tmp-${process.pid}-${Date.now()}`;
  try {
    await writeFile(tmp, text, { mode: 0o644 });
    await rename(tmp, target);
  } catch (err) {
    await unlink(tmp).catch(() => {});
    throw err;
  }
}

/** Where a path that does not exist yet will be: a dangling symlink's target, else the path. */
async function danglingTarget(path: string): Promise<string> {
  try {
    const st = await lstat(path);
    return st.isSymbolicLink() ? resolve(dirname(path), await readlink(path)) : path;
  } catch {
    return path;
  }
}

/**
 * replaceFile, its failure said as the user's error: `cannot write the WHAT to SHOWN: reason`
 * (`cannot write SHOWN` without `what`), with `hint`. `shown` defaults to `path`.
 */
export async function writeFileForUser(path: string, text: string, opts: { what?: string; shown?: string; hint: string }): Promise<void> {
  try {
    await replaceFile(path, text);
  } catch (err) {
    const shown = opts.shown ?? path;
    const where = opts.what === undefined ? shown : `the ${opts.what} to ${shown}`;
    throw new UserError(`cannot write ${where}: ${fileErrorReason(err, "write")}`, opts.hint);
  }
}
