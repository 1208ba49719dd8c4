// Reports a run leaves behind (JUnit, results): written beside the target, then renamed, so a CI
// step that reads them never sees half a file, whatever stopped the run.
import { rename, unlink, writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import { UserError } from "../shared/errors.js";
import { fileErrorReason } from "../shared/file-errors.js";

export async function writeFileAtomic(cwd: string, path: string, text: string, what: string): Promise<void> {
  const target = resolve(cwd, path);
  const tmp = `${target}.tmp-${process.pid}-${Date.now()}`;
  try {
    await writeFile(tmp, text, { mode: 0o644 });
    await rename(tmp, target);
  } catch (err) {
    await unlink(tmp).catch(() => {});
    throw new UserError(`cannot write the ${what} to ${path}: ${fileErrorReason(err, "write")}`, "give a file path in a directory that exists");
  }
}
