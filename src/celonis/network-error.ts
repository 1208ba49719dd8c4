// What a failed fetch tells about the request: was it surely never sent (safe to send again,
// even a write), or may it have reached the service?

export interface NetworkFailure {
  /** The system or undici error code, e.g. ECONNREFUSED, UND_ERR_SOCKET; null if none was given. */
  code: string | null;
  /** The request cannot have been sent: no connection was ever made. */
  neverSent: boolean;
  /** A TLS certificate problem: trying again will not help. */
  certificate: boolean;
  /** The proxy (HTTPS_PROXY) answered the tunnel request with this status instead of connecting; null otherwise. Trying again will not help. */
  proxyStatus: number | null;
  /** Human words for the failure (no message text from below, which may carry anything). */
  description: string;
}

// Failures while resolving or connecting: nothing was written to a socket.
const NEVER_SENT = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EAI_FAIL",
  "ENETUNREACH",
  "EHOSTUNREACH",
  "EHOSTDOWN",
  "ENETDOWN",
  "EADDRNOTAVAIL",
  "UND_ERR_CONNECT_TIMEOUT",
]);

const WORDS: Record<string, string> = {
  ECONNREFUSED: "connection refused",
  ENOTFOUND: "host not found",
  EAI_AGAIN: "DNS lookup failed",
  EAI_FAIL: "DNS lookup failed",
  ENETUNREACH: "network unreachable",
  EHOSTUNREACH: "host unreachable",
  UND_ERR_CONNECT_TIMEOUT: "connecting timed out",
  ECONNRESET: "connection reset",
  EPIPE: "connection closed while sending",
  UND_ERR_SOCKET: "connection closed by the other side",
  UND_ERR_CLOSED: "connection closed",
  UND_ERR_HEADERS_TIMEOUT: "no response headers in time",
  UND_ERR_BODY_TIMEOUT: "response body stalled",
  ETIMEDOUT: "connection timed out",
};

const CERTIFICATE = /^(CERT_|ERR_TLS_CERT|UNABLE_TO_|SELF_SIGNED_|DEPTH_ZERO_|ERR_SSL_)/;

export function classifyNetworkError(err: unknown): NetworkFailure {
  const proxyStatus = findProxyStatus(err);
  if (proxyStatus !== null) {
    return { code: "UND_ERR_ABORTED", neverSent: true, certificate: false, proxyStatus, description: `the proxy refused to connect to the service (it answered ${proxyStatus})` };
  }
  const code = findCode(err);
  const certificate = code !== null && CERTIFICATE.test(code);
  const words = code === null ? "network error" : certificate ? "TLS certificate problem" : (WORDS[code] ?? "network error");
  return {
    code,
    neverSent: code !== null && NEVER_SENT.has(code),
    certificate,
    proxyStatus: null,
    description: code === null ? words : `${words} (${code})`,
  };
}

// undici's words when a proxy will not open the tunnel (a fixed text of its own, not the proxy's).
const PROXY_REFUSED = /^Proxy response \((\d{3})\) !== 200 when HTTP Tunneling$/;

function findProxyStatus(err: unknown): number | null {
  let current: unknown = err;
  for (let depth = 0; depth < 6 && typeof current === "object" && current !== null; depth++) {
    const m = PROXY_REFUSED.exec(String((current as { message?: unknown }).message ?? ""));
    if (m) return Number(m[1]);
    current = (current as { cause?: unknown }).cause;
  }
  return null;
}

function findCode(err: unknown): string | null {
  let current: unknown = err;
  for (let depth = 0; depth < 6 && typeof current === "object" && current !== null; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string" && code !== "" && code !== "ABORT_ERR") return code;
    const nested = (current as { errors?: unknown }).errors;
    if (Array.isArray(nested)) {
      const inner = nested.map(findCode).find((c) => c !== null);
      if (inner) return inner;
    }
    current = (current as { cause?: unknown }).cause;
  }
  return null;
}
