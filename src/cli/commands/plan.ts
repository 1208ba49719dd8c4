import { realpathSync } from "node:fs";
import { resolve } from "node:path";
import { CI_OPTIONS, COMMON_OPTIONS, SELECTION_OPTIONS, parse } from "../args.js";
import { DEFAULT_MANIFEST } from "../manifest-source.js";
import { UserError } from "../../shared/errors.js";
import { HELP } from "../help.js";
import type { Io } from "../io.js";
import { resolveFormat, terminalWidth, useColor, type Format } from "../output.js";
import { chooseTarget, connectionFor, openClient, openManifest, type ChosenTarget } from "../session.js";
import { progressLine } from "../progress-line.js";
import { openCiOutputs, reportManifestPath } from "../ci-outputs.js";
import { selectionFor } from "../selection.js";
import type { Selection } from "../../plan/select.js";
import { serializePlan, sha256, writePlanFile } from "../../plan/plan-file.js";
import type { PlanDocument } from "../../plan/types.js";
import type { Manifest } from "../../manifest/types.js";
import type { StartOrder } from "../../plan/schedule.js";

// Loaded when needed, not with the command: the planner and the views (string-width's tables
// above all) cost ~80 ms of a cold start, which the first line on a terminal need not wait for.
// makePlan starts loading them once its progress line is out, while the service is read.
const planner = () => import("../../plan/build-plan.js");
const markdownView = () => import("../../report/plan/plan-markdown.js");
const textView = () => import("../../report/plan/plan-text.js");

export const PLAN_OPTIONS = {
  ...COMMON_OPTIONS,
  ...SELECTION_OPTIONS,
  ...CI_OPTIONS,
  out: { type: "string", short: "o" },
  "detailed-exitcode": { type: "boolean" },
} as const;

export interface ShowPlanOptions {
  format: Format;
  color: boolean;
  savedTo: string | null;
  planSha256: string;
}

/** Draws a plan in the chosen format on stdout (JSON: the document itself). */
export async function showPlan(doc: PlanDocument, io: Io, opts: ShowPlanOptions): Promise<void> {
  const now = Date.parse(doc.createdAt);
  switch (opts.format) {
    case "json":
      io.stdout.write(serializePlan(doc));
      return;
    case "markdown": {
      const { renderPlanMarkdown } = await markdownView();
      io.stdout.write(`${renderPlanMarkdown(doc, { now, manifestPath: reportManifestPath(doc.manifest.path, io) })}\n`);
      return;
    }
    case "text": {
      const { renderPlanText } = await textView();
      io.stdout.write(`${renderPlanText(doc, { now, color: opts.color, width: terminalWidth(io), savedTo: opts.savedTo, planSha256: opts.planSha256 })}\n`);
      return;
    }
    case "tty": {
      const { renderPlanTty } = await import("../../report/tty.js");
      await renderPlanTty(doc, { now, savedTo: opts.savedTo, planSha256: opts.planSha256, color: opts.color }, io.stdout);
      return;
    }
  }
}

/**
 * Reads the service and builds the plan; the command and apply share it. On a terminal
 * (`showProgress`), a line on stderr says what it waits for until the plan is drawn.
 */
export async function makePlan(
  manifest: Manifest,
  io: Io,
  selection: Selection,
  showProgress = false,
  order: StartOrder = "longest-first",
  target: ChosenTarget = chooseTarget(manifest, undefined, io.env),
) {
  const conn = connectionFor(manifest, io, target);
  // Said before the client's modules load: the first thing on the screen comes at once.
  const progress = progressLine(io, `reading the models' last loads from ${conn.baseUrl}…`, showProgress);
  let client: Awaited<ReturnType<typeof openClient>> | undefined;
  try {
    const loading = Promise.all([planner(), openClient(manifest, io, target, conn)]);
    void textView().catch(() => {}); // the text view (a terminal's too) loads while the service answers; showPlan awaits its own
    const [{ buildPlan }, opened] = await loading;
    client = opened;
    const doc = await buildPlan({ manifest, api: client, selection, now: Date.now, signal: io.interrupt, order, target: target.name });
    return doc;
  } finally {
    progress.done(); // the line goes: the plan takes its place
    await client?.close();
  }
}

/** `--out` naming the manifest itself would overwrite it with the plan. */
function refuseOutOverManifest(out: string, config: string, cwd: string): void {
  if (config === "-") return;
  const real = (p: string): string => {
    try {
      return realpathSync(resolve(cwd, p));
    } catch {
      return resolve(cwd, p);
    }
  };
  if (real(out) === real(config)) {
    throw new UserError(`--out ${out} is the manifest itself: the plan would overwrite it`, "write the plan to another file, e.g. --out plan.json");
  }
}

export async function planCommand(args: string[], io: Io): Promise<number> {
  const { values } = parse("plan", args, PLAN_OPTIONS);
  if (values.help) return io.stdout.write(`${HELP.plan}\n`), 0;
  const format = resolveFormat(values, io);
  const color = useColor(values, io, format);
  const ci = openCiOutputs(values, io);
  return ci.guard("plan", async () => {
    if (values.out !== undefined) refuseOutOverManifest(values.out, values.config ?? DEFAULT_MANIFEST, io.cwd);
    const manifest = await openManifest(values.config, io);
    const target = chooseTarget(manifest, values.target, io.env);
    const selection = await selectionFor(values, io, manifest, target);
    const doc = await makePlan(manifest, io, selection, format === "tty", "longest-first", target);
    const text = serializePlan(doc);
    if (values.out !== undefined) await writePlanFile(values.out, text);
    await showPlan(doc, io, { format, color, savedTo: values.out ?? null, planSha256: sha256(text) });
    await ci.summary(async () => (await markdownView()).renderPlanMarkdown(doc, { now: Date.parse(doc.createdAt), manifestPath: reportManifestPath(doc.manifest.path, io) }));
    const { toReload } = await planner();
    return values["detailed-exitcode"] && toReload(doc) > 0 ? 2 : 0;
  });
}
