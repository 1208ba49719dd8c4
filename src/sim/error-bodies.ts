// Error answers in the three body shapes seen from the real service (celonis-api.md), spread
// over the errors so a client must read all of them.
import { STATUS_CODES } from "node:http";

export interface ErrorAnswer {
  status: number;
  body: string;
  contentType: string;
  headers?: Record<string, string>;
}

const json = (status: number, body: unknown, headers?: Record<string, string>): ErrorAnswer => ({
  status,
  body: JSON.stringify(body),
  contentType: "application/json",
  ...(headers ? { headers } : {}),
});

/** `{title, status, detail, errorCode}` */
const problem = (status: number, detail: string, errorCode: string, headers?: Record<string, string>): ErrorAnswer =>
  json(status, { title: STATUS_CODES[status] ?? "Error", status, detail, errorCode }, headers);

export const unauthorized = (): ErrorAnswer =>
  json(401, { message: "Invalid credentials", shortMessage: "Unauthorized", reference: "SIM-401" }, { "www-authenticate": 'Bearer realm="celonis"' });

export const notFound = (detail: string, errorCode = "NOT_FOUND"): ErrorAnswer => problem(404, detail, errorCode);

export const methodNotAllowed = (allow: readonly string[]): ErrorAnswer =>
  problem(405, `Method not allowed; use ${allow.join(" or ")}`, "METHOD_NOT_ALLOWED", { allow: allow.join(", ") });

export const badRequest = (detail: string, errorCode = "BAD_REQUEST"): ErrorAnswer => problem(400, detail, errorCode);

/** `{errors: [{attribute, error, errorCode}]}` */
export const invalidAttributes = (errors: { attribute: string; error: string; errorCode: string }[]): ErrorAnswer =>
  json(400, { errors });

export const loadAlreadyRunning = (status: number, modelId: string, loadId: string): ErrorAnswer =>
  problem(status, `A load of data model ${modelId} is already running (load ${loadId}). Wait for it to finish.`, "LOAD_ALREADY_RUNNING");

/** `{message, shortMessage, reference}` with the wait in both headers. */
export const tooManyRequests = (seconds: number): ErrorAnswer =>
  json(
    429,
    { message: `Rate limit exceeded. Try again in ${seconds} s.`, shortMessage: "Too Many Requests", reference: "SIM-429" },
    { "retry-after": String(seconds), "x-ratelimit-reset": String(seconds) },
  );

export function serverError(status: number): ErrorAnswer {
  if (status === 502) {
    // Gateways answer with HTML, not JSON.
    return {
      status,
      body: "<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>\n",
      contentType: "text/html",
    };
  }
  if (status === 503) {
    return json(
      503,
      { message: "The service is temporarily unavailable. Please retry.", shortMessage: "Service Unavailable", reference: "SIM-503" },
      { "retry-after": "1" },
    );
  }
  return problem(status, "An unexpected error occurred while processing the request.", "INTERNAL_ERROR");
}

/** Any status a test asks for, in the shape that status has elsewhere here. */
export function answerForStatus(status: number, modelId: string): ErrorAnswer {
  if (status === 401) return unauthorized();
  if (status === 404) return notFound(`Data model ${modelId} not found`, "DATA_MODEL_NOT_FOUND");
  if (status === 409 || status === 423) return loadAlreadyRunning(status, modelId, "unknown");
  if (status === 429) return tooManyRequests(1);
  if (status >= 500) return serverError(status);
  if (status === 403) return problem(403, "You do not have permission to edit this data pool.", "FORBIDDEN");
  return problem(status, "The request could not be processed.", "REQUEST_FAILED");
}

/**
 * A careless service that repeats the request's Authorization header: in a long message (its key
 * from the 470th character, so that a cut of the text at 500 falls inside it), in the reference
 * and the errorCode; a 3xx puts it in `Location` too, after a long path.
 */
export function echoingKey(status: number, authorization: string): ErrorAnswer {
  const said = "Received Authorization: ";
  const scheme = authorization.indexOf(" ") + 1;
  const detail = `${"Header check failed. ".repeat(23).slice(0, 470 - said.length - scheme)}${said}${authorization}`;
  const body = { title: STATUS_CODES[status] ?? "Error", status, detail, errorCode: authorization, reference: authorization };
  if (status >= 300 && status < 400) {
    return json(status, body, { location: `https://login.example.test/${"a".repeat(180)}?auth=${encodeURIComponent(authorization)}&${authorization}` });
  }
  return json(status, body);
}
