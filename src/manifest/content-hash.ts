// What a manifest says, apart from how it is written: its data, in its order, without comments,
// blank lines, indentation or quoting style. A plan records it so that apply can tell an edit
// that changed nothing but comments or layout from one that changed a setting.
import { createHash } from "node:crypto";
import { yamlLib } from "./yaml-lib.js";

/** sha256 hex of the manifest's data as JSON (key order kept: it is the models' order). */
export function contentSha256(source: string): string {
  const data: unknown = yamlLib().parse(source);
  return createHash("sha256").update(JSON.stringify(data ?? null)).digest("hex");
}
