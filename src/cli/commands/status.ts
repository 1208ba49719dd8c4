import { CI_OPTIONS, COMMON_OPTIONS, SELECTION_OPTIONS, parse } from "../args.js";
import { HELP } from "../help.js";
import type { Io } from "../io.js";
import { resolveFormat, terminalWidth, useColor } from "../output.js";
import { chooseTarget, connectionFor, openClient, openManifest } from "../session.js";
import { progressLine } from "../progress-line.js";
import { openCiOutputs, reportManifestPath } from "../ci-outputs.js";
import { VERSION } from "../../version.js";
import { selectionFor } from "../selection.js";
import { readStatus } from "../../status/read-status.js";
import { renderStatusText } from "../../report/status/status-text.js";
import { renderStatusMarkdown } from "../../report/status/status-markdown.js";

export const STATUS_OPTIONS = { ...COMMON_OPTIONS, ...SELECTION_OPTIONS, ...CI_OPTIONS } as const;

export async function statusCommand(args: string[], io: Io): Promise<number> {
  const { values } = parse("status", args, STATUS_OPTIONS);
  if (values.help) return io.stdout.write(`${HELP.status}\n`), 0;
  const format = resolveFormat(values, io);
  const color = useColor(values, io, format);
  const ci = openCiOutputs(values, io);
  return ci.guard("status", async () => {
    const manifest = await openManifest(values.config, io);
    const target = chooseTarget(manifest, values.target, io.env);
    const selection = await selectionFor(values, io, manifest, target);
    const conn = connectionFor(manifest, io, target);
    const progress = progressLine(io, `reading the models' last loads from ${conn.baseUrl}…`, format === "tty");
    let client: Awaited<ReturnType<typeof openClient>> | undefined;
    let doc;
    try {
      client = await openClient(manifest, io, target, conn);
      doc = await readStatus(manifest, client, selection, Date.now());
    } finally {
      progress.done(); // the line goes: the table takes its place
      await client?.close();
    }
    const now = Date.parse(doc.createdAt);
    if (format === "json") io.stdout.write(`${JSON.stringify(doc, null, 2)}\n`);
    else if (format === "markdown") io.stdout.write(`${renderStatusMarkdown(doc, { now, version: VERSION, manifestPath: reportManifestPath(doc.manifest.path, io) })}\n`);
    else if (format === "text") io.stdout.write(`${renderStatusText(doc, { now, color, width: terminalWidth(io) })}\n`);
    else await (await import("../../report/tty.js")).renderStatusTty(doc, { now, color }, io.stdout);
    await ci.summary(() => renderStatusMarkdown(doc, { now, version: VERSION, manifestPath: reportManifestPath(doc.manifest.path, io) }));
    return doc.models.some((m) => m.error !== null) ? 1 : 0;
  });
}
