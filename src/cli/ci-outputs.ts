// What a command leaves for CI besides its output: Markdown appended to GitHub's job summary
// ($GITHUB_STEP_SUMMARY, unless --no-step-summary) and to --summary-file on any CI, and, under
// GitHub Actions only, annotations as workflow commands on stderr. Also when the command fails.
import { appendFile } from "node:fs/promises";
import { basename, isAbsolute, relative, resolve } from "node:path";
import type { Io } from "./io.js";
import { ManifestError } from "../shared/errors.js";
import { fileErrorReason } from "../shared/file-errors.js";
import { problemAnnotations, type Workspace } from "../report/github/annotations.js";

export interface CiFlags {
  "no-step-summary"?: boolean | undefined;
  "summary-file"?: string | undefined;
}

export interface CiOutputs {
  /** Under GitHub Actions: annotation lines are wanted. */
  readonly github: boolean;
  readonly workspace: Workspace;
  /** Appends the command's Markdown to every summary file asked for; renders it only when one is. */
  summary(render: () => string | Promise<string>): Promise<void>;
  annotate(lines: readonly string[]): void;
  /** Runs the command; when it throws, its problems are annotated and its error summarised first. */
  guard<T>(command: string, run: () => Promise<T>): Promise<T>;
}

export function isGithubActions(env: NodeJS.ProcessEnv): boolean {
  return env.GITHUB_ACTIONS === "true";
}

export function openCiOutputs(flags: CiFlags, io: Io): CiOutputs {
  const github = isGithubActions(io.env);
  const files = new Set<string>();
  const stepSummary = io.env.GITHUB_STEP_SUMMARY;
  if (github && stepSummary && !flags["no-step-summary"]) files.add(resolve(io.cwd, stepSummary));
  if (flags["summary-file"] !== undefined) files.add(resolve(io.cwd, flags["summary-file"]));
  const workspace: Workspace = { cwd: io.cwd, root: io.env.GITHUB_WORKSPACE || undefined };

  const summary = async (render: () => string | Promise<string>) => {
    if (files.size === 0) return;
    const markdown = await render();
    for (const file of files) {
      try {
        await appendFile(file, `${markdown.trimEnd()}\n\n`);
      } catch (err) {
        // The command's own outcome stands; the missing summary is said, not turned into a failure.
        io.stderr.write(`reloadctl: cannot write the summary to ${file}: ${fileErrorReason(err, "write")}\n`);
      }
    }
  };
  const annotate = (lines: readonly string[]) => {
    if (!github) return;
    for (const line of lines) io.stderr.write(`${line}\n`);
  };
  return {
    github,
    workspace,
    summary,
    annotate,
    async guard<T>(command: string, run: () => Promise<T>): Promise<T> {
      try {
        return await run();
      } catch (err) {
        if (err instanceof ManifestError) annotate(problemAnnotations(err.problems, workspace));
        if (files.size > 0) {
          // Loaded only on failure: validate's start-up stays small.
          const { renderErrorMarkdown } = await import("./render-error.js");
          await summary(() => (io.interrupt.aborted ? `### reloadctl ${command}: interrupted` : renderErrorMarkdown(err, command, io.hints.tokenEnv)));
        }
        throw err;
      }
    },
  };
}

/**
 * The manifest as a report's footer names it: relative to the repository (GITHUB_WORKSPACE, else
 * the working directory), never a runner's absolute path; its file name when it lies outside.
 */
export function reportManifestPath(path: string, io: Pick<Io, "cwd" | "env">): string {
  if (path === "-") return "<stdin>";
  const absolute = resolve(io.cwd, path);
  const rel = relative(io.env.GITHUB_WORKSPACE || io.cwd, absolute);
  return rel !== "" && !rel.startsWith("..") && !isAbsolute(rel) ? rel.split("\\").join("/") : basename(absolute);
}
