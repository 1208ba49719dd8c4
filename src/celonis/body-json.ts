// A success body the client cannot use is the service's fault, not the user's and not transient:
// an ApiError (kind http) that is never retried.
import { ApiError } from "./errors.js";

export interface Where {
  method: string;
  path: string;
}

/** The body parsed as JSON, or an ApiError saying the service sent something unreadable. */
export function readJson(status: number, text: string, where: Where): unknown {
  try {
    return JSON.parse(text);
  } catch {
    const got = /^\s*</.test(text) ? "an HTML/XML page, not JSON (is the base URL right?)" : "a body that is not JSON";
    throw unusableBody(status, where, `the service sent something unreadable: ${got}`);
  }
}

export function unusableBody(status: number, where: Where, what: string): ApiError {
  return new ApiError({
    kind: "http",
    status,
    method: where.method,
    path: where.path,
    message: `${where.method} ${where.path}: ${what}`,
    retryable: false,
    mayHaveReachedServer: false,
  });
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
