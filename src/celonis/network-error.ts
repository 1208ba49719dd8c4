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

/** Our code for a port fetch will not connect to (the Fetch standard's "bad ports": 1, 25, 6000, …); undici gives none. */
export const BAD_PORT = "BAD_PORT";

export function classifyNetworkError(err: unknown): NetworkFailure {
  if (causedBy(err, (m) => m === "bad port")) {
    return { code: BAD_PORT, neverSent: true, certificate: false, proxyStatus: null, description: "bad port (fetch refuses to connect to it)" };
  }
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

/** Whether the error, or one of its causes, has a message that `test` accepts. */
function causedBy(err: unknown, test: (message: string) => boolean): boolean {
  let current: unknown = err;
  for (let depth = 0; depth < 6 && typeof current === "object" && current !== null; depth++) {
    if (test(String((current as { message?: unknown }).message ?? ""))) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

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

const CHECK_URL = "CELONIS_URL (else connection.url)";

/** What to check, for a failure that reached no service: the user's next step, by cause. */
export function networkHint(failure: NetworkFailure | null, host: string): string | null {
  if (failure === null) return null;
  if (failure.certificate) return "The service's TLS certificate was not accepted; a corporate proxy may need NODE_EXTRA_CA_CERTS.";
  switch (failure.code) {
    case "ENOTFOUND":
    case "EAI_AGAIN":
    case "EAI_FAIL":
      return `No host ${host} is known here: check its spelling in ${CHECK_URL} (like acme.eu-1.celonis.cloud), and that DNS works here (or HTTPS_PROXY, in a corporate network).`;
    case BAD_PORT:
      return `fetch never connects to the port of ${host}, one of the Fetch standard's "bad ports" (such as 1, 25 or 6000): set ${CHECK_URL} to the service's own port, or none for https://.`;
    case "ECONNREFUSED":
      return `Nothing answers at ${host}: check the host and port in ${CHECK_URL}; for the simulator, that \`reloadctl sim\` still runs on that port.`;
    case "ETIMEDOUT":
    case "UND_ERR_CONNECT_TIMEOUT":
    case "ENETUNREACH":
    case "EHOSTUNREACH":
    case "EHOSTDOWN":
    case "ENETDOWN":
      return `${host} cannot be reached from here: a firewall, a VPN, or a proxy this network needs (HTTPS_PROXY, NO_PROXY)?`;
    case "ECONNRESET":
    case "EPIPE":
    case "UND_ERR_SOCKET":
    case "UND_ERR_CLOSED":
      return "The connection was cut: a proxy or a firewall may close it; trying again may work.";
    default:
      return null;
  }
}
