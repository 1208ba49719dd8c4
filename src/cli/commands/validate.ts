import { CI_OPTIONS, COMMON_OPTIONS, parse } from "../args.js";
import { openCiOutputs } from "../ci-outputs.js";
import { HELP } from "../help.js";
import type { Io } from "../io.js";
import { resolveFormat, useColor } from "../output.js";
import { openManifest } from "../manifest-source.js";
import { renderValidJson, renderValidText } from "../../report/validate/problems.js";
import { ManifestError } from "../../shared/errors.js";
import { renderValidMarkdown } from "../../report/validate/problems-markdown.js";

export const VALIDATE_OPTIONS = {
  help: COMMON_OPTIONS.help,
  config: COMMON_OPTIONS.config,
  format: COMMON_OPTIONS.format,
  json: COMMON_OPTIONS.json,
  "no-color": COMMON_OPTIONS["no-color"],
  ...CI_OPTIONS,
} as const;

export async function validateCommand(args: string[], io: Io): Promise<number> {
  const { values } = parse("validate", args, VALIDATE_OPTIONS);
  if (values.help) return io.stdout.write(`${HELP.validate}\n`), 0;
  const format = resolveFormat(values, io);
  const color = useColor(values, io, format);
  const ci = openCiOutputs(values, io);
  let manifest;
  try {
    manifest = await ci.guard("validate", () => openManifest(values.config, io));
  } catch (err) {
    // On a terminal, problems get the Ink view with code frames; elsewhere the one error handler
    // draws them (in Markdown too, for a job summary).
    if (!(err instanceof ManifestError) || format !== "tty") throw err;
    await (await import("../../report/validate/tty.js")).renderValidateTty({ error: err }, io.stderr, { color });
    return 1;
  }
  if (format === "json") io.stdout.write(`${JSON.stringify(renderValidJson(manifest))}\n`);
  else if (format === "markdown") io.stdout.write(`${renderValidMarkdown(manifest)}\n`);
  else if (format === "tty") await (await import("../../report/validate/tty.js")).renderValidateTty({ manifest }, io.stdout, { color });
  else io.stdout.write(`${renderValidText(manifest, { color })}\n`);
  await ci.summary(() => renderValidMarkdown(manifest));
  return 0;
}
