// An error as log fields: located manifest problems one per line, else the message and hint.
import { ManifestError, UserError } from "../shared/errors.js";

export function problemLines(err: unknown): string[] {
  if (err instanceof ManifestError) return err.problems.map((p) => `${p.file}:${p.line}:${p.column}: ${p.message}`);
  if (err instanceof UserError) return [err.hint ? `${err.message} (${err.hint})` : err.message, ...err.details];
  return [err instanceof Error ? err.message : String(err)];
}

export function errorText(err: unknown): string {
  return problemLines(err).join("; ");
}
