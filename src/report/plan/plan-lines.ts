// The plan view as lines: grouped by pool, one row per model, the total. Text and Ink draw these.
import { displayFile } from "../../manifest/display-file.js";
import { isInProgress } from "../../shared/types.js";
import type { PlanDocument, PlannedModel, PlannedTable } from "../../plan/types.js";
import { span, wrapLine, wrapRowMessage, type Line, type Span } from "../lines.js";
import { ACTION_PHRASE, ACTION_SHORT, lastLoadSpans } from "../load-words.js";
import { ACTION_ORDER } from "../../shared/summary-order.js";
import { oneLine, padEnd, shortId, textWidth, truncate } from "../style.js";
import { planEtaText } from "./plan-eta.js";

export interface PlanLinesOptions {
  now: number;
  width?: number;
  savedTo?: string | null;
  planSha256?: string | null;
  /** Fold skipped models into one line per pool when the plan has more skips than this. */
  foldSkipsOver?: number;
}

export const DEFAULT_WIDTH = 100;
const DEFAULT_FOLD_SKIPS_OVER = 10;
const MIN_NAME_COLUMN = 10;
const ACTION_COLUMN = Math.max(...Object.values(ACTION_PHRASE).map((p) => p.length));

interface PoolGroup {
  pool: string;
  poolId: string;
  /** The service's name, where the manifest names the pool. */
  poolName: string | null;
  models: PlannedModel[];
}

function groupByPool(models: PlannedModel[]): PoolGroup[] {
  const groups = new Map<string, PoolGroup>();
  for (const m of models) {
    let g = groups.get(m.pool);
    if (!g) {
      g = { pool: m.pool, poolId: m.poolId, poolName: m.poolName ?? null, models: [] };
      groups.set(m.pool, g);
    }
    g.models.push(m);
  }
  return [...groups.values()];
}

/** The name a table is shown by: its alias when it has one, else its name. */
export function tableLabel(t: PlannedTable): string {
  return oneLine(t.alias ?? t.name);
}

/** The table's name, when it differs from the label (so the reader can match it to the service). */
export function tableAltName(t: PlannedTable): string | null {
  return t.alias !== null && t.alias !== t.name ? oneLine(t.name) : null;
}

export function partialScope(m: PlannedModel): string {
  const n = m.tables.length;
  if (m.tableCount === null) return `${n} ${n === 1 ? "table" : "tables"}, the rest from cache`;
  const cached = Math.max(0, m.tableCount - n);
  return `${n} of ${m.tableCount} tables, ${cached === 0 ? "none" : cached} from cache`;
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** `Plan: 4 to reload (2 complete, 1 from cache, 1 partial), 1 skipped.`: the kinds in ACTION_ORDER. */
export function planTotal(doc: PlanDocument): string {
  const { full, cache, partial, skip } = doc.summary;
  const reload = full + cache + partial;
  if (reload === 0) return `Plan: nothing to reload, ${skip} skipped.`;
  const parts = ACTION_ORDER.filter((a) => a !== "skip" && doc.summary[a] > 0).map((a) => `${doc.summary[a]} ${ACTION_SHORT[a]}`);
  return `Plan: ${reload} to reload (${parts.join(", ")}), ${skip} skipped.`;
}

/** A path as a shell word: quoted only when it needs to be. */
function shellWord(path: string): string {
  return /^[\w@%+=:,./-]+$/u.test(path) ? path : `'${path.replace(/'/g, `'\\''`)}'`;
}

/** Where a model row's name starts (`  ~ `): a detail that goes on its own line starts there too. */
const NAME_COLUMN = 4;

/** A model's row at `width`: its detail (the last load, a skip's reason) wraps, never cut. */
function modelRow(m: PlannedModel, nameWidth: number, now: number, width: number): Line[] {
  const reload = m.action !== "skip";
  const name = padEnd(truncate(oneLine(m.model), nameWidth), nameWidth);
  const action = ACTION_PHRASE[m.action];
  // As a Terraform user reads a plan: what will change stands out (a yellow ~, the action in
  // bold); what is left alone is dim, all of it.
  const head: Span[] = [
    span("  "),
    reload ? span("~", "yellow") : span("=", "dim"),
    span(` ${name}  `, reload ? undefined : "dim"),
    span(action, reload ? "bold" : "dim"),
    span(" ".repeat(ACTION_COLUMN - action.length + 2)),
  ];
  if (!reload) return wrapRowMessage(head, span(oneLine(m.reason), "dim"), width, NAME_COLUMN);
  const scope = m.action === "partial" ? [span(partialScope(m)), span(" · ", "dim")] : [];
  // A load still running changes what apply will do (wait for it, or fail): the reason says which.
  const running = m.lastLoad !== null && isInProgress(m.lastLoad.status);
  const last = running ? [span(oneLine(m.reason), "yellow")] : lastLoadSpans(m.lastLoad, now, { took: m.action !== "partial" });
  return wrapRowMessage(head, [...scope, ...last], width, NAME_COLUMN);
}

function tableRows(m: PlannedModel, labelCap: number): Line[] {
  const labelWidth = Math.min(labelCap, Math.max(0, ...m.tables.map((t) => textWidth(tableLabel(t)))));
  return m.tables.map((t) => {
    const alt = tableAltName(t);
    const row: Line = [
      span("      "),
      span("+", "green"),
      span(` ${padEnd(truncate(tableLabel(t), labelWidth), labelWidth)}  `),
      span("→ ", "dim"),
      span(shortId(t.id, 6), "cyan"),
    ];
    if (alt !== null) row.push(span(`  (${alt})`, "dim"));
    return row;
  });
}

/** `"Order to Cash" → ` before the id a name resolved to; nothing for an id the manifest gave. */
function lookedUp(name: string | null | undefined): Span[] {
  return name ? [span(JSON.stringify(oneLine(name))), span(" → ", "dim")] : [];
}

function foldedSkips(skips: PlannedModel[]): Line {
  const byReason = new Map<string, number>();
  for (const m of skips) {
    const reason = m.skipReason ?? "other";
    byReason.set(reason, (byReason.get(reason) ?? 0) + 1);
  }
  const reasons = [...byReason.entries()];
  const why =
    reasons.length === 1 ? reasons[0]![0] : reasons.map(([reason, n]) => `${n} ${reason}`).join(", ");
  return [span("  "), span("=", "dim"), span(` ${plural(skips.length, "model", "models")} skipped `, "dim"), span(`(${why})`, "dim")];
}

export function planLines(doc: PlanDocument, opts: PlanLinesOptions): Line[] {
  const width = opts.width ?? DEFAULT_WIDTH;
  const fold = doc.models.filter((m) => m.action === "skip").length > (opts.foldSkipsOver ?? DEFAULT_FOLD_SKIPS_OVER);
  const shown = (m: PlannedModel) => !fold || m.action !== "skip";
  const nameCap = Math.max(MIN_NAME_COLUMN, Math.floor(width * 0.3));
  const nameWidth = Math.min(
    nameCap,
    Math.max(MIN_NAME_COLUMN, ...doc.models.filter(shown).map((m) => textWidth(oneLine(m.model)))),
  );

  // The header and the total are read whole: on a narrow terminal they wrap, never cut.
  const lines: Line[] = [
    ...wrapLine(
      [
        span("reloadctl plan", "bold"),
        span(" · ", "dim"),
        span(oneLine(displayFile(doc.manifest.path))),
        span(" → ", "dim"),
        ...(doc.target ? [span("target ", "dim"), span(oneLine(doc.target), "bold"), span(" ", "dim")] : []),
        span(oneLine(doc.baseUrl)),
        span(" · plan ", "dim"),
        span(doc.planId, "cyan"),
      ],
      width,
      2,
    ),
    [],
  ];
  for (const group of groupByPool(doc.models)) {
    lines.push([span(oneLine(group.pool), "bold"), span("  "), ...lookedUp(group.poolName), span(shortId(group.poolId), "cyan")]);
    for (const m of group.models.filter(shown)) {
      lines.push(...modelRow(m, nameWidth, opts.now, width));
      // A model named in the manifest: the name it was looked up by, and the id that gave.
      if (m.modelName) lines.push([span("      "), ...lookedUp(m.modelName), span(shortId(m.modelId), "cyan")]);
      if (m.action === "partial") lines.push(...tableRows(m, nameCap));
    }
    const skips = group.models.filter((m) => !shown(m));
    if (skips.length > 0) lines.push(foldedSkips(skips));
    lines.push([]);
  }
  lines.push(...wrapLine([span(planTotal(doc), "bold")], width, 6));
  const eta = planEtaText(doc, oneLine);
  if (eta !== null) lines.push(...wrapLine([span(eta, "dim")], width, 2));
  if (opts.savedTo) {
    const hash = opts.planSha256 ? ` (sha256 ${shortId(opts.planSha256)})` : "";
    // A plan made from stdin cannot find its manifest again: the command must pass it.
    const fromStdin = doc.manifest.path === "-";
    const saved = span(`Saved to ${opts.savedTo}${hash}. Run it with${fromStdin ? " the manifest you piped in" : ""}: `);
    const command = span(`reloadctl apply ${shellWord(opts.savedTo)}${fromStdin ? " -c MANIFEST" : ""}`, "bold");
    // The command to copy must be whole: on a narrow terminal it gets a line of its own.
    if (textWidth(saved.text + command.text) <= width) lines.push([saved, command]);
    else lines.push(...wrapLine([{ ...saved, text: saved.text.trimEnd() }], width, 2), [span("  "), { ...command, whole: true }]);
  }
  return lines;
}
