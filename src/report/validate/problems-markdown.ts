// validate for a pull-request comment or a job summary.
import type { Manifest } from "../../manifest/types.js";
import { displayFile } from "../../manifest/display-file.js";
import type { ManifestError } from "../../shared/errors.js";

/** A message for a list item: markdown escaped outside its `code spans`, where a backslash would show. */
const inline = (text: string): string =>
  text
    .replace(/\r?\n/g, " ")
    .split("`")
    .map((part, i, parts) => (i % 2 === 1 && i < parts.length - 1 ? part : part.replace(/[\\*_[\]<>|]/g, (c) => `\\${c}`)))
    .join("`");

/** The problems as a list under a heading naming the command that found them. */
export function renderProblemsMarkdown(err: ManifestError, command = "validate"): string {
  const n = err.problems.length;
  const lines = [`### reloadctl ${command}: ${n} problem${n === 1 ? "" : "s"} in \`${err.file}\``, ""];
  for (const p of err.problems) lines.push(`- \`${p.file}:${p.line}:${p.column}\` ${inline(p.message)}`);
  return lines.join("\n");
}

export function renderValidMarkdown(manifest: Manifest): string {
  return `### reloadctl validate: \`${displayFile(manifest.path)}\` is valid (${manifest.pools.length} pools, ${manifest.models.length} models)`;
}
