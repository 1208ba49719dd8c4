import { existsSync } from "node:fs";
import { dirname, isAbsolute, resolve } from "node:path";
import { CI_OPTIONS, COMMON_OPTIONS, SELECTION_OPTIONS, parse, positiveInt } from "../args.js";
import { HELP } from "../help.js";
import { isCi, isInteractive, type Io } from "../io.js";
import { colorForced, resolveFormat, useColor, type Format } from "../output.js";
import { chooseTarget, connectionFor, openClient, openManifest, type ChosenTarget } from "../session.js";
import { progressLine } from "../progress-line.js";
import { openCiOutputs, reportManifestPath, type CiOutputs } from "../ci-outputs.js";
import { selectionFor } from "../selection.js";
import { writeFileForUser } from "../../shared/replace-file.js";
import { createEventBus } from "../event-bus.js";
import { confirm } from "../prompt.js";
import { checkPlannedManifest } from "../planned-manifest.js";
import { makePlan, showPlan } from "./plan.js";
import { executePlan, exitCodeFor } from "../../apply/executor.js";
import { systemClock } from "../../apply/clock.js";
import type { ApplyEvent } from "../../apply/events.js";
import { readPlanFile, serializePlan, sha256 } from "../../plan/plan-file.js";
import { findStaleness } from "../../plan/stale.js";
import { applySelection, compileSelector, type Selection } from "../../plan/select.js";
import { toReload } from "../../plan/build-plan.js";
import type { PlanDocument } from "../../plan/types.js";
import type { Manifest } from "../../manifest/types.js";
import { UserError } from "../../shared/errors.js";
import { createApplyTextReporter } from "../../report/apply/apply-text.js";
import { createApplyJsonReporter } from "../../report/apply/apply-json.js";
import { renderApplyMarkdown } from "../../report/apply/apply-markdown.js";
import { preloadInkUi } from "../../report/tty.js";
import type { PollPolicy } from "../../apply/poll-policy.js";
import type { SummaryEvent } from "../../report/apply/apply-model.js";
import { outcomeAnnotations } from "../../report/github/annotations.js";
import { renderApplyJunit } from "../../report/junit/apply-junit.js";
import { applyResults, serializeResults } from "../../report/results/apply-results.js";
import { VERSION } from "../../version.js";
import { START_ORDERS, type StartOrder } from "../../plan/schedule.js";

export const APPLY_OPTIONS = {
  ...COMMON_OPTIONS,
  ...SELECTION_OPTIONS,
  ...CI_OPTIONS,
  "auto-approve": { type: "boolean" },
  parallelism: { type: "string" },
  "fail-fast": { type: "boolean" },
  junit: { type: "string" },
  results: { type: "string" },
  order: { type: "string" },
} as const;

export interface RunOptions {
  format: Format;
  color: boolean;
  parallelism?: number | undefined;
  failFast: boolean;
  order?: StartOrder | undefined;
  policy?: Partial<PollPolicy>;
  /** Called with the summary once the run ended, also when it failed or was interrupted. */
  after?: (summary: SummaryEvent) => Promise<void>;
  /** The tenant to run against; default the manifest's own choice. */
  target?: ChosenTarget;
}

function markdownFooter(doc: PlanDocument, io: Io) {
  return { version: doc.tool.version, planId: doc.planId, manifestPath: reportManifestPath(doc.manifest.path, io), baseUrl: doc.baseUrl, target: doc.target };
}

/** A report a run leaves behind (JUnit, results): written whole or not at all, so a CI step never reads half of one. */
function writeReport(cwd: string, path: string, text: string, what: string): Promise<void> {
  return writeFileForUser(resolve(cwd, path), text, { what, shown: path, hint: "give a file path in a directory that exists" });
}

/** What a run leaves for CI: annotations, the job summary, JUnit and the results record. */
function ciReports(doc: PlanDocument, io: Io, ci: CiOutputs, files: { junit?: string | undefined; results?: string | undefined }) {
  return async (summary: SummaryEvent) => {
    ci.annotate(outcomeAnnotations(summary.models));
    const writes: Promise<void>[] = [ci.summary(() => renderApplyMarkdown(summary, { footer: markdownFooter(doc, io) }))];
    if (files.junit !== undefined) writes.push(writeReport(io.cwd, files.junit, renderApplyJunit(doc, summary), "JUnit report"));
    if (files.results !== undefined) writes.push(writeReport(io.cwd, files.results, serializeResults(applyResults(doc, summary, VERSION)), "results record"));
    const failed = (await Promise.allSettled(writes)).find((r): r is PromiseRejectedResult => r.status === "rejected");
    if (failed) throw failed.reason;
  };
}

/** Runs a plan document, drawing its events; returns the exit code. */
export async function runPlan(doc: PlanDocument, manifest: Manifest, io: Io, opts: RunOptions): Promise<number> {
  const bus = createEventBus();
  let drawing: Promise<void> = Promise.resolve();
  const viewStop = new AbortController(); // ends the live view if no summary will come
  if (opts.format === "json") {
    bus.subscribe(createApplyJsonReporter((line) => io.stdout.write(`${line}\n`)));
  } else if (opts.format === "tty") {
    const { runApplyTty } = await import("../../report/tty.js");
    drawing = runApplyTty(bus, { color: opts.color, signal: viewStop.signal }, io.stdout);
  } else {
    // Progress goes to stderr; the closing summary is the result, on stdout.
    let out: Io["stdout"] = io.stderr;
    const report = createApplyTextReporter((line) => out.write(`${line}\n`), { color: opts.color && (Boolean(io.stderr.isTTY) || colorForced(io.env)) });
    bus.subscribe((e: ApplyEvent) => {
      if (e.type === "summary") {
        out = io.stdout;
        if (opts.format === "markdown") return void io.stdout.write(`${renderApplyMarkdown(e, { footer: markdownFooter(doc, io) })}\n`);
      }
      report(e);
    });
  }
  const client = await openClient(manifest, io, opts.target);
  try {
    const summary = await executePlan({
      doc,
      api: client,
      clock: systemClock,
      emit: bus.emit,
      // Bounds come from the manifest, never from a plan file (a stale check compared the two).
      parallelism: opts.parallelism ?? manifest.parallelism,
      poolParallelism: Object.fromEntries(manifest.pools.filter((p) => doc.models.some((m) => m.pool === p.key)).map((p) => [p.key, p.poolParallelism])),
      failFast: opts.failFast,
      order: opts.order,
      stop: io.interrupt,
      ...(opts.policy ? { policy: opts.policy } : {}),
    });
    await drawing;
    await opts.after?.(summary);
    return exitCodeFor(summary);
  } catch (err) {
    viewStop.abort();
    await drawing.catch(() => {});
    throw err;
  } finally {
    await client.close();
  }
}

function startOrderOf(text: string | undefined): StartOrder {
  if (text === undefined) return "longest-first";
  if ((START_ORDERS as readonly string[]).includes(text)) return text as StartOrder;
  throw new UserError(`--order must be one of ${START_ORDERS.join(", ")}; got "${text}"`, "longest-first starts the longest expected loads first; manifest keeps the manifest's order");
}

/** `apply PLAN --select …`: a subset of the plan's models; a selector outside the plan is said to widen it. */
function narrowSavedPlan(doc: PlanDocument, path: string, selection: Selection) {
  return applySelection(doc.models, selection, (selector) => {
    const planned = doc.models.map((m) => m.address);
    const shown = planned.slice(0, 20).join(", ") + (planned.length > 20 ? `, … (${planned.length} in all)` : "");
    return new UserError(
      `selector "${selector}" matches no model of the saved plan ${path}: a saved plan can only be narrowed, never widened`,
      `the plan holds: ${shown}. For other models, make a new plan: reloadctl plan --select … --out PLAN`,
    );
  });
}

/** Where apply looks for the manifest a plan names (as given at plan time): from here, then beside the plan. */
function manifestCandidates(manifestPath: string, planPath: string, cwd: string): string[] {
  if (isAbsolute(manifestPath)) return [manifestPath];
  const here = resolve(cwd, manifestPath);
  const besidePlan = resolve(cwd, dirname(planPath), manifestPath);
  return besidePlan === here ? [here] : [here, besidePlan];
}

/** The manifest file the plan names, or an error that says where it looked. */
function plannedManifest(doc: PlanDocument, planPath: string, cwd: string): string {
  const tried = manifestCandidates(doc.manifest.path, planPath, cwd);
  const found = tried.find((p) => existsSync(p));
  if (found !== undefined) return found;
  throw new UserError(
    `this plan was made from ${doc.manifest.path}, which is not found: tried ${tried.join(", then ")}`,
    "pass that manifest: reloadctl apply PLAN -c FILE",
  );
}

type ApplyValues = ReturnType<typeof parse<typeof APPLY_OPTIONS>>["values"];

/** A saved plan, checked against its manifest and the service; on a terminal (`showProgress`) a line says what it reads meanwhile. */
export async function loadSavedPlan(path: string, values: ApplyValues, io: Io, showProgress = false) {
  const { doc } = await readPlanFile(path);
  if (values.config === undefined && doc.manifest.path === "-") {
    throw new UserError(`${path} was planned from a manifest read on stdin`, "pass that manifest again: reloadctl apply PLAN -c FILE (or -c - < FILE)");
  }
  // Which file this run reads, against the one the plan was made from: a stale check can then
  // say "another file" rather than "changed".
  let manifestRead: { path: string; planned: string } | undefined;
  if (values.config === undefined) {
    const found = checkPlannedManifest(plannedManifest(doc, path, io.cwd), io.cwd);
    manifestRead = { path: found, planned: found };
  } else if (values.config !== "-") {
    const planned = manifestCandidates(doc.manifest.path, path, io.cwd);
    manifestRead = { path: resolve(io.cwd, values.config), planned: planned.find((p) => existsSync(p)) ?? planned[0]! };
  }
  const found = manifestRead?.path;
  const manifest = await openManifest(values.config ?? (found === resolve(io.cwd, doc.manifest.path) ? doc.manifest.path : found), io);
  const target = savedPlanTarget(doc, path, manifest, values.target, io.env);
  const selection: Selection = await selectionFor(values, io, manifest, target);
  const narrows = selection.select.length + selection.exclude.length > 0 || selection.shard !== undefined;
  const models = narrows ? narrowSavedPlan(doc, path, selection) : doc.models;
  const narrowed: PlanDocument = { ...doc, models };
  const conn = connectionFor(manifest, io, target);
  const progress = progressLine(io, `checking the plan: reading the models' last loads from ${conn.baseUrl}…`, showProgress);
  let client: Awaited<ReturnType<typeof openClient>> | undefined;
  let reasons: string[];
  try {
    client = await openClient(manifest, io, target, conn);
    reasons = await findStaleness({ doc, models, api: client, baseUrl: client.baseUrl, manifest, now: Date.now(), signal: io.interrupt, ...(manifestRead ? { manifestRead } : {}) });
  } finally {
    progress.done();
    await client?.close();
  }
  if (reasons.length > 0) {
    throw new UserError(`the saved plan ${path} is stale; nothing was applied`, "make a new plan: reloadctl plan --out PLAN", reasons);
  }
  return { doc: narrowed, manifest, target };
}

/**
 * A saved plan runs against the target it was made for. A target asked for now (--target,
 * RELOADCTL_TARGET) must be that one: a plan of another tenant is refused before any request.
 */
function savedPlanTarget(doc: PlanDocument, path: string, manifest: Manifest, flag: string | undefined, env: NodeJS.ProcessEnv): ChosenTarget {
  const asked = flag ?? (env.RELOADCTL_TARGET?.trim() || undefined);
  const planned = doc.target;
  if (asked !== undefined && asked !== planned) {
    const source = flag !== undefined ? "--target" : "RELOADCTL_TARGET";
    const made = planned === null ? "without a target" : `for target ${planned}`;
    throw new UserError(
      `the saved plan ${path} was made ${made}, not for ${asked} (${source}); nothing was applied`,
      planned === null ? `make a plan for ${asked}: reloadctl plan --target ${asked} --out PLAN` : `apply it as it is (without --target), or make a plan for ${asked}: reloadctl plan --target ${asked} --out PLAN`,
    );
  }
  // Without targets in the manifest now, the plan's target is gone: the stale check says so.
  return planned !== null && manifest.targets.some((t) => t.name === planned) ? chooseTarget(manifest, planned, {}) : chooseTarget(manifest, undefined, { ...env, RELOADCTL_TARGET: "" });
}

export async function applyCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse("apply", args, APPLY_OPTIONS, 1);
  if (values.help) return io.stdout.write(`${HELP.apply}\n`), 0;
  const format = resolveFormat(values, io);
  const color = useColor(values, io, format);
  const parallelism = positiveInt("--parallelism", values.parallelism);
  const ci = openCiOutputs(values, io);
  const files = { junit: values.junit, results: values.results };
  const order = startOrderOf(values.order);
  const run = (doc: PlanDocument): RunOptions => ({ format, color, parallelism, failFast: values["fail-fast"] ?? false, order, after: ciReports(doc, io, ci, files) });
  const planPath = positionals[0];

  // The live view is drawn next: load it while the service is read.
  if (format === "tty") preloadInkUi();
  return ci.guard("apply", async () => {
    if (planPath !== undefined) {
      const { doc, manifest, target } = await loadSavedPlan(planPath, values, io, format === "tty");
      return runPlan(doc, manifest, io, { ...run(doc), target });
    }

    // Refuse before any read or write when nobody can be asked.
    const canAsk = isInteractive(io) && values.config !== "-";
    if (!values["auto-approve"] && !canAsk) {
      throw new UserError(
        `apply without a saved plan needs --auto-approve here: ${whyNoPrompt(io, values.config)}`,
        "review with `reloadctl plan`, then run `reloadctl apply --auto-approve`, or save a plan with --out and run `reloadctl apply PLAN`",
      );
    }
    const manifest = await openManifest(values.config, io);
    const target = chooseTarget(manifest, values.target, io.env);
    const selection = await selectionFor(values, io, manifest, target);
    const doc = await makePlan(manifest, io, selection, format === "tty", order, target);
    const planSha256 = sha256(serializePlan(doc));
    if (format === "json") io.stdout.write(`${JSON.stringify({ type: "plan", plan: doc })}\n`);
    else await showPlan(doc, io, { format, color, savedTo: null, planSha256 });

    if (toReload(doc) > 0 && !values["auto-approve"]) {
      const answer = await confirm(io, "\nApply these reloads? Only 'yes' will be accepted: ");
      if (answer !== "yes") {
        io.stderr.write("\nApply cancelled: nothing was reloaded.\n");
        return answer === "interrupted" ? 130 : 1;
      }
    }
    if (format === "tty") io.stdout.write("\n"); // the plan (and the answer), then the run
    return runPlan(doc, manifest, io, { ...run(doc), target });
  });
}

/** Why apply will not ask, in the terms of what the user can change. */
function whyNoPrompt(io: Io, config: string | undefined): string {
  const terminal = Boolean(io.stdout.isTTY && io.stdin.isTTY);
  if (terminal && isCi(io.env)) return `CI is set (CI=${JSON.stringify(io.env.CI)}), and in CI apply never prompts`;
  if (terminal && config === "-") return "the manifest comes from stdin, so stdin cannot answer a prompt";
  return "there is no terminal to ask for confirmation";
}
