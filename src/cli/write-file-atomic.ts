// Reports a run leaves behind (JUnit, results): written beside the target, then renamed, so a CI
// step that reads them never sees half a file, whatever stopped the run (a device or FIFO is
// written directly, a symlink followed: see replaceFile).
import { resolve } from "node:path";
import { replaceFile } from "../shared/replace-file.js";
import { UserError } from "../shared/errors.js";
import { fileErrorReason } from "../shared/file-errors.js";

export async function writeFileAtomic(cwd: string, path: string, text: string, what: string): Promise<void> {
  try {
    await replaceFile(resolve(cwd, path), text);
  } catch (err) {
    throw new UserError(`cannot write the ${what} to ${path}: ${fileErrorReason(err, "write")}`, "give a file path in a directory that exists");
  }
}
