// The one handler that draws every error: user errors without a stack, API errors with the
// service's own words and reference, anything else as a bug with a request to report it.
import { ApiError } from "../celonis/errors.js";
import { ManifestError, ModelError, UserError } from "../shared/errors.js";
import { renderProblemsJson } from "../report/validate/problems.js";
import { renderProblemsText } from "../report/validate/problems-text.js";
import { renderProblemsMarkdown } from "../report/validate/problems-markdown.js";
import { createStyle } from "../report/style.js";
import { paintLine, span, wrapLine, type Line } from "../report/lines.js";

export interface ErrorContext {
  json: boolean;
  /** With --format markdown: stdout also gets the error as Markdown (a job summary must not be empty), headed by this command. */
  markdownFor?: string;
  color: boolean;
  /** The env var the key comes from, for hints. */
  tokenEnv?: string;
  /** The columns of the terminal stderr is; absent in a log or a pipe (nothing is wrapped). */
  width?: number | undefined;
}

export interface RenderedError {
  stdout: string;
  stderr: string;
  exitCode: number;
}

const STATUS_TEXT: Record<number, string> = { 400: "Bad Request", 401: "Unauthorized", 403: "Forbidden", 404: "Not Found", 409: "Conflict", 429: "Too Many Requests", 500: "Internal Server Error", 502: "Bad Gateway", 503: "Service Unavailable", 504: "Gateway Timeout" };

function apiLines(err: ApiError, tokenEnv: string): { message: string; hint: string | null } {
  const said = err.serviceMessage ? `: ${err.serviceMessage}` : "";
  const code = err.status === null ? "" : `${err.status} ${STATUS_TEXT[err.status] ?? ""}`.trim();
  // The client's message already carries the service's reference; the two rewritten here add it.
  let message = err.message;
  let hint = err.hint;
  const ref = err.reference ? `reference ${err.reference}` : null;
  if (err.status === 401) {
    message = `the service refused the key (${code})${said}`;
    hint = [ref, `check ${tokenEnv} and CELONIS_KEY_TYPE (USER_KEY → Bearer, APP_KEY → AppKey)`].filter(Boolean).join(" · ");
  } else if (err.status === 403) {
    message = `the key has no permission here (${code})${said}`;
    hint = [ref, hint ?? "the key needs Edit on the data pool (scope integration.data-pools)"].filter(Boolean).join(" · ");
  }
  return { message, hint };
}

export function renderError(err: unknown, ctx: ErrorContext): RenderedError {
  const r = renderErrorText(err, ctx);
  if (ctx.markdownFor === undefined || ctx.json) return r;
  return { ...r, stdout: `${r.stdout}${renderErrorMarkdown(err, ctx.markdownFor, ctx.tokenEnv)}\n` };
}

/** The error as Markdown for a job summary, headed by the command that failed. */
export function renderErrorMarkdown(err: unknown, command: string, tokenEnv?: string): string {
  if (err instanceof ManifestError) return renderProblemsMarkdown(err, command);
  const text = renderErrorText(err, { json: false, color: false, ...(tokenEnv ? { tokenEnv } : {}) }).stderr.trimEnd();
  return `### reloadctl ${command}: failed\n\n\`\`\`\n${text}\n\`\`\``;
}

function renderErrorText(err: unknown, ctx: ErrorContext): RenderedError {
  const s = createStyle(ctx.color);
  const tokenEnv = ctx.tokenEnv ?? "CELONIS_API_TOKEN";
  if (err instanceof ManifestError) {
    if (ctx.json) return { stdout: `${JSON.stringify({ error: { kind: "manifest", message: err.message }, ...renderProblemsJson(err) })}\n`, stderr: "", exitCode: 1 };
    return { stdout: "", stderr: renderProblemsText(err, { color: ctx.color, width: ctx.width }), exitCode: 1 };
  }
  let kind: string;
  let message: string;
  let hint: string | null = null;
  let details: readonly string[] = [];
  let extra: Record<string, unknown> = {};
  const cause = err instanceof ModelError ? err.cause : err;
  const prefix = err instanceof ModelError ? `${err.address}: ` : "";
  if (cause instanceof ApiError) {
    kind = "api";
    ({ message, hint } = apiLines(cause, tokenEnv));
    extra = { status: cause.status, reference: cause.reference, retryable: cause.retryable };
  } else if (cause instanceof UserError) {
    kind = "user";
    message = cause.message;
    hint = cause.hint ?? null;
    details = cause.details;
  } else {
    const bug = cause instanceof Error ? (cause.stack ?? cause.message) : String(cause);
    if (ctx.json) return { stdout: `${JSON.stringify({ error: { kind: "bug", message: String(cause instanceof Error ? cause.message : cause) } })}\n`, stderr: `${bug}\n`, exitCode: 1 };
    return { stdout: "", stderr: `${s.red("error:")} reloadctl hit a bug: ${prefix}${bug}\nPlease report it, with the command you ran.\n`, exitCode: 1 };
  }
  if (ctx.json) {
    const address = err instanceof ModelError ? { address: err.address } : {};
    return { stdout: `${JSON.stringify({ error: { kind, ...address, message, hint, details, ...extra } })}\n`, stderr: "", exitCode: 1 };
  }
  // Each line with the indent of its continuations: under the message, or under a reason's text.
  const lines: [Line, number][] = [[[span("error:", "red"), span(` ${prefix}${message}`)], MESSAGE_INDENT.length]];
  for (const d of details) lines.push([[span(`  ${d}`)], 4]);
  if (hint) lines.push([[span(MESSAGE_INDENT), span(hint, "dim")], MESSAGE_INDENT.length]);
  // On a terminal each line wraps at words; a token longer than a line (an id, a URL, a path)
  // stands whole, for the terminal to wrap. A log or a pipe gets each on one line.
  const width = ctx.width;
  const wrapped = lines.flatMap(([l, indent]) => (width === undefined ? [l] : wrapLine(l, width, indent, { keepWords: true })));
  return { stdout: "", stderr: `${wrapped.map((l) => paintLine(l, s)).join("\n")}\n`, exitCode: 1 };
}

/** `error: ` is this wide: hints and a message's continuation lines start under the message. */
const MESSAGE_INDENT = "       ";
