// The API error of the family in shared/errors.ts: what the service (or the network) said, whether
// trying again is safe, and whether a write may have taken effect. Texts here are already redacted.

export type ApiErrorKind = "http" | "network" | "timeout";

export interface ApiErrorInit {
  kind: ApiErrorKind;
  status: number | null;
  method: string;
  path: string;
  message: string;
  serviceMessage?: string | null;
  reference?: string | null;
  errorCode?: string | null;
  retryable: boolean;
  mayHaveReachedServer: boolean;
  retryAfterMs?: number | null;
  hint?: string | null;
}

export class ApiError extends Error {
  override readonly name = "ApiError";
  readonly kind: ApiErrorKind;
  /** HTTP status, or null when no response came. */
  readonly status: number | null;
  readonly method: string;
  /** The API path (and its fixed query): never the base URL's credentials, never the key. */
  readonly path: string;
  /** The most specific human text the service sent, or null. */
  readonly serviceMessage: string | null;
  /** The service's support reference, worth showing to the user. */
  readonly reference: string | null;
  readonly errorCode: string | null;
  /** Trying the same request again later is safe and may succeed. */
  readonly retryable: boolean;
  /** A write may have been received and acted on: read last-load before sending it again. */
  readonly mayHaveReachedServer: boolean;
  readonly retryAfterMs: number | null;
  /** What the user can do about it, or null. */
  readonly hint: string | null;

  constructor(init: ApiErrorInit) {
    super(init.message);
    this.kind = init.kind;
    this.status = init.status;
    this.method = init.method;
    this.path = init.path;
    this.serviceMessage = init.serviceMessage ?? null;
    this.reference = init.reference ?? null;
    this.errorCode = init.errorCode ?? null;
    this.retryable = init.retryable;
    this.mayHaveReachedServer = init.mayHaveReachedServer;
    this.retryAfterMs = init.retryAfterMs ?? null;
    this.hint = init.hint ?? null;
  }

  /** The same error, addressed to another request (parsers do not know which request they parse). */
  at(method: string, path: string): ApiError {
    return new ApiError({ ...this.init(), method, path });
  }

  private init(): ApiErrorInit {
    const { kind, status, method, path, message, serviceMessage, reference, errorCode } = this;
    const { retryable, mayHaveReachedServer, retryAfterMs, hint } = this;
    return { kind, status, method, path, message, serviceMessage, reference, errorCode, retryable, mayHaveReachedServer, retryAfterMs, hint };
  }
}

const RUNNING_TEXT = /\b(running|in progress|ongoing|being (re)?loaded|currently loading)\b/i;
const ABOUT_A_LOAD = /load/i;

/** The service does not know the pool, model or path (404). */
export function isNotFound(err: unknown): boolean {
  return err instanceof ApiError && err.status === 404;
}

/** The service refused a trigger because a load of the model is running (409; or 400/423 saying so). */
export function isAlreadyRunning(err: unknown): boolean {
  if (!(err instanceof ApiError) || err.kind !== "http") return false;
  if (err.status === 409) return true;
  if (err.status !== 400 && err.status !== 423) return false;
  const message = err.serviceMessage ?? "";
  const code = (err.errorCode ?? "").replace(/_/g, " ");
  return (ABOUT_A_LOAD.test(message) && RUNNING_TEXT.test(message)) || RUNNING_TEXT.test(code);
}
