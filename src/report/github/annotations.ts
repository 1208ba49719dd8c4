// What reloadctl says to GitHub as annotations: each manifest problem at its place in the file
// (so it shows on the pull request's diff), each failed or timed-out model as an error, each
// WARNING accepted by `onWarning: succeed` as a warning. Lines only; cli/ decides where they go.
import { isAbsolute, relative, resolve, sep } from "node:path";
import type { ModelOutcome } from "../../apply/events.js";
import type { Problem } from "../../shared/errors.js";
import { workflowCommand } from "./workflow-commands.js";

const TITLE = "reloadctl";

export interface Workspace {
  /** Where relative manifest paths start. */
  cwd: string;
  /** GITHUB_WORKSPACE: annotation paths are relative to it (the repository's root). */
  root: string | undefined;
}

/** The file as GitHub names it: relative to the workspace, with forward slashes. Null for stdin. */
export function workspacePath(file: string, ws: Workspace): string | null {
  if (file === "-" || file === "<stdin>") return null;
  const absolute = resolve(ws.cwd, file);
  const root = ws.root ?? ws.cwd;
  const rel = relative(root, absolute);
  const inside = rel !== "" && !rel.startsWith("..") && !isAbsolute(rel);
  return (inside ? rel : absolute).split(sep).join("/");
}

export function problemAnnotations(problems: readonly Problem[], ws: Workspace): string[] {
  return problems.map((p) => {
    const file = workspacePath(p.file, ws);
    if (file === null) return workflowCommand("error", { title: TITLE }, `${p.file}:${p.line}:${p.column}: ${p.message}`);
    return workflowCommand(
      "error",
      { file, line: p.line, col: p.column, endColumn: p.column + Math.max(1, p.length ?? 1) - 1, title: TITLE },
      p.message,
    );
  });
}

export function outcomeAnnotations(models: readonly ModelOutcome[]): string[] {
  const lines: string[] = [];
  for (const o of models) {
    const said = o.message ? `: ${o.message}` : "";
    if (o.result === "failed") lines.push(workflowCommand("error", { title: TITLE }, `${o.address} failed${o.loadStatus ? ` (${o.loadStatus})` : ""}${said}`));
    else if (o.result === "timed_out") lines.push(workflowCommand("error", { title: TITLE }, `${o.address} timed out${said}`));
    else if (o.result === "succeeded" && o.loadStatus === "WARNING") {
      lines.push(workflowCommand("warning", { title: TITLE }, `${o.address} ended in WARNING, counted as success (onWarning: succeed)${said}`));
    }
  }
  return lines;
}
