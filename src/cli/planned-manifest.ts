// A plan file is data from anywhere (an artifact): the manifest path it names is opened only if
// it is a regular file the user could have meant as a manifest — never a device, a FIFO, or a
// file of /proc, /sys or /dev (`/proc/self/environ` would print the environment, the key in it).
import { realpathSync, statSync } from "node:fs";
import { resolve, sep } from "node:path";
import { UserError } from "../shared/errors.js";

const SYSTEM_TREES = ["/proc", "/sys", "/dev"];

/** Returns `path` when it may be read as the plan's manifest; throws a UserError saying why not. */
export function checkPlannedManifest(path: string, cwd: string): string {
  if (path === "-") return path;
  const refuse = (why: string) =>
    new UserError(`the plan names its manifest as ${JSON.stringify(path)}, which ${why}; nothing was applied`, "pass the manifest yourself: reloadctl apply PLAN -c FILE");
  let real: string;
  try {
    real = realpathSync(resolve(cwd, path));
  } catch {
    return path; // missing: opening it says so in words
  }
  if (SYSTEM_TREES.some((tree) => real === tree || real.startsWith(tree + sep))) throw refuse(`is a system file (${real}), not a manifest`);
  const st = statSync(real);
  if (st.isDirectory()) return path; // opening it says "it is a directory"
  if (!st.isFile()) throw refuse(st.isFIFO() ? "is a FIFO, not a manifest file" : st.isSocket() ? "is a socket, not a manifest file" : "is a device, not a manifest file");
  return path;
}
